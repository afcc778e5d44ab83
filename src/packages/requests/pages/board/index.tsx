/**
 * 诉求看板 (secretary): the community's open requests by deadline, overdue first — by colour (红 / 黄 / 绿 with
 * their counts), by grid, by category — or those waiting for the resident and those closed; a tap opens one to
 * 改派, 吹哨 or 转出. The counts come from request.stats (indexed counts, flat however many requests there are).
 */
import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { Guard } from '../../../../components/Guard'
import { PagedList } from '../../../../components/PagedList'
import { usePaged, useQuery } from '../../../../hooks/useQuery'
import { call } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { BoardFilters, BoardStats, type Filters } from '../../components/BoardHead'
import { RequestCard } from '../../components/RequestCard'
import { openRequest, useRequestsSecretary } from '../../shared'
import '../../requests.scss'

export default function Board() {
  const admin = useRequestsSecretary()
  const communityId = admin.communityId!
  const [f, setF] = useState<Filters>({ lane: 'open', gridId: null, category: null })
  const stats = useQuery(admin.key, () => call('request.stats', { communityId }))
  const tree = useQuery(admin.key, () => call('org.tree', { communityId }))
  const listKey = admin.key ? `${admin.key}|${f.lane}|${f.gridId ?? ''}|${f.category ?? ''}` : null
  const list = usePaged(listKey, (cursor) =>
    call('request.board', {
      communityId,
      ...(f.lane === 'resolved' || f.lane === 'closed' ? { status: f.lane } : f.lane !== 'open' ? { colour: f.lane } : {}),
      ...(f.gridId ? { gridId: f.gridId } : {}),
      ...(f.category ? { category: f.category } : {}),
      cursor,
      limit: 20,
    }),
  )
  useDidShow(() => {
    if (listKey && list.loaded) {
      list.reload()
      stats.reload()
    }
  })

  return (
    <Guard {...admin.guard} className='requests'>
      {stats.data && <BoardStats s={stats.data} />}
      <BoardFilters f={f} onChange={setF} stats={stats.data} grids={tree.data?.grids ?? []} />
      <PagedList
        list={list}
        id='board-list'
        className='rq-list'
        empty={f.lane === 'closed' ? '还没有办结的诉求' : f.lane === 'resolved' ? '没有等居民确认的诉求' : '这里没有在办的诉求'}
        itemKey={(r) => r.id}
        renderItem={(r) => <RequestCard r={r} onClick={() => openRequest(r)} />}
      />
      <View className='rq-minor'>
        <Text className='link' onClick={() => go('requests.settings', { communityId })}>
          时限设置 ›
        </Text>
        <Text className='link' onClick={() => go('requests.grids', { communityId })}>
          网格与网格员 ›
        </Text>
        <Text className='link' onClick={() => go('requests.units', { communityId })}>
          责任单位 ›
        </Text>
      </View>
    </Guard>
  )
}

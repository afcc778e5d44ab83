/**
 * 待办诉求: what I must act on, most pressing first (red, then by time left: the server's deadline order) — a
 * grid worker's own, a unit's (its staff: the escalations to report for, 接单 within the limit, with the
 * clock), the secretary's (suggestions, and what nobody else could take). One queue at a time when I have
 * several; each waiting card has its big 受理 / 接单报到 button.
 */
import { useState } from 'react'
import { View } from '@tarojs/components'
import { useDidShow, useRouter } from '@tarojs/taro'
import type { Me } from '@contract/org'
import { Guard } from '../../../../components/Guard'
import { Chip } from '../../../../components/Field'
import { PagedList } from '../../../../components/PagedList'
import { useSession } from '../../../../hooks/useSession'
import { usePaged } from '../../../../hooks/useQuery'
import { call } from '../../../../services/api'
import { QueueRow } from '../../components/QueueRow'
import '../../requests.scss'

interface Source {
  key: string
  text: string
  communityId: string
  unitId?: string
}

/** My queues: each grid I work, each unit I am staff of (opened in a community it serves), each community I am secretary of. */
function sourcesOf(me: Me | null): Source[] {
  if (!me) return []
  const grids = me.access
    .filter((a) => a.roles.includes('grid_worker'))
    .map((a) => ({ key: `g|${a.communityId}`, text: `${a.communityName}网格`, communityId: a.communityId }))
  const units = me.roles.flatMap((r) => {
    const served = r.role === 'unit_staff' && r.unit ? me.access.find((a) => a.communityId === r.communityId || a.streetId === r.communityId) : undefined
    return served && r.unit ? [{ key: `u|${r.unit.id}`, text: r.unit.name, communityId: served.communityId, unitId: r.unit.id }] : []
  })
  const secretary = me.access
    .filter((a) => a.roles.includes('secretary'))
    .map((a) => ({ key: `s|${a.communityId}`, text: `${a.communityName}书记待办`, communityId: a.communityId }))
  return [...grids, ...units, ...secretary]
}

export default function Queue() {
  const { me } = useSession()
  const { params } = useRouter()
  const sources = sourcesOf(me)
  const wanted = sources.find((s) =>
    params.unitId ? s.unitId === params.unitId : params.communityId ? s.communityId === params.communityId && !s.unitId : false,
  )
  const [picked, setPicked] = useState<string | null>(null)
  const source = sources.find((s) => s.key === picked) ?? wanted ?? sources[0] ?? null
  const key = me && source ? `${me.userId}|${source.key}` : null
  const list = usePaged(key, (cursor) =>
    call('request.queue', { communityId: source!.communityId, ...(source!.unitId ? { unitId: source!.unitId } : {}), cursor, limit: 20 }),
  )
  useDidShow(() => {
    if (key && list.loaded) list.reload()
  })

  return (
    <Guard className='requests' allowed={sources.length > 0} forbidden='只有网格员、责任单位的工作人员和社区书记有待办诉求'>
      {sources.length > 1 && (
        <View className='seg rq-segs' id='queue-sources'>
          {sources.map((s) => (
            <Chip key={s.key} value={s.key} on={s.key === source?.key} onClick={() => setPicked(s.key)}>
              {s.text}
            </Chip>
          ))}
        </View>
      )}
      <PagedList
        list={list}
        id='queue-list'
        className='rq-list'
        empty='没有待办的诉求，辛苦了'
        itemKey={(r) => r.id}
        renderItem={(r) => (
          <QueueRow r={r} reload={list.reload} onTaken={(next) => list.setItems((items) => items.map((x) => (x.id === next.id ? next : x)))} />
        )}
      />
    </Guard>
  )
}

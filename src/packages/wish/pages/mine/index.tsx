/** 我的心愿: two tabs — 我许的愿 (incl. those a building head posted for me or I posted for others) and 我认领的. */
import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import { usePullDownRefresh, useReachBottom, stopPullDownRefresh, useDidShow } from '@tarojs/taro'
import { PageShell } from '../../../../components/PageShell'
import { Loading } from '../../../../components/Loading'
import { Empty } from '../../../../components/EmptyState'
import { ErrorState } from '../../../../components/ErrorState'
import { useSession } from '../../../../hooks/useSession'
import { usePaged } from '../../../../hooks/useQuery'
import { call } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { wishCommunityId } from '../../../../features/wish/shared'
import { WishCard } from '../../../../features/wish/WishCard'
import { guard } from '../../components/Guard'
import '../../wish.scss'

type As = 'wisher' | 'claimer'

export default function MyWishes() {
  const session = useSession()
  const { me } = session
  const communityId = wishCommunityId(me)
  const [as, setAs] = useState<As>('wisher')
  const key = me && communityId ? `${me.userId}|${communityId}|${as}` : null
  const list = usePaged(key, (cursor) => call('wish.mine', { communityId: communityId!, as, cursor, limit: 20 }))
  usePullDownRefresh(() => {
    list.reload()
    stopPullDownRefresh()
  })
  useReachBottom(() => list.loadMore())
  useDidShow(() => {
    if (key && list.loaded) list.reload()
  })

  const blocked = guard(session, communityId)
  if (blocked) return blocked

  return (
    <PageShell>
      <View className='w-tabs'>
        <View className={`w-tab${as === 'wisher' ? ' w-tab--on' : ''}`} id='tab-wisher' onClick={() => setAs('wisher')}>
          我许的愿
        </View>
        <View className={`w-tab${as === 'claimer' ? ' w-tab--on' : ''}`} id='tab-claimer' onClick={() => setAs('claimer')}>
          我认领的
        </View>
      </View>
      <View id='my-wishes'>
        {list.error && list.items.length === 0 ? (
          <ErrorState error={list.error} onRetry={list.reload} />
        ) : !list.loaded ? (
          <Loading />
        ) : list.items.length === 0 ? (
          as === 'wisher' ? (
            <Empty text='还没有许过愿。有什么小需要，说出来，邻居来帮您' action={{ text: '发布心愿', onClick: () => go('wish.post', {}) }} />
          ) : (
            <Empty text='还没有认领过心愿' action={{ text: '去心愿墙看看', onClick: () => go('wishes') }} />
          )
        ) : (
          list.items.map((w) => <WishCard key={w.id} wish={w} onClick={() => go('wish.detail', { id: w.id, c: communityId! })} />)
        )}
        {list.items.length > 0 &&
          (list.error ? (
            <ErrorState error={list.error} onRetry={list.loadMore} />
          ) : list.loading ? (
            <Loading text='正在加载更多…' />
          ) : list.done ? (
            <Text className='note' style={{ display: 'block', textAlign: 'center' }}>
              已经到底了
            </Text>
          ) : (
            <Button className='btn btn--block' onClick={list.loadMore}>
              加载更多
            </Button>
          ))}
      </View>
    </PageShell>
  )
}

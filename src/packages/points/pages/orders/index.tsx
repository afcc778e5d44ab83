/** 我的兑换: my orders, newest first, each with its status chip (待取货/已取货/已取消/已过期). */
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
import { STATUS_LABELS, monthDay, shortDateTime, usePointsCommunity } from '../../shared'
import { guard } from '../../components/Guard'
import '../../points.scss'

export default function Orders() {
  const session = useSession()
  const { me } = session
  const communityId = usePointsCommunity(me)
  const key = me && communityId ? `${me.userId}|${communityId}` : null
  const list = usePaged(key, (cursor) => call('mall.myOrders', { communityId: communityId!, cursor, limit: 20 }))
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
      <View className='card' id='orders-list'>
        {list.error && list.items.length === 0 ? (
          <ErrorState error={list.error} onRetry={list.reload} />
        ) : !list.loaded ? (
          <Loading />
        ) : list.items.length === 0 ? (
          <Empty text='还没有兑换过东西' action={{ text: '去积分超市看看', onClick: () => go('points.index') }} />
        ) : (
          list.items.map((o) => (
            <View key={o.id} className='order-row' hoverClass='row--hover' onClick={() => go('points.order', { communityId: communityId!, orderId: o.id })}>
              <View className='order-row__top'>
                <Text className='order-row__name'>
                  {o.itemName} ×{o.quantity}
                </Text>
                <Text className={`chip chip--${o.status}`}>{STATUS_LABELS[o.status]}</Text>
              </View>
              <Text className='muted'>
                {o.points} 积分 · {shortDateTime(o.createdAt)}
                {o.status === 'reserved' ? ` · 请在 ${monthDay(o.deadline)} 前取货` : ''}
              </Text>
            </View>
          ))
        )}
        {list.items.length > 0 &&
          (list.error ? (
            <ErrorState error={list.error} onRetry={list.loadMore} />
          ) : list.loading ? (
            <Loading text='正在加载更多…' />
          ) : list.done ? (
            <Text className='note'>已经到底了</Text>
          ) : (
            <Button className='btn btn--block' onClick={list.loadMore}>
              加载更多
            </Button>
          ))}
      </View>
    </PageShell>
  )
}

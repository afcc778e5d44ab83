/** 兑换订单 (secretary): every order, filtered by status, with the masked name of who redeemed it. */
import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import { useDidShow, useReachBottom } from '@tarojs/taro'
import type { OrderStatus } from '@contract/points'
import { PageShell } from '../../../../components/PageShell'
import { Loading } from '../../../../components/Loading'
import { Empty } from '../../../../components/EmptyState'
import { ErrorState } from '../../../../components/ErrorState'
import { useSession } from '../../../../hooks/useSession'
import { usePaged } from '../../../../hooks/useQuery'
import { call } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { STATUS_LABELS, isSecretaryOf, monthDay, shortDateTime, useSecretaryCommunity } from '../../shared'
import { guard } from '../../components/Guard'
import '../../points.scss'

const FILTERS: (OrderStatus | null)[] = [null, 'reserved', 'picked_up', 'cancelled', 'expired']

export default function AdminOrders() {
  const session = useSession()
  const { me } = session
  const communityId = useSecretaryCommunity(me)
  const allowed = isSecretaryOf(me, communityId)
  const [status, setStatus] = useState<OrderStatus | null>(null)
  const key = me && communityId && allowed ? `${me.userId}|${communityId}|${status ?? ''}` : null
  const list = usePaged(key, (cursor) => call('mall.orders', { communityId: communityId!, ...(status ? { status } : {}), cursor, limit: 20 }))
  useReachBottom(() => list.loadMore())
  useDidShow(() => {
    if (key && list.loaded) list.reload()
  })

  const blocked = guard(session, communityId, { secretary: true, allowed })
  if (blocked) return blocked

  return (
    <PageShell>
      <Button className='btn btn--primary btn--block' onClick={() => go('points.adminVerify', { communityId: communityId! })}>
        核销取货
      </Button>
      <View className='seg' style={{ margin: '24px 0' }}>
        {FILTERS.map((f) => (
          <View key={f ?? 'all'} className={`seg__opt${status === f ? ' seg__opt--on' : ''}`} onClick={() => setStatus(f)}>
            {f ? STATUS_LABELS[f] : '全部'}
          </View>
        ))}
      </View>
      <View className='card' id='admin-orders'>
        {list.error && list.items.length === 0 ? (
          <ErrorState error={list.error} onRetry={list.reload} />
        ) : !list.loaded ? (
          <Loading />
        ) : list.items.length === 0 ? (
          <Empty text={status ? `没有${STATUS_LABELS[status]}的订单` : '还没有人兑换'} />
        ) : (
          list.items.map((o) => (
            <View key={o.id} className='order-row' data-id={o.id} data-item={o.itemId}>
              <View className='order-row__top'>
                <Text className='order-row__name'>
                  {o.itemName} ×{o.quantity}
                </Text>
                <Text className={`chip chip--${o.status}`}>{STATUS_LABELS[o.status]}</Text>
              </View>
              <Text className='muted'>
                {o.userName ?? ''} · {o.points} 积分 · {shortDateTime(o.createdAt)}
              </Text>
              <Text className='note'>
                {o.status === 'reserved' ? `取货截止 ${monthDay(o.deadline)}` : o.closedAt ? `${STATUS_LABELS[o.status]}于 ${shortDateTime(o.closedAt)}` : ''}
              </Text>
            </View>
          ))
        )}
        {list.items.length > 0 &&
          (list.loading ? (
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

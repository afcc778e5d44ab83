/**
 * 兑换详情: for a reserved order, the big 8-digit pickup code (spaced to read aloud), its QR code,
 * where and when to pick it up and by which day; 取消兑换 (confirmed first) gives the points back.
 * Closed orders say what became of them.
 */
import { View, Text, Button } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import type { OrderView } from '@contract/points'
import { Guard, Loaded } from '../../../../components/Guard'
import { ErrorState } from '../../../../components/ErrorState'
import { useQuery } from '../../../../hooks/useQuery'
import { useAction } from '../../../../hooks/useAction'
import { call } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { dateTime, monthDay } from '../../../../services/time'
import { STATUS_LABELS, useResidentPoints } from '../../shared'
import { OrderHead } from '../../components/OrderHead'
import { PickupCode } from '../../components/PickupCode'
import { InfoRow } from '../../components/InfoRow'
import '../../points.scss'

/** mall.myOrders is the only way to read one order: walk my pages until it turns up (recent orders come first). */
async function findOrder(communityId: string, orderId: string) {
  let cursor: string | undefined
  for (let i = 0; i < 10; i++) {
    const page = await call('mall.myOrders', { communityId, cursor, limit: 50 })
    const hit = page.items.find((o) => o.id === orderId)
    if (hit) return { order: hit }
    if (!page.nextCursor) break
    cursor = page.nextCursor
  }
  return { order: null }
}

export default function OrderPage() {
  const { communityId, key: base, guard } = useResidentPoints({ picker: false })
  const { params } = useRouter()
  const orderId = decodeURIComponent(params.orderId ?? '')
  const fresh = params.fresh === '1'
  const key = base && orderId ? `${base}|${orderId}` : null
  const order = useQuery(key, () => findOrder(communityId!, orderId))
  const cancel = useAction((o: OrderView) => call('mall.cancel', { communityId: communityId!, orderId: o.id }), {
    confirm: (o) => ({
      title: '取消兑换',
      content: `确定不要 ${o.itemName} ×${o.quantity} 了吗？${o.points} 积分会退回给您。`,
      confirmText: '确定取消',
      cancelText: '不取消',
    }),
    success: (_, o) => `已取消，${o.points} 积分已退回`,
    onSuccess: (after) => order.setData({ order: after }),
    onError: () => order.reload(),
  })

  return (
    <Guard {...guard} className='order'>
      <Loaded query={order}>
        {({ order: o }) =>
          !o ? (
            <ErrorState error={{ code: 'NOT_FOUND', message: '没有找到这个兑换记录' }} onRetry={() => go('points.orders')} />
          ) : (
            <>
              {fresh && o.status === 'reserved' && (
                <Text className='warn' id='order-fresh'>
                  兑换成功！请凭下面的取货码去领取。
                </Text>
              )}
              <View className='card'>
                <OrderHead o={o} className='card-title' id='order-item' />
                <Text className='muted'>
                  用了 {o.points} 积分 · {dateTime(o.createdAt)} 兑换
                </Text>
              </View>

              {o.status === 'reserved' && (
                <Text className='warn warn--red' id='order-deadline'>
                  请在 {monthDay(o.deadline)} 前取货，过期没取积分自动退回
                </Text>
              )}
              {o.status === 'reserved' && o.pickupCode ? <PickupCode communityId={communityId!} orderId={o.id} code={o.pickupCode} /> : null}

              <View className='card'>
                {o.pickupPlace && <InfoRow label='取货地点'>{o.pickupPlace}</InfoRow>}
                {o.pickupHours && <InfoRow label='取货时间'>{o.pickupHours}</InfoRow>}
                {o.status !== 'reserved' && (
                  <InfoRow label={STATUS_LABELS[o.status]}>
                    {o.closedAt ? dateTime(o.closedAt) : ''}
                    {o.status === 'cancelled' || o.status === 'expired' ? '，积分已退回' : ''}
                  </InfoRow>
                )}
              </View>

              {o.status === 'reserved' && (
                <Button className='btn btn--block' id='order-cancel' disabled={cancel.busy} onClick={() => cancel.run(o)}>
                  取消兑换
                </Button>
              )}
              <Button className='btn btn--block' onClick={() => go('points.orders')}>
                我的全部兑换
              </Button>
            </>
          )
        }
      </Loaded>
    </Guard>
  )
}

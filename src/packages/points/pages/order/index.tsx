/**
 * 兑换详情: for a reserved order, the big 8-digit pickup code (spaced to read aloud), its QR code,
 * where and when to pick it up and by which day; 取消兑换 (confirmed first) gives the points back.
 * Closed orders say what became of them.
 */
import { useState } from 'react'
import { View, Text, Image, Button } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { PageShell } from '../../../../components/PageShell'
import { Loading } from '../../../../components/Loading'
import { ErrorState } from '../../../../components/ErrorState'
import { useSession } from '../../../../hooks/useSession'
import { useQuery } from '../../../../hooks/useQuery'
import { call, toApiError } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { STATUS_LABELS, monthDay, shortDateTime, spacedCode, usePointsCommunity } from '../../shared'
import { guard } from '../../components/Guard'
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
  const session = useSession()
  const { me } = session
  const communityId = usePointsCommunity(me)
  const { params } = useRouter()
  const orderId = decodeURIComponent(params.orderId ?? '')
  const fresh = params.fresh === '1'
  const key = me && communityId && orderId ? `${me.userId}|${communityId}|${orderId}` : null
  const order = useQuery(key, () => findOrder(communityId!, orderId))
  const reserved = order.data?.order?.status === 'reserved'
  const qr = useQuery(key && reserved ? `${key}|qr` : null, () => call('mall.pickupQr', { communityId: communityId!, orderId }))
  const [busy, setBusy] = useState(false)

  const blocked = guard(session, communityId)
  if (blocked) return blocked
  if (order.error) return <PageShell><ErrorState error={order.error} onRetry={order.reload} /></PageShell>
  if (!order.data) return <PageShell><Loading /></PageShell>
  if (!order.data.order) return <PageShell><ErrorState error={{ code: 'NOT_FOUND', message: '没有找到这个兑换记录' }} onRetry={() => go('points.orders')} /></PageShell>
  const o = order.data.order

  async function cancel() {
    if (busy) return
    const { confirm } = await Taro.showModal({
      title: '取消兑换',
      content: `确定不要 ${o.itemName} ×${o.quantity} 了吗？${o.points} 积分会退回给您。`,
      confirmText: '确定取消',
      cancelText: '不取消',
      confirmColor: '#C8161D',
    })
    if (!confirm) return
    setBusy(true)
    try {
      const after = await call('mall.cancel', { communityId: communityId!, orderId: o.id })
      order.setData({ order: after })
      Taro.showToast({ title: `已取消，${o.points} 积分已退回`, icon: 'none' })
    } catch (e) {
      Taro.showToast({ title: toApiError(e).message, icon: 'none' })
      order.reload()
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageShell className='order'>
      {fresh && reserved && <Text className='pts-warn' id='order-fresh'>兑换成功！请凭下面的取货码去领取。</Text>}
      <View className='card'>
        <View className='order-row__top'>
          <Text className='card-title' id='order-item'>
            {o.itemName} ×{o.quantity}
          </Text>
          <Text className={`chip chip--${o.status}`}>{STATUS_LABELS[o.status]}</Text>
        </View>
        <Text className='muted'>用了 {o.points} 积分 · {shortDateTime(o.createdAt)} 兑换</Text>
      </View>

      {reserved && (
        <Text className='pts-warn pts-warn--red' id='order-deadline'>
          请在 {monthDay(o.deadline)} 前取货，过期没取积分自动退回
        </Text>
      )}
      {reserved && o.pickupCode ? (
        <View className='card code-box'>
          <Text className='code-box__label'>取货码（给工作人员看或念给他听）</Text>
          <Text className='code-box__code' id='pickup-code' data-code={o.pickupCode}>
            {spacedCode(o.pickupCode)}
          </Text>
          {qr.data ? (
            <View className='code-box__qr-wrap'>
              <Image className='code-box__qr' id='pickup-qr' src={qr.data.dataUrl} mode='scaleToFill' />
            </View>
          ) : qr.error ? (
            <Text className='note'>二维码没有加载出来，报取货码也一样能取</Text>
          ) : (
            <Loading text='正在生成二维码…' />
          )}
        </View>
      ) : null}

      <View className='card'>
        {o.pickupPlace && (
          <View className='row'>
            <Text className='row__label'>取货地点</Text>
            <Text className='row__value'>{o.pickupPlace}</Text>
          </View>
        )}
        {o.pickupHours && (
          <View className='row'>
            <Text className='row__label'>取货时间</Text>
            <Text className='row__value'>{o.pickupHours}</Text>
          </View>
        )}
        {!reserved && (
          <View className='row'>
            <Text className='row__label'>{STATUS_LABELS[o.status]}</Text>
            <Text className='row__value'>
              {o.closedAt ? shortDateTime(o.closedAt) : ''}
              {o.status === 'cancelled' || o.status === 'expired' ? '，积分已退回' : ''}
            </Text>
          </View>
        )}
      </View>

      {reserved && (
        <Button className='btn btn--block' id='order-cancel' disabled={busy} onClick={cancel}>
          取消兑换
        </Button>
      )}
      <Button className='btn btn--block' onClick={() => go('points.orders')}>
        我的全部兑换
      </Button>
    </PageShell>
  )
}

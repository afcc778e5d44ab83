/**
 * 商品详情: photo, description, where and when to pick it up, who gave it ("由 X 提供"), a quantity
 * stepper bounded by stock and my remaining limit, and 兑换 → a confirmation that says exactly what
 * happens. One request key per confirmation: tapping again or retrying never makes two orders.
 * A refusal (not enough points, sold out, over the limit) is said in the server's words with a way forward.
 */
import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import type { ItemView } from '@contract/points'
import { Guard, Loaded } from '../../../../components/Guard'
import { Sheet } from '../../../../components/Sheet'
import { useQuery } from '../../../../hooks/useQuery'
import { useAction } from '../../../../hooks/useAction'
import { call } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { ROUTES } from '../../../../routes'
import { newRequestKey, redeemWayForward, useResidentPoints } from '../../shared'
import { ItemPhoto, Stock } from '../../components/ItemPhoto'
import { RedeemBox, quantity } from '../../components/RedeemBox'
import { InfoRow } from '../../components/InfoRow'
import '../../points.scss'

export default function ItemPage() {
  const { communityId, key: base, guard } = useResidentPoints({ picker: false })
  const { params } = useRouter()
  const itemId = decodeURIComponent(params.itemId ?? '')
  const key = base && itemId ? `${base}|${itemId}` : null
  const item = useQuery(key, () => call('mall.item', { communityId: communityId!, itemId }))
  const balance = useQuery(key, () => call('points.balance', { communityId: communityId! }))
  const [qty, setQty] = useState(1)
  /** The open confirmation: its request key lives as long as it does. */
  const [confirm, setConfirm] = useState<{ key: string } | null>(null)
  const redeem = useAction(
    (it: ItemView, n: number, requestKey: string) => call('mall.redeem', { communityId: communityId!, itemId: it.id, quantity: n, requestKey }),
    {
      showError: 'keep',
      onSuccess: (order) => {
        setConfirm(null)
        Taro.redirectTo({ url: `${ROUTES['points.order']}?communityId=${encodeURIComponent(communityId!)}&orderId=${encodeURIComponent(order.id)}&fresh=1` })
      },
      // A refusal is final for this confirmation; only a network failure keeps the key for a retry.
      onError: (err) => {
        if (err.code !== 'INTERNAL') {
          item.reload()
          balance.reload()
        }
      },
    },
  )

  useShareAppMessage(() => ({
    title: item.data ? `积分超市：${item.data.name}，${item.data.price} 积分就能换` : '社区积分超市上新了',
    path: item.data && communityId ? `${ROUTES['points.item']}?communityId=${communityId}&itemId=${item.data.id}` : ROUTES['points.index'],
  }))

  const refusal = redeem.error
  const final = !!refusal && refusal.code !== 'INTERNAL'
  const forward = final ? redeemWayForward(refusal) : null

  return (
    <Guard {...guard} className='mall-detail'>
      {(me) => (
        <Loaded query={item}>
          {(it) => {
            const { n, total } = quantity(it, qty)
            return (
              <>
                {it.photos[0] && <ItemPhoto item={it} className='mall-detail__photo' />}
                <View className='card mall-detail__head'>
                  {!it.photos[0] && <ItemPhoto item={it} />}
                  <View className='mall-item__body'>
                    <Text className='mall-detail__name' id='item-name'>
                      {it.name}
                    </Text>
                    <Text className='mall-price'>
                      {it.price}
                      <Text className='mall-price__unit'>积分 / 件</Text>
                    </Text>
                    <Stock item={it} noLimit />
                  </View>
                </View>

                <RedeemBox
                  it={it}
                  me={me}
                  have={balance.data?.balance ?? null}
                  qty={qty}
                  onQty={setQty}
                  onOpen={() => {
                    redeem.clearError()
                    setConfirm({ key: newRequestKey() })
                  }}
                />

                <View className='card'>
                  <InfoRow label='类别'>{it.kindLabel}</InfoRow>
                  {it.perPersonLimit !== null && (
                    <InfoRow label='每人限兑'>
                      {it.perPersonLimit} 件{it.myRemaining !== null ? `（您还能兑 ${it.myRemaining} 件）` : ''}
                    </InfoRow>
                  )}
                  <InfoRow label='取货地点'>{it.pickupPlace}</InfoRow>
                  <InfoRow label='取货时间'>{it.pickupHours}</InfoRow>
                  <InfoRow label='取货期限'>兑换后 {it.pickupDays} 天内</InfoRow>
                  {it.sponsorName && <Text className='muted'>由 {it.sponsorName} 提供，感谢爱心支持</Text>}
                </View>

                {it.description ? (
                  <View className='card'>
                    <Text className='card-title'>介绍</Text>
                    <Text>{it.description}</Text>
                  </View>
                ) : null}

                {confirm && (
                  <Sheet
                    id='redeem-sheet'
                    title='确认兑换'
                    error={refusal?.message}
                    stale={final}
                    onRefresh={forward ? () => go(forward.route) : undefined}
                    refreshText={forward?.text}
                    busy={redeem.busy}
                    submitText={refusal?.code === 'INTERNAL' ? '再试一次' : '确认兑换'}
                    onSubmit={() => redeem.run(it, n, confirm.key)}
                    onClose={() => setConfirm(null)}
                  >
                    <Text className='sheet__body sheet__body--strong'>
                      确认用 {total} 积分兑换 {it.name} ×{n}？
                    </Text>
                    <Text className='sheet__body'>取货地点：{it.pickupPlace}</Text>
                    <Text className='sheet__body'>取货时间：{it.pickupHours}</Text>
                    <Text className='sheet__body'>请在 {it.pickupDays} 天内凭取货码领取，过期没取积分自动退回。</Text>
                  </Sheet>
                )}
              </>
            )
          }}
        </Loaded>
      )}
    </Guard>
  )
}

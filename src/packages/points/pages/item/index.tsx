/**
 * 商品详情: photo, description, where and when to pick it up, who gave it ("由 X 提供"), a quantity
 * stepper bounded by stock and my remaining limit, and 兑换 → a confirmation that says exactly what
 * happens. One request key per confirmation: tapping again or retrying never makes two orders.
 * A refusal (not enough points, sold out, over the limit) is said in the server's words with a way forward.
 */
import type { ErrorReason } from '@contract/common'
import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { PageShell } from '../../../../components/PageShell'
import { Loading } from '../../../../components/Loading'
import { ErrorState } from '../../../../components/ErrorState'
import { useSession } from '../../../../hooks/useSession'
import { useQuery } from '../../../../hooks/useQuery'
import { call, toApiError, type ApiCallError } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { ROUTES } from '../../../../routes'
import { newRequestKey, redeemWayForward, usePointsCommunity } from '../../shared'
import { guard } from '../../components/Guard'
import { ItemPhoto, stockText } from '../../components/ItemPhoto'
import { Stepper } from '../../components/Stepper'
import '../../points.scss'

export default function ItemPage() {
  const session = useSession()
  const { me } = session
  const communityId = usePointsCommunity(me)
  const { params } = useRouter()
  const itemId = decodeURIComponent(params.itemId ?? '')
  const key = me && communityId && itemId ? `${me.userId}|${communityId}|${itemId}` : null
  const item = useQuery(key, () => call('mall.item', { communityId: communityId!, itemId }))
  const balance = useQuery(key, () => call('points.balance', { communityId: communityId! }))
  const [qty, setQty] = useState(1)
  /** The open confirmation: its request key lives as long as it does. */
  const [confirm, setConfirm] = useState<{ key: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const [refusal, setRefusal] = useState<ApiCallError | null>(null)

  useShareAppMessage(() => ({
    title: item.data ? `积分超市：${item.data.name}，${item.data.price} 积分就能换` : '社区积分超市上新了',
    path: item.data && communityId ? `${ROUTES['points.item']}?communityId=${communityId}&itemId=${item.data.id}` : ROUTES['points.index'],
  }))

  const blocked = guard(session, communityId)
  if (blocked) return blocked
  if (item.error) return <PageShell><ErrorState error={item.error} onRetry={item.reload} /></PageShell>
  if (!item.data) return <PageShell><Loading /></PageShell>
  const it = item.data

  const max = Math.max(0, Math.min(it.stock, it.myRemaining ?? Infinity, 20))
  const n = Math.min(Math.max(1, qty), Math.max(1, max))
  const total = it.price * n
  const have = balance.data?.balance ?? null
  const short = have !== null && have < total
  const canWrite = !!me && !me.privacy.needsConsent

  const why =
    it.stock <= 0
      ? '已经兑完了，下次早点来'
      : it.myRemaining === 0
        ? `每人限兑 ${it.perPersonLimit} 件，您已经兑满了`
        : short
          ? `积分还差 ${total - (have ?? 0)} 分`
          : null

  async function redeem() {
    if (!confirm || busy) return
    setBusy(true)
    setRefusal(null)
    try {
      const order = await call('mall.redeem', { communityId: communityId!, itemId: it.id, quantity: n, requestKey: confirm.key })
      setConfirm(null)
      Taro.redirectTo({ url: `${ROUTES['points.order']}?communityId=${encodeURIComponent(communityId!)}&orderId=${encodeURIComponent(order.id)}&fresh=1` })
    } catch (e) {
      const err = toApiError(e)
      setRefusal(err)
      // A refusal is final for this confirmation; only a network failure keeps the key for a retry.
      if (err.code !== 'INTERNAL') {
        item.reload()
        balance.reload()
      }
    } finally {
      setBusy(false)
    }
  }

  const forward = refusal && refusal.code !== 'INTERNAL' ? redeemWayForward(refusal) : null

  return (
    <PageShell className='mall-detail'>
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
          <Text className={`mall-stock${it.stock > 0 ? '' : ' mall-stock--out'}`}>{stockText(it)}</Text>
        </View>
      </View>

      <View className='card' id='redeem-box'>
        <Text className='muted'>我的积分：{have ?? '…'} 分</Text>
        {max > 0 && (
          <>
            <Stepper value={n} min={1} max={max} onChange={setQty} />
            <Text className='muted' style={{ display: 'block', textAlign: 'center' }}>
              共需 {total} 积分
            </Text>
          </>
        )}
        {why && <Text className='sheet__error'>{why}</Text>}
        {short && it.stock > 0 && it.myRemaining !== 0 ? (
          <Button className='btn btn--block' onClick={() => go('points.mine')}>
            看看怎么攒积分
          </Button>
        ) : it.stock <= 0 || it.myRemaining === 0 ? (
          <Button className='btn btn--block' onClick={() => go('points.index')}>
            看看别的商品
          </Button>
        ) : !canWrite ? (
          <Button className='btn btn--primary btn--block' onClick={() => go('me')}>
            同意隐私保护指引后才能兑换
          </Button>
        ) : (
          <Button
            className='btn btn--primary btn--block'
            id='redeem-open'
            disabled={have === null}
            onClick={() => {
              setRefusal(null)
              setConfirm({ key: newRequestKey() })
            }}
          >
            兑换
          </Button>
        )}
      </View>

      <View className='card'>
        <View className='row'>
          <Text className='row__label'>类别</Text>
          <Text className='row__value'>{it.kindLabel}</Text>
        </View>
        {it.perPersonLimit !== null && (
          <View className='row'>
            <Text className='row__label'>每人限兑</Text>
            <Text className='row__value'>
              {it.perPersonLimit} 件{it.myRemaining !== null ? `（您还能兑 ${it.myRemaining} 件）` : ''}
            </Text>
          </View>
        )}
        <View className='row'>
          <Text className='row__label'>取货地点</Text>
          <Text className='row__value'>{it.pickupPlace}</Text>
        </View>
        <View className='row'>
          <Text className='row__label'>取货时间</Text>
          <Text className='row__value'>{it.pickupHours}</Text>
        </View>
        <View className='row'>
          <Text className='row__label'>取货期限</Text>
          <Text className='row__value'>兑换后 {it.pickupDays} 天内</Text>
        </View>
        {it.sponsorName && <Text className='muted'>由 {it.sponsorName} 提供，感谢爱心支持</Text>}
      </View>

      {it.description ? (
        <View className='card'>
          <Text className='card-title'>介绍</Text>
          <Text>{it.description}</Text>
        </View>
      ) : null}

      {confirm && (
        <View className='sheet-mask' onClick={() => !busy && setConfirm(null)}>
          <View className='sheet' id='redeem-sheet' onClick={(e) => e.stopPropagation()}>
            <Text className='sheet__title'>确认兑换</Text>
            <Text className='sheet__body sheet__body--strong'>
              确认用 {total} 积分兑换 {it.name} ×{n}？
            </Text>
            <Text className='sheet__body'>取货地点：{it.pickupPlace}</Text>
            <Text className='sheet__body'>取货时间：{it.pickupHours}</Text>
            <Text className='sheet__body'>请在 {it.pickupDays} 天内凭取货码领取，过期没取积分自动退回。</Text>
            {refusal && (
              <Text className='sheet__error' id='redeem-error'>
                {refusal.message}
              </Text>
            )}
            {forward ? (
              <View className='btn-row'>
                <Button className='btn' onClick={() => setConfirm(null)}>
                  关闭
                </Button>
                <Button className='btn btn--primary' onClick={() => go(forward.route)}>
                  {forward.text}
                </Button>
              </View>
            ) : (
              <View className='btn-row'>
                <Button className='btn' disabled={busy} onClick={() => setConfirm(null)}>
                  再想想
                </Button>
                <Button className='btn btn--primary' id='redeem-confirm' loading={busy} disabled={busy || (!!refusal && refusal.code !== 'INTERNAL')} onClick={redeem}>
                  {refusal?.code === 'INTERNAL' ? '再试一次' : '确认兑换'}
                </Button>
              </View>
            )}
          </View>
        </View>
      )}
    </PageShell>
  )
}

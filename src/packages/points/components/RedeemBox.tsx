/**
 * The item page's redeem box: my balance, a quantity stepper bounded by stock and my remaining limit,
 * why I cannot redeem (sold out, limit reached, points short) with a way forward, else 兑换.
 */
import { View, Text, Button } from '@tarojs/components'
import type { ItemView } from '@contract/points'
import type { Me } from '@contract/org'
import { go } from '../../../services/nav'
import { Stepper } from './Stepper'

/** How many I may take at most (stock, my remaining limit, 20 a time), how many I chose, what it costs. */
export function quantity(it: ItemView, qty: number) {
  const max = Math.max(0, Math.min(it.stock, it.myRemaining ?? Infinity, 20))
  const n = Math.min(Math.max(1, qty), Math.max(1, max))
  return { max, n, total: it.price * n }
}

export function RedeemBox({
  it,
  me,
  have,
  qty,
  onQty,
  onOpen,
}: {
  it: ItemView
  me: Me
  have: number | null
  qty: number
  onQty: (n: number) => void
  onOpen: () => void
}) {
  const { max, n, total } = quantity(it, qty)
  const gone = it.stock <= 0 || it.myRemaining === 0
  const short = have !== null && have < total
  const why =
    it.stock <= 0
      ? '已经兑完了，下次早点来'
      : it.myRemaining === 0
        ? `每人限兑 ${it.perPersonLimit} 件，您已经兑满了`
        : short
          ? `积分还差 ${total - have} 分`
          : null
  return (
    <View className='card' id='redeem-box'>
      <Text className='muted'>我的积分：{have ?? '…'} 分</Text>
      {max > 0 && (
        <>
          <Stepper value={n} min={1} max={max} onChange={onQty} />
          <Text className='muted' style={{ display: 'block', textAlign: 'center' }}>
            共需 {total} 积分
          </Text>
        </>
      )}
      {why && <Text className='sheet__error'>{why}</Text>}
      {gone ? (
        <Button className='btn btn--block' onClick={() => go('points.index')}>
          看看别的商品
        </Button>
      ) : short ? (
        <Button className='btn btn--block' onClick={() => go('points.mine')}>
          看看怎么攒积分
        </Button>
      ) : me.privacy.needsConsent ? (
        <Button className='btn btn--primary btn--block' onClick={() => go('me')}>
          同意隐私保护指引后才能兑换
        </Button>
      ) : (
        <Button className='btn btn--primary btn--block' id='redeem-open' disabled={have === null} onClick={onOpen}>
          兑换
        </Button>
      )}
    </View>
  )
}

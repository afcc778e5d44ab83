/** The red balance header of 积分超市 and 我的积分 (two links under the figure), and the expiry warning. */
import { View, Text } from '@tarojs/components'
import type { BalanceView } from '@contract/points'
import { ErrorState } from '../../../components/ErrorState'
import type { ApiCallError } from '../../../services/api'
import { go } from '../../../services/nav'

type Link = { text: string; id?: string; route: 'points.mine' | 'points.orders' | 'points.index' }

/** Each page's words and links: 积分超市 links to the statement, 我的积分 back to the shelf. */
const ON: Record<'mall' | 'mine', { id: string; label: string; unit: string; links: Link[] }> = {
  mall: {
    id: 'mall-balance',
    label: '我的积分',
    unit: '分',
    links: [
      { text: '积分明细', id: 'go-mine', route: 'points.mine' },
      { text: '我的兑换', id: 'go-orders', route: 'points.orders' },
    ],
  },
  mine: {
    id: 'mine-balance',
    label: '我现在有',
    unit: '积分',
    links: [
      { text: '去积分超市', route: 'points.index' },
      { text: '我的兑换', route: 'points.orders' },
    ],
  },
}

export function Balance({ on, query }: { on: keyof typeof ON; query: { data: BalanceView | null; error: ApiCallError | null; reload: () => void } }) {
  const { data, error, reload } = query
  const words = ON[on]
  return (
    <View className='pts-balance' id={words.id}>
      <Text className='pts-balance__label'>{words.label}</Text>
      {error ? (
        <ErrorState error={error} onRetry={reload} />
      ) : (
        <Text className='pts-balance__num'>
          {data ? data.balance : '…'}
          <Text className='pts-balance__unit'>{words.unit}</Text>
        </Text>
      )}
      <View className='pts-balance__links'>
        {words.links.map((l) => (
          <View key={l.text} className='pts-balance__link' id={l.id} onClick={() => go(l.route)}>
            {l.text}
          </View>
        ))}
      </View>
    </View>
  )
}

/** "有 20 积分将于 … 到期" when some points are about to expire. */
export function Expiring({ balance, id }: { balance: BalanceView | null; id?: string }) {
  if (!balance?.expiring) return null
  return (
    <Text className='warn' id={id}>
      有 {balance.expiring.amount} 积分将于 {balance.expiring.on} 到期，请尽快使用
    </Text>
  )
}

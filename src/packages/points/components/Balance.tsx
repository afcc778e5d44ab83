/** The red balance header of 积分超市 and 我的积分 (two links under the figure), and the expiry warning. */
import { View, Text } from '@tarojs/components'
import type { BalanceView } from '@contract/points'
import { ErrorState } from '../../../components/ErrorState'
import type { ApiCallError } from '../../../services/api'

export interface BalanceLink {
  text: string
  id?: string
  onClick: () => void
}

export function Balance(props: {
  id: string
  label: string
  unit: string
  query: { data: BalanceView | null; error: ApiCallError | null; reload: () => void }
  links: BalanceLink[]
}) {
  const { data, error, reload } = props.query
  return (
    <View className='pts-balance' id={props.id}>
      <Text className='pts-balance__label'>{props.label}</Text>
      {error ? (
        <ErrorState error={error} onRetry={reload} />
      ) : (
        <Text className='pts-balance__num'>
          {data ? data.balance : '…'}
          <Text className='pts-balance__unit'>{props.unit}</Text>
        </Text>
      )}
      <View className='pts-balance__links'>
        {props.links.map((l) => (
          <View key={l.text} className='pts-balance__link' id={l.id} onClick={l.onClick}>
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

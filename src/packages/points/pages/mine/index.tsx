/**
 * 我的积分: the balance in big figures, points about to expire, how to earn more (the community's
 * active rules) and every entry of my statement, newest first (scroll for more).
 */
import { View, Text } from '@tarojs/components'
import { usePullDownRefresh } from '@tarojs/taro'
import type { RulesView } from '@contract/points'
import { Guard, Loaded } from '../../../../components/Guard'
import { PagedList } from '../../../../components/PagedList'
import { usePaged, useQuery } from '../../../../hooks/useQuery'
import { call } from '../../../../services/api'
import { isoDay } from '../../../../services/time'
import { signed, useResidentPoints } from '../../shared'
import { Balance, Expiring } from '../../components/Balance'
import '../../points.scss'

function capText(daily: number | null, monthly: number | null): string {
  const parts = [daily !== null ? `每天最多 ${daily} 分` : '', monthly !== null ? `每月最多 ${monthly} 分` : ''].filter(Boolean)
  return parts.join('，')
}

function HowToEarn({ rules }: { rules: RulesView }) {
  const active = rules.rules.filter((r) => r.active && r.points > 0)
  if (active.length === 0) return <Text className='muted'>社区还没有公布攒积分的办法</Text>
  return (
    <>
      {active.map((r) => (
        <View key={r.kind} className='pts-rule'>
          <View className='pts-line__main'>
            <Text>{r.label}</Text>
            {capText(r.dailyCap, r.monthlyCap) && <Text className='note'>{capText(r.dailyCap, r.monthlyCap)}</Text>}
          </View>
          <Text className='pts-rule__pts'>+{r.points} 分</Text>
        </View>
      ))}
      {rules.expireMonths !== null && <Text className='note'>积分获得后 {rules.expireMonths} 个月内有效，先得的先用。</Text>}
    </>
  )
}

export default function Mine() {
  const { communityId, key, guard } = useResidentPoints()
  const balance = useQuery(key, () => call('points.balance', { communityId: communityId! }))
  const rules = useQuery(key, () => call('points.rules', { communityId: communityId! }))
  const lines = usePaged(key, (cursor) => call('points.statement', { communityId: communityId!, cursor, limit: 20 }))
  // the statement reloads itself (PagedList)
  usePullDownRefresh(() => {
    balance.reload()
    rules.reload()
  })

  return (
    <Guard {...guard} className='mine'>
      <Balance on='mine' query={balance} />
      <Expiring balance={balance.data} id='mine-expiring' />

      <View className='section-title'>怎么攒积分</View>
      <View className='card' id='mine-rules'>
        <Loaded query={rules}>{(r) => <HowToEarn rules={r} />}</Loaded>
      </View>

      <View className='section-title'>积分明细</View>
      <PagedList
        list={lines}
        id='mine-statement'
        empty='还没有积分记录，参加志愿服务就能得积分'
        itemKey={(l) => l.id}
        renderItem={(l) => (
          <View className='pts-line'>
            <View className='pts-line__main'>
              <Text className='pts-line__reason'>{l.reason}</Text>
              <Text className='note'>{isoDay(l.at)}</Text>
            </View>
            <Text className={`pts-amount ${l.amount >= 0 ? 'pts-amount--plus' : 'pts-amount--minus'}`}>{signed(l.amount)}</Text>
          </View>
        )}
      />
    </Guard>
  )
}

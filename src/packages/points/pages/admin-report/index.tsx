/**
 * 积分报表 (secretary): budget vs issued vs redeemed vs outstanding, the warnings (low budgets...),
 * each sponsor's account and month by month movement — the 公示 of where the points came from.
 */
import { View, Text } from '@tarojs/components'
import { usePullDownRefresh, stopPullDownRefresh } from '@tarojs/taro'
import { PageShell } from '../../../../components/PageShell'
import { Loading } from '../../../../components/Loading'
import { ErrorState } from '../../../../components/ErrorState'
import { useSession } from '../../../../hooks/useSession'
import { useQuery } from '../../../../hooks/useQuery'
import { call } from '../../../../services/api'
import { isSecretaryOf, useSecretaryCommunity } from '../../shared'
import { guard } from '../../components/Guard'
import '../../points.scss'

export default function AdminReport() {
  const session = useSession()
  const { me } = session
  const communityId = useSecretaryCommunity(me)
  const allowed = isSecretaryOf(me, communityId)
  const report = useQuery(me && communityId && allowed ? `${me.userId}|${communityId}` : null, () => call('points.report', { communityId: communityId!, months: 12 }))
  usePullDownRefresh(() => {
    report.reload()
    stopPullDownRefresh()
  })

  const blocked = guard(session, communityId, { secretary: true, allowed })
  if (blocked) return blocked
  if (report.error) return <PageShell><ErrorState error={report.error} onRetry={report.reload} /></PageShell>
  if (!report.data) return <PageShell><Loading /></PageShell>
  const r = report.data

  return (
    <PageShell>
      {r.warnings.map((w) => (
        <Text key={w} className='pts-warn pts-warn--red report-warning'>
          ⚠ {w}
        </Text>
      ))}
      <View className='stat-grid' id='report-totals'>
        <View className='stat'>
          <Text className='stat__num'>{r.totals.budget}</Text>
          <Text className='note'>剩余预算</Text>
        </View>
        <View className='stat'>
          <Text className='stat__num'>{r.totals.issued}</Text>
          <Text className='note'>已发出</Text>
        </View>
        <View className='stat'>
          <Text className='stat__num'>{r.totals.redeemed}</Text>
          <Text className='note'>已兑换</Text>
        </View>
        <View className='stat'>
          <Text className='stat__num'>{r.totals.outstanding}</Text>
          <Text className='note'>居民手里未用</Text>
        </View>
      </View>

      <View className='section-title'>各共建单位</View>
      <View className='card' id='report-sponsors'>
        <View className='table-row table-row--head'>
          <Text>单位</Text>
          <Text>剩余</Text>
          <Text>发出</Text>
          <Text>兑换</Text>
        </View>
        {r.sponsors.length === 0 ? (
          <Text className='muted'>还没有共建单位</Text>
        ) : (
          r.sponsors.map((s) => (
            <View key={s.id} className='table-row'>
              <Text className={s.low ? 'sponsor-low' : ''}>
                {s.low ? '⚠ ' : ''}
                {s.name}
              </Text>
              <Text className={s.low ? 'sponsor-low' : ''}>{s.budget}</Text>
              <Text>{s.issued}</Text>
              <Text>{s.redeemed}</Text>
            </View>
          ))
        )}
      </View>

      <View className='section-title'>按月</View>
      <View className='card' id='report-months'>
        <View className='table-row table-row--head'>
          <Text>月份</Text>
          <Text>发出</Text>
          <Text>兑换</Text>
          <Text>退回</Text>
          <Text>过期</Text>
        </View>
        {r.months.length === 0 ? (
          <Text className='muted'>还没有积分往来</Text>
        ) : (
          r.months.map((m) => (
            <View key={m.month} className='table-row'>
              <Text>{m.month}</Text>
              <Text>{m.issued}</Text>
              <Text>{m.redeemed}</Text>
              <Text>{m.refunded}</Text>
              <Text>{m.expired}</Text>
            </View>
          ))
        )}
      </View>
    </PageShell>
  )
}

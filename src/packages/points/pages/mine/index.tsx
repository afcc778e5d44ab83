/**
 * 我的积分: the balance in big figures, points about to expire, how to earn more (the community's
 * active rules) and every entry of my statement, newest first (scroll for more).
 */
import { View, Text, Button } from '@tarojs/components'
import { usePullDownRefresh, useReachBottom, stopPullDownRefresh } from '@tarojs/taro'
import { PageShell } from '../../../../components/PageShell'
import { Loading } from '../../../../components/Loading'
import { Empty } from '../../../../components/EmptyState'
import { ErrorState } from '../../../../components/ErrorState'
import { useSession } from '../../../../hooks/useSession'
import { usePaged, useQuery } from '../../../../hooks/useQuery'
import { call } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { dayText, signed, usePointsCommunity } from '../../shared'
import { guard } from '../../components/Guard'
import '../../points.scss'

function capText(daily: number | null, monthly: number | null): string {
  const parts = [daily !== null ? `每天最多 ${daily} 分` : '', monthly !== null ? `每月最多 ${monthly} 分` : ''].filter(Boolean)
  return parts.join('，')
}

export default function Mine() {
  const session = useSession()
  const { me } = session
  const communityId = usePointsCommunity(me)
  const key = me && communityId ? `${me.userId}|${communityId}` : null
  const balance = useQuery(key, () => call('points.balance', { communityId: communityId! }))
  const rules = useQuery(key, () => call('points.rules', { communityId: communityId! }))
  const lines = usePaged(key, (cursor) => call('points.statement', { communityId: communityId!, cursor, limit: 20 }))
  usePullDownRefresh(() => {
    balance.reload()
    rules.reload()
    lines.reload()
    stopPullDownRefresh()
  })
  useReachBottom(() => lines.loadMore())

  const blocked = guard(session, communityId)
  if (blocked) return blocked
  const active = rules.data?.rules.filter((r) => r.active && r.points > 0) ?? []

  return (
    <PageShell className='mine'>
      <View className='pts-balance' id='mine-balance'>
        <Text className='pts-balance__label'>我现在有</Text>
        {balance.error ? (
          <ErrorState error={balance.error} onRetry={balance.reload} />
        ) : (
          <Text className='pts-balance__num'>
            {balance.data ? balance.data.balance : '…'}
            <Text className='pts-balance__unit'>积分</Text>
          </Text>
        )}
        <View className='pts-balance__links'>
          <View className='pts-balance__link' onClick={() => go('points.index')}>
            去积分超市
          </View>
          <View className='pts-balance__link' onClick={() => go('points.orders')}>
            我的兑换
          </View>
        </View>
      </View>
      {balance.data?.expiring && (
        <Text className='pts-warn' id='mine-expiring'>
          有 {balance.data.expiring.amount} 积分将于 {balance.data.expiring.on} 到期，请尽快使用
        </Text>
      )}

      <View className='section-title'>怎么攒积分</View>
      <View className='card' id='mine-rules'>
        {rules.error ? (
          <ErrorState error={rules.error} onRetry={rules.reload} />
        ) : !rules.data ? (
          <Loading />
        ) : active.length === 0 ? (
          <Text className='muted'>社区还没有公布攒积分的办法</Text>
        ) : (
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
            {rules.data.expireMonths !== null && <Text className='note'>积分获得后 {rules.data.expireMonths} 个月内有效，先得的先用。</Text>}
          </>
        )}
      </View>

      <View className='section-title'>积分明细</View>
      <View className='card' id='mine-statement'>
        {lines.error && lines.items.length === 0 ? (
          <ErrorState error={lines.error} onRetry={lines.reload} />
        ) : !lines.loaded ? (
          <Loading />
        ) : lines.items.length === 0 ? (
          <Empty text='还没有积分记录，参加志愿服务就能得积分' />
        ) : (
          lines.items.map((l) => (
            <View key={l.id} className='pts-line'>
              <View className='pts-line__main'>
                <Text className='pts-line__reason'>{l.reason}</Text>
                <Text className='note'>{dayText(l.at)}</Text>
              </View>
              <Text className={`pts-amount ${l.amount >= 0 ? 'pts-amount--plus' : 'pts-amount--minus'}`}>{signed(l.amount)}</Text>
            </View>
          ))
        )}
        {lines.items.length > 0 &&
          (lines.error ? (
            <ErrorState error={lines.error} onRetry={lines.loadMore} />
          ) : lines.loading ? (
            <Loading text='正在加载更多…' />
          ) : lines.done ? (
            <Text className='note'>已经到底了</Text>
          ) : (
            <Button className='btn btn--block' onClick={lines.loadMore}>
              加载更多
            </Button>
          ))}
      </View>
    </PageShell>
  )
}

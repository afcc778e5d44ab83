/**
 * 心愿统计 (secretary): how many wishes were posted, how many in each state, how fast they are claimed
 * and fulfilled (median hours), what residents said (average stars and how they spread), and how many are
 * overdue (a tap away).
 */
import { View, Text, Button } from '@tarojs/components'
import { usePullDownRefresh, stopPullDownRefresh } from '@tarojs/taro'
import type { WishStatus } from '@contract/wish'
import { PageShell } from '../../../../components/PageShell'
import { Loading } from '../../../../components/Loading'
import { ErrorState } from '../../../../components/ErrorState'
import { useSession } from '../../../../hooks/useSession'
import { useQuery } from '../../../../hooks/useQuery'
import { call } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { STATUS_TEXT, isSecretaryOf } from '../../../../features/wish/shared'
import { guard } from '../../components/Guard'
import { useSecretaryCommunity } from '../../../../hooks/useCommunity'
import '../../wish.scss'

const ORDER: WishStatus[] = ['under_review', 'open', 'claimed', 'fulfilled', 'closed', 'rejected', 'withdrawn']

/** 30.5 hours → "1 天 7 小时"; 3.2 → "3.2 小时"; 0.2 → "不到 1 小时". */
function hoursText(h: number | null): string {
  if (h === null) return '—'
  if (h < 1) return '不到 1 小时'
  if (h < 24) return `${Math.round(h * 10) / 10} 小时`
  const d = Math.floor(h / 24)
  const r = Math.round(h - d * 24)
  return r ? `${d} 天 ${r} 小时` : `${d} 天`
}

function Bar({ label, n, max }: { label: string; n: number; max: number }) {
  return (
    <View className='w-bar'>
      <Text className='w-bar__label'>{label}</Text>
      <View className='w-bar__track'>
        <View className='w-bar__fill' style={{ width: `${max ? Math.round((n / max) * 100) : 0}%` }} />
      </View>
      <Text className='w-bar__num'>{n}</Text>
    </View>
  )
}

export default function AdminStats() {
  const session = useSession()
  const { me } = session
  const communityId = useSecretaryCommunity(me)
  const allowed = isSecretaryOf(me, communityId)
  const stats = useQuery(me && communityId && allowed ? `${me.userId}|${communityId}` : null, () => call('wish.stats', { communityId: communityId! }))
  usePullDownRefresh(() => {
    stats.reload()
    stopPullDownRefresh()
  })

  const blocked = guard(session, communityId, { secretary: true, allowed })
  if (blocked) return blocked
  if (stats.error) return <PageShell><ErrorState error={stats.error} onRetry={stats.reload} /></PageShell>
  if (!stats.data) return <PageShell><Loading /></PageShell>
  const s = stats.data
  const maxStatus = Math.max(0, ...ORDER.map((k) => s.byStatus[k] ?? 0))
  const dist = s.ratings.distribution
  const maxStars = Math.max(0, ...(['1', '2', '3', '4', '5'] as const).map((k) => dist[k] ?? 0))

  return (
    <PageShell>
      <View className='card' id='wish-stats'>
        <View className='w-stat-grid'>
          <View className='w-stat'>
            <Text className='w-stat__num' id='stat-posted'>
              {s.posted}
            </Text>
            <Text className='w-stat__label'>共发布心愿</Text>
          </View>
          <View className='w-stat'>
            <Text className='w-stat__num'>{s.byStatus.closed ?? 0}</Text>
            <Text className='w-stat__label'>已圆梦</Text>
          </View>
          <View className='w-stat'>
            <Text className='w-stat__num'>{hoursText(s.medianHoursToClaim)}</Text>
            <Text className='w-stat__label'>发布到认领（中位数）</Text>
          </View>
          <View className='w-stat'>
            <Text className='w-stat__num'>{hoursText(s.medianHoursToFulfil)}</Text>
            <Text className='w-stat__label'>认领到完成（中位数）</Text>
          </View>
        </View>
        {s.overdue > 0 && (
          <Button className='btn btn--block' onClick={() => go('wish.adminOverdue', { communityId: communityId! })}>
            有 {s.overdue} 个心愿超期了，去看看 ›
          </Button>
        )}
      </View>

      <View className='section-title'>各状态的心愿</View>
      <View className='card'>
        {ORDER.map((k) => (
          <Bar key={k} label={STATUS_TEXT[k]} n={s.byStatus[k] ?? 0} max={maxStatus} />
        ))}
      </View>

      <View className='section-title'>居民评价</View>
      <View className='card' id='wish-ratings'>
        {s.ratings.count === 0 ? (
          <Text className='muted'>还没有评价。心愿圆梦、许愿人确认后，这里会显示评分。</Text>
        ) : (
          <>
            <Text className='card-title' style={{ display: 'block' }}>
              平均 {s.ratings.average?.toFixed(1)} 星 · 共 {s.ratings.count} 条评价
            </Text>
            {(['5', '4', '3', '2', '1'] as const).map((k) => (
              <Bar key={k} label={`${k} 星`} n={dist[k] ?? 0} max={maxStars} />
            ))}
          </>
        )}
      </View>
    </PageShell>
  )
}

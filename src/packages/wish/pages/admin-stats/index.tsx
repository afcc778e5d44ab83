/**
 * 心愿统计 (secretary): how many wishes were posted, how many in each state, how fast they are claimed
 * and fulfilled (median hours), what residents said (average stars and how they spread), and how many are
 * overdue (a tap away).
 */
import { View, Text, Button } from '@tarojs/components'
import { usePullDownRefresh, stopPullDownRefresh } from '@tarojs/taro'
import { WISH_STATUSES, WISH_STATUS_LABELS } from '@contract/vocabulary'
import { Guard, Loaded } from '../../../../components/Guard'
import { useQuery } from '../../../../hooks/useQuery'
import { call } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { useWishSecretary } from '../../shared'
import '../../wish.scss'

const STARS = ['5', '4', '3', '2', '1'] as const

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

function Stat({ n, label, id }: { n: string | number; label: string; id?: string }) {
  return (
    <View className='stat'>
      <Text className='stat__num' id={id}>
        {n}
      </Text>
      <Text className='note'>{label}</Text>
    </View>
  )
}

export default function AdminStats() {
  const admin = useWishSecretary()
  const stats = useQuery(admin.key, () => call('wish.stats', { communityId: admin.communityId! }))
  usePullDownRefresh(() => {
    stats.reload()
    stopPullDownRefresh()
  })

  return (
    <Guard {...admin.guard}>
      <Loaded query={stats}>
        {(s) => {
          const maxStatus = Math.max(0, ...WISH_STATUSES.map((k) => s.byStatus[k] ?? 0))
          const dist = s.ratings.distribution
          const maxStars = Math.max(0, ...STARS.map((k) => dist[k] ?? 0))
          return (
            <>
              <View id='wish-stats'>
                <View className='stat-grid'>
                  <Stat id='stat-posted' n={s.posted} label='共发布心愿' />
                  <Stat n={s.byStatus.closed ?? 0} label='已圆梦' />
                  <Stat n={hoursText(s.medianHoursToClaim)} label='发布到认领（中位数）' />
                  <Stat n={hoursText(s.medianHoursToFulfil)} label='认领到完成（中位数）' />
                </View>
                {s.overdue > 0 && (
                  <Button className='btn btn--block' onClick={() => go('wish.adminOverdue', { communityId: admin.communityId! })}>
                    {`有 ${s.overdue}${s.overdueMore ? ' 多' : ''} 个心愿超期了，去看看 ›`}
                  </Button>
                )}
              </View>

              <View className='section-title'>各状态的心愿</View>
              <View className='card'>
                {WISH_STATUSES.map((k) => (
                  <Bar key={k} label={WISH_STATUS_LABELS[k]} n={s.byStatus[k] ?? 0} max={maxStatus} />
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
                    {STARS.map((k) => (
                      <Bar key={k} label={`${k} 星`} n={dist[k] ?? 0} max={maxStars} />
                    ))}
                  </>
                )}
              </View>
            </>
          )
        }}
      </Loaded>
    </Guard>
  )
}

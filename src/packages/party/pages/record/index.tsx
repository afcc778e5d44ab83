/**
 * 活动记录卡: a member's year of service, by outcomes — confirmed hours, activities, wishes fulfilled and
 * residents' average rating, pair visits, whether the pledge was kept — and the activities one by one.
 * The secretary may open any member's card (userId in the route).
 */
import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import type { MemberRecord } from '@contract/party'
import { Guard, Loaded } from '../../../../components/Guard'
import { EmptyState } from '../../../../components/EmptyState'
import { useSession } from '../../../../hooks/useSession'
import { useQuery } from '../../../../hooks/useQuery'
import { usePullDown } from '../../../../hooks/usePullDown'
import { useHomeCommunity } from '../../../../hooks/useCommunity'
import { call } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { isoDay } from '../../../../services/time'
import { NO_COMMUNITY, SIGNUP_LABELS, hoursText } from '../../shared'
import { Hero, Tabs } from '../../components/bits'
import '../../party.scss'

function Totals({ r }: { r: MemberRecord }) {
  const stats: [string | number, string][] = [
    [Math.round(r.totalHours * 100) / 100, '服务小时'],
    [r.activities.length, '参加活动'],
    [r.wishesFulfilled, '帮实现心愿'],
    [r.averageRating === null ? '—' : r.averageRating.toFixed(1), '居民平均评分'],
    [r.visits, `结对走访（${r.pairs} 户）`],
    [r.pledgeKept === null ? '—' : r.pledgeKept ? '已兑现' : '未兑现', '微承诺'],
  ]
  return (
    <View className='stat-grid' id='record-totals'>
      {stats.map(([n, what]) => (
        <View key={what} className='stat'>
          <Text className='stat__num'>{n}</Text>
          <Text className='note'>{what}</Text>
        </View>
      ))}
    </View>
  )
}

export default function RecordPage() {
  const { me } = useSession()
  const communityId = useHomeCommunity(me)
  const { params } = useRouter()
  const userId = params.userId ? decodeURIComponent(params.userId) : undefined
  const thisYear = new Date().getFullYear()
  const [year, setYear] = useState<number | null>(thisYear)
  const key = me && communityId ? `${me.userId}|${communityId}|${userId ?? ''}|${year ?? 'all'}` : null
  const rec = useQuery(key, () => call('party.record', { communityId: communityId!, ...(userId ? { userId } : {}), ...(year ? { year } : {}) }))
  usePullDown(rec.reload)

  return (
    <Guard communityId={communityId} noCommunity={NO_COMMUNITY} className='record'>
      <Tabs options={[thisYear, thisYear - 1, null].map((y) => ({ value: y, text: y === null ? '全部' : `${y} 年` }))} value={year} onChange={setYear} />
      <Loaded query={rec}>
        {(r) => (
          <>
            <Hero label={`活动记录卡 ${year ? `· ${year} 年` : '· 全部'}`} title={r.name} sub={r.posts.length > 0 ? `岗位：${r.posts.join('、')}` : null} />
            <Totals r={r} />
            <View className='section-title'>参加的活动</View>
            {r.activities.length === 0 ? (
              <EmptyState text='这段时间还没有参加活动' action={{ text: '看看志愿活动', onClick: () => go('party.activities') }} />
            ) : (
              <View className='card' id='record-activities'>
                {r.activities.map((a) => (
                  <View key={a.id} className='item-row' hoverClass='row--hover' onClick={() => go('party.activity', { id: a.id, c: communityId! })}>
                    <View className='head-row'>
                      <Text className='item-row__name'>{a.title}</Text>
                      <Text className={`chip chip--${a.status}`}>{SIGNUP_LABELS[a.status]}</Text>
                    </View>
                    <Text className='muted'>
                      {isoDay(a.startAt)} ·{' '}
                      {a.confirmedHours !== null ? `确认 ${hoursText(a.confirmedHours)}` : a.hours !== null ? `待确认 ${hoursText(a.hours)}` : '未计时'}
                    </Text>
                  </View>
                ))}
              </View>
            )}
          </>
        )}
      </Loaded>
    </Guard>
  )
}

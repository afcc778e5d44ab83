/**
 * 活动记录卡: a member's year of service, by outcomes — confirmed hours, activities, wishes fulfilled and
 * residents' average rating, pair visits, whether the pledge was kept — and the activities one by one.
 * The secretary may open any member's card (userId in the route).
 */
import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { useRouter, usePullDownRefresh, stopPullDownRefresh } from '@tarojs/taro'
import { PageShell } from '../../../../components/PageShell'
import { Loading } from '../../../../components/Loading'
import { ErrorState } from '../../../../components/ErrorState'
import { Empty } from '../../../../components/EmptyState'
import { useSession } from '../../../../hooks/useSession'
import { useQuery } from '../../../../hooks/useQuery'
import { call } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { SIGNUP_LABELS, dayText, hoursText, usePartyCommunity } from '../../shared'
import { guard } from '../../components/Guard'
import '../../party.scss'

export default function RecordPage() {
  const session = useSession()
  const { me } = session
  const communityId = usePartyCommunity(me)
  const { params } = useRouter()
  const userId = params.userId ? decodeURIComponent(params.userId) : undefined
  const thisYear = new Date().getFullYear()
  const [year, setYear] = useState<number | null>(thisYear)
  const key = me && communityId ? `${me.userId}|${communityId}|${userId ?? ''}|${year ?? 'all'}` : null
  const rec = useQuery(key, () => call('party.record', { communityId: communityId!, ...(userId ? { userId } : {}), ...(year ? { year } : {}) }))
  usePullDownRefresh(() => {
    rec.reload()
    stopPullDownRefresh()
  })

  const blocked = guard(session, communityId)
  if (blocked) return blocked

  const years: (number | null)[] = [thisYear, thisYear - 1, null]
  return (
    <PageShell className='record'>
      <View className='tabs'>
        {years.map((y) => (
          <View key={String(y)} className={`tabs__tab${year === y ? ' tabs__tab--on' : ''}`} onClick={() => setYear(y)}>
            {y === null ? '全部' : `${y} 年`}
          </View>
        ))}
      </View>
      {rec.error ? (
        <ErrorState error={rec.error} onRetry={rec.reload} />
      ) : !rec.data ? (
        <Loading />
      ) : (
        <>
          <View className='pty-hero'>
            <Text className='pty-hero__label'>活动记录卡 {year ? `· ${year} 年` : '· 全部'}</Text>
            <Text className='pty-hero__title'>{rec.data.name}</Text>
            {rec.data.posts.length > 0 && <Text className='pty-hero__sub'>岗位：{rec.data.posts.join('、')}</Text>}
          </View>
          <View className='stat-grid' id='record-totals'>
            <View className='stat'>
              <Text className='stat__num'>{Math.round(rec.data.totalHours * 100) / 100}</Text>
              <Text className='note'>服务小时</Text>
            </View>
            <View className='stat'>
              <Text className='stat__num'>{rec.data.activities.length}</Text>
              <Text className='note'>参加活动</Text>
            </View>
            <View className='stat'>
              <Text className='stat__num'>{rec.data.wishesFulfilled}</Text>
              <Text className='note'>帮实现心愿</Text>
            </View>
            <View className='stat'>
              <Text className='stat__num'>{rec.data.averageRating === null ? '—' : rec.data.averageRating.toFixed(1)}</Text>
              <Text className='note'>居民平均评分</Text>
            </View>
            <View className='stat'>
              <Text className='stat__num'>{rec.data.visits}</Text>
              <Text className='note'>结对走访（{rec.data.pairs} 户）</Text>
            </View>
            <View className='stat'>
              <Text className='stat__num'>{rec.data.pledgeKept === null ? '—' : rec.data.pledgeKept ? '已兑现' : '未兑现'}</Text>
              <Text className='note'>微承诺</Text>
            </View>
          </View>

          <View className='section-title'>参加的活动</View>
          {rec.data.activities.length === 0 ? (
            <Empty text='这段时间还没有参加活动' action={{ text: '看看志愿活动', onClick: () => go('party.activities') }} />
          ) : (
            <View className='card' id='record-activities'>
              {rec.data.activities.map((a) => (
                <View key={a.id} className='item-row' hoverClass='row--hover' onClick={() => go('party.activity', { id: a.id, c: communityId! })}>
                  <View className='head-row'>
                    <Text className='item-row__name'>{a.title}</Text>
                    <Text className={`chip chip--${a.status}`}>{SIGNUP_LABELS[a.status]}</Text>
                  </View>
                  <Text className='muted'>
                    {dayText(a.startAt)} · {a.confirmedHours !== null ? `确认 ${hoursText(a.confirmedHours)}` : a.hours !== null ? `待确认 ${hoursText(a.hours)}` : '未计时'}
                  </Text>
                </View>
              ))}
            </View>
          )}
        </>
      )}
    </PageShell>
  )
}

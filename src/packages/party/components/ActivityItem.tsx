/** One activity in a list (志愿活动, 党员 home): title, when, where; the full card adds my status, places and points. */
import { View, Text } from '@tarojs/components'
import type { ActivityView } from '@contract/party'
import { go } from '../../../services/nav'
import { timeRange } from '../../../services/time'
import { SIGNUP_LABELS } from '../shared'

export function ActivityItem({ a, communityId, brief }: { a: ActivityView; communityId: string; brief?: boolean }) {
  const off = a.status === 'cancelled'
  return (
    <View className={`act${off ? ' act--off' : ''}`} data-id={a.id} hoverClass='row--hover' onClick={() => go('party.activity', { id: a.id, c: communityId })}>
      {brief ? (
        <Text className='act__title'>{a.title}</Text>
      ) : (
        <View className='head-row'>
          <Text className='act__title'>{a.title}</Text>
          {off ? (
            <Text className='chip chip--cancelled'>已取消</Text>
          ) : a.mySignup ? (
            <Text className={`chip chip--${a.mySignup.status}`}>{SIGNUP_LABELS[a.mySignup.status]}</Text>
          ) : null}
        </View>
      )}
      <Text className='act__line'>{timeRange(a.startAt, a.endAt)}</Text>
      <Text className='act__line'>{a.place}</Text>
      {!brief && (
        <View className='act__meta'>
          <Text>
            已报名 {a.signedUp}/{a.capacity}
          </Text>
          <Text className='act__pts'>每小时 {a.pointsPerHour} 积分</Text>
        </View>
      )}
    </View>
  )
}

/** The activity a page is about, at its top (出示签到码, 扫码签到): title, when · where. */
export function ActivityBrief({ a }: { a: Pick<ActivityView, 'title' | 'startAt' | 'endAt' | 'place'> }) {
  return (
    <View className='card'>
      <Text className='card-title' style={{ display: 'block' }}>
        {a.title}
      </Text>
      <Text className='muted'>
        {timeRange(a.startAt, a.endAt)} · {a.place}
      </Text>
    </View>
  )
}

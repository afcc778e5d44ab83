/** The top of 活动详情: title and state, when, where, places, points, organiser; and, once signed up, 我的报名. */
import { View, Text } from '@tarojs/components'
import type { ActivityDetail, ActivityView } from '@contract/party'
import { clock, timeRange } from '../../../services/time'
import { SIGNUP_LABELS, hoursText } from '../shared'
import { Fact } from './bits'

export function ActivityFacts({ a, started, ended }: { a: ActivityDetail; started: boolean; ended: boolean }) {
  const cancelled = a.status === 'cancelled'
  return (
    <View className='card' id='activity-head'>
      <View className='head-row'>
        <Text className='act__big' id='activity-title'>
          {a.title}
        </Text>
        {cancelled ? (
          <Text className='chip chip--cancelled'>已取消</Text>
        ) : ended ? (
          <Text className='chip'>已结束</Text>
        ) : started ? (
          <Text className='chip chip--ok'>进行中</Text>
        ) : null}
      </View>
      <Fact label='时间'>{timeRange(a.startAt, a.endAt)}</Fact>
      <Fact label='地点'>{a.place}</Fact>
      <Fact label='名额' id='activity-capacity'>
        已报名 {a.signedUp}/{a.capacity}
        {a.signedUp >= a.capacity && !cancelled ? '（已满）' : ''}
      </Fact>
      <Fact label='积分' className='act__pts'>
        每小时 {a.pointsPerHour} 分
      </Fact>
      {a.organiserName && <Fact label='组织者'>{a.organiserName}</Fact>}
      {a.hasLocation && <Text className='note'>这个活动要在现场定位签到，请打开手机定位。</Text>}
    </View>
  )
}

export function MySignup({ s }: { s: NonNullable<ActivityView['mySignup']> }) {
  const line = (text: string) => (
    <Text className='muted' style={{ display: 'block' }}>
      {text}
    </Text>
  )
  return (
    <View className='card' id='my-signup' data-status={s.status}>
      <View className='head-row'>
        <Text className='card-title'>我的报名</Text>
        <Text className={`chip chip--${s.status}`}>{SIGNUP_LABELS[s.status]}</Text>
      </View>
      {s.checkinAt && line(`签到时间 ${clock(s.checkinAt)}`)}
      {s.checkoutAt && line(`签退时间 ${clock(s.checkoutAt)}`)}
      {s.hours !== null && line(`服务时长 ${hoursText(s.hours)}`)}
      {s.confirmedHours !== null ? (
        <Text className='pty-ok' id='my-confirmed' style={{ marginTop: '12px' }}>
          组织者已确认 {hoursText(s.confirmedHours)}，积分已发到“我的积分”
        </Text>
      ) : s.status === 'checked_out' ? (
        <Text className='note'>活动结束后，组织者确认时长就会发积分。</Text>
      ) : null}
    </View>
  )
}

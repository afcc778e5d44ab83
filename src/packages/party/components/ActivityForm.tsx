/**
 * The fields of 发布活动 / 修改活动: title, what it is, where, the day and start/end times, capacity, points per
 * hour, an optional post it belongs to, and an optional location check ('使用当前位置' in WeChat, with a radius).
 */
import { View, Text, Button, Picker } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ActivityDetail, PostView } from '@contract/party'
import { Area, Chip, Field, FormRow, intOrNull } from '../../../components/Field'
import { chinaIso, clock, isoDay } from '../../../services/time'

export interface ActivityDraft {
  title: string
  description: string
  place: string
  date: string
  start: string
  end: string
  capacity: string
  pointsPerHour: string
  postId: string | null
  /** Whether postId is known: activity.get tells only the organiser which post it belongs to; otherwise postId is sent only when changed here. */
  postTouched: boolean
  location: { lat: number; lng: number } | null
  radius: string
}

export function newDraft(): ActivityDraft {
  return {
    title: '',
    description: '',
    place: '',
    date: isoDay(new Date(Date.now() + 24 * 3600_000).toISOString()),
    start: '09:00',
    end: '11:00',
    capacity: '20',
    pointsPerHour: '10',
    postId: null,
    postTouched: true,
    location: null,
    radius: '300',
  }
}

export function draftOf(a: ActivityDetail): ActivityDraft {
  return {
    title: a.title,
    description: a.description,
    place: a.place,
    date: isoDay(a.startAt),
    start: clock(a.startAt),
    end: clock(a.endAt),
    capacity: String(a.capacity),
    pointsPerHour: String(a.pointsPerHour),
    postId: a.postId,
    postTouched: a.isOrganiser,
    location: a.location ? { lat: a.location.lat, lng: a.location.lng } : null,
    radius: String(a.location?.radius ?? 300),
  }
}

/** What is wrong with the draft, in words, or the values to send. */
export function checkDraft(
  f: ActivityDraft,
): { problem: string } | { startAt: string; endAt: string; capacity: number; pointsPerHour: number; radius: number } {
  const capacity = intOrNull(f.capacity)
  const pph = intOrNull(f.pointsPerHour)
  const radius = intOrNull(f.radius)
  const startAt = chinaIso(f.date, f.start)
  const endAt = chinaIso(f.date, f.end)
  const bad = (n: number | null, min: number, max: number) => n === null || Number.isNaN(n) || n < min || n > max
  if (!f.title.trim()) return { problem: '请填写活动名称' }
  if (!f.place.trim()) return { problem: '请填写活动地点' }
  if (!(new Date(endAt) > new Date(startAt))) return { problem: '结束时间要晚于开始时间' }
  if (bad(capacity, 1, Infinity)) return { problem: '名额要填大于 0 的整数' }
  if (bad(pph, 0, 100)) return { problem: '每小时积分要填 0 到 100 的整数' }
  if (f.location && bad(radius, 50, 5000)) return { problem: '签到范围要填 50 到 5000 米' }
  return { startAt, endAt, capacity: capacity!, pointsPerHour: pph!, radius: radius ?? 300 }
}

async function here(): Promise<{ lat: number; lng: number } | null> {
  try {
    const loc = await Taro.getLocation({ type: 'gcj02' })
    Taro.showToast({ title: '已记下当前位置', icon: 'none' })
    return { lat: loc.latitude, lng: loc.longitude }
  } catch {
    Taro.showToast({ title: '没有拿到位置，请在设置里允许使用位置', icon: 'none' })
    return null
  }
}

export function ActivityFields({ f, set, posts }: { f: ActivityDraft; set: (patch: Partial<ActivityDraft>) => void; posts: PostView[] | null }) {
  return (
    <View className='card'>
      <Field label='活动名称' id='act-title' value={f.title} maxlength={30} placeholder='如：幸福里小区环境整治' onChange={(title) => set({ title })} />
      <Area
        label='活动介绍'
        id='act-desc'
        value={f.description}
        maxlength={1000}
        placeholder='做什么、带什么、找谁集合'
        onChange={(description) => set({ description })}
      />
      <Field label='地点' id='act-place' value={f.place} maxlength={50} placeholder='如：幸福里小区南门' onChange={(place) => set({ place })} />
      <FormRow label='日期'>
        <Picker mode='date' value={f.date} onChange={(e) => set({ date: e.detail.value })}>
          <View className='form-picker' id='act-date'>
            {f.date}
          </View>
        </Picker>
      </FormRow>
      <FormRow label='时间'>
        <View className='btn-row'>
          <Picker mode='time' value={f.start} onChange={(e) => set({ start: e.detail.value })}>
            <View className='form-picker' id='act-start'>
              {f.start} 开始
            </View>
          </Picker>
          <Picker mode='time' value={f.end} onChange={(e) => set({ end: e.detail.value })}>
            <View className='form-picker' id='act-end'>
              {f.end} 结束
            </View>
          </Picker>
        </View>
      </FormRow>
      <Field label='名额（人）' id='act-capacity' type='number' value={f.capacity} onChange={(capacity) => set({ capacity })} />
      <Field
        label='每小时积分'
        id='act-points'
        type='number'
        value={f.pointsPerHour}
        hint='按确认的服务时长发放，由共建单位的预算支付'
        onChange={(pointsPerHour) => set({ pointsPerHour })}
      />
      {posts && posts.length > 0 && (
        <FormRow label='所属岗位（选填）'>
          <View className='seg'>
            {[{ id: null, title: '不属于岗位' }, ...posts].map((p) => (
              <Chip key={p.id ?? ''} on={f.postId === p.id} onClick={() => set({ postId: p.id, postTouched: true })}>
                {p.title}
              </Chip>
            ))}
          </View>
        </FormRow>
      )}
      <FormRow label='定位签到（选填）'>
        <Text className='note'>{f.location ? `已设置：在该位置 ${f.radius || '?'} 米内才能签到` : '不设置时，只要扫到现场的签到码就能签到'}</Text>
        {process.env.TARO_ENV === 'weapp' && (
          <View className='btn-row' style={{ marginTop: '12px' }}>
            <Button className='btn btn--small' onClick={async () => set({ location: (await here()) ?? f.location })}>
              使用当前位置
            </Button>
            {f.location && (
              <Button className='btn btn--small' onClick={() => set({ location: null })}>
                不要定位
              </Button>
            )}
          </View>
        )}
        {f.location && <Field label='签到范围（米）' type='number' value={f.radius} onChange={(radius) => set({ radius })} />}
      </FormRow>
    </View>
  )
}

/**
 * 发布活动 / 修改活动 (secretary): title, what it is, where, the day and start/end times, capacity, points
 * per hour, an optional post it belongs to, and an optional location check ('使用当前位置' in WeChat,
 * with a radius). Times go out as ISO with this phone's offset.
 */
import { useEffect, useState } from 'react'
import { View, Text, Button, Picker } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { ActivityDetail } from '@contract/party'
import { PageShell } from '../../../../components/PageShell'
import { Loading } from '../../../../components/Loading'
import { ErrorState } from '../../../../components/ErrorState'
import { useSession } from '../../../../hooks/useSession'
import { useQuery } from '../../../../hooks/useQuery'
import { call, toApiError } from '../../../../services/api'
import { ROUTES } from '../../../../routes'
import { dayText, clock, isSecretaryOf, localIso, useSecretaryCommunity } from '../../shared'
import { guard } from '../../components/Guard'
import { Area, Field, intOrNull } from '../../components/Field'
import '../../party.scss'

interface Form {
  title: string
  description: string
  place: string
  date: string
  start: string
  end: string
  capacity: string
  pointsPerHour: string
  postId: string | null
  /** activity.get does not say which post an activity belongs to: on edit, send postId only when changed here */
  postTouched: boolean
  location: { lat: number; lng: number } | null
  radius: string
}

function tomorrow(): string {
  return dayText(new Date(Date.now() + 24 * 3600_000).toISOString())
}

const EMPTY = (): Form => ({
  title: '',
  description: '',
  place: '',
  date: tomorrow(),
  start: '09:00',
  end: '11:00',
  capacity: '20',
  pointsPerHour: '10',
  postId: null,
  postTouched: true,
  location: null,
  radius: '300',
})

function fromActivity(a: ActivityDetail): Form {
  return {
    title: a.title,
    description: a.description,
    place: a.place,
    date: dayText(a.startAt),
    start: clock(a.startAt),
    end: clock(a.endAt),
    capacity: String(a.capacity),
    pointsPerHour: String(a.pointsPerHour),
    postId: null,
    postTouched: false,
    location: null,
    radius: '300',
  }
}

export default function AdminActivity() {
  const session = useSession()
  const { me } = session
  const communityId = useSecretaryCommunity(me)
  const allowed = isSecretaryOf(me, communityId)
  const { params } = useRouter()
  const activityId = params.activityId ? decodeURIComponent(params.activityId) : null
  const key = me && communityId && allowed ? `${me.userId}|${communityId}|${activityId ?? 'new'}` : null
  const existing = useQuery(key && activityId ? key : null, () => call('activity.get', { communityId: communityId!, activityId: activityId! }))
  const posts = useQuery(key, () => call('post.list', { communityId: communityId! }))
  const [form, setForm] = useState<Form | null>(activityId ? null : EMPTY())
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  useEffect(() => {
    if (existing.data && !form) setForm(fromActivity(existing.data))
  }, [existing.data, form])

  const blocked = guard(session, communityId, { secretary: true, allowed, what: '发布活动' })
  if (blocked) return blocked
  if (existing.error) return <PageShell><ErrorState error={existing.error} onRetry={existing.reload} /></PageShell>
  if (!form) return <PageShell><Loading /></PageShell>
  const f = form
  const set = (patch: Partial<Form>) => setForm({ ...f, ...patch })

  async function useHere() {
    try {
      const loc = await Taro.getLocation({ type: 'gcj02' })
      set({ location: { lat: loc.latitude, lng: loc.longitude } })
      Taro.showToast({ title: '已记下当前位置', icon: 'none' })
    } catch {
      Taro.showToast({ title: '没有拿到位置，请在设置里允许使用位置', icon: 'none' })
    }
  }

  async function save() {
    const capacity = intOrNull(f.capacity)
    const pph = intOrNull(f.pointsPerHour)
    const radius = intOrNull(f.radius)
    const startAt = localIso(f.date, f.start)
    const endAt = localIso(f.date, f.end)
    const bad = !f.title.trim()
      ? '请填写活动名称'
      : !f.place.trim()
        ? '请填写活动地点'
        : !(new Date(endAt) > new Date(startAt))
          ? '结束时间要晚于开始时间'
          : capacity === null || Number.isNaN(capacity) || capacity < 1
            ? '名额要填大于 0 的整数'
            : pph === null || Number.isNaN(pph) || pph < 0 || pph > 100
              ? '每小时积分要填 0 到 100 的整数'
              : f.location && (radius === null || Number.isNaN(radius) || radius < 50 || radius > 5000)
                ? '签到范围要填 50 到 5000 米'
                : null
    setProblem(bad)
    if (bad) return
    setBusy(true)
    try {
      const saved = await call('activity.upsert', {
        communityId: communityId!,
        ...(activityId ? { activityId } : {}),
        title: f.title.trim(),
        description: f.description.trim(),
        place: f.place.trim(),
        startAt,
        endAt,
        capacity: capacity!,
        pointsPerHour: pph!,
        ...(f.postTouched ? { postId: f.postId } : {}),
        ...(f.location ? { location: { ...f.location, radius: radius! } } : activityId ? {} : { location: null }),
      })
      Taro.showToast({ title: activityId ? '已保存' : '已发布', icon: 'success' })
      setTimeout(() => Taro.redirectTo({ url: `${ROUTES['party.activity']}?id=${saved.id}&c=${communityId}` }), 600)
    } catch (e) {
      setProblem(toApiError(e).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageShell className='admin-activity'>
      {existing.data?.hasLocation && !f.location && (
        <Text className='pty-warn'>这个活动原来设了定位签到。保存修改时请重新点“使用当前位置”，否则定位要求会被取消。</Text>
      )}
      <View className='card'>
        <Field label='活动名称' id='act-title' value={f.title} maxlength={30} placeholder='如：幸福里小区环境整治' onChange={(title) => set({ title })} />
        <Area label='活动介绍' id='act-desc' value={f.description} maxlength={1000} placeholder='做什么、带什么、找谁集合' onChange={(description) => set({ description })} />
        <Field label='地点' id='act-place' value={f.place} maxlength={50} placeholder='如：幸福里小区南门' onChange={(place) => set({ place })} />
        <View className='form-row'>
          <Text className='form-label'>日期</Text>
          <Picker mode='date' value={f.date} onChange={(e) => set({ date: e.detail.value })}>
            <View className='form-picker' id='act-date'>
              {f.date}
            </View>
          </Picker>
        </View>
        <View className='form-row'>
          <Text className='form-label'>时间</Text>
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
        </View>
        <Field label='名额（人）' id='act-capacity' type='number' value={f.capacity} onChange={(capacity) => set({ capacity })} />
        <Field label='每小时积分' id='act-points' type='number' value={f.pointsPerHour} hint='按确认的服务时长发放，由共建单位的预算支付' onChange={(pointsPerHour) => set({ pointsPerHour })} />
        {posts.data && posts.data.length > 0 && (
          <View className='form-row'>
            <Text className='form-label'>所属岗位（选填）</Text>
            <View className='seg'>
              <View className={`seg__opt${f.postId === null ? ' seg__opt--on' : ''}`} onClick={() => set({ postId: null, postTouched: true })}>
                不属于岗位
              </View>
              {posts.data.map((p) => (
                <View key={p.id} className={`seg__opt${f.postId === p.id ? ' seg__opt--on' : ''}`} onClick={() => set({ postId: p.id, postTouched: true })}>
                  {p.title}
                </View>
              ))}
            </View>
          </View>
        )}
        <View className='form-row'>
          <Text className='form-label'>定位签到（选填）</Text>
          <Text className='note'>{f.location ? `已设置：在该位置 ${f.radius || '?'} 米内才能签到` : '不设置时，只要扫到现场的签到码就能签到'}</Text>
          {process.env.TARO_ENV === 'weapp' && (
            <View className='btn-row' style={{ marginTop: '12px' }}>
              <Button className='btn btn--small' onClick={useHere}>
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
        </View>
      </View>
      {problem && (
        <Text className='form-error' id='act-problem'>
          {problem}
        </Text>
      )}
      <Button className='btn btn--primary btn--block' id='act-save' loading={busy} disabled={busy} onClick={save}>
        {activityId ? '保存修改' : '发布活动'}
      </Button>
    </PageShell>
  )
}

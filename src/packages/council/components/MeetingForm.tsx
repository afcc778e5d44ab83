/**
 * 安排议事会议 / 修改、写纪要: which council, what kind (议事日, 居民代表会议), title, place, day and hours,
 * how many places, the topics on its agenda, and — afterwards — the minutes, which the server adds to each
 * listed topic's timeline. A meeting is an activity: sign-up and check-in are the activity pages'.
 */
import { useState } from 'react'
import { Picker } from '@tarojs/components'
import type { MeetingKind, MeetingView } from '@contract/council'
import { MEETING_KINDS, MEETING_KIND_LABELS } from '@contract/vocabulary'
import { Area, Choice, Field, FormRow, PickFace, Tags, intOrNull } from '../../../components/Field'
import { Sheet } from '../../../components/Sheet'
import { useAction } from '../../../hooks/useAction'
import { useQuery } from '../../../hooks/useQuery'
import { call } from '../../../services/api'
import { chinaIso, chinaToday, dayText, formatChina } from '../../../services/time'
import { CouncilChoice } from './bits'

export function MeetingForm({
  communityId,
  meeting,
  onDone,
  onClose,
}: {
  communityId: string
  meeting: MeetingView | null
  onDone: () => void
  onClose: () => void
}) {
  const [councilId, setCouncilId] = useState<string | null>(meeting?.councilId ?? null)
  const [kind, setKind] = useState<MeetingKind>(meeting?.kind ?? 'council_day')
  const [title, setTitle] = useState(meeting?.title ?? '')
  const [place, setPlace] = useState(meeting?.place ?? '')
  const [day, setDay] = useState(meeting ? formatChina(meeting.startAt, 'YYYY-MM-DD') : chinaToday(Date.now() + 86_400_000))
  const [from, setFrom] = useState(meeting ? formatChina(meeting.startAt, 'HH:mm') : '19:00')
  const [to, setTo] = useState(meeting ? formatChina(meeting.endAt, 'HH:mm') : '20:30')
  const [capacity, setCapacity] = useState(String(meeting?.capacity ?? 50))
  const [topicTitles, setTopicTitles] = useState<string[]>(meeting?.topics.map((t) => t.title) ?? [])
  const [minutes, setMinutes] = useState(meeting?.minutes ?? '')
  const [problem, setProblem] = useState<string | null>(null)
  const data = useQuery(communityId, () => Promise.all([call('council.list', { communityId }), call('topic.list', { communityId, limit: 50 })]))
  const councils = data.data?.[0].filter((c) => c.active) ?? []
  // The agenda is picked by title; topics already on it stay choosable whatever their stage now.
  const topics = new Map([...(meeting?.topics ?? []), ...(data.data?.[1].items ?? [])].map((t) => [t.title, t.id]))
  const save = useAction((input: Parameters<typeof call<'meeting.upsert'>>[1]) => call('meeting.upsert', input), {
    success: meeting ? '已保存' : '会议已安排',
    onSuccess: onDone,
    showError: 'keep',
  })

  function submit() {
    const cap = intOrNull(capacity)
    const council = councilId ?? councils.find((c) => c.isDefault)?.id ?? councils[0]?.id
    if (!council) return setProblem('请先设立议事会')
    if (!title.trim() || !place.trim()) return setProblem('请写会议名称和地点')
    if (to <= from) return setProblem('结束时间要晚于开始时间')
    if (cap === null || Number.isNaN(cap) || cap < 1 || cap > 2000) return setProblem('名额请填 1–2000')
    setProblem(null)
    void save.run({
      communityId,
      ...(meeting ? { meetingId: meeting.id } : {}),
      councilId: council,
      kind,
      title: title.trim(),
      place: place.trim(),
      startAt: chinaIso(day, from),
      endAt: chinaIso(day, to),
      capacity: cap,
      topicIds: topicTitles.map((t) => topics.get(t)).filter((id): id is string => !!id),
      minutes: minutes.trim() || null,
    })
  }

  return (
    <Sheet
      id='meeting-form'
      title={meeting ? '修改会议 · 写纪要' : '安排议事会议'}
      error={problem ?? save.error?.message}
      busy={save.busy}
      submitText='保存'
      onSubmit={submit}
      onClose={onClose}
    >
      <CouncilChoice id='meeting-council' label='哪个议事会' councils={councils} value={councilId} onChange={setCouncilId} />
      <Choice
        id='meeting-kind'
        label='会议类型'
        value={kind}
        options={MEETING_KINDS.map((k) => ({ value: k, text: MEETING_KIND_LABELS[k] }))}
        onChange={setKind}
      />
      <Field id='meeting-title' label='会议名称' value={title} maxlength={30} placeholder='例如：12月议事日' onChange={setTitle} />
      <Field id='meeting-place' label='地点' value={place} maxlength={50} placeholder='例如：社区党群服务中心二楼' onChange={setPlace} />
      <FormRow label='哪一天，几点到几点'>
        <Picker mode='date' value={day} onChange={(e) => setDay(String(e.detail.value))}>
          <PickFace id='meeting-day' text={dayText(day)} arrow='选日期 ›' />
        </Picker>
        <Picker mode='time' value={from} onChange={(e) => setFrom(String(e.detail.value))}>
          <PickFace id='meeting-from' text={`${from} 开始`} />
        </Picker>
        <Picker mode='time' value={to} onChange={(e) => setTo(String(e.detail.value))}>
          <PickFace id='meeting-to' text={`${to} 结束`} />
        </Picker>
      </FormRow>
      <Field id='meeting-capacity' type='number' label='名额' value={capacity} maxlength={4} onChange={setCapacity} />
      <Tags
        id='meeting-topics'
        label='要议的议题'
        value={topicTitles}
        suggestions={Array.from(topics.keys())}
        max={20}
        allowCustom={false}
        onChange={setTopicTitles}
      />
      <Area id='meeting-minutes' label='会议纪要（开完会再写）' value={minutes} maxlength={2000} placeholder='议了什么、怎么定的' onChange={setMinutes} />
    </Sheet>
  )
}

/**
 * 议事会议 (secretary): the councils' meetings, newest first — 议事日 and 居民代表会议 with their time, place,
 * sign-ups, agenda and minutes; arrange one, change it or write its minutes. A meeting is an activity: its
 * page (sign-up) and its rotating check-in code are the activity pages', linked from each card.
 */
import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import type { MeetingView } from '@contract/council'
import { MEETING_KIND_LABELS, TOPIC_STATUS_LABELS } from '@contract/vocabulary'
import { Guard } from '../../../../components/Guard'
import { PagedList } from '../../../../components/PagedList'
import { usePaged } from '../../../../hooks/useQuery'
import { call } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { timeRange } from '../../../../services/time'
import { useCouncilSecretary } from '../../shared'
import { MeetingForm } from '../../components/MeetingForm'
import '../../council.scss'

const STATUS_WORDS: Record<MeetingView['status'], string> = { published: '报名中', cancelled: '已取消', finished: '已结束' }

function MeetingCard({ m, communityId, onEdit }: { m: MeetingView; communityId: string; onEdit: () => void }) {
  return (
    <View className='card ct-meeting' data-id={m.id}>
      <View className='ct-council__head'>
        <Text className='tag'>{MEETING_KIND_LABELS[m.kind]}</Text>
        <Text className='note'>{STATUS_WORDS[m.status]}</Text>
      </View>
      <View className='card-title'>{m.title}</View>
      <Text className='muted ct-meeting__line'>
        {timeRange(m.startAt, m.endAt)} · {m.place}
      </Text>
      <Text className='muted ct-meeting__line'>
        已报名 {m.signedUp} / {m.capacity} 人
      </Text>
      {m.topics.map((t) => (
        <Text key={t.id} className='link ct-meeting__topic' onClick={() => go('council.topic', { id: t.id, c: communityId })}>
          议题：{t.title}（{TOPIC_STATUS_LABELS[t.status]}） ›
        </Text>
      ))}
      {m.minutes && <Text className='story-words ct-meeting__minutes'>纪要：{m.minutes}</Text>}
      <View className='btn-row ct-meeting__actions'>
        <Button className='btn btn--small' onClick={() => go('party.activity', { id: m.id, c: communityId })}>
          报名页
        </Button>
        {m.status === 'published' && (
          <Button className='btn btn--small' onClick={() => go('party.checkinCode', { communityId, activityId: m.id })}>
            签到码
          </Button>
        )}
        <Button className='btn btn--small btn--primary' onClick={onEdit}>
          修改 · 纪要
        </Button>
      </View>
    </View>
  )
}

export default function Meetings() {
  const admin = useCouncilSecretary()
  const list = usePaged(admin.key, (cursor) => call('meeting.list', { communityId: admin.communityId!, cursor, limit: 20 }))
  // null: closed; 'new': a new meeting; else the meeting being changed.
  const [editing, setEditing] = useState<MeetingView | 'new' | null>(null)
  return (
    <Guard {...admin.guard} className='council-admin'>
      <Button className='btn btn--primary btn--block ct-first' id='meeting-new' onClick={() => setEditing('new')}>
        ＋ 安排议事会议
      </Button>
      <PagedList
        list={list}
        id='meeting-list'
        className='ct-list'
        empty='还没有安排过议事会议'
        itemKey={(m) => m.id}
        renderItem={(m) => <MeetingCard m={m} communityId={admin.communityId!} onEdit={() => setEditing(m)} />}
      />
      {editing && (
        <MeetingForm
          communityId={admin.communityId!}
          meeting={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null)
            list.reload()
          }}
        />
      )}
    </Guard>
  )
}

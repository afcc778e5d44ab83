/**
 * 议题审核 (secretary): what waits for the community — drafts the content check held back, topics hidden by
 * reports, held comments, topics waiting for the party branch's review, and votes that are open (or past
 * their close) — with the counts on top (council.stats), one list at a time, each row with its buttons.
 */
import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { CommentView, TopicCard } from '@contract/council'
import { Guard } from '../../../../components/Guard'
import { Chip } from '../../../../components/Field'
import { PagedList } from '../../../../components/PagedList'
import { usePaged, useQuery } from '../../../../hooks/useQuery'
import { call } from '../../../../services/api'
import { useCouncilSecretary } from '../../shared'
import { HeldComment, TopicRow } from '../../components/QueueRows'
import '../../council.scss'

type Queue = 'draft' | 'hidden' | 'comments' | 'review' | 'voting'
/** A row of the queue: a topic, or a held comment. */
type Row = { id: string; t: TopicCard } | { id: string; c: CommentView }
type Waiting = keyof NonNullable<ReturnType<typeof useStats>['data']>['waiting']

const QUEUES: { value: Queue; text: string; count: Waiting; empty: string }[] = [
  { value: 'draft', text: '待审核议题', count: 'drafts', empty: '没有等待审核的议题' },
  { value: 'hidden', text: '被举报隐藏', count: 'hidden', empty: '没有被举报隐藏的议题' },
  { value: 'comments', text: '待审意见', count: 'heldComments', empty: '没有等待审核的意见' },
  { value: 'review', text: '待党支部审议', count: 'reviews', empty: '没有等待审议的议题' },
  { value: 'voting', text: '表决中', count: 'votesToClose', empty: '没有正在表决的议题' },
]

function useStats(key: string | null, communityId: string | null) {
  return useQuery(key, () => call('council.stats', { communityId: communityId! }))
}

export default function Queue() {
  const admin = useCouncilSecretary()
  const [queue, setQueue] = useState<Queue>('draft')
  const stats = useStats(admin.key, admin.communityId)
  const communityId = admin.communityId!
  const listKey = admin.key ? `${admin.key}|${queue}` : null
  // One list whatever the queue: topics, or (待审意见) held comments, each row with its buttons.
  const list = usePaged<Row>(listKey, async (cursor) => {
    if (queue === 'comments') {
      const page = await call('topic.comments', { communityId, held: true, cursor, limit: 20 })
      return { items: page.items.map((c) => ({ id: c.id, c })), nextCursor: page.nextCursor }
    }
    const page = await call('topic.list', { communityId, status: queue, cursor, limit: 20 })
    return { items: page.items.map((t) => ({ id: t.id, t })), nextCursor: page.nextCursor }
  })
  const q = QUEUES.find((x) => x.value === queue)!
  const gone = (id: string) => {
    list.setItems((items) => items.filter((x) => x.id !== id))
    stats.reload()
  }
  const waiting = stats.data?.waiting

  return (
    <Guard {...admin.guard} className='council-admin'>
      <View className='seg ct-queues' id='queue-segs'>
        {QUEUES.map((x) => (
          <Chip key={x.value} value={x.value} on={queue === x.value} onClick={() => setQueue(x.value)}>
            {x.text}
            {waiting && waiting[x.count] > 0 ? <Text className='ct-count'> {waiting[x.count]}</Text> : null}
          </Chip>
        ))}
      </View>
      {queue === 'voting' && waiting && waiting.votesToClose > 0 && (
        <Text className='warn'>有 {waiting.votesToClose} 个表决已过截止时间，请结束并公示结果。</Text>
      )}
      <PagedList
        list={list}
        id='queue-list'
        className='topic-list'
        empty={q.empty}
        itemKey={(r) => r.id}
        renderItem={(r) =>
          'c' in r ? (
            <HeldComment c={r.c} communityId={communityId} onGone={gone} reload={list.reload} />
          ) : (
            <TopicRow t={r.t} communityId={communityId} onGone={gone} reload={list.reload} />
          )
        }
      />
    </Guard>
  )
}

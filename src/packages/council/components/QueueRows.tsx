/**
 * The secretary's queue, one thing at a time: a topic card with the step it waits for (approve or refuse a
 * draft, restore or retire a hidden topic, open one for review, record paper votes or close a vote), or a
 * held comment to show or remove. Each button asks first, then acts; the row leaves the queue when done.
 */
import { View, Text, Button } from '@tarojs/components'
import type { CommentView, TopicCard as Card } from '@contract/council'
import { TopicCard } from '../../../features/council/TopicCard'
import { useAction } from '../../../hooks/useAction'
import { call } from '../../../services/api'
import { go } from '../../../services/nav'
import { dateTime } from '../../../services/time'
import { useTopicStep, type OneTap } from './useTopicStep'

interface RowProps {
  communityId: string
  /** The row is done: take it out of the list (and refresh the counts). */
  onGone: (id: string) => void
  reload: () => void
}

export function TopicRow({ t, communityId, onGone, reload }: RowProps & { t: Card }) {
  // The row leaves the queue once the topic has moved on (a vote stopped early is still being counted).
  const act = useTopicStep(communityId, t.id, { onSuccess: (next) => next.status !== t.status && onGone(t.id), reload })
  const open = () => go('council.topic', { id: t.id, c: communityId })
  const button = (d: OneTap, text: string, primary = false) => (
    <Button key={d} className={`btn btn--small${primary ? ' btn--primary' : ''} queue-${d}`} disabled={act.busy} onClick={() => act.run(d)}>
      {text}
    </Button>
  )
  return (
    <TopicCard topic={t} onClick={open}>
      <View className='topic-card__actions' onClick={(e) => e.stopPropagation()}>
        {t.status === 'draft' && [button('approve', '通过并公示', true), button('remove', '不予公示')]}
        {t.status === 'hidden' && [button('restore', '恢复公示', true), button('remove', '终止议题')]}
        {t.status === 'review' && (
          <Button className='btn btn--small btn--primary' onClick={open}>
            去审议
          </Button>
        )}
        {t.status === 'voting' && [
          <Button key='offline' className='btn btn--small' onClick={() => go('council.offline', { communityId, topicId: t.id })}>
            录入线下票
          </Button>,
          button('close', '结束并公示', true),
        ]}
      </View>
    </TopicCard>
  )
}

export function HeldComment({ c, communityId, onGone, reload }: RowProps & { c: CommentView }) {
  const act = useAction((decision: 'approve' | 'remove') => call('topic.moderate', { communityId, topicId: c.topicId!, commentId: c.id, decision }), {
    confirm: (d) => (d === 'remove' ? { title: '删除意见', content: '删除后这条意见不再显示。确定删除吗？' } : null),
    success: (_, d) => (d === 'approve' ? '已显示' : '已删除'),
    onSuccess: () => onGone(c.id),
    reload,
  })
  return (
    <View className='card ct-held' data-id={c.id}>
      {c.topicTitle && (
        <Text className='link' onClick={() => c.topicId && go('council.topic', { id: c.topicId, c: communityId })}>
          议题：{c.topicTitle} ›
        </Text>
      )}
      <Text className='story-words'>“{c.text}”</Text>
      <Text className='note'>
        {c.authorName} · {dateTime(c.at)}
      </Text>
      {c.topicId && (
        <View className='topic-card__actions'>
          <Button className='btn btn--small btn--primary queue-show' disabled={act.busy} onClick={() => act.run('approve')}>
            没问题，显示
          </Button>
          <Button className='btn btn--small queue-remove' disabled={act.busy} onClick={() => act.run('remove')}>
            删除
          </Button>
        </View>
      )}
    </View>
  )
}

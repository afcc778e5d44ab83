/**
 * One topic in a list (the 议事 tab, the secretary's queue): its stage, the council, the title, how far its
 * support has come while it collects, who raised it, and the running deadline. `children` adds a queue's
 * line and buttons under the card (they do not open it).
 */
import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import type { TopicCard as Card, TopicStatus } from '@contract/council'
import { TOPIC_STATUS_LABELS } from '@contract/vocabulary'
import { OUTCOME_LABELS, deadlineText, supportPercent } from './shared'
import './topic-card.scss'

export function StageChip({ status, outcome }: { status: TopicStatus; outcome: Card['outcome'] }) {
  return (
    <>
      <Text className={`chip topic-chip topic-chip--${status}`}>{TOPIC_STATUS_LABELS[status]}</Text>
      {outcome && <Text className={`chip topic-chip topic-chip--${outcome}`}>{OUTCOME_LABELS[outcome]}</Text>}
    </>
  )
}

/** 附议 progress: a bar toward the threshold and the count in words. */
export function SupportMeter({ supports, threshold, id }: { supports: number; threshold: number; id?: string }) {
  const left = Math.max(0, threshold - supports)
  return (
    <View className='meter' id={id}>
      <View className='meter__track'>
        <View className='meter__fill' style={{ width: `${supportPercent(supports, threshold)}%` }} />
      </View>
      <Text className='meter__text'>
        {supports} 人附议{left > 0 ? `，还差 ${left} 人进入审议` : '，已够数'}
      </Text>
    </View>
  )
}

export function TopicCard({ topic, onClick, children }: { topic: Card; onClick?: () => void; children?: ReactNode }) {
  const deadline = deadlineText(topic)
  return (
    <View className='topic-card' data-id={topic.id} data-status={topic.status} hoverClass='row--hover' onClick={onClick}>
      <View className='topic-card__top'>
        <StageChip status={topic.status} outcome={topic.outcome} />
        <Text className='topic-card__council'>{topic.councilName}</Text>
      </View>
      <Text className='topic-card__title'>{topic.title}</Text>
      {topic.status === 'collecting' && <SupportMeter supports={topic.supports} threshold={topic.supportThreshold} />}
      <Text className='topic-card__line'>
        {topic.authorName} 提 · 附议 {topic.supports} · 意见 {topic.comments}
      </Text>
      {deadline && <Text className='topic-card__line topic-card__deadline'>{deadline}</Text>}
      {children}
    </View>
  )
}

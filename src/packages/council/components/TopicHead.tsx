/**
 * The top of a topic: its stage and outcome, title, words and photos, where it sits and who raised it; the
 * road it travels (附议 → 审议 → … → 办结) with where it is now; and, for a topic that left the road, why.
 */
import { View, Text, Image } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { TopicDetail } from '@contract/council'
import { RETIRE_REASON_LABELS, TOPIC_CHANNEL_LABELS } from '@contract/vocabulary'
import { Fact } from '../../../components/Fact'
import { PhotoRow } from '../../../components/Photos'
import { StageChip } from '../../../features/council/TopicCard'
import { go } from '../../../services/nav'
import { dateTime } from '../../../services/time'
import { STAGE_STEPS } from '../shared'

/** Why a topic is off the road, in words (null while it is on it). */
function offRoad(t: TopicDetail): string | null {
  switch (t.status) {
    case 'draft':
      return '社区正在看这个议题，看过后就会公示，大家就能附议了。'
    case 'withdrawn':
      return '提议人撤回了这个议题。'
    case 'merged':
      return '这个议题已和另一个议题合并，请到那里继续参与。'
    case 'retired':
      return `这个议题已终止：${t.retireReason ? RETIRE_REASON_LABELS[t.retireReason] : '社区终止'}。`
    case 'hidden':
      return '这个议题被多位居民举报，社区核实前暂时不公示。'
    default:
      return null
  }
}

export function TopicHead({ t, communityId }: { t: TopicDetail; communityId: string }) {
  const off = offRoad(t)
  return (
    <>
      <View className='card' id='topic-head' data-status={t.status}>
        <View className='story-status'>
          <StageChip status={t.status} outcome={t.outcome} />
        </View>
        <Text className='story-title' id='topic-title'>
          {t.title}
        </Text>
        <Text className='story-text'>{t.description}</Text>
        {t.photos[0] && (
          <Image className='ct-hero' src={t.photos[0]} mode='aspectFill' onClick={() => Taro.previewImage({ urls: t.photos, current: t.photos[0] })} />
        )}
        {t.photos.length > 1 && <PhotoRow photos={t.photos.slice(1)} />}
        {off && (
          <Text className='warn ct-off' id='topic-off'>
            {off}
          </Text>
        )}
        {t.mergedInto && (
          <Text className='link' id='topic-merged-into' onClick={() => go('council.topic', { id: t.mergedInto!.id, c: communityId })}>
            去看「{t.mergedInto.title}」 ›
          </Text>
        )}
      </View>
      <View className='card' id='topic-facts'>
        <Fact label='议事会'>{t.councilName}</Fact>
        <Fact label='提议人'>
          {t.authorName}
          {t.channel !== 'online' ? `（${TOPIC_CHANNEL_LABELS[t.channel]}）` : ''}
        </Fact>
        {(t.place || t.buildingName) && <Fact label='地点'>{[t.buildingName, t.place].filter(Boolean).join(' · ')}</Fact>}
        <Fact label='提出时间'>{dateTime(t.createdAt)}</Fact>
      </View>
      {!off && <Stages t={t} />}
    </>
  )
}

/** The road, with the stages behind marked done and the current one lit. */
function Stages({ t }: { t: TopicDetail }) {
  const at = STAGE_STEPS.findIndex((s) => s.status === t.status)
  return (
    <View className='ct-steps' id='topic-steps'>
      {STAGE_STEPS.map((s, i) => (
        <View key={s.status} className={`ct-step${i < at ? ' ct-step--past' : ''}${i === at ? ' ct-step--now' : ''}`} data-status={s.status}>
          <View className='ct-step__dot'>{i < at ? '✓' : i + 1}</View>
          <Text className='ct-step__text'>{s.text}</Text>
        </View>
      ))}
    </View>
  )
}

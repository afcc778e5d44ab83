/** What has been said and done about a topic: the review and discussion notes, the milestones, the timeline. */
import { View, Text } from '@tarojs/components'
import type { TopicDetail } from '@contract/council'
import { PhotoRow } from '../../../components/Photos'
import { Timeline as StoryTimeline } from '../../../components/Timeline'
import { dateTime, dayText } from '../../../services/time'
import { EVENT_TEXT } from '../shared'

/** 党支部审议意见 and 业委会商议意见, once written. */
export function Notes({ t }: { t: TopicDetail }) {
  if (!t.review && !t.discussion) return null
  return (
    <View className='card' id='topic-notes'>
      {t.review && (
        <View className='ct-note' id='topic-review'>
          <Text className='ct-note__who'>党支部审议意见 · {dateTime(t.review.at)}</Text>
          <Text className='story-words'>{t.review.note}</Text>
        </View>
      )}
      {t.discussion && (
        <View className='ct-note' id='topic-discussion'>
          <Text className='ct-note__who'>业委会商议意见 · {dateTime(t.discussion.at)}</Text>
          <Text className='story-words'>{t.discussion.note}</Text>
        </View>
      )}
    </View>
  )
}

/** 落实进展: each milestone with its day, words and photos, newest first. */
export function Milestones({ t }: { t: TopicDetail }) {
  if (t.milestones.length === 0) return null
  return (
    <>
      <View className='section-title'>落实进展</View>
      <View className='card' id='topic-milestones'>
        {t.milestones
          .slice()
          .reverse()
          .map((m) => (
            <View key={m.at} className='ct-milestone' data-done={m.done ? '1' : '0'}>
              <View className='ct-milestone__head'>
                <Text className='ct-milestone__day'>{dayText(m.date)}</Text>
                {m.done && <Text className='chip topic-chip topic-chip--done'>已办完</Text>}
              </View>
              <Text className='story-words'>{m.note}</Text>
              <PhotoRow photos={m.photos} />
            </View>
          ))}
      </View>
    </>
  )
}

/** Every step, newest first: 时间 · 谁 · 做了什么, with its note. */
export function Timeline({ t }: { t: TopicDetail }) {
  const steps = t.timeline.map((h) => ({ ...h, who: h.byName, what: EVENT_TEXT[h.event] ?? h.event }))
  return <StoryTimeline title='议题经过' id='topic-timeline' steps={steps} />
}

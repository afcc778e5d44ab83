/**
 * A story's steps, newest first — 时间 · 谁 做了什么, with its note and photos — under its heading (a wish's
 * 心愿进展, a topic's 议题经过). Styles: src/styles/_story.scss .tl*, which the areas that tell a story @use.
 * Subpackage pages only: it formats times with src/services/time.ts (dayjs stays out of the main package).
 *
 *   <Timeline title='议题经过' id='topic-timeline' steps={t.timeline.map((h) => ({ ...h, who: h.byName, what: EVENT_TEXT[h.event] }))} />
 */
import { View, Text } from '@tarojs/components'
import { dateTime } from '../services/time'
import { PhotoRow } from './Photos'

export interface Step {
  at: string
  /** What happened, as a code (the item's data-event, for tests). */
  event: string
  /** Who did it (a masked name), or nobody named. */
  who: string | null
  /** What happened, in words. */
  what: string
  note?: string | null
  photos?: string[]
}

/** Oldest first in, newest first on screen; the latest step's dot is lit. */
export function Timeline({ title, id, steps }: { title: string; id: string; steps: Step[] }) {
  const latest = steps.length - 1
  return (
    <>
      <View className='section-title'>{title}</View>
      <View className='card' id={id}>
        <View className='tl'>
          {steps
            .map((h, i) => ({ h, i }))
            .reverse()
            .map(({ h, i }) => (
              <View key={i} className={`tl__item${i === latest ? ' tl__item--latest' : ''}`} data-event={h.event}>
                <View className='tl__dot' />
                <Text className='tl__when'>{dateTime(h.at)}</Text>
                <Text className='tl__what'>
                  {h.who ? `${h.who} ` : ''}
                  {h.what}
                </Text>
                {h.note ? <Text className='tl__note'>{h.note}</Text> : null}
                {h.photos && <PhotoRow photos={h.photos} />}
              </View>
            ))}
        </View>
      </View>
    </>
  )
}

/**
 * One request in a list (我的诉求, the worker's queue, the secretary's board): the clock's colour dot and time
 * left in words, the category and status, the first line of the words, where, and who holds it. `children`
 * adds a queue's buttons under the card (they do not open it).
 */
import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import type { ClockView, RequestCard as Card } from '@contract/requests'
import { REQUEST_CATEGORY_LABELS, REQUEST_STATUS_LABELS } from '@contract/vocabulary'
import { clockWords, COLOUR_LABELS } from '../shared'

/** The clock: a coloured dot and the time left in words (nothing when no one's clock runs). */
export function Clock({ clock, id, big }: { clock: ClockView; id?: string; big?: boolean }) {
  const words = clockWords(clock)
  if (!words) return null
  return (
    <View className={`rq-clock rq-clock--${clock.colour}${big ? ' rq-clock--big' : ''}`} id={id} data-colour={clock.colour}>
      <View className='rq-dot' aria-label={clock.colour === 'none' ? '' : COLOUR_LABELS[clock.colour]} />
      <Text>{words}</Text>
    </View>
  )
}

export function StatusChips({ r }: { r: Pick<Card, 'category' | 'status' | 'urgency'> }) {
  return (
    <>
      <Text className={`chip rq-chip rq-chip--${r.status}`}>{REQUEST_STATUS_LABELS[r.status]}</Text>
      <Text className='rq-cat'>{REQUEST_CATEGORY_LABELS[r.category]}</Text>
      {r.urgency === 'urgent' && <Text className='chip rq-chip rq-chip--urgent'>紧急</Text>}
    </>
  )
}

export function RequestCard({ r, onClick, children }: { r: Card; onClick?: () => void; children?: ReactNode }) {
  return (
    <View className='card rq-card' data-id={r.id} data-status={r.status} data-colour={r.clock.colour} hoverClass='row--hover' onClick={onClick}>
      <View className='rq-card__top'>
        <StatusChips r={r} />
      </View>
      <Text className='rq-card__title'>{r.summary}</Text>
      <Clock clock={r.clock} />
      {(r.place || r.holder) && <Text className='rq-card__line'>{[r.place, r.holder && `承办：${r.holder}`].filter(Boolean).join(' · ')}</Text>}
      {children}
    </View>
  )
}

/**
 * 场地预约: the day, the hours (within the opening hours) and what it is for; the unit's staff or the secretary
 * approve it (venue.approve), and it shows on 我的预约 as 待审批 until then.
 */
import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import type { BookingView, ServiceDetail } from '@contract/services'
import { Area, Field } from '../../../components/Field'
import { useAction } from '../../../hooks/useAction'
import { call } from '../../../services/api'
import { chinaToday } from '../../../services/time'
import { BOOKING_WORDS } from '../shared'

/** The venue as the form needs it: a service's detail, or a venue card of 场地预约 with its community. */
type VenueLike = Pick<ServiceDetail, 'id' | 'communityId' | 'venue'> & { me: Pick<ServiceDetail['me'], 'canBook'> }

export function VenueBook({ s, onBooked }: { s: VenueLike; onBooked: (b: BookingView) => void }) {
  const [day, setDay] = useState(chinaToday())
  const [start, setStart] = useState(s.venue?.opens ?? '19:00')
  const [end, setEnd] = useState(s.venue?.closes ?? '21:00')
  const [purpose, setPurpose] = useState('')
  const book = useAction(
    () => call('venue.book', { communityId: s.communityId, serviceId: s.id, day: day.trim(), start: start.trim(), end: end.trim(), purpose: purpose.trim() }),
    { success: '已提交，等待审批', showError: 'keep', words: BOOKING_WORDS, onSuccess: onBooked },
  )
  return (
    <View className='card' id='venue-book'>
      <Text className='card-title'>申请使用场地</Text>
      {s.venue && (
        <Text className='note'>
          开放时间 {s.venue.opens}-{s.venue.closes}
        </Text>
      )}
      <Field label='日期' id='venue-day' value={day} onChange={setDay} placeholder='2026-12-05' maxlength={10} />
      <Field label='开始' id='venue-start' value={start} onChange={setStart} placeholder='19:00' maxlength={5} />
      <Field label='结束' id='venue-end' value={end} onChange={setEnd} placeholder='21:00' maxlength={5} />
      <Area label='用途' id='venue-purpose' value={purpose} onChange={setPurpose} maxlength={100} placeholder='如：楼栋合唱队排练' />
      {book.error && (
        <Text className='sheet__error' id='venue-error'>
          {book.error.message}
        </Text>
      )}
      <Button
        className='btn btn--primary btn--block'
        id='venue-submit'
        disabled={book.busy || !s.me.canBook || !purpose.trim()}
        onClick={() => {
          void book.run()
        }}
      >
        提交申请
      </Button>
    </View>
  )
}

/**
 * One of my bookings: the service, when, its state; the code big (read aloud or shown to staff) with its QR
 * while it is still to come; 取消预约 before the cutoff (points refunded); 评价 (1–5 stars) after I attended.
 */
import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import type { BookingView } from '@contract/services'
import { BOOKING_STATUS_LABELS } from '@contract/vocabulary'
import { Area, Chip } from '../../../components/Field'
import { Sheet } from '../../../components/Sheet'
import { useAction } from '../../../hooks/useAction'
import { call } from '../../../services/api'
import { dayText } from '../../../services/time'
import { spacedCode } from '../shared'
import { CodeQr } from './CodeQr'

export function BookingCard({ b, communityId, onChanged }: { b: BookingView; communityId: string; onChanged: (next: BookingView) => void }) {
  const [rating, setRating] = useState(false)
  const [stars, setStars] = useState(5)
  const [comment, setComment] = useState('')
  const cancel = useAction(() => call('booking.cancel', { communityId, bookingId: b.id }), {
    confirm: () => ({ title: '取消预约', content: b.pricePoints > 0 ? `取消后 ${b.pricePoints} 积分退回给您，确定取消吗？` : '确定取消这次预约吗？' }),
    success: '已取消',
    onSuccess: onChanged,
  })
  const rate = useAction(() => call('booking.rate', { communityId, bookingId: b.id, stars, ...(comment.trim() ? { comment: comment.trim() } : {}) }), {
    success: '谢谢您的评价',
    showError: 'keep',
    onSuccess: (next) => {
      setRating(false)
      onChanged(next)
    },
  })
  const upcoming = b.status === 'booked' || b.status === 'pending'

  return (
    <View className='card' id={`booking-${b.id}`} data-status={b.status}>
      <View className='services__row'>
        <Text className='services__name'>{b.serviceName}</Text>
        <Text className='chip'>{BOOKING_STATUS_LABELS[b.status]}</Text>
      </View>
      <Text className='muted'>
        {dayText(b.day)} {b.start}-{b.end}
        {b.child ? ` · ${b.child.givenName}（${b.child.age} 岁）` : ''}
      </Text>
      {b.refunded && <Text className='note'>{b.pricePoints} 积分已退回</Text>}
      {upcoming && b.code && (
        <View className='code-box'>
          <Text className='note'>预约码（给工作人员看或念给他听）</Text>
          <Text className='services__code' id='booking-code' data-code={b.code}>
            {spacedCode(b.code)}
          </Text>
          <CodeQr text={b.code} />
        </View>
      )}
      {b.rating && (
        <Text className='services__stars' id='booking-rating'>
          {'★'.repeat(b.rating.stars)}
          {b.rating.comment ? <Text className='muted'> {b.rating.comment}</Text> : null}
        </Text>
      )}
      <View className='btn-row'>
        {b.canCancel && (
          <Button className='btn' id='booking-cancel' disabled={cancel.busy} onClick={() => cancel.run()}>
            取消预约
          </Button>
        )}
        {b.canRate && (
          <Button className='btn btn--primary' id='booking-rate' onClick={() => setRating(true)}>
            评价
          </Button>
        )}
      </View>
      {rating && (
        <Sheet title='评价这次服务' act={rate} submitText='提交评价' onSubmit={() => rate.run()} onClose={() => setRating(false)}>
          <View className='seg' id='rate-stars'>
            {[1, 2, 3, 4, 5].map((n) => (
              <Chip key={n} value={String(n)} id={`rate-star-${n}`} on={stars === n} onClick={() => setStars(n)}>
                {n} 星
              </Chip>
            ))}
          </View>
          <Area label='说说感受（可不填）' id='rate-comment' value={comment} onChange={setComment} maxlength={200} />
        </Sheet>
      )}
    </View>
  )
}

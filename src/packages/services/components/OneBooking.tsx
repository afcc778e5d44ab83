/** The booking a reminder opened (`?booking=<id>`), looked up among my bookings. */
import { Text } from '@tarojs/components'
import { Loaded } from '../../../components/Guard'
import { useQuery } from '../../../hooks/useQuery'
import { call } from '../../../services/api'
import type { BookingView } from '@contract/services'
import { BookingCard } from './BookingCard'

async function findMine(communityId: string, bookingId: string): Promise<BookingView | false> {
  let cursor: string | undefined
  for (let i = 0; i < 5; i++) {
    const page = await call('booking.mine', { communityId, cursor, limit: 50 })
    const hit = page.items.find((b) => b.id === bookingId)
    if (hit) return hit
    if (!page.nextCursor) break
    cursor = page.nextCursor
  }
  return false
}

export function OneBooking({ communityId, bookingId }: { communityId: string; bookingId: string }) {
  const q = useQuery(`${communityId}|${bookingId}`, () => findMine(communityId, bookingId))
  return (
    <Loaded query={q}>
      {(b) =>
        b ? (
          <BookingCard b={b} communityId={communityId} onChanged={(next) => q.setData(next)} />
        ) : (
          <Text className='note' id='booking-not-found'>
            没有找到这次预约，可能已经取消了
          </Text>
        )
      }
    </Loaded>
  )
}

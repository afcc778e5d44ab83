/**
 * 我的预约: my bookings, newest first — each with its code and QR while it is to come, 取消预约 before the
 * cutoff, 评价 after I attended. `?booking=<id>` (after booking, or from a reminder) shows that one first.
 */
import { Guard } from '../../../../components/Guard'
import { PagedList } from '../../../../components/PagedList'
import { usePaged } from '../../../../hooks/useQuery'
import { call } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { BookingCard } from '../../components/BookingCard'
import { OneBooking } from '../../components/OneBooking'
import { useServicesPage } from '../../shared'
import '../../services.scss'

export default function MyBookings() {
  const page = useServicesPage()
  const communityId = page.communityId
  const focus = page.params.booking
  const list = usePaged(page.key, (cursor) => call('booking.mine', { communityId: communityId!, cursor, limit: 20 }))
  const replace = () => list.reload()

  return (
    <Guard communityId={communityId} className='services'>
      {focus && communityId && <OneBooking communityId={communityId} bookingId={focus} />}
      <PagedList
        list={list}
        id='bookings-list'
        className='services__list'
        empty='还没有预约过服务'
        emptyAction={{ text: '看看社区服务', onClick: () => go('services.index') }}
        itemKey={(b) => b.id}
        renderItem={(b) => (b.id === focus ? null : <BookingCard b={b} communityId={communityId!} onChanged={replace} />)}
      />
    </Guard>
  )
}

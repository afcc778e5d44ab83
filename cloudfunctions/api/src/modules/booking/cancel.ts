/**
 * booking.cancel — the person (or whoever booked for them) cancels before the cutoff: in one transaction the
 * booking is cancelled, its place given back, its points refunded in full (once: `booking:<id>:refund`) and the
 * service's `cancelled` counter raised (service/core.ts closeBooking). The slot can then be booked again, by
 * anyone, the person too.
 * Outcomes: the booking; NOT_FOUND for an unknown booking or one of another community; FORBIDDEN for anyone
 * else; CONFLICT after the cutoff (why, and what to do instead) or when it is no longer booked (STATE_CHANGED).
 */
import { BookingCancelInput, type BookingView } from '../../../../../types/services'
import { defineAction, member, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { getById } from '../../platform/db'
import { conflict, notFound } from '../../platform/errors'
import { getUser } from '../org/repo'
import { closeBooking, ensureMove, loadService } from '../service/core'
import { K } from '../service/repo'
import { cancelRefusal, type BookingRelation } from '../service/rules'
import { bookingView } from '../service/views'
import type { Booking } from '../../../../../types/services'

async function cancel(ctx: UserCtx, input: ActionInput<'booking.cancel'>): Promise<BookingView> {
  const { db, user } = ctx
  const pre = await getById<Booking>(db, K.bookings, input.bookingId)
  if (!pre || pre.communityId !== input.communityId) throw notFound('这个预约')
  const s = await loadService(db, pre.communityId, pre.serviceId, true)
  const relations = new Set<BookingRelation>()
  if (pre.userId === user._id) relations.add('person')
  if (pre.bookedById === user._id) relations.add('booker')
  const now = ctx.now()
  const check = (b: Booking) => {
    ensureMove('cancel', b, relations, '只有预约人可以取消这个预约')
    const late = cancelRefusal(s, b, now)
    if (late) throw conflict(late)
  }
  check(pre)
  const after = await closeBooking(ctx, pre._id, 'cancelled', now, user._id, check)
  return bookingView(after, s, relations, await getUser(db, after.userId), now)
}

export default defineAction({ name: 'booking.cancel', input: BookingCancelInput, access: member, writes: true, handler: cancel })

/**
 * booking.rate — after attending, the person (or whoever booked for them) rates the visit once: 1–5 stars and
 * a comment. The rating and the service's `ratingSum` / `ratings` counters are one transaction, so the menu's
 * average always agrees with the ratings given.
 * Outcomes: the booking; NOT_FOUND; FORBIDDEN for anyone else; CONFLICT before attending (STATE_CHANGED) or
 * when already rated (ALREADY_DONE).
 */
import { BookingRateInput, type Booking, type BookingView } from '../../../../../types/services'
import { defineAction, member, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { getById, runTx, txGet } from '../../platform/db'
import { notFound } from '../../platform/errors'
import { getUser } from '../org/repo'
import { bumpCountersIn, ensureMove, loadService } from '../service/core'
import { K } from '../service/repo'
import type { BookingRelation } from '../service/rules'
import { bookingView } from '../service/views'

async function rate(ctx: UserCtx, input: ActionInput<'booking.rate'>): Promise<BookingView> {
  const { db, user } = ctx
  const now = ctx.now()
  const pre = await getById<Booking>(db, K.bookings, input.bookingId)
  if (!pre || pre.communityId !== input.communityId) throw notFound('这个预约')
  const s = await loadService(db, pre.communityId, pre.serviceId, true)
  const relations = new Set<BookingRelation>()
  if (pre.userId === user._id) relations.add('person')
  if (pre.bookedById === user._id) relations.add('booker')
  const forbidden = '只有预约人可以评价'
  ensureMove('rate', pre, relations, forbidden)
  const rating = { stars: input.stars, comment: input.comment?.trim() ?? '', at: now }
  const booking = await runTx(db, async (tx) => {
    const b = await txGet<Booking>(tx, K.bookings, pre._id)
    if (!b) throw notFound('这个预约')
    ensureMove('rate', b, relations, forbidden)
    await tx
      .collection(K.bookings)
      .doc(b._id)
      .update({ data: { rating, updatedAt: now } })
    await bumpCountersIn(db, tx, s._id, { ratingSum: input.stars, ratings: 1 }, now)
    return { ...b, rating, updatedAt: now }
  })
  return bookingView(booking, s, relations, await getUser(db, booking.userId), now)
}

export default defineAction({ name: 'booking.rate', input: BookingRateInput, access: member, writes: true, handler: rate })

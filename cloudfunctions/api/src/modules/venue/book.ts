/**
 * venue.book — a resident, or the staff of a unit serving the community (a partner unit), asks for hours of a
 * venue on a day: `start`–`end` on the hour grid within its opening hours, before the cutoff. Every hour is taken
 * at once, capacity 1 (service/venues.ts takeHours): a request overlapping another request or an approved booking
 * is refused. It waits `pending` for the venue's staff (or the secretary), who are told; points, if the venue
 * costs some, are paid now and refunded in full if it is rejected or cancelled (core.ts writeBooking /
 * closeBooking: one transfer each, ever).
 * Outcomes: the booking (pending, no code yet); FORBIDDEN NOT_ELIGIBLE for someone the venue is not for, or
 * blocked after no-shows; INVALID_INPUT for hours off the grid or outside opening hours; CONFLICT for a closed
 * day or a past cutoff, FULL for taken hours, ALREADY_DONE for the same request twice, INSUFFICIENT_POINTS;
 * NOT_FOUND for a service that is not an open venue here.
 */
import { VenueBookInput, type Booking } from '../../../../../types/services'
import { defineAction, member, type ActionInput } from '../../platform/action'
import { addDays, chinaDay } from '../../platform/chinaTime'
import type { UserCtx } from '../../platform/context'
import { getById } from '../../platform/db'
import { conflict, forbidden, invalid, notFound } from '../../platform/errors'
import { insufficient } from '../points/ledger'
import { accountId } from '../points/policy'
import { P } from '../points/repo'
import { bookingRefusal, liveBooking, loadCommunity, loadService, releaseHold, standingOf, writeBooking } from '../service/core'
import { K, liveKeyOf, newBookingId } from '../service/repo'
import { isBeforeCutoff } from '../service/rules'
import { hourSlotIds, hoursOf, takeHours, tellDeciders, venueBookingView, venueRelations, worksForUnitHere } from '../service/venues'

/** How far ahead a venue may be asked for (days). */
const HORIZON_DAYS = 60

async function book(ctx: UserCtx, input: ActionInput<'venue.book'>) {
  const { db, user } = ctx
  const now = ctx.now()
  const s = await loadService(db, input.communityId, input.serviceId)
  if (s.delivery !== 'venue' || !s.venue) throw notFound('这个场地')
  const community = await loadCommunity(db, s.communityId)

  // A partner unit's staff book for their unit; anyone else as a resident the venue is for.
  if (!worksForUnitHere(user, community)) {
    const refusal = await bookingRefusal(db, s, user, now)
    if (refusal) throw refusal.reason === 'NOT_ELIGIBLE' ? forbidden(refusal.why, 'NOT_ELIGIBLE') : conflict(refusal.why, refusal.reason)
  }
  const hours = hoursOf(s, input.day, input.start, input.end)
  if (input.day > addDays(chinaDay(now), HORIZON_DAYS)) throw conflict(`只能预约 ${HORIZON_DAYS} 天以内的场地`)
  if (!isBeforeCutoff(s, hours[0], now)) throw conflict(s.cutoffHours > 0 ? `请至少提前 ${s.cutoffHours} 小时预约场地` : '这个时段已经开始了')

  const slotIds = hourSlotIds(s, hours)
  const liveKey = liveKeyOf(slotIds[0], user._id)
  if (await liveBooking(db, liveKey)) throw conflict('您已经申请过这个时段了，请在「我的预约」里查看', 'ALREADY_DONE')
  if (s.pricePoints > 0) {
    const account = await getById<{ balance: number }>(db, P.accounts, accountId.person(s.communityId, user._id))
    if ((account?.balance ?? 0) < s.pricePoints) throw insufficient('person')
  }
  const verdict = await ctx.openapi.checkText(ctx.openid, input.purpose, 2)
  if (verdict === 'risky') throw invalid('用途里含有不适宜的信息，请修改后再提交')

  const id = newBookingId(now)
  const draft: Booking = {
    _id: id,
    serviceId: s._id,
    communityId: s.communityId,
    slotId: slotIds[0],
    slotIds,
    day: input.day,
    start: input.start,
    end: input.end,
    userId: user._id,
    bookedById: user._id,
    channel: 'online',
    status: 'pending',
    code: '',
    child: null,
    address: null,
    note: input.purpose,
    paid: null,
    rating: null,
    remindedAt: null,
    liveKey,
    createdAt: now,
    updatedAt: now,
  }
  const held = await takeHours(db, s, hours, id, now)
  let booking: Booking
  try {
    booking = await writeBooking(ctx, s, draft, now)
  } catch (err) {
    const written = !!(await getById<Booking>(db, K.bookings, id))
    for (const slot of held) await releaseHold(db, slot, id, !written)
    throw err
  }
  for (const slot of held) await releaseHold(db, slot, id, false)
  await tellDeciders(ctx, s, booking)
  const st = await standingOf(ctx, s)
  return venueBookingView(booking, s, venueRelations(booking, user, s, st), user, now)
}

export default defineAction({ name: 'venue.book', input: VenueBookInput, access: member, writes: true, handler: book })

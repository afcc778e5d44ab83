/**
 * venue.approve — the staff of the venue's unit (unit_staff naming it) or the secretary decide on a pending venue
 * request: approve → booked (its 8-digit code now counts: staff verify it at the door with booking.verify), or
 * reject with a reason → rejected, every hour given back and any points refunded once (core.ts closeBooking).
 * Either way one transaction with its audit entry (recordIn), and who asked is told (待办提醒). Approval is only
 * until the hours begin.
 * Outcomes: the booking; FORBIDDEN for anyone else; CONFLICT STATE_CHANGED when it was decided (or cancelled)
 * meanwhile or its time has come; INVALID_INPUT for a rejection without a reason; NOT_FOUND for what is not a
 * venue request of this community, or one the caller has nothing to do with.
 */
import { VenueApproveInput, type Booking, type Service } from '../../../../../types/services'
import { defineAction, member, type ActionInput } from '../../platform/action'
import { recordIn } from '../../platform/audit'
import type { UserCtx } from '../../platform/context'
import { runTx, txGet } from '../../platform/db'
import { conflict, invalid, notFound } from '../../platform/errors'
import { getUser } from '../org/repo'
import { closeBooking, ensureMove, standingOf } from '../service/core'
import { K } from '../service/repo'
import { clockWords, dayWords, hasStarted } from '../service/rules'
import { loadVenueBooking, tellBooker, venueBookingView, venueRelations } from '../service/venues'

const resource = (s: Service, b: Booking) => ({
  type: 'booking' as const,
  id: b._id,
  label: `${s.name} ${dayWords(b.day)} ${clockWords(b.start)}-${clockWords(b.end)}`,
})

async function approve(ctx: UserCtx, input: ActionInput<'venue.approve'>) {
  const { db, user } = ctx
  const loaded = await loadVenueBooking(ctx, input.communityId, input.bookingId)
  if (!loaded) throw notFound('这个场地预约')
  const { booking, service: s } = loaded
  const st = await standingOf(ctx, s)
  const relations = venueRelations(booking, user, s, st)
  if (!relations.size) throw notFound('这个场地预约')
  const event = input.approve ? 'approve' : 'reject'
  const forbiddenWords = '只有场地所属单位的工作人员或社区书记可以审批'
  ensureMove(event, booking, relations, forbiddenWords)
  const reason = input.reason?.trim() || null
  const now = ctx.now()

  let after: Booking
  if (input.approve) {
    if (hasStarted(booking, now)) throw conflict('预约的时间已经到了，不能再批准了', 'STATE_CHANGED')
    after = await runTx(db, async (tx) => {
      const b = await txGet<Booking>(tx, K.bookings, booking._id)
      if (!b) throw notFound('这个场地预约')
      ensureMove('approve', b, relations, forbiddenWords)
      const change = { status: 'booked' as const, updatedAt: now }
      await tx.collection(K.bookings).doc(b._id).update({ data: change })
      await recordIn(tx, ctx, { communityId: s.communityId, resource: resource(s, b), before: { status: b.status }, after: { status: 'booked' } })
      return { ...b, ...change }
    })
  } else {
    if (!reason) throw invalid('请写明不通过的原因', [{ path: 'reason', message: '请写明原因，让申请人知道怎么调整' }])
    after = await closeBooking(
      ctx,
      booking._id,
      'rejected',
      now,
      user._id,
      (b) => ensureMove('reject', b, relations, forbiddenWords),
      async (tx, b) => {
        await tx
          .collection(K.bookings)
          .doc(b._id)
          .update({ data: { rejectReason: reason } })
        await recordIn(tx, ctx, { communityId: s.communityId, resource: resource(s, b), before: { status: 'pending' }, after: { status: 'rejected', reason } })
      },
    )
    after = { ...after, rejectReason: reason }
  }
  await tellBooker(ctx, s, after, input.approve, reason)
  return venueBookingView(after, s, relations, await getUser(db, after.userId), now)
}

export default defineAction({ name: 'venue.approve', input: VenueApproveInput, access: member, writes: true, handler: approve })

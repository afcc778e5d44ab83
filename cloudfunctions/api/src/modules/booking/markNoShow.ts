/**
 * booking.markNoShow — staff (the service's provider or the secretary) record that a booked person did not
 * come, once the slot has begun: one transaction checks it is still booked, marks it no_show, raises the
 * service's `noShows` counter and writes the audit entry (labelled by service and day). The person's no-shows
 * within the service's `withinDays` then decide whether new bookings are blocked, and until when
 * (service/rules.ts noShowBlock; shown with its reason in service.get and booking.create).
 * Outcomes: the booking; NOT_FOUND; FORBIDDEN for anyone but its staff; CONFLICT before the slot's start or
 * when it is no longer booked (STATE_CHANGED).
 */
import { BookingMarkNoShowInput, type Booking, type BookingView } from '../../../../../types/services'
import { defineAction, member, type ActionInput } from '../../platform/action'
import { recordIn } from '../../platform/audit'
import type { UserCtx } from '../../platform/context'
import { getById, runTx, txGet } from '../../platform/db'
import { conflict, notFound } from '../../platform/errors'
import { getUser } from '../org/repo'
import { bookingRelations, bumpCountersIn, ensureMove, loadService, standingOf } from '../service/core'
import { K } from '../service/repo'
import { clockWords, dayWords, hasStarted } from '../service/rules'
import { bookingView } from '../service/views'

async function markNoShow(ctx: UserCtx, input: ActionInput<'booking.markNoShow'>): Promise<BookingView> {
  const { db, user } = ctx
  const now = ctx.now()
  const pre = await getById<Booking>(db, K.bookings, input.bookingId)
  if (!pre || pre.communityId !== input.communityId) throw notFound('这个预约')
  const s = await loadService(db, pre.communityId, pre.serviceId, true)
  const st = await standingOf(ctx, s)
  const relations = bookingRelations(pre, user._id, st)
  const check = (b: Booking) => {
    ensureMove('markNoShow', b, relations, '只有服务提供方和社区书记可以登记未到场')
    if (!hasStarted(b, now)) throw conflict(`预约的时间（${dayWords(b.day)} ${clockWords(b.start)}）还没到，到时没来再登记`)
  }
  check(pre)
  const booking = await runTx(db, async (tx) => {
    const b = await txGet<Booking>(tx, K.bookings, pre._id)
    if (!b) throw notFound('这个预约')
    check(b)
    const change = { status: 'no_show' as const, updatedAt: now }
    await tx.collection(K.bookings).doc(b._id).update({ data: change })
    await bumpCountersIn(db, tx, s._id, { noShows: 1 }, now)
    await recordIn(tx, ctx, {
      communityId: b.communityId,
      resource: { type: 'booking', id: b._id, label: `${s.name} ${dayWords(b.day)}` },
      before: { status: b.status },
      after: { status: 'no_show' },
    })
    return { ...b, ...change }
  })
  return bookingView(booking, s, relations, await getUser(db, booking.userId), now)
}

export default defineAction({ name: 'booking.markNoShow', input: BookingMarkNoShowInput, access: member, writes: true, handler: markNoShow })

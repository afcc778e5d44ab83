/**
 * booking.verify — staff (the service's provider or the secretary) check a person in by the 8-digit code they
 * show (typed, or read from its QR), on the booking's day, exactly once: one transaction reads the booking,
 * checks it is still booked, marks it attended, raises the service's `attended` counter and writes the audit
 * entry (labelled by service and day, never by person). Codes are tried like short check-in codes: a try is
 * taken before the lookup (at most 5 in 10 minutes per staff member and community, counted in checkin_tries
 * in a transaction, so guesses at once cannot slip past) and given back when the code was right.
 * Outcomes: the booking; NOT_FOUND for a code that is not a booking of a service the caller serves here —
 * whether no such booking exists or it is another service's: the same answer, and the try is used — with the
 * tries left; FORBIDDEN TOO_MANY_TRIES past the tries; CONFLICT
 * before its day, CODE_EXPIRED after it or when it was used, cancelled or marked as a no-show.
 */
import { BookingVerifyInput, type Booking, type BookingView } from '../../../../../types/services'
import { defineAction, member, type ActionInput } from '../../platform/action'
import { recordIn } from '../../platform/audit'
import type { UserCtx } from '../../platform/context'
import { findMany, runTx, txGet } from '../../platform/db'
import { AppError, conflict, forbidden } from '../../platform/errors'
import { getUser } from '../org/repo'
import { SHORT_TRIES, takeTry, triesResetAt, type Tries } from '../party/rules'
import { bookingRelations, bumpCountersIn, loadService, standingOf } from '../service/core'
import { K } from '../service/repo'
import { dayWords, moveRefusal, todayIn } from '../service/rules'
import { bookingView } from '../service/views'

interface TriesDoc extends Tries {
  _id: string
  userId: string
}

/** Take one code try of the caller in this community; FORBIDDEN (TOO_MANY_TRIES) when they are used up. Answers the tries left. */
async function takeCodeTry(ctx: UserCtx, id: string, now: Date): Promise<number> {
  return runTx(ctx.db, async (tx) => {
    const prev = await txGet<TriesDoc>(tx, K.tries, id)
    const next = takeTry(prev, now)
    if (!next) {
      const minutes = Math.max(1, Math.ceil((triesResetAt(prev!).getTime() - now.getTime()) / 60_000))
      throw forbidden(`预约码输错次数太多了，请 ${minutes} 分钟后再试，或扫描预约二维码`, 'TOO_MANY_TRIES')
    }
    if (prev)
      await tx
        .collection(K.tries)
        .doc(id)
        .update({ data: { windowStart: next.windowStart, count: next.count } })
    else await tx.collection(K.tries).add({ data: { _id: id, userId: ctx.user._id, ...next } satisfies TriesDoc })
    return SHORT_TRIES - next.count
  })
}

async function verify(ctx: UserCtx, input: ActionInput<'booking.verify'>): Promise<BookingView> {
  const { db, user } = ctx
  const now = ctx.now()
  const triesId = `bv_${input.communityId}_${user._id}`
  const left = await takeCodeTry(ctx, triesId, now)
  // A code that is not a booking here and a booking of a service the caller does not serve get the same
  // answer, and both use the try: whoever is not staff of that service cannot tell a real code from a wrong one.
  const notHere = () =>
    new AppError(
      'NOT_FOUND',
      left > 0 ? `您负责的服务里没有这个预约码，请核对后再输（还能输 ${left} 次）` : '您负责的服务里没有这个预约码，输错次数已用完，请稍后再试',
    )
  const [found] = await findMany<Booking>(db, K.bookings, { communityId: input.communityId, code: input.code }, { limit: 1 })
  if (!found) throw notHere()
  const s = await loadService(db, found.communityId, found.serviceId, true)
  const st = await standingOf(ctx, s)
  if (!st.isProvider && !st.isSecretary) throw notHere()
  // A right code gives its try back.
  await db
    .collection(K.tries)
    .doc(triesId)
    .update({ data: { count: db.command.inc(-1) } })
  const today = todayIn(now)
  if (found.day > today) throw conflict(`这个预约在${dayWords(found.day)}，还没到时间`)
  const relations = bookingRelations(found, user._id, st)
  const booking = await runTx(db, async (tx) => {
    const b = await txGet<Booking>(tx, K.bookings, found._id)
    if (!b) throw new AppError('NOT_FOUND', '没有这个预约码')
    if (b.status !== 'booked') throw conflict(b.status === 'attended' ? '这个预约码已经核验过了' : moveRefusal('verify', b.status), 'CODE_EXPIRED')
    if (b.day < today) throw conflict(`这个预约码已过期（预约在${dayWords(b.day)}）`, 'CODE_EXPIRED')
    const change = { status: 'attended' as const, updatedAt: now }
    await tx.collection(K.bookings).doc(b._id).update({ data: change })
    await bumpCountersIn(db, tx, s._id, { attended: 1 }, now)
    await recordIn(tx, ctx, {
      communityId: b.communityId,
      resource: { type: 'booking', id: b._id, label: `${s.name} ${dayWords(b.day)}` },
      before: { status: b.status },
      after: { status: 'attended' },
    })
    return { ...b, ...change }
  })
  return bookingView(booking, s, relations, await getUser(db, booking.userId), now)
}

export default defineAction({ name: 'booking.verify', input: BookingVerifyInput, access: member, writes: true, handler: verify })

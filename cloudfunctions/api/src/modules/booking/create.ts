/**
 * booking.create — book a place: a slot of a booked service, an at-home visit, or the canteen's meal of a day.
 * Who it is for: the caller; an offline neighbour a building head acts for (org/rules.ts actsFor → channel
 * proxy); a resident who phoned, entered by staff — the secretary or the service's provider (channel phone).
 * In order, nothing changed on a refusal: the person must be in the service's audience and not blocked after
 * no-shows (FORBIDDEN NOT_ELIGIBLE, the reason and the day it ends in the message); the schedule must have
 * the slot (NOT_FOUND), open and before its cutoff (CONFLICT with why); a child's given name and age for a
 * child service, an address for an at-home visit (INVALID_INPUT); one live booking per person per slot — for
 * the canteen, per day (CONFLICT ALREADY_DONE); enough points when it costs some (CONFLICT
 * INSUFFICIENT_POINTS). Then a place is taken by a conditional update on the slot (CONFLICT FULL when none is
 * left; core.ts takePlace), and one transaction pays, writes the booking with its 8-digit code and counts it;
 * if that refuses, the place is given back.
 * Outcome: the booking (with its code, for the person and whoever booked for them).
 */
import type { User } from '../../../../../types/org'
import { BookingCreateInput, type Booking, type BookingChannel, type BookingView, type Service } from '../../../../../types/services'
import { defineAction, member, type ActionInput } from '../../platform/action'
import { addDays } from '../../platform/chinaTime'
import type { UserCtx } from '../../platform/context'
import { getById } from '../../platform/db'
import { conflict, forbidden, invalid, notFound } from '../../platform/errors'
import { getUser } from '../org/repo'
import { actsFor } from '../org/rules'
import { insufficient } from '../points/ledger'
import { P } from '../points/repo'
import { accountId } from '../points/policy'
import { bookingRefusal, liveBooking, loadService, releaseHold, standingOf, takePlace, writeBooking } from '../service/core'
import { K, liveKeyOf, newBookingId, slotId } from '../service/repo'
import { BOOKABLE, slotOn, slotRefusal, todayIn, type BookingRelation } from '../service/rules'
import { bookingView } from '../service/views'

/** How far ahead a slot may be booked (days). */
export const BOOKING_HORIZON_DAYS = 60

/** The person a booking is for and how it was made: the caller online, a neighbour by proxy, a caller by phone. */
async function whoFor(
  ctx: UserCtx,
  s: Service,
  input: ActionInput<'booking.create'>,
): Promise<{ person: User; channel: BookingChannel; relations: Set<BookingRelation> }> {
  const { user } = ctx
  if (!input.forUserId || input.forUserId === user._id) {
    if (input.channel === 'phone') throw invalid('电话预约请选择来电的居民')
    return { person: user, channel: 'online', relations: new Set(['person', 'booker']) }
  }
  const person = await getUser(ctx.db, input.forUserId)
  if (!person) throw notFound('这位居民')
  if (input.channel === 'phone') {
    const st = await standingOf(ctx, s)
    if (!st.isSecretary && !st.isProvider) throw forbidden('只有社区工作人员或服务提供方可以登记电话预约')
    const relations = new Set<BookingRelation>(['booker'])
    if (st.isProvider) relations.add('provider')
    if (st.isSecretary) relations.add('secretary')
    return { person, channel: 'phone', relations }
  }
  if (!actsFor(user, person, s.communityId)) throw forbidden('您只能为您负责楼栋里委托您代办的居民预约')
  return { person, channel: 'proxy', relations: new Set(['booker']) }
}

async function create(ctx: UserCtx, input: ActionInput<'booking.create'>): Promise<BookingView> {
  const { db, user } = ctx
  const now = ctx.now()
  const s = await loadService(db, input.communityId, input.serviceId)
  if (s.delivery === 'venue') throw invalid('场地请在「场地预约」里申请')
  if (!BOOKABLE.includes(s.delivery)) throw invalid('这项服务随到随办，不用预约，按时间直接去就行')
  const { person, channel, relations } = await whoFor(ctx, s, input)

  const refusal = await bookingRefusal(db, s, person, now)
  if (refusal) {
    const why = person._id === user._id ? refusal.why : `这位居民暂不能预约：${refusal.why}`
    throw refusal.reason === 'NOT_ELIGIBLE' ? forbidden(why, 'NOT_ELIGIBLE') : conflict(why, refusal.reason)
  }

  const slot = slotOn(s, input.day, input.start)
  if (!slot) throw notFound(s.delivery === 'daily' ? '这一天的订餐' : '这个时段')
  if (input.day > addDays(todayIn(now), BOOKING_HORIZON_DAYS)) throw conflict(`只能预约 ${BOOKING_HORIZON_DAYS} 天以内的时段`)
  const closed = slotRefusal(s, slot, 0, now)
  if (closed) throw conflict(closed)

  if (s.forChild && !input.child) throw invalid('请填写孩子的名字和年龄', [{ path: 'child', message: '请填写孩子的名字（不用写姓）和年龄' }])
  if (!s.forChild && input.child) throw invalid('这项服务不是为孩子预约的', [{ path: 'child', message: '这项服务不需要填写孩子' }])
  const address = input.address?.trim() || null
  if (s.delivery === 'at_home' && !address) throw invalid('上门服务请填写地址', [{ path: 'address', message: '请填写上门地址' }])
  if (s.delivery !== 'at_home' && address) throw invalid('这项服务不上门，不用填写地址', [{ path: 'address', message: '不用填写地址' }])

  const sid = slotId(s._id, slot.day, slot.start)
  const liveKey = liveKeyOf(sid, person._id)
  if (await liveBooking(db, liveKey))
    throw conflict(s.delivery === 'daily' ? '这一天已经订过餐了，请在「我的预约」里查看' : '已经预约了这个时段，请在「我的预约」里查看', 'ALREADY_DONE')
  if (s.pricePoints > 0) {
    const account = await getById<{ balance: number }>(db, P.accounts, accountId.person(s.communityId, person._id))
    if ((account?.balance ?? 0) < s.pricePoints) throw insufficient('person')
  }

  const id = newBookingId(now)
  const draft: Booking = {
    _id: id,
    serviceId: s._id,
    communityId: s.communityId,
    slotId: sid,
    day: slot.day,
    start: slot.start,
    end: slot.end,
    userId: person._id,
    bookedById: user._id,
    channel,
    status: 'booked',
    code: '',
    child: input.child ? { givenName: input.child.givenName, age: input.child.age } : null,
    address,
    note: input.note?.trim() || null,
    paid: null,
    rating: null,
    remindedAt: null,
    liveKey,
    createdAt: now,
    updatedAt: now,
  }
  const slotDoc = await takePlace(db, { ...slot, serviceId: s._id, communityId: s.communityId }, id, now)
  let booking: Booking
  try {
    booking = await writeBooking(ctx, s, draft, now)
  } catch (err) {
    await releaseHold(db, slotDoc, id, !(await getById<Booking>(db, K.bookings, id)))
    throw err
  }
  await releaseHold(db, slotDoc, id, false)
  return bookingView(booking, s, relations, person, now)
}

export default defineAction({ name: 'booking.create', input: BookingCreateInput, access: member, writes: true, handler: create })

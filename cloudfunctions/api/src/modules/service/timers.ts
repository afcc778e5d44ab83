/**
 * Timer jobs of bookings, queues in bounded batches (platform/batches.ts; idempotent: they may run late,
 * twice, or be cut off; a booking that fails is skipped for the rest of the pass):
 * - remindBookings: the day before a booking (China time, from 08:00 Shanghai) its person is reminded once by
 *   the bookingReminder subscribe message — only when they accepted one (the client asks in the booking tap
 *   and reports it with org.subscribed; `subscriptions` holds the count). An offline neighbour's reminder goes
 *   to the building head who booked for them. A booking for the same day, or whose slot has begun, is not
 *   reminded. Every booking it looks at is marked `remindedAt` by a conditional update before anything is sent
 *   (so it leaves the queue and nobody is told twice); 50 a batch (index status_day: booked, today and
 *   tomorrow).
 * - releaseStaleHolds: a place held by a booking that never finished (a crash between the hold and its
 *   transaction) is given back if no booking came of it, or the hold is just dropped if the booking exists;
 *   20 slots a batch (index holds_at).
 */
import type { User } from '../../../../../types/org'
import type { Subscription } from '../../../../../types/messages'
import type { Booking, Service, ServiceSlot } from '../../../../../types/services'
import type { Deps } from '../../platform/context'
import { inParallel, notSkipped, queueBatch, skippedOf, type Batch, type Cursor } from '../../platform/batches'
import { addDays, chinaDay, chinaHour } from '../../platform/chinaTime'
import { findMany, getById, updateWhere } from '../../platform/db'
import { C, getMany } from '../org/repo'
import { MSG, subscriptionId } from '../messages/repo'
import { thing, timeValue } from '../messages/rules'
import { sendMessage } from '../messages/send'
import { releaseHold } from './core'
import { K } from './repo'
import { clockWords, slotStartsAt } from './rules'

export const REMINDERS_PER_BATCH = 50
export const SLOTS_PER_BATCH = 20
/** Reminders for tomorrow go out from this hour (China) on. */
export const REMIND_FROM_HOUR = 8
const STALE_HOLD_MS = 2 * 60_000

/** Should this booking be reminded now, or is it only to be passed over? */
export function reminderDue(b: Pick<Booking, 'day' | 'start' | 'createdAt'>, now: Date): boolean {
  const today = chinaDay(now)
  if (slotStartsAt(b.day, b.start) <= now) return false
  if (b.day === addDays(today, 1)) return chinaHour(now) >= REMIND_FROM_HOUR
  // Booked before its day began (after the reminder pass of the day before): remind on the day, before it starts.
  return b.day === today && chinaDay(new Date(b.createdAt)) < today
}

/** Who gets the reminder: the person, or for an offline neighbour the building head who booked for them. */
export const reminderRecipient = (b: Pick<Booking, 'userId' | 'bookedById' | 'channel'>, person: Pick<User, 'offline'> | undefined): string | null =>
  person && !person.offline ? b.userId : b.channel === 'proxy' ? b.bookedById : null

export async function remindBookings(deps: Deps, cursor: Cursor): Promise<Batch> {
  const { db } = deps
  const _ = db.command
  const now = deps.now()
  const today = chinaDay(now)
  const days = chinaHour(now) >= REMIND_FROM_HOUR ? [today, addDays(today, 1)] : [today]
  const skip = skippedOf(cursor)
  const due = await findMany<Booking>(
    db,
    K.bookings,
    { status: 'booked', day: _.in(days), remindedAt: null, ...notSkipped(db, skip) },
    { orderBy: [['day', 'asc']], limit: REMINDERS_PER_BATCH },
  )
  const [services, people] = await Promise.all([
    getMany<Service>(
      db,
      K.services,
      due.map((b) => b.serviceId),
    ),
    getMany<User>(
      db,
      C.users,
      due.map((b) => b.userId),
    ),
  ])
  let reminded = 0
  let passed = 0
  let failed = 0
  await inParallel(due, 10, async (b) => {
    try {
      const s = services.get(b.serviceId)
      const to = s && reminderDue(b, now) ? reminderRecipient(b, people.get(b.userId)) : null
      const sub = to ? await getById<Subscription>(db, MSG.subscriptions, subscriptionId(to, 'bookingReminder')) : null
      // Taken out of the queue first: a racing or repeated run sends nothing twice.
      if ((await updateWhere(db, K.bookings, { _id: b._id, remindedAt: null }, { remindedAt: now })) !== 1) return
      if (!s || !to || !sub || sub.count <= 0) {
        passed++
        return
      }
      await sendMessage(deps, {
        communityId: b.communityId,
        userId: to,
        template: 'bookingReminder',
        page: `packages/services/pages/index/index?booking=${b._id}&c=${b.communityId}`,
        data: {
          thing1: thing(s.name),
          time2: timeValue(slotStartsAt(b.day, b.start)),
          thing3: thing(s.place),
          thing4: thing(s.delivery === 'daily' ? `${clockWords(b.start)}前订的餐，记得来吃` : `请凭预约码${b.code}到场`),
        },
      })
      reminded++
    } catch (err) {
      console.error('remindBookings: booking failed', b._id, err)
      skip.push(b._id)
      failed++
    }
  })
  return queueBatch(failed ? { reminded, passed, failed } : { reminded, passed }, due.length, REMINDERS_PER_BATCH, skip)
}

export async function releaseStaleHolds(deps: Deps, cursor: Cursor): Promise<Batch> {
  const { db } = deps
  const cutoff = new Date(deps.now().getTime() - STALE_HOLD_MS)
  const skip = skippedOf(cursor)
  const slots = await findMany<ServiceSlot>(db, K.slots, { 'holds.at': db.command.lt(cutoff), ...notSkipped(db, skip) }, { limit: SLOTS_PER_BATCH })
  let released = 0
  let failed = 0
  for (const slot of slots) {
    try {
      for (const h of slot.holds ?? []) {
        if (new Date(h.at) >= cutoff) continue
        const booking = await getById<Booking>(db, K.bookings, h.bookingId)
        await releaseHold(db, slot._id, h.bookingId, !booking)
        released++
      }
    } catch (err) {
      console.error('releaseStaleHolds: slot failed', slot._id, err)
      skip.push(slot._id)
      failed++
    }
  }
  return queueBatch(failed ? { released, failed } : { released }, slots.length, SLOTS_PER_BATCH, skip)
}

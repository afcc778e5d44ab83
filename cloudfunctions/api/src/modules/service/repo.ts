/**
 * Collections and ids of the service area. Every query here is served by an index of database.json:
 * services (community_active_id, community_category_id), service_slots (service_day, holds_at), bookings
 * (community_user_id, service_day_id, community_code (unique), live_unique, user_status_day, status_day),
 * service_demand (community_month); the rest are by _id.
 *
 * Ids:
 * - a slot `${serviceId}_${day}_${HHmm}` (the start without its colon, so the id stays a plain word);
 * - a booking time-ordered (`b` + ms + random), so a person's bookings and a day's roster page newest (or
 *   oldest) first on `_id`; one booking per person per slot is kept by its `liveKey` (`${slotId}_${userId}`
 *   while it holds the place, `x_<bookingId>` once cancelled or rejected) under a unique index;
 * - a booking code: 8 digits, unique per community (unique index community_code), drawn again on a collision;
 * - a demand counter `${communityId}_${month}_<hash of the words>`.
 */
import { createHash, randomInt } from 'crypto'
import type { Page } from '../../../../../types/common'
import type { Booking } from '../../../../../types/services'
import { findMany, newId, type Db } from '../../platform/db'
import { invalid } from '../../platform/errors'

export const K = {
  services: 'services',
  slots: 'service_slots',
  bookings: 'bookings',
  errands: 'errands',
  demand: 'service_demand',
  /** Units (共建单位 …) that provide services: read for their names; staff are unit_staff grants naming them. */
  units: 'units',
  /** Wrong booking codes per staff member and community (`bv_<communityId>_<userId>`), like short check-in codes. */
  tries: 'checkin_tries',
} as const

export const slotId = (serviceId: string, day: string, start: string) => `${serviceId}_${day}_${start.replace(':', '')}`

let seq = 0
/** Time-ordered: `b` + the time in base 36 + a sequence + randomness. */
export function newBookingId(at: Date): string {
  seq = (seq + 1) % 46656
  return 'b' + at.getTime().toString(36).padStart(9, '0') + seq.toString(36).padStart(3, '0') + newId().slice(0, 10)
}

/** A new service's id (time-ordered too, so the menu lists newest first on `_id`). */
export const newServiceId = (at: Date) => 's' + at.getTime().toString(36).padStart(9, '0') + newId().slice(0, 8)

/** The key that holds a person's one place in a slot while the booking is live. */
export const liveKeyOf = (slot: string, userId: string) => `${slot}_${userId}`
/** The key of a booking that gave its place back (unique per booking, so it never blocks another). */
export const freedKeyOf = (bookingId: string) => `x_${bookingId}`

/** 8 digits, never starting with 0 (read aloud and typed by hand at the desk). */
export const newBookingCode = () => String(randomInt(10_000_000, 100_000_000))

/** Words as counted: trimmed, inner spaces folded, Latin letters lowercased. */
export const demandWords = (words: string) => words.trim().replace(/\s+/g, ' ').toLowerCase()
export const demandId = (communityId: string, month: string, words: string) =>
  `${communityId}_${month}_${createHash('sha256').update(demandWords(words)).digest('hex').slice(0, 16)}`

/** Booking pages by `_id` (time-ordered): `desc` newest first. The cursor is the last `_id` seen. */
export async function bookingsPage(
  db: Db,
  base: Record<string, unknown>,
  dir: 'asc' | 'desc',
  cursor: string | undefined,
  limit: number,
): Promise<Page<Booking>> {
  if (cursor !== undefined && !/^b[a-z0-9]+$/.test(cursor)) throw invalid('翻页参数不正确，请刷新后重试')
  const _ = db.command
  const filter = cursor ? { ...base, _id: dir === 'desc' ? _.lt(cursor) : _.gt(cursor) } : base
  const docs = await findMany<Booking>(db, K.bookings, filter, { orderBy: [['_id', dir]], limit: limit + 1 })
  const items = docs.slice(0, limit)
  return { items, nextCursor: docs.length > limit ? items[items.length - 1]._id : null }
}

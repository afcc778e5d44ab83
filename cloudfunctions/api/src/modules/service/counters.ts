/**
 * A service's `bookings` counter at scale. Every booking's transaction raised `Service.counters.bookings`, so
 * under a rush (500 bookings a second on one service's slots) every booking's transaction wrote the same
 * service document: a transaction writing a document another open transaction has written fails at once
 * (DATABASE_TRANSACTION_CONFLICT) and runs again, so the rush queued on that one document.
 *
 * Now a booking raises one of BOOKING_SHARDS shard documents (`service_counters`, `${serviceId}_${shard}`,
 * the shard chosen from the booking's id), made by the first booking that lands on it. The figure is
 * `Service.counters.bookings` (what was counted before the shards, and the recount's correction) plus the
 * shards: ONE aggregation for a whole community (`shardTotals`, index community_service). The other
 * counters (cancelled, attended, no-shows, ratings) change one booking at a time, spread over days, and stay
 * on the service document (the menu card reads its rating there).
 */
import type { Service } from '../../../../../types/services'
import { crc32 } from '../../platform/crc32'
import { txGet, type Db, type Tx } from '../../platform/db'

export const SHARDS_COLLECTION = 'service_counters'
/**
 * Shards per service: the concurrent booking transactions of one service are spread over this many documents.
 * Measured (npx tsx bench/run.ts booking.create, 1,000 bookings of one service at 500/s on a loaded 2-core
 * machine): transaction conflicts 970 on the service document, 905 with 16 shards, 708 with 64.
 */
export const BOOKING_SHARDS = 64

export interface BookingShard {
  _id: string
  serviceId: string
  communityId: string
  bookings: number
}

export const shardId = (serviceId: string, shard: number) => `${serviceId}_${shard}`
export const shardOf = (bookingId: string) => crc32(Buffer.from(bookingId)) % BOOKING_SHARDS

/** Inside a booking's transaction: one more booking of the service, on the booking's shard. */
export async function countBookingIn(db: Db, tx: Tx, s: Pick<Service, '_id' | 'communityId'>, bookingId: string): Promise<void> {
  const id = shardId(s._id, shardOf(bookingId))
  const shard = await txGet<BookingShard>(tx, SHARDS_COLLECTION, id)
  if (shard)
    await tx
      .collection(SHARDS_COLLECTION)
      .doc(id)
      .update({ data: { bookings: db.command.inc(1) } })
  else
    await tx
      .collection(SHARDS_COLLECTION)
      .doc(id)
      .set({ data: { serviceId: s._id, communityId: s.communityId, bookings: 1 } })
}

/** The shards' bookings of a community's services, by service: one aggregation (index community_service). */
export async function shardTotals(db: Db, communityId: string, serviceIds?: string[]): Promise<Map<string, number>> {
  const $ = db.command.aggregate
  const res = (await db
    .collection(SHARDS_COLLECTION)
    .aggregate()
    .match(serviceIds ? { communityId, serviceId: db.command.in(serviceIds) } : { communityId })
    .group({ _id: '$serviceId', n: $.sum('$bookings') })
    .limit(10_000) // aggregate answers 20 groups unless told otherwise
    .end()) as { list: { _id: string; n: number }[] }
  return new Map(res.list.map((r) => [r._id, r.n]))
}

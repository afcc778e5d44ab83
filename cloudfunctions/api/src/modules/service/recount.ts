/**
 * 'service.counters' recount (counters/registry.ts): each service's counters recomputed from its bookings,
 * walking the services by `_id`, 20 a batch, ONE aggregation over the batch's bookings grouped by (service,
 * status, stars) (bookings.service_day_id):
 *   bookings = every booking made (whatever became of it) — stored as Service.counters.bookings plus its shards
 *     (counters.ts); cancelled / attended / noShows = the bookings in that status; ratingSum / ratings = the
 *     ratings given.
 * Venues keep no counters (a venue request is approved, not booked; venue/book.ts), so they are not recounted.
 * A wrong counter is set with a conditional update on the value read. For `bookings` the shards are read before
 * and after the count: when they moved, a booking landed meanwhile and the service waits for the next run;
 * otherwise the correction goes to Service.counters.bookings (the shards stay as the bookings raised them).
 */
import type { Booking, Service } from '../../../../../types/services'
import { afterIdOf, type Cursor } from '../../platform/batches'
import type { Deps } from '../../platform/context'
import { findMany, updateWhere } from '../../platform/db'
import type { Drift, Recount } from '../counters/registry'
import { settle } from '../counters/tally'
import { shardTotals } from './counters'
import { K } from './repo'

const BATCH = 20

type Figures = Service['counters']
const zero = (): Figures => ({ bookings: 0, cancelled: 0, attended: 0, noShows: 0, ratingSum: 0, ratings: 0 })
const BY_STATUS: Partial<Record<Booking['status'], keyof Figures>> = { cancelled: 'cancelled', attended: 'attended', no_show: 'noShows' }

export const recountServices: Recount = async (deps: Deps, cursor: Cursor, opts) => {
  const { db } = deps
  const _ = db.command
  const $ = _.aggregate
  const after = afterIdOf(cursor)
  const services = await findMany<Service>(db, K.services, after ? { _id: _.gt(after) } : {}, { orderBy: [['_id', 'asc']], limit: BATCH })
  const counted = services.filter((s) => s.delivery !== 'venue')
  const drift: Drift[] = []
  if (counted.length) {
    const ids = counted.map((s) => s._id)
    // The shards of the batch's services, per community (a batch spans few communities), before and after the count.
    const communities = [...new Set(counted.map((s) => s.communityId))]
    const shardsNow = async () => {
      const maps = await Promise.all(communities.map((c) => shardTotals(db, c, ids)))
      return new Map(maps.flatMap((m) => [...m]))
    }
    const before = await shardsNow()
    const groups = (await db
      .collection(K.bookings)
      .aggregate()
      .match({ serviceId: _.in(ids) })
      .group({ _id: { serviceId: '$serviceId', status: '$status', stars: '$rating.stars' }, n: $.sum(1) })
      .limit(10_000)
      .end()) as { list: { _id: { serviceId: string; status: Booking['status']; stars?: number | null }; n: number }[] }
    const afterShards = await shardsNow()
    const actual = new Map(ids.map((id) => [id, zero()]))
    for (const g of groups.list) {
      const f = actual.get(g._id.serviceId)
      if (!f) continue
      f.bookings += g.n
      const field = BY_STATUS[g._id.status]
      if (field) f[field] += g.n
      if (typeof g._id.stars === 'number') {
        f.ratingSum += g._id.stars * g.n
        f.ratings += g.n
      }
    }
    for (const s of counted) {
      const want = actual.get(s._id)!
      const shards = before.get(s._id) ?? 0
      const steady = shards === (afterShards.get(s._id) ?? 0)
      for (const field of Object.keys(want) as (keyof Figures)[]) {
        const stored = (s.counters?.[field] ?? 0) + (field === 'bookings' ? shards : 0)
        if (stored === want[field]) continue
        if (field === 'bookings') {
          const own = s.counters?.bookings ?? 0
          const fixed =
            opts.fix && steady
              ? (await updateWhere(db, K.services, { _id: s._id, 'counters.bookings': own }, { 'counters.bookings': want.bookings - shards })) === 1
              : false
          drift.push({ counter: 'service.bookings', key: s._id, stored, actual: want.bookings, fixed })
        } else {
          const path = `counters.${field}`
          const d = await settle(opts, `service.${field}`, s._id, stored, want[field], () =>
            updateWhere(db, K.services, { _id: s._id, [path]: stored }, { [path]: want[field] }),
          )
          if (d) drift.push(d)
        }
      }
    }
  }
  const done = services.length < BATCH
  return {
    counts: { services: services.length, drift: drift.length, fixed: drift.filter((d) => d.fixed).length },
    cursor: done ? null : { after: services[services.length - 1]._id },
    done,
    drift,
  }
}

/**
 * service.stats (secretary) — how the menu is used, from running counters only (never by walking bookings):
 * per service its bookings, attendance, no-shows, cancellations and average rating (Service.counters, kept in
 * the same write as each booking move; bookings on their shards too, counters.ts: one aggregation); what
 * residents looked for and could not find or asked for, this China month and last (service_demand, one range
 * of community_month), most asked first; errands open and done (two indexed counts on community_status_id).
 * Outcome: the statistics.
 */
import { ServiceStatsInput, type DemandCounter, type Service, type ServiceStats } from '../../../../../types/services'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import { chinaMonthsBack } from '../../platform/chinaTime'
import type { UserCtx } from '../../platform/context'
import { readAll } from '../../platform/db'
import { shardTotals } from './counters'
import { K } from './repo'
import { ratingAverage } from './views'

/** The most-asked words shown. */
export const DEMAND_SHOWN = 50

async function stats(ctx: UserCtx, input: ActionInput<'service.stats'>): Promise<ServiceStats> {
  const { db } = ctx
  const _ = db.command
  const communityId = input.communityId
  const months = chinaMonthsBack(ctx.now(), 2)
  const count = async (status: unknown) => ((await db.collection(K.errands).where({ communityId, status }).count()) as unknown as { total: number }).total
  const [services, demand, open, done, shards] = await Promise.all([
    readAll<Service>(db, K.services, { communityId }, 500),
    readAll<DemandCounter>(db, K.demand, { communityId, month: _.in(months) }, 5000),
    count(_.in(['submitted', 'accepted', 'in_progress'])),
    count('done'),
    shardTotals(db, communityId),
  ])
  const booked = new Map(services.map((s) => [s._id, s.counters.bookings + (shards.get(s._id) ?? 0)]))
  const byWords = new Map<string, { words: string; searches: number; wants: number }>()
  for (const d of demand) {
    const w = byWords.get(d.words) ?? { words: d.words, searches: 0, wants: 0 }
    w.searches += d.searches
    w.wants += d.wants
    byWords.set(d.words, w)
  }
  return {
    services: services
      .sort((a, b) => booked.get(b._id)! - booked.get(a._id)! || (a._id < b._id ? 1 : -1))
      .map((s) => ({
        id: s._id,
        name: s.name,
        bookings: booked.get(s._id)!,
        attended: s.counters.attended,
        noShows: s.counters.noShows,
        cancelled: s.counters.cancelled,
        ratingAverage: ratingAverage(s.counters),
      })),
    demand: [...byWords.values()].sort((a, b) => b.searches + b.wants - (a.searches + a.wants) || a.words.localeCompare(b.words)).slice(0, DEMAND_SHOWN),
    errands: { open, done },
  }
}

export default defineAction({ name: 'service.stats', input: ServiceStatsInput, access: SECRETARY, writes: false, handler: stats })

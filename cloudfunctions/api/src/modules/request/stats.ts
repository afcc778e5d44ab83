/**
 * request.stats (secretary) — the community's requests month by month (China months) and by category, from the
 * running counters kept with each move (counters.ts: at most 12 months × 6 categories documents, one range of
 * request_counters.community_month), and what is open now by colour from three indexed counts — so its cost is
 * flat however many requests there are:
 *   red            = open, dueAt < now                    (community_open_due)
 *   yellow + red   = open, yellowAt <= now                 (community_open_yellow; every red one passed its yellow point)
 *   with a clock   = open, dueAt set                       (community_open_due)
 *   yellow = (yellow + red) − red; green = with a clock − (yellow + red).
 * The median handling time is read from each month's histogram (counters.ts HOUR_BUCKETS): the upper bound of
 * the bucket holding the middle request.
 * Outcomes: the statistics.
 */
import { RequestStatsInput, type RequestCategory, type RequestCounter, type RequestStats } from '../../../../../types/requests'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { findMany } from '../../platform/db'
import { chinaMonthsBack } from '../../platform/chinaTime'
import { HOUR_BUCKETS, medianHours } from './counters'
import { EPOCH } from './paging'
import { RQ, totalOf } from './repo'

async function stats(ctx: UserCtx, input: ActionInput<'request.stats'>): Promise<RequestStats> {
  const { db } = ctx
  const _ = db.command
  const now = ctx.now()
  const months = chinaMonthsBack(now, input.months ?? 6)
  const communityId = input.communityId
  const requests = () => db.collection(RQ.requests)
  const [counters, red, yellowOrRed, withClock] = await Promise.all([
    findMany<RequestCounter>(db, RQ.counters, { communityId, month: _.gte(months[0]).and(_.lte(months[months.length - 1])) }, { limit: 100 }),
    totalOf(requests().where({ communityId, open: true, dueAt: _.gte(EPOCH).and(_.lt(now)) })),
    totalOf(requests().where({ communityId, open: true, yellowAt: _.gte(EPOCH).and(_.lte(now)) })),
    totalOf(requests().where({ communityId, open: true, dueAt: _.gte(EPOCH) })),
  ])
  const byMonth = new Map(months.map((m) => [m, { reported: 0, closed: 0, onTime: 0, late: 0, hoursSum: 0, buckets: HOUR_BUCKETS.map(() => 0) }]))
  const byCategory: RequestStats['byCategory'] = {}
  let ratingSum = 0
  let ratings = 0
  for (const c of counters) {
    const m = byMonth.get(c.month)
    if (!m) continue
    m.reported += c.reported
    m.closed += c.closed
    m.onTime += c.onTime
    m.late += c.late
    m.hoursSum += c.hoursSum
    c.hoursBuckets.forEach((n, i) => (m.buckets[i] += n))
    const cat = (byCategory[c.category as RequestCategory] ??= { reported: 0, closed: 0 })
    cat.reported += c.reported
    cat.closed += c.closed
    ratingSum += c.ratingSum
    ratings += c.ratings
  }
  const list = months.map((month) => {
    const m = byMonth.get(month)!
    return { month, reported: m.reported, closed: m.closed, onTime: m.onTime, late: m.late, medianHours: medianHours(m.buckets, m.hoursSum, m.closed) }
  })
  const reported = list.reduce((s, m) => s + m.reported, 0)
  const closed = list.reduce((s, m) => s + m.closed, 0)
  return {
    months: list,
    byCategory,
    open: { red, yellow: Math.max(0, yellowOrRed - red), green: Math.max(0, withClock - yellowOrRed) },
    closureRate: reported ? Math.round((closed / reported) * 1000) / 1000 : null,
    ratingAverage: ratings ? Math.round((ratingSum / ratings) * 10) / 10 : null,
  }
}

export default defineAction({ name: 'request.stats', input: RequestStatsInput, access: SECRETARY, writes: false, handler: stats })

/**
 * 'request.counters' recount (counters/registry.ts): the running counters of counters.ts recomputed from the
 * requests, walking the request_counters documents by `_id`, 20 a batch:
 *   `<community>_<month>_<category>`: reported = the requests of that category made in that China month (one
 *     indexed count, requests.community_category_created); closed, on time / late, rating sum and count,
 *     handling hours (sum and histogram) = ONE aggregation over the requests of that category closed in that
 *     month (requests.community_category_closed), grouped by (late, stars, hour bucket);
 *   `grid_<gridId>`: closed / on time / late of the closed requests a grid worker held (requests.grid_closed).
 * A counter found wrong is set with a conditional update on the `reported` and `closed` it was read with (every
 * event that changes a bucket changes one of them), so a request reported or closed meanwhile makes the fix
 * miss and the next run look again.
 * Units' `onTime` / `late` are not recounted here: a unit's count follows its own clock at escalation and its
 * late acceptances (rules.ts unitCloseCount, request.unitAccept), which the requests do not keep as one field.
 */
import type { RequestCounter } from '../../../../../types/requests'
import { afterIdOf, type Cursor } from '../../platform/batches'
import { addMonths, chinaDayStart } from '../../platform/chinaTime'
import type { Deps } from '../../platform/context'
import { findMany, updateWhere, type Db } from '../../platform/db'
import type { Drift, Recount } from '../counters/registry'
import { HOUR_BUCKETS, type GridCounter } from './counters'
import { RQ, totalOf } from './repo'

const BATCH = 20
const HOUR_MS = 3600_000

/** The China month's instants [start, end). */
const monthRange = (month: string) => ({ start: chinaDayStart(`${month}-01`), end: chinaDayStart(addMonths(`${month}-01`, 1)) })

type Figures = Pick<RequestCounter, 'reported' | 'closed' | 'onTime' | 'late' | 'hoursSum' | 'hoursBuckets' | 'ratingSum' | 'ratings'>

/** The figures of one month × category bucket from its requests: one count and one aggregation. */
async function monthFigures(db: Db, c: RequestCounter): Promise<Figures> {
  const _ = db.command
  const $ = _.aggregate
  const { start, end } = monthRange(c.month)
  const hours = $.divide([$.subtract([$.ifNull(['$resolvedAt', '$closedAt']), '$createdAt']), HOUR_MS])
  const bucket = $.switch({
    branches: HOUR_BUCKETS.slice(0, -1).map((b, i) => ({ case: $.lte([hours, b]), then: i })),
    default: HOUR_BUCKETS.length - 1,
  })
  const [reported, groups] = await Promise.all([
    totalOf(db.collection(RQ.requests).where({ communityId: c.communityId, category: c.category, createdAt: _.gte(start).and(_.lt(end)) })),
    db
      .collection(RQ.requests)
      .aggregate()
      .match({ communityId: c.communityId, category: c.category, closedAt: _.gte(start).and(_.lt(end)), status: 'closed' })
      .group({ _id: { late: '$late', stars: '$rating.stars', bucket }, n: $.sum(1), hours: $.sum(hours) })
      .limit(1000)
      .end() as Promise<{ list: { _id: { late: boolean; stars?: number | null; bucket: number }; n: number; hours: number }[] }>,
  ])
  const f: Figures = { reported, closed: 0, onTime: 0, late: 0, hoursSum: 0, hoursBuckets: HOUR_BUCKETS.map(() => 0), ratingSum: 0, ratings: 0 }
  for (const g of groups.list) {
    f.closed += g.n
    if (g._id.late) f.late += g.n
    else f.onTime += g.n
    f.hoursSum += Math.max(0, g.hours)
    f.hoursBuckets[g._id.bucket] += g.n
    if (typeof g._id.stars === 'number') {
      f.ratingSum += g._id.stars * g.n
      f.ratings += g.n
    }
  }
  return f
}

/** A grid's figures: its closed requests held by a grid worker, by late. */
async function gridFigures(db: Db, g: GridCounter): Promise<Pick<GridCounter, 'closed' | 'onTime' | 'late'>> {
  const [closed, late] = await Promise.all([
    totalOf(db.collection(RQ.requests).where({ 'assignee.gridId': g.gridId, status: 'closed', 'assignee.kind': 'worker' })),
    totalOf(db.collection(RQ.requests).where({ 'assignee.gridId': g.gridId, status: 'closed', late: true, 'assignee.kind': 'worker' })),
  ])
  return { closed, onTime: closed - late, late }
}

const sameNumber = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b))

export const recountRequests: Recount = async (deps: Deps, cursor: Cursor, opts) => {
  const { db } = deps
  const _ = db.command
  const after = afterIdOf(cursor)
  const counters = await findMany<RequestCounter | GridCounter>(db, RQ.counters, after ? { _id: _.gt(after) } : {}, { orderBy: [['_id', 'asc']], limit: BATCH })
  const drift: Drift[] = []
  await Promise.all(
    counters.map(async (c) => {
      const isGrid = c.month === '*'
      const stored = c as unknown as Record<string, number | number[]>
      const actual = (isGrid ? await gridFigures(db, c as GridCounter) : await monthFigures(db, c as RequestCounter)) as unknown as Record<string, number | number[]>
      const wrong: { field: string; stored: number; actual: number }[] = []
      for (const [field, want] of Object.entries(actual)) {
        const have = stored[field]
        if (Array.isArray(want)) want.forEach((w, i) => (((have as number[] | undefined)?.[i] ?? 0) !== w ? wrong.push({ field: `${field}.${i}`, stored: (have as number[] | undefined)?.[i] ?? 0, actual: w }) : null))
        else if (!sameNumber((have as number | undefined) ?? 0, want)) wrong.push({ field, stored: (have as number | undefined) ?? 0, actual: want })
      }
      if (!wrong.length) return
      // One conditional write of every figure, on the `closed` (and `reported`) it was read with.
      const guard: Record<string, unknown> = { _id: c._id, closed: stored.closed }
      if (!isGrid) guard.reported = stored.reported
      const fixed = opts.fix ? (await updateWhere(db, RQ.counters, guard, actual)) === 1 : false
      for (const w of wrong) drift.push({ counter: isGrid ? 'request.grid' : `request.month.${w.field}`, key: c._id, stored: w.stored, actual: w.actual, fixed })
    }),
  )
  const done = counters.length < BATCH
  return {
    counts: { counters: counters.length, drift: drift.length, fixed: drift.filter((d) => d.fixed).length },
    cursor: done ? null : { after: counters[counters.length - 1]._id },
    done,
    drift,
  }
}

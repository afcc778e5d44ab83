/**
 * 'request.counters' recount (counters/registry.ts): the running counters of counters.ts recomputed from the
 * requests. It walks the source keys, not only the counter documents (a counter never made is drift too):
 *   1. every community (by `_id`) × the last RECOUNT_MONTHS China months, MONTHS_PER_BATCH months a batch, ×
 *      every category: `<community>_<month>_<category>`: reported = ONE indexed count of the requests of that
 *      category made in the month (requests.community_category_created); closed, on time / late, rating sum and
 *      count, handling hours (sum and histogram) = ONE aggregation over the requests of that category closed in
 *      the month (requests.community_category_closed), grouped by (late, stars, hour bucket);
 *   2. every grid (by `_id`), GRIDS_PER_BATCH a batch: `grid_<gridId>`: closed / on time / late of the closed
 *      requests its worker held (requests.grid_closed), two indexed counts.
 * A wrong counter is set with a conditional update on the `reported` and `closed` it was read with (every event
 * that changes a bucket changes one of them), so a request reported or closed meanwhile makes the fix miss and
 * the next run look again; a missing one is added (a duplicate means the event made it meanwhile: next run).
 * Units' `onTime` / `late` are not recounted here: a unit's count follows its own clock at escalation and its
 * late acceptances (rules.ts unitCloseCount, request.unitAccept), which the requests do not keep as one field.
 */
import type { RequestCategory, RequestCounter } from '../../../../../types/requests'
import { REQUEST_CATEGORIES } from '../../../../../types/vocabulary'
import type { Grid } from '../../../../../types/org'
import type { Cursor } from '../../platform/batches'
import { addMonths, chinaDayStart, chinaMonthsBack } from '../../platform/chinaTime'
import type { Deps } from '../../platform/context'
import { findMany, getById, isDuplicateKey, updateWhere, type Db } from '../../platform/db'
import type { Drift, Recount } from '../counters/registry'
import { counterId, emptyCounter, gridCounterId, HOUR_BUCKETS, type GridCounter } from './counters'
import { RQ, totalOf } from './repo'

/** How far back the month counters are recounted (request.stats shows at most 12 months). */
export const RECOUNT_MONTHS = 24
const MONTHS_PER_BATCH = 3
const GRIDS_PER_BATCH = 20
const HOUR_MS = 3600_000

/** The China month's instants [start, end). */
const monthRange = (month: string) => ({ start: chinaDayStart(`${month}-01`), end: chinaDayStart(addMonths(`${month}-01`, 1)) })

type Figures = Pick<RequestCounter, 'reported' | 'closed' | 'onTime' | 'late' | 'hoursSum' | 'hoursBuckets' | 'ratingSum' | 'ratings'>

/** The figures of one month × category bucket from its requests: one count and one aggregation. */
async function monthFigures(db: Db, c: Pick<RequestCounter, 'communityId' | 'month' | 'category'>): Promise<Figures> {
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
async function gridFigures(db: Db, g: Pick<GridCounter, 'gridId'>): Promise<Pick<GridCounter, 'closed' | 'onTime' | 'late'>> {
  const [closed, late] = await Promise.all([
    totalOf(db.collection(RQ.requests).where({ 'assignee.gridId': g.gridId, status: 'closed', 'assignee.kind': 'worker' })),
    totalOf(db.collection(RQ.requests).where({ 'assignee.gridId': g.gridId, status: 'closed', late: true, 'assignee.kind': 'worker' })),
  ])
  return { closed, onTime: closed - late, late }
}

const sameNumber = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b))

/** Compare a counter document (or its absence) with its figures; fix it when asked. */
async function settleCounter(
  db: Db,
  opts: { fix: boolean },
  id: string,
  stored: Record<string, unknown> | null,
  actual: Record<string, number | number[]>,
  fresh: () => Record<string, unknown>,
  counter: string,
): Promise<Drift[]> {
  const wrong: { field: string; stored: number; actual: number }[] = []
  for (const [field, want] of Object.entries(actual)) {
    const have = stored?.[field]
    if (Array.isArray(want))
      want.forEach((w, i) => {
        const h = (have as number[] | undefined)?.[i] ?? 0
        if (h !== w) wrong.push({ field: `${field}.${i}`, stored: h, actual: w })
      })
    else if (!sameNumber((have as number | undefined) ?? 0, want)) wrong.push({ field, stored: (have as number | undefined) ?? 0, actual: want })
  }
  if (!wrong.length) return []
  let fixed = false
  if (opts.fix) {
    if (stored) {
      // One conditional write of every figure, on the `closed` (and `reported`) it was read with.
      const guard: Record<string, unknown> = { _id: id, closed: stored.closed }
      if ('reported' in stored) guard.reported = stored.reported
      fixed = (await updateWhere(db, RQ.counters, guard, actual)) === 1
    } else
      try {
        await db.collection(RQ.counters).add({ data: { ...fresh(), ...actual, _id: id } })
        fixed = true
      } catch (err) {
        if (!isDuplicateKey(err)) throw err
      }
  }
  return wrong.map((w) => ({ counter: `${counter}.${w.field}`, key: id, stored: w.stored, actual: w.actual, fixed }))
}

/** Phase 1: one community's months [m, m + MONTHS_PER_BATCH) of the last RECOUNT_MONTHS, every category. */
async function monthsBatch(db: Db, communityId: string, months: string[], opts: { fix: boolean }): Promise<Drift[]> {
  const _ = db.command
  const stored = await findMany<RequestCounter>(db, RQ.counters, { communityId, month: _.in(months) }, { limit: 100 })
  const byId = new Map(stored.map((c) => [c._id, c]))
  const keys = months.flatMap((month) => REQUEST_CATEGORIES.map((category) => ({ month, category })))
  const found = await Promise.all(
    keys.map(async ({ month, category }) => {
      const id = counterId(communityId, month, category as RequestCategory)
      const actual = await monthFigures(db, { communityId, month, category: category as RequestCategory })
      return settleCounter(
        db,
        opts,
        id,
        (byId.get(id) as unknown as Record<string, unknown>) ?? null,
        actual as unknown as Record<string, number | number[]>,
        () => {
          const { _id, ...rest } = emptyCounter(communityId, month, category as RequestCategory)
          return rest
        },
        'request.month',
      )
    }),
  )
  return found.flat()
}

/** Phase 2: grids after `after`, their on-time counters. */
async function gridsBatch(db: Db, after: string | null, opts: { fix: boolean }): Promise<{ drift: Drift[]; grids: Grid[] }> {
  const _ = db.command
  const grids = await findMany<Grid>(db, 'grids', after ? { _id: _.gt(after) } : {}, { orderBy: [['_id', 'asc']], limit: GRIDS_PER_BATCH })
  const found = await Promise.all(
    grids.map(async (g) => {
      const id = gridCounterId(g._id)
      const [stored, actual] = await Promise.all([getById<GridCounter>(db, RQ.counters, id), gridFigures(db, { gridId: g._id })])
      return settleCounter(
        db,
        opts,
        id,
        stored as unknown as Record<string, unknown> | null,
        actual,
        () => ({ communityId: g.communityId, gridId: g._id, month: '*' }),
        'request.grid',
      )
    }),
  )
  return { drift: found.flat(), grids }
}

export const recountRequests: Recount = async (deps: Deps, cursor: Cursor, opts) => {
  const { db } = deps
  const _ = db.command
  const summary = (drift: Drift[], extra: Record<string, number>) => ({ ...extra, drift: drift.length, fixed: drift.filter((d) => d.fixed).length })
  if (cursor?.phase === 'grids') {
    const { drift, grids } = await gridsBatch(db, typeof cursor.after === 'string' ? cursor.after : null, opts)
    const done = grids.length < GRIDS_PER_BATCH
    return { counts: summary(drift, { grids: grids.length }), cursor: done ? null : { phase: 'grids', after: grids[grids.length - 1]._id }, done, drift }
  }
  // Phase 1: the community at or after the cursor's, from its month index.
  const at = typeof cursor?.community === 'string' ? cursor.community : null
  const m = typeof cursor?.m === 'number' ? cursor.m : 0
  const [community] = await findMany<{ _id: string }>(db, 'communities', at ? { _id: _.gte(at) } : {}, {
    orderBy: [['_id', 'asc']],
    limit: 1,
    field: { _id: true },
  })
  if (!community) return { counts: summary([], {}), cursor: { phase: 'grids' }, done: false, drift: [] }
  const all = chinaMonthsBack(deps.now(), RECOUNT_MONTHS)
  const months = all.slice(m, m + MONTHS_PER_BATCH)
  const drift = await monthsBatch(db, community._id, months, opts)
  const next =
    m + MONTHS_PER_BATCH < all.length
      ? { phase: 'months', community: community._id, m: m + MONTHS_PER_BATCH }
      : { phase: 'months', community: community._id + '\u0000', m: 0 }
  return { counts: summary(drift, { buckets: months.length * REQUEST_CATEGORIES.length }), cursor: next, done: false, drift }
}

/**
 * The recount of wish.stats' counters (counters/registry.ts `Recount`): community by community, month by
 * month (the China month a wish was posted), one bucket (community × month, every category at once) at a
 * time, at most MONTHS_PER_BATCH buckets a batch. For each bucket:
 *   1. the stored counters, summed over shards by category (one aggregation of wish_counters);
 *   2. the same figures recomputed from the month's wishes (one aggregation of wishes, index community_created,
 *      the rule of counters.ts `contribution` written as aggregation expressions);
 *   3. the stored counters again: a bucket whose version moved between 1 and 3 is being written to and is
 *      left for the next pass (what it shows is not drift);
 *   4. each field that differs is drift; when fixing, the difference is added to shard 0 with an update
 *      conditional on the version of shard 0 read just before (a concurrent move makes it miss: fixed false).
 * Five round trips a month with drift-free data, a few more per drifting category.
 */
import type { Batch, Cursor } from '../../platform/batches'
import type { Deps } from '../../platform/context'
import { addMonths, chinaDayStart, chinaMonth } from '../../platform/chinaTime'
import { findMany, isDuplicateKey, updateWhere, type Db } from '../../platform/db'
import { C } from '../org/repo'
import type { Drift } from '../counters/registry'
import { WISH_STATUSES } from '../../../../../types/wish'
import { COUNTER_FIELDS, counterDocId, HOUR_BUCKETS, sumCounters, WISH_COUNTERS, type Counts, type WishCounterDoc } from './counters'
import { W } from './repo'

export const MONTHS_PER_BATCH = 2
const NAME = 'wish.stats'

const monthStart = (month: string) => chinaDayStart(`${month}-01`)
const nextMonth = (month: string) => addMonths(`${month}-01`, 1).slice(0, 7)

/** The month's wishes counted by category, in the database: `contribution` as aggregation expressions. */
async function recomputed(db: Db, communityId: string, month: string): Promise<Map<string, Counts>> {
  const _ = db.command
  const $ = _.aggregate
  const has = (f: string) => $.neq([$.ifNull([`$${f}`, 0]), 0])
  const hours = (to: string) => $.cond([$.and([has('openedAt'), has(to)]), $.divide([$.subtract([`$${to}`, '$openedAt']), 3600_000]), -1])
  const bucket = (h: string) =>
    $.switch({
      branches: [{ case: $.lt([h, 0]), then: -1 }, ...HOUR_BUCKETS.slice(0, -1).map((b, i) => ({ case: $.lte([h, b]), then: i }))],
      default: HOUR_BUCKETS.length - 1,
    })
  const group: Record<string, unknown> = { _id: '$category' }
  for (const s of WISH_STATUSES) group[`s_${s}`] = $.sum($.cond([$.eq(['$status', s]), 1, 0]))
  HOUR_BUCKETS.forEach((_b, i) => {
    group[`c${i}`] = $.sum($.cond([$.eq(['$cb', i]), 1, 0]))
    group[`f${i}`] = $.sum($.cond([$.eq(['$fb', i]), 1, 0]))
  })
  for (const k of [1, 2, 3, 4, 5]) group[`r${k}`] = $.sum($.cond([$.eq(['$rs', k]), 1, 0]))
  const res = (await db
    .collection(W.wishes)
    .aggregate()
    .match({ communityId, createdAt: _.gte(monthStart(month)).and(_.lt(monthStart(nextMonth(month)))) })
    .project({ category: 1, status: 1, rs: '$rating.stars', ch: hours('claimedAt'), fh: hours('fulfilledAt') })
    .project({ category: 1, status: 1, rs: 1, cb: bucket('$ch'), fb: bucket('$fh') })
    .group(group)
    .limit(1000)
    .end()) as { list: (Counts & { _id: string })[] }
  if (res.list.length >= 1000) throw new Error('wishes: more than 1000 categories in one month')
  return new Map(res.list.map(({ _id, ...rest }) => [String(_id), rest as Counts]))
}

/** Adds `delta` to shard 0 of the bucket, conditional on its version: true when written. */
async function addToShard0(db: Db, communityId: string, month: string, category: string, delta: Counts): Promise<boolean> {
  const _ = db.command
  const id = counterDocId(communityId, month, category, 0)
  const [doc] = await findMany<WishCounterDoc>(db, WISH_COUNTERS, { _id: id }, { limit: 1 })
  if (!doc) {
    const data: Record<string, unknown> = { _id: id, communityId, month, category, shard: 0, v: 1 }
    for (const f of COUNTER_FIELDS) data[f] = delta[f] ?? 0
    try {
      await db.collection(WISH_COUNTERS).add({ data })
      return true
    } catch (err) {
      if (isDuplicateKey(err)) return false
      throw err
    }
  }
  const data: Record<string, unknown> = { v: _.inc(1) }
  for (const [k, d] of Object.entries(delta)) if (d) data[k] = _.inc(d)
  return (await updateWhere(db, WISH_COUNTERS, { _id: id, v: doc.v }, data)) === 1
}

/** Checks (and fixes) one community's month; answers its drift and whether it was busy. */
export async function settleMonth(db: Db, communityId: string, month: string, fix: boolean): Promise<{ drift: Drift[]; busy: number }> {
  const stored = await sumCounters(db, { communityId, month }, 'category')
  const actual = await recomputed(db, communityId, month)
  const again = await sumCounters(db, { communityId, month }, 'category')
  const drift: Drift[] = []
  let busy = 0
  for (const category of new Set([...stored.keys(), ...actual.keys()])) {
    const s = stored.get(category)
    const a = actual.get(category)
    if ((s?.v ?? 0) !== (again.get(category)?.v ?? 0)) {
      busy++
      continue
    }
    const delta: Counts = {}
    const found: Drift[] = []
    for (const f of COUNTER_FIELDS) {
      const sv = s?.[f] ?? 0
      const av = a?.[f] ?? 0
      if (sv !== av) {
        delta[f] = av - sv
        found.push({ counter: NAME, key: `${communityId}_${month}_${category}.${f}`, stored: sv, actual: av, fixed: false })
      }
    }
    if (!found.length) continue
    const fixed = fix ? await addToShard0(db, communityId, month, category, delta) : false
    drift.push(...found.map((d) => ({ ...d, fixed })))
  }
  return { drift, busy }
}

/** The first and last month to check for a community: from its first wish or counter to now (or its last counter). */
async function monthRange(deps: Deps, communityId: string): Promise<{ first: string; last: string }> {
  const [firstWish] = await findMany<{ createdAt: Date }>(
    deps.db,
    W.wishes,
    { communityId },
    { orderBy: [['createdAt', 'asc']], limit: 1, field: { createdAt: true } },
  )
  const [firstCounter] = await findMany<{ month: string }>(
    deps.db,
    WISH_COUNTERS,
    { communityId },
    { orderBy: [['month', 'asc']], limit: 1, field: { month: true } },
  )
  const [lastCounter] = await findMany<{ month: string }>(
    deps.db,
    WISH_COUNTERS,
    { communityId },
    { orderBy: [['month', 'desc']], limit: 1, field: { month: true } },
  )
  const now = chinaMonth(deps.now())
  const months = [firstWish ? chinaMonth(new Date(firstWish.createdAt)) : now, firstCounter?.month ?? now].sort()
  return { first: months[0], last: [now, lastCounter?.month ?? now].sort()[1] }
}

async function nextCommunity(db: Db, after: string | null): Promise<string | null> {
  const [c] = await findMany<{ _id: string }>(db, C.communities, after ? { _id: db.command.gt(after) } : {}, {
    orderBy: [['_id', 'asc']],
    limit: 1,
    field: { _id: true },
  })
  return c?._id ?? null
}

interface WishCursor {
  c: string
  m: string
  last: string
}

export async function recountWishStats(deps: Deps, cursor: Cursor, opts: { fix: boolean }): Promise<Batch & { drift: Drift[] }> {
  let at = cursor as WishCursor | null
  if (!at || typeof at.c !== 'string') {
    const c = await nextCommunity(deps.db, null)
    if (!c) return { counts: {}, cursor: null, done: true, drift: [] }
    at = { c, m: '', last: '' }
  }
  if (!at.m) {
    const r = await monthRange(deps, at.c)
    at = { c: at.c, m: r.first, last: r.last }
  }
  const drift: Drift[] = []
  const counts = { months: 0, drift: 0, fixed: 0, busy: 0 }
  for (let i = 0; i < MONTHS_PER_BATCH && at.m <= at.last; i++) {
    const r = await settleMonth(deps.db, at.c, at.m, opts.fix)
    drift.push(...r.drift)
    counts.months++
    counts.busy += r.busy
    at = { ...at, m: nextMonth(at.m) }
  }
  counts.drift = drift.length
  counts.fixed = drift.filter((d) => d.fixed).length
  if (at.m <= at.last) return { counts, cursor: { ...at }, done: false, drift }
  const c = await nextCommunity(deps.db, at.c)
  if (!c) return { counts, cursor: null, done: true, drift }
  return { counts, cursor: { c, m: '', last: '' }, done: false, drift }
}

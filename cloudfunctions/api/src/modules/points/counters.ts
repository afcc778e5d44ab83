/**
 * Running counters of the ledger, kept in the same transaction as every transfer (ledger.ts applyTransfer), so
 * points.sponsors and points.report read a few small documents instead of aggregating the whole ledger:
 *
 *   point_counters `pc_<communityId>_<YYYY-MM>_<shard>` (PointCounter): per community, China month and shard,
 *     - `kinds`: the sum of person-account entries by transfer kind (issued = earn + grant + correct, redeemed =
 *       −redeem, refunded = refund, expired = −expire: points.report's months);
 *     - `issued`: per sponsor, what left its budget other than by funding (−sponsor entries, kind ≠ fund);
 *     - `redeemed`: per sponsor, what the supermarket took in for its goods (mall entries, net of refunds);
 *     - `n`: how many entries were counted (it only grows, so a recount can tell that nothing moved).
 *
 * Shards: the supermarket's redemptions are the hot path (500 a second), and one counter document per month
 * written by every redemption's transaction would make them conflict with each other. A transfer writes the
 * shard of its person account (`shardOf`), so two transactions meet on a counter only when they would meet
 * on nobody's account one time in SHARDS; a person's own transfers share their account's document anyway.
 * A reader sums the shards: points.report reads months × SHARDS documents, points.sponsors every month of the
 * community × SHARDS (O(months), whatever the size of the ledger).
 *
 * The 'points.sponsors' recount (recount.ts) recomputes a (community, month) bucket with one aggregation over
 * that month's entries and repairs the difference on shard 0.
 */
import { createHash } from 'crypto'
import type { TransferKind } from '../../../../../types/points'
import { chinaMonth } from '../../platform/chinaTime'
import { findMany, txGet, type Db, type Tx } from '../../platform/db'
import { P } from './repo'

export const SHARDS = 8

export interface PointCounter {
  _id: string
  communityId: string
  /** China month 'YYYY-MM'. */
  month: string
  shard: number
  n: number
  kinds: Partial<Record<TransferKind, number>>
  issued: Record<string, number>
  redeemed: Record<string, number>
  updatedAt: Date
}

/** The figures of a bucket (one shard's, or their sum). */
export type Figures = Pick<PointCounter, 'n' | 'kinds' | 'issued' | 'redeemed'>

export const counterId = (communityId: string, month: string, shard: number) => `pc_${communityId}_${month}_${shard}`

export const shardOf = (key: string) => createHash('sha1').update(key).digest()[0] % SHARDS

export const emptyFigures = (): Figures => ({ n: 0, kinds: {}, issued: {}, redeemed: {} })

/** One ledger entry as the counters see it. */
export interface CountedEntry {
  accountKind: string
  kind: TransferKind
  amount: number
  /** The sponsor named on the transfer (earn/grant/correct: the budget it came from; redeem/refund: the goods'). */
  sponsorId: string | null
}

/** What an entry adds to its bucket: nothing for entries no figure counts (funding, the expired account…). */
export function addEntry(into: Figures, e: CountedEntry, times = 1): Figures {
  if (e.accountKind === 'person') into.kinds[e.kind] = (into.kinds[e.kind] ?? 0) + e.amount
  else if (e.accountKind === 'sponsor' && e.kind !== 'fund' && e.sponsorId) into.issued[e.sponsorId] = (into.issued[e.sponsorId] ?? 0) - e.amount
  else if (e.accountKind === 'mall' && e.sponsorId) into.redeemed[e.sponsorId] = (into.redeemed[e.sponsorId] ?? 0) + e.amount
  else return into
  into.n += times
  return into
}

/** The sum of buckets (the shards of a month, or every month). */
export function sumFigures(list: Figures[]): Figures {
  const out = emptyFigures()
  for (const f of list) {
    out.n += f.n ?? 0
    for (const [k, v] of Object.entries(f.kinds ?? {})) out.kinds[k as TransferKind] = (out.kinds[k as TransferKind] ?? 0) + (v ?? 0)
    for (const [k, v] of Object.entries(f.issued ?? {})) out.issued[k] = (out.issued[k] ?? 0) + v
    for (const [k, v] of Object.entries(f.redeemed ?? {})) out.redeemed[k] = (out.redeemed[k] ?? 0) + v
  }
  return out
}

/** Every figure of a bucket by a flat name ('n', 'kinds.earn', 'issued.<sponsorId>' …), zeros left out. */
export function flatFigures(f: Figures): Map<string, number> {
  const out = new Map<string, number>()
  if (f.n) out.set('n', f.n)
  for (const [k, v] of Object.entries(f.kinds)) if (v) out.set(`kinds.${k}`, v)
  for (const [k, v] of Object.entries(f.issued)) if (v) out.set(`issued.${k}`, v)
  for (const [k, v] of Object.entries(f.redeemed)) if (v) out.set(`redeemed.${k}`, v)
  return out
}

/** Inside the transfer's transaction: add its entries to its (community, month, shard) counter. */
export async function countTransfer(db: Db, tx: Tx, communityId: string, shardKey: string, entries: CountedEntry[], now: Date): Promise<void> {
  const add = emptyFigures()
  for (const e of entries) addEntry(add, e)
  if (!add.n) return
  const month = chinaMonth(now)
  const shard = shardOf(shardKey)
  const id = counterId(communityId, month, shard)
  const current = await txGet<PointCounter>(tx, P.counters, id)
  if (!current) {
    const doc: Omit<PointCounter, '_id'> = { communityId, month, shard, ...add, updatedAt: now }
    await tx.collection(P.counters).doc(id).set({ data: doc })
    return
  }
  const _ = db.command
  const data: Record<string, unknown> = { n: _.inc(add.n), updatedAt: now }
  for (const [k, v] of flatFigures(add)) if (k !== 'n') data[k] = _.inc(v)
  await tx.collection(P.counters).doc(id).update({ data })
}

/**
 * The counter documents of a community from month `from` to `to` (inclusive; 'YYYY-MM', null = open), every
 * shard: a range of `_id` (which is the community, the month and the shard) on the (communityId, _id) index.
 */
export async function countersOf(db: Db, communityId: string, from: string | null, to: string | null): Promise<PointCounter[]> {
  const _ = db.command
  const out: PointCounter[] = []
  let low = _.gte(`pc_${communityId}_${from ?? ''}`)
  const high = _.lt(to ? `pc_${communityId}_${to}_~` : `pc_${communityId}_~`)
  for (;;) {
    const page: PointCounter[] = await findMany<PointCounter>(db, P.counters, { communityId, _id: _.and(low, high) }, { orderBy: [['_id', 'asc']], limit: 100 })
    out.push(...page)
    if (page.length < 100) return out
    low = _.gt(page[page.length - 1]._id)
  }
}

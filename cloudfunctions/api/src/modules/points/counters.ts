/**
 * Running counters of the ledger, kept in the same transaction as every transfer (ledger.ts applyTransfer), so
 * points.sponsors and points.report read a few small documents instead of aggregating the whole ledger:
 *
 *   point_counters `pc_<communityId>_<shard>` (PointCounter): per community and shard, per China month
 *   (`months['YYYY-MM']`, Figures):
 *     - `kinds`: the sum of person-account entries by transfer kind (issued = earn + grant + correct, redeemed =
 *       −redeem, refunded = refund, expired = −expire: points.report's months);
 *     - `issued`: per sponsor, what left its budget other than by funding (−sponsor entries, kind ≠ fund);
 *     - `redeemed`: per sponsor, what the supermarket took in for its goods (mall entries, net of refunds);
 *     - `n`: how many entries were counted (it only grows, so a recount can tell that nothing moved).
 *
 * Shards: the supermarket's redemptions are the hot path (500 a second), and one counter document written by
 * every redemption's transaction would make them conflict with each other. A transfer writes the shard of its
 * person account (`shardOf`), so two transactions of different people meet on a counter one time in SHARDS
 * (a person's own transfers meet on their account anyway): the conflicts grow with arrivals × the time a
 * transaction is open ÷ SHARDS (measured: 32 shards cost the redeem rush about a third of its throughput on
 * the local engine; 128 keep it near what it was without counters). A reader sums the shards: points.report
 * and points.sponsors read the community's SHARDS documents in two queries of 100, whatever the size of the
 * ledger; a document grows by one small month entry a month.
 *
 * The 'points.sponsors' recount (recount.ts) recomputes a (community, month) bucket with one aggregation over
 * that month's entries and repairs the difference on shard 0.
 */
import { createHash } from 'crypto'
import type { TransferKind } from '../../../../../types/points'
import { chinaMonth } from '../../platform/chinaTime'
import { findMany, txGet, type Db, type Tx } from '../../platform/db'
import { P } from './repo'

export const SHARDS = 128

/** The figures of one (community, month) bucket: one shard's, or their sum. */
export interface Figures {
  n: number
  kinds: Partial<Record<TransferKind, number>>
  issued: Record<string, number>
  redeemed: Record<string, number>
}

export interface PointCounter {
  _id: string
  communityId: string
  shard: number
  /** By China month 'YYYY-MM'. */
  months: Record<string, Figures>
  updatedAt: Date
}

export const counterId = (communityId: string, shard: number) => `pc_${communityId}_${shard}`

export const shardOf = (key: string) => createHash('sha1').update(key).digest().readUInt32BE(0) % SHARDS

export const emptyFigures = (): Figures => ({ n: 0, kinds: {}, issued: {}, redeemed: {} })

/** The sum of the shards' figures for one month. */
export const monthOf = (counters: PointCounter[], month: string): Figures => sumFigures(counters.map((c) => c.months?.[month] ?? emptyFigures()))

/** The sum of the shards' figures over every month (or those `keep` accepts). */
export const allMonths = (counters: PointCounter[], keep: (month: string) => boolean = () => true): Figures =>
  sumFigures(
    counters.flatMap((c) =>
      Object.entries(c.months ?? {})
        .filter(([m]) => keep(m))
        .map(([, f]) => f),
    ),
  )

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

/** The counter a transfer adds to, as read in its transaction (read early, alongside the accounts). */
export interface CounterRead {
  id: string
  communityId: string
  month: string
  shard: number
  current: PointCounter | null
}

/** What a transfer's entries add to the counters (nothing for funding: no figure counts it). */
export function figuresOf(entries: CountedEntry[]): Figures {
  const add = emptyFigures()
  for (const e of entries) addEntry(add, e)
  return add
}

/** Inside the transfer's transaction: read the (community, shard) counter it will add to. */
export async function readCounter(tx: Tx, communityId: string, shardKey: string, now: Date): Promise<CounterRead> {
  const shard = shardOf(shardKey)
  const id = counterId(communityId, shard)
  return { id, communityId, month: chinaMonth(now), shard, current: await txGet<PointCounter>(tx, P.counters, id) }
}

/** Increments of `add` on month `month` of a counter document, by dotted path. */
export function incsOf(db: Db, month: string, add: Figures): Record<string, unknown> {
  const _ = db.command
  const data: Record<string, unknown> = {}
  for (const [k, v] of flatFigures(add)) data[`months.${month}.${k}`] = _.inc(v)
  return data
}

/** Inside the same transaction: add the transfer's figures to the counter read. */
export async function writeCounter(db: Db, tx: Tx, read: CounterRead, add: Figures, now: Date): Promise<void> {
  if (!add.n) return
  if (!read.current) {
    const doc: Omit<PointCounter, '_id'> = { communityId: read.communityId, shard: read.shard, months: { [read.month]: add }, updatedAt: now }
    await tx.collection(P.counters).doc(read.id).set({ data: doc })
    return
  }
  await tx
    .collection(P.counters)
    .doc(read.id)
    .update({ data: { ...incsOf(db, read.month, add), updatedAt: now } })
}

/** The counter documents of a community (its SHARDS shards: pages of 100). */
export async function countersOf(db: Db, communityId: string): Promise<PointCounter[]> {
  const _ = db.command
  const out: PointCounter[] = []
  let after: string | null = null
  for (;;) {
    const page: PointCounter[] = await findMany<PointCounter>(
      db,
      P.counters,
      { communityId, ...(after ? { _id: _.gt(after) } : {}) },
      { orderBy: [['_id', 'asc']], limit: 100 },
    )
    out.push(...page)
    if (page.length < 100) return out
    after = page[page.length - 1]._id
  }
}

/**
 * wish.stats' running counters, kept in the same transaction as every wish move (issue 15), so the statistics
 * read a handful of small documents and never the wishes.
 *
 * `wish_counters` documents, one per community × China month a wish was posted × category × shard:
 *   `<communityId>_<YYYY-MM>_<category as hex>_<shard>` (WishCounter) with flat numeric fields:
 *     `s_<status>`  wishes of the bucket now in each status (so their sum is the number posted),
 *     `c<i>`        of those with a claim, how many took bucket i of CLAIM_HOURS from opening to claim,
 *     `f<i>`        the same from opening to fulfilment,
 *     `r<k>`        how many were rated k stars,
 *     `v`           a version raised by every write (the recount's proof that nothing moved while it counted).
 * A wish counts in the bucket of its own posting month and category (neither ever changes), so each move is a
 * difference of what the wish contributes before and after (`contribution`), applied to one document.
 *
 * Why shards: every claim, review and close of a community's month and category would otherwise write the
 * same document, and transactions writing one document at 500 a second conflict and retry. A wish writes the
 * shard its id hashes to (SHARDS of them); readers sum the shards with one aggregation.
 */
import { WISH_STATUSES, type Wish } from '../../../../../types/wish'
import { chinaMonth } from '../../platform/chinaTime'
import { crc32 } from '../../platform/crc32'
import { txGet, type Command, type Db, type Tx } from '../../platform/db'

export const WISH_COUNTERS = 'wish_counters'
export const SHARDS = 8

/** Upper bounds (hours) of the time-to-claim / time-to-fulfil histogram buckets; the last is open-ended. */
export const HOUR_BUCKETS = [1, 2, 3, 4, 6, 8, 12, 18, 24, 36, 48, 72, 96, 120, 168, 240, 336, 504, 720, Infinity] as const
export const hourBucket = (hours: number) => HOUR_BUCKETS.findIndex((b) => hours <= b)

/** Every numeric field of a counter document but the version. */
export const COUNTER_FIELDS: readonly string[] = [
  ...WISH_STATUSES.map((s) => `s_${s}`),
  ...HOUR_BUCKETS.map((_, i) => `c${i}`),
  ...HOUR_BUCKETS.map((_, i) => `f${i}`),
  ...[1, 2, 3, 4, 5].map((k) => `r${k}`),
]

export type Counts = Record<string, number>

export interface WishCounter extends Counts {
  v: number
}
export interface WishCounterDoc {
  _id: string
  communityId: string
  month: string
  category: string
  shard: number
  [field: string]: unknown
}

/** The category in an id: hex of its UTF-8 bytes (any text a secretary names, with no separator in it). */
const hex = (s: string) => Buffer.from(s, 'utf8').toString('hex')
export const bucketKey = (communityId: string, month: string, category: string) => `${communityId}_${month}_${hex(category)}`
export const counterDocId = (communityId: string, month: string, category: string, shard: number) => `${bucketKey(communityId, month, category)}_${shard}`
export const shardOf = (wishId: string) => crc32(Buffer.from(wishId, 'utf8')) % SHARDS

const hoursBetween = (a: Date | null, b: Date | null) => (a && b ? Math.max(0, (new Date(b).getTime() - new Date(a).getTime()) / 3600_000) : null)

type Counted = Pick<Wish, '_id' | 'communityId' | 'category' | 'createdAt' | 'status' | 'openedAt' | 'claimedAt' | 'fulfilledAt' | 'rating'>

/** What one wish adds to its bucket's counters (the same rule the recount's aggregation applies). */
export function contribution(w: Counted): Counts {
  const out: Counts = { [`s_${w.status}`]: 1 }
  const c = hoursBetween(w.openedAt, w.claimedAt)
  if (c !== null) out[`c${hourBucket(c)}`] = 1
  const f = hoursBetween(w.openedAt, w.fulfilledAt)
  if (f !== null) out[`f${hourBucket(f)}`] = 1
  if (w.rating) out[`r${w.rating.stars}`] = 1
  return out
}

/** after − before, without the zeros. */
export function difference(before: Counts, after: Counts): Counts {
  const out: Counts = {}
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const d = (after[k] ?? 0) - (before[k] ?? 0)
    if (d) out[k] = d
  }
  return out
}

/** Whether a move from `before` to `after` changes any counter (a progress note does not). */
export const changesCounters = (before: Counted, after: Counted) => Object.keys(difference(contribution(before), contribution(after))).length > 0

/**
 * Apply a wish's change to its shard inside the transaction that makes the change (`before` null: a new wish).
 * The shard is created on its first wish; two first wishes racing make one transaction conflict and retry.
 */
export async function countMove(tx: Tx, _: Command, before: Counted | null, after: Counted): Promise<void> {
  const diff = difference(before ? contribution(before) : {}, contribution(after))
  if (!Object.keys(diff).length) return
  const month = chinaMonth(new Date(after.createdAt))
  const shard = shardOf(after._id)
  const id = counterDocId(after.communityId, month, after.category, shard)
  const current = await txGet<WishCounterDoc>(tx, WISH_COUNTERS, id)
  if (!current) {
    const data: Record<string, unknown> = { communityId: after.communityId, month, category: after.category, shard, v: 1 }
    for (const f of COUNTER_FIELDS) data[f] = diff[f] ?? 0
    await tx.collection(WISH_COUNTERS).doc(id).set({ data })
    return
  }
  const data: Record<string, unknown> = { v: _.inc(1) }
  for (const [k, d] of Object.entries(diff)) data[k] = _.inc(d)
  await tx.collection(WISH_COUNTERS).doc(id).update({ data })
}

/**
 * The counters summed in the database (one aggregation): over the whole community, or grouped by one field
 * ('category' for a month's buckets). Every field is summed, and `v` with them.
 */
export async function sumCounters(db: Db, match: object, by: string | null): Promise<Map<string, WishCounter>> {
  const $ = db.command.aggregate
  const group: Record<string, unknown> = { _id: by ? `$${by}` : null, v: $.sum('$v') }
  for (const f of COUNTER_FIELDS) group[f] = $.sum(`$${f}`)
  const res = (await db.collection(WISH_COUNTERS).aggregate().match(match).group(group).limit(1000).end()) as { list: (WishCounter & { _id: string | null })[] }
  if (res.list.length >= 1000) throw new Error('wish_counters: more than 1000 groups in one sum')
  return new Map(res.list.map(({ _id, ...rest }) => [String(_id), rest as WishCounter]))
}

/** The median of a histogram, interpolated inside the bucket holding the middle wish (null when empty). */
export function medianOf(buckets: readonly number[]): number | null {
  const n = buckets.reduce((s, x) => s + x, 0)
  if (!n) return null
  const half = n / 2
  let seen = 0
  for (let i = 0; i < buckets.length; i++) {
    if (seen + buckets[i] >= half && buckets[i] > 0) {
      const lo = i ? HOUR_BUCKETS[i - 1] : 0
      const hi = HOUR_BUCKETS[i]
      // the open-ended last bucket: its lower bound (more than 30 days)
      if (!Number.isFinite(hi)) return lo
      return Math.round((lo + ((half - seen) / buckets[i]) * (hi - lo)) * 10) / 10
    }
    seen += buckets[i]
  }
  return null
}

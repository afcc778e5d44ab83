/**
 * Helpers of the recounts (registry.ts): counting source documents for a batch of counters in one indexed
 * aggregation, and setting a counter only if it still holds the value the recount read.
 */
import type { Db } from '../../platform/db'
import type { Drift } from './registry'

/**
 * How many documents of `source` (a `db.collection(…)`) match `filter`, per value of `by` (a field path): ONE
 * aggregation whose `$match` is served by an index (the caller's filter names the batch's keys with `in`).
 * Keys with no document are absent.
 */
export async function countsBy(db: Db, source: ReturnType<Db['collection']>, filter: object, by: string, sum?: string): Promise<Map<string, number>> {
  const $ = db.command.aggregate
  const res = (await source
    .aggregate()
    .match(filter)
    .group({ _id: `$${by}`, n: $.sum(sum ? `$${sum}` : 1) })
    .limit(10_000) // aggregate answers 20 groups unless told otherwise
    .end()) as { list: { _id: string; n: number }[] }
  return new Map(res.list.map((r) => [String(r._id), r.n]))
}

/**
 * Compare a stored counter with its recount and, with `fix`, set it with `write` — a conditional update on the
 * value read, answering how many documents it changed: an event that moved the counter since makes it miss
 * (fixed: false), and the next run looks again.
 */
export async function settle(
  opts: { fix: boolean },
  counter: string,
  key: string,
  stored: number,
  actual: number,
  write: () => Promise<number>,
): Promise<Drift | null> {
  if (stored === actual) return null
  const fixed = opts.fix ? (await write()) === 1 : false
  return { counter, key, stored, actual, fixed }
}

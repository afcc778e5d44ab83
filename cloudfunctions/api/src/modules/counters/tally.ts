/**
 * Helpers of the recounts (registry.ts): counting source documents for a batch of counters in one indexed
 * aggregation, and setting a counter only if it still holds the value the recount read.
 */
import type { Db } from '../../platform/db'
import { updateWhere } from '../../platform/db'
import type { Drift } from './registry'

/**
 * How many documents match `filter`, per value of `by` (a field path): ONE aggregation whose `$match` is
 * served by an index (the caller's filter names the batch's keys with `in`). Keys with no document are absent.
 */
export async function countsBy(db: Db, collection: string, filter: object, by: string, sum?: string): Promise<Map<string, number>> {
  const $ = db.command.aggregate
  const res = (await db
    .collection(collection)
    .aggregate()
    .match(filter)
    .group({ _id: `$${by}`, n: $.sum(sum ? `$${sum}` : 1) })
    .limit(10_000) // aggregate answers 20 groups unless told otherwise
    .end()) as { list: { _id: string; n: number }[] }
  return new Map(res.list.map((r) => [String(r._id), r.n]))
}

/**
 * Compare a stored counter with its recount and, with `fix`, set it by a conditional update on the value read:
 * an event that moved the counter since makes the update miss (fixed: false), and the next run looks again.
 */
export async function settle(
  db: Db,
  opts: { fix: boolean },
  where: { collection: string; id: string; field: string },
  counter: string,
  stored: number,
  actual: number,
): Promise<Drift | null> {
  if (stored === actual) return null
  const fixed = opts.fix ? (await updateWhere(db, where.collection, { _id: where.id, [where.field]: stored }, { [where.field]: actual })) === 1 : false
  return { counter, key: where.id, stored, actual, fixed }
}

/**
 * What timer jobs are made of: bounded batches that resume from a cursor.
 *
 * A job is called with its cursor (null at the start of a pass) and does one batch: a bounded number of
 * documents (never "everything"), then answers what it did, where the next batch resumes, and whether the
 * pass is over (nothing more is due now). The timer (timers.ts) saves the cursor after every batch in
 * `timer_state`, so a batch cut off by the time limit, or a tick that ran out of budget, loses nothing:
 * the next batch, in this tick or the next, carries on from there.
 *
 * Two shapes of job:
 * - queues: the query selects what is due, and handling a document takes it out of the query (an order
 *   expires, a hold is released, an account is checked until its next date). The cursor only lists what
 *   failed in this pass, so a document that keeps failing is skipped until the next pass instead of
 *   blocking the queue.
 * - walks: the query selects a population that handling does not shrink (claimed wishes, people signed
 *   up); the cursor is the last `_id` (or the last (time, _id)) handled, and the pass ends at the end.
 */
import type { Db } from './db'
import { findMany } from './db'

/** A job's place in its work: plain JSON (dates as ISO strings), saved between batches. */
export type Cursor = Record<string, unknown> | null

export interface Batch {
  /** What this batch did, by name (the timer adds them up over the tick). */
  counts: Record<string, number>
  /** Where the next batch resumes (ignored when `done`). */
  cursor: Cursor
  /** Nothing more is due now: the pass is over, the next one starts afresh on a later tick. */
  done: boolean
}

/** At most this many ids of failed documents are carried in a queue's cursor; past it the pass ends. */
export const MAX_SKIPPED = 100

/** The ids a queue job skips in this pass (its cursor). */
export function skippedOf(cursor: Cursor): string[] {
  const s = cursor?.skip
  return Array.isArray(s) ? s.filter((x): x is string => typeof x === 'string') : []
}

/** The `_id` condition that leaves out skipped documents, if any. */
export function notSkipped(db: Db, skip: string[]): Record<string, unknown> {
  return skip.length ? { _id: db.command.nin(skip) } : {}
}

/** The end of a queue batch: done when the batch was short (the queue is empty) or too much failed. */
export function queueBatch(counts: Record<string, number>, fetched: number, limit: number, skip: string[]): Batch {
  const done = fetched < limit || skip.length >= MAX_SKIPPED
  return { counts, cursor: skip.length && !done ? { skip } : null, done }
}

/** The last `_id` a walk handled. */
export function afterIdOf(cursor: Cursor, key = 'after'): string | null {
  const v = cursor?.[key]
  return typeof v === 'string' ? v : null
}

/** A (time, _id) position in a walk ordered by a date field, then _id. */
export interface TimeKey {
  at: string
  id: string
}

export function timeKeyOf(cursor: Cursor, key = 'after'): TimeKey | null {
  const v = cursor?.[key] as TimeKey | undefined
  return v && typeof v.at === 'string' && typeof v.id === 'string' ? v : null
}

/**
 * The next `limit` documents of a walk ordered by (`field`, _id), strictly after `after`: first the rest
 * of the documents sharing `after`'s time, then those later. `filter` must not mention `field` or `_id`;
 * `bound` is an extra condition on `field` (a window), or null.
 */
export async function pageAfter<T extends { _id: string }>(
  db: Db,
  collection: string,
  filter: Record<string, unknown>,
  field: string,
  bound: unknown | null,
  after: TimeKey | null,
  limit: number,
): Promise<T[]> {
  const _ = db.command
  const out: T[] = []
  if (after) {
    const same = await findMany<T>(db, collection, { ...filter, [field]: new Date(after.at), _id: _.gt(after.id) }, { orderBy: [['_id', 'asc']], limit })
    out.push(...same)
    if (out.length >= limit) return out
  }
  const later = after ? (bound ? _.and(_.gt(new Date(after.at)), bound) : _.gt(new Date(after.at))) : bound
  const rest = await findMany<T>(db, collection, later ? { ...filter, [field]: later } : filter, {
    orderBy: [
      [field, 'asc'],
      ['_id', 'asc'],
    ],
    limit: limit - out.length,
  })
  out.push(...rest)
  return out
}

export function timeKey(doc: { _id: string }, at: Date | string): TimeKey {
  return { at: new Date(at).toISOString(), id: doc._id }
}

/** Runs `fn` over `items`, `width` at a time (sends to many people: a round trip each). */
export async function inParallel<T>(items: T[], width: number, fn: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += width) await Promise.all(items.slice(i, i + width).map(fn))
}

/** Adds `more` into `into`, name by name. */
export function addCounts(into: Record<string, number>, more: Record<string, number>): Record<string, number> {
  for (const [k, v] of Object.entries(more)) into[k] = (into[k] ?? 0) + v
  return into
}

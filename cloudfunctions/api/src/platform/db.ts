/**
 * The database handle as the function sees it: the real wx-server-sdk database, behind a small typed
 * surface (the SDK's own typings are loose). Locally the same SDK talks to the local engine.
 */
import type * as sdk from 'wx-server-sdk'
import { randomBytes } from 'crypto'
import { conflict, invalid } from './errors'

export type Db = ReturnType<typeof sdk.database>
export type Command = Db['command']

/** A new document id: 24 hex characters (what the cloud generates is of the same kind). */
export function newId(prefix = ''): string {
  return prefix + randomBytes(12).toString('hex')
}

/** The unique-index violation as the cloud (and the local engine) reports it. */
export function isDuplicateKey(err: unknown): boolean {
  const e = err as { errCode?: number; errMsg?: string; message?: string; code?: string } | null
  if (!e) return false
  const text = `${e.errMsg ?? ''} ${e.message ?? ''} ${e.code ?? ''}`
  return e.errCode === -502001 || /duplicate key|E11000|DUPLICATE/i.test(text)
}

/** Get one document by id, or null (the SDK rejects for a missing id). */
export async function getById<T>(db: Db, collection: string, id: string): Promise<T | null> {
  const res = (await db.collection(collection).where({ _id: id }).limit(1).get()) as unknown as { data: T[] }
  return res.data[0] ?? null
}

/** Typed query helper: `where(...).get()` returning documents. */
export async function findMany<T>(
  db: Db,
  collection: string,
  filter: object,
  opts: { orderBy?: [string, 'asc' | 'desc'][]; limit?: number; field?: Record<string, boolean> } = {},
): Promise<T[]> {
  let q: any = db.collection(collection).where(filter)
  for (const [f, dir] of opts.orderBy ?? []) q = q.orderBy(f, dir)
  if (opts.field) q = q.field(opts.field)
  q = q.limit(Math.min(opts.limit ?? 100, 100))
  const res = (await q.get()) as { data: T[] }
  return res.data
}

/**
 * A conditional update: `where(filter).update({ data })`, answering how many documents it changed. The usual
 * guard against races: of many requests that read the same state, only the one whose filter still matches
 * changes anything (answer 1); the others get 0 and say CONFLICT.
 */
export async function updateWhere(db: Db, collection: string, filter: object, data: object): Promise<number> {
  const res = (await db.collection(collection).where(filter).update({ data })) as { stats?: { updated?: number } }
  return res.stats?.updated ?? 0
}

/** A set of documents larger than a read-all may take: a design error to fix, never a silent cut. */
export class TooManyDocuments extends Error {
  constructor(collection: string, max: number) {
    super(`readAll(${collection}) found more than ${max} documents: page it, or keep a counter`)
    this.name = 'TooManyDocuments'
  }
}

/**
 * All documents matching an indexed filter, paged by _id under the server's 100-per-get cap — for sets
 * known to be small (a community's buildings, an activity's sign-ups). Past `max` it throws (the router
 * logs it and answers INTERNAL) instead of answering with part of the set.
 */
export async function readAll<T extends { _id: string }>(db: Db, collection: string, filter: object, max = 5000): Promise<T[]> {
  const out: T[] = []
  let after: string | null = null
  for (;;) {
    const page: T[] = await findMany<T>(db, collection, after ? { ...filter, _id: db.command.gt(after) } : filter, {
      orderBy: [['_id', 'asc']],
      limit: 100,
    })
    out.push(...page)
    if (out.length > max) throw new TooManyDocuments(collection, max)
    if (page.length < 100) return out
    after = page[page.length - 1]._id
  }
}

/**
 * How many documents of `collection` match `filter`, per community: one aggregation (`$group` by communityId),
 * whatever the number of communities. The filter should be served by an index that starts with communityId.
 */
export async function countByCommunity(db: Db, collection: string, filter: object): Promise<Map<string, number>> {
  const $ = db.command.aggregate
  const res = (await db
    .collection(collection)
    .aggregate()
    .match(filter)
    .group({ _id: '$communityId', n: $.sum(1) })
    .limit(1000) // aggregate answers 20 groups unless told otherwise
    .end()) as { list: { _id: string; n: number }[] }
  return new Map(res.list.map((r) => [r._id, r.n]))
}

/** A transaction handle: documents by id only (WeChat's rule), plus add. */
export type Tx = { collection(name: string): any }

/**
 * Did a transaction lose a race? WeChat Cloud transactions use snapshot isolation: a write to a document that
 * another open transaction has written, or that changed since this transaction's first read, fails at once
 * with DATABASE_TRANSACTION_CONFLICT and the service rolls the transaction back. wx-server-sdk wraps the
 * errors of the operations inside the callback and drops that code (errCode -501001 "resource system error",
 * the service's message "[ResourceUnavailable.TransactionConflict] …" kept in errMsg), so its runTransaction
 * retries only a conflict at commit; a conflict inside the callback comes back to us.
 */
export function isTxConflict(err: unknown): boolean {
  const e = err as { code?: string; errMsg?: string; message?: string } | null
  if (!e || typeof e !== 'object') return false
  return e.code === 'DATABASE_TRANSACTION_CONFLICT' || /TransactionConflict|DATABASE_TRANSACTION_CONFLICT/.test(`${e.errMsg ?? ''} ${e.message ?? ''}`)
}

/**
 * How long runTx keeps retrying conflicts before answering "too busy": a quarter of the function's 20 s timeout
 * (config.json), so a rush on one document (300 sign-ups for one activity) settles even on a loaded instance.
 */
export const TX_RETRY_MS = 5000
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * Run `fn` in a database transaction; a conflict runs it again, after a short random pause (growing with each
 * attempt, so a rush on one document spreads out instead of colliding again at once), until TX_RETRY_MS has
 * passed: then CONFLICT (try again later). So `fn` must have no side effects but its reads and writes through
 * `tx`, and inside it only doc(id).get/set/update/remove and add (no where(), count or aggregate).
 * Errors thrown by `fn` abort and propagate.
 */
export async function runTx<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const run = db as unknown as { runTransaction(f: (tx: Tx) => Promise<T>, times: number): Promise<T> }
  const deadline = Date.now() + TX_RETRY_MS
  for (let attempt = 0; ; attempt++) {
    try {
      return await run.runTransaction(fn, 1)
    } catch (err) {
      if (!isTxConflict(err)) throw err
      if (Date.now() >= deadline) throw conflict('操作的人太多了，请稍后再试', 'BUSY')
      await pause(Math.random() * Math.min(100, 4 * 2 ** Math.min(attempt, 5)))
    }
  }
}

/** Insert a document whose _id is derived; a duplicate means it already exists, which is what we wanted. */
export async function ensureDoc(db: Db, collection: string, doc: { _id: string }): Promise<void> {
  try {
    await db.collection(collection).add({ data: doc })
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
  }
}

/** A document by id inside a transaction, or null, whatever the database's throwOnNotFound setting. */
export async function txGet<T>(tx: Tx, collection: string, id: string): Promise<T | null> {
  try {
    const res = await tx.collection(collection).doc(id).get()
    return (res?.data as T | null) ?? null
  } catch (err) {
    if (/does not exist/.test(String((err as { errMsg?: string })?.errMsg ?? err))) return null
    throw err
  }
}

/**
 * One page of a community's documents newest first, by (at, _id) desc — the index `community_at_id` — with an
 * opaque cursor `<ms>_<id>` so documents written in the same millisecond are neither lost nor repeated.
 * Used by the audit log and the undelivered messages.
 */
export async function newestFirstPage<T extends { _id: string; at: Date }>(
  db: Db,
  collection: string,
  communityId: string,
  cursor: string | undefined,
  limit: number,
): Promise<{ page: T[]; nextCursor: string | null }> {
  const _ = db.command
  let filter: object = { communityId }
  if (cursor) {
    const m = /^(\d+)_([A-Za-z0-9_-]+)$/.exec(cursor)
    if (!m) throw invalid('翻页参数不正确，请刷新后重试')
    const at = new Date(Number(m[1]))
    // `at <= cursor` bounds the index scan (community_at_id) so a deep page starts where the last ended;
    // the $or then settles ties on `at` by `_id`.
    filter = _.and([{ communityId }, { at: _.lte(at) }, _.or([{ at: _.lt(at) }, { at, _id: _.lt(m[2]) }])])
  }
  const docs = await findMany<T>(db, collection, filter, {
    orderBy: [
      ['at', 'desc'],
      ['_id', 'desc'],
    ],
    limit: limit + 1,
  })
  const page = docs.slice(0, limit)
  const last = page[page.length - 1]
  return { page, nextCursor: docs.length > limit ? `${new Date(last.at).getTime()}_${last._id}` : null }
}

/**
 * The database handle as the function sees it: the real wx-server-sdk database, behind a small typed
 * surface (the SDK's own typings are loose). Locally the same SDK talks to the local engine.
 */
import type * as sdk from 'wx-server-sdk'
import { randomBytes } from 'crypto'

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

/** A transaction handle: documents by id only (WeChat's rule), plus add. */
export type Tx = { collection(name: string): any }

/**
 * Run `fn` in a database transaction. WeChat (and the local engine) answer a commit that lost a race with
 * DATABASE_TRANSACTION_CONFLICT and the SDK runs `fn` again, up to `retries` times: so `fn` must have no
 * side effects but its reads and writes through `tx`. Errors thrown by `fn` abort and propagate.
 */
export async function runTx<T>(db: Db, fn: (tx: Tx) => Promise<T>, retries = 40): Promise<T> {
  return (db as unknown as { runTransaction(f: (tx: Tx) => Promise<T>, times: number): Promise<T> }).runTransaction(fn, retries)
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

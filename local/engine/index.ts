/**
 * Embedded document engine standing in for the WeChat Cloud database.
 *
 * In-memory collections (documents are immutable once stored: every write replaces the object) —
 * exactly the collections of the database manifest (cloudfunctions/api/database.json), any other
 * answers DATABASE_COLLECTION_NOT_EXIST as the cloud does — with their secondary indexes, MongoDB
 * semantics through mingo, transactions with snapshot isolation (reads take no lock; a write locks the
 * document; a competing transactional write fails at once with DATABASE_TRANSACTION_CONFLICT, an
 * ordinary one waits for the lock), and an fsynced journal with snapshots.
 * `handle(action, params)` answers exactly what @cloudbase/database's request class would
 * receive from the cloud, so the real wx-server-sdk runs unmodified on top of it.
 */
import * as fs from 'fs'
import * as path from 'path'
import * as crypto from 'crypto'
import { Aggregator, Query, update as mingoUpdate, ProcessingMode } from 'mingo'
import { Index, IndexSpec, planQuery } from './indexes'
import { Journal } from './journal'
import { bson } from './sdk'
import { clone, compareValues, deepEqual, fromText, isPlainObject, sortKey, toText } from './values'

export { IndexSpec }
/** The collections the engine creates, each with its indexes (see cloudfunctions/api/database.json). */
export type DatabaseManifest = { collections: Record<string, IndexSpec[]> }

const REPO_ROOT = path.resolve(__dirname, '..', '..')
export const DEFAULT_MANIFEST = path.join(REPO_ROOT, 'cloudfunctions', 'api', 'database.json')

/**
 * Read the database manifest: `{ collections: { <name>: { purpose, indexes: [{ name, keys, unique? }], localOnly? } } }`.
 * Every collection listed is created (indexed or not); nothing else exists.
 */
export function loadDatabaseManifest(file: string = DEFAULT_MANIFEST): DatabaseManifest {
  const raw = JSON.parse(fs.readFileSync(file, 'utf8'))
  const collections: Record<string, IndexSpec[]> = {}
  for (const [name, entry] of Object.entries<any>(raw.collections || {})) {
    if (!entry || typeof entry !== 'object' || Array.isArray(entry) || !Array.isArray(entry.indexes)) {
      throw new Error(`${file}: collection "${name}" must be { "purpose": "...", "indexes": [...] }`)
    }
    collections[name] = entry.indexes.map((s: any) => ({
      name: s.name,
      keys: s.keys.map((k: any) => [k[0], k[1] === -1 ? -1 : 1]),
      ...(s.unique ? { unique: true } : {}),
    }))
  }
  return { collections }
}

/** The manifest plus extra collections (no indexes) — for engine tests that use collections of their own. */
export function withCollections(manifest: DatabaseManifest, ...names: string[]): DatabaseManifest {
  const collections = { ...manifest.collections }
  for (const n of names) if (!collections[n]) collections[n] = []
  return { collections }
}

export interface EngineOptions {
  /** null = memory only (fast tests) */
  dataDir: string | null
  /** The collections to create and their indexes; default: cloudfunctions/api/database.json. */
  manifest?: DatabaseManifest
  now?: () => Date
  /** journal size (bytes) that triggers a background snapshot + journal truncation; default 32 MB */
  compactBytes?: number
}

/** Server-side get() returns at most 100 documents (and 100 when no limit is given). */
export const SERVER_GET_MAX = 100
/** WeChat Cloud answers at most 20 records for an aggregation that has no $limit stage. */
export const AGGREGATE_DEFAULT_LIMIT = 20
/**
 * A transaction lives at most 30 s; after that (or once committed, aborted or conflicted) the server
 * answers DATABASE_TRANSACTION_FAIL "[ResourceUnavailable.TransactionNotExist] ... must be commit or abort
 * in 30 seconds" (TencentCloudBase/node-sdk test/database/unit/transaction.test.ts, run against the service).
 */
const TX_LIFETIME_MS = 30000

/**
 * Errors at the seam, shaped like @cloudbase/node-sdk's TcbError (code, message, requestId): the SDK maps
 * `code` through its TCB_ERR_CODE table to the errCode the function sees (wx-server-sdk index.js,
 * error.config.ts), so `errCode` here is what that table gives (SYS_ERR -501001 for codes it lacks).
 */
const TCB_ERR_CODE: Record<string, number> = {
  DATABASE_REQUEST_FAILED: -502001,
  DATABASE_INVALID_OPERRATOR: -502002,
  DATABASE_PERMISSION_DENIED: -502003,
  DATABASE_COLLECTION_EXCEED_LIMIT: -502004,
  DATABASE_COLLECTION_NOT_EXIST: -502005,
  INVALID_PARAM: -501007,
}
export class EngineError extends Error {
  code: string
  requestId: string
  errCode: number
  constructor(code: string, message: string) {
    super(message)
    this.code = code
    this.requestId = newRequestId()
    this.errCode = TCB_ERR_CODE[code] ?? -501001
  }
}

export const ERR = {
  REQUEST_FAILED: 'DATABASE_REQUEST_FAILED',
  TX_CONFLICT: 'DATABASE_TRANSACTION_CONFLICT',
  TX_FAIL: 'DATABASE_TRANSACTION_FAIL',
  COLLECTION_NOT_EXIST: 'DATABASE_COLLECTION_NOT_EXIST',
  INVALID_PARAM: 'INVALID_PARAM',
}

/**
 * A read or write on a collection that was never created. WeChat Cloud answers errCode -502005
 * DATABASE_COLLECTION_NOT_EXIST, which wx-server-sdk surfaces as
 * "errCode: -502005 database collection not exists | errMsg: [ResourceNotFound] Db or Table not exist. Please
 * check your request, but if the problem cannot be solved, contact us." — and add() does not create the
 * collection. Sources: docs.cloudbase.net/en/error-code/basic/DATABASE_COLLECTION_NOT_EXIST (cause: the
 * collection does not exist; create it in the console), the errCode table of wx-server-sdk 4.0.2
 * (TCB_ERR_CODE.DATABASE_COLLECTION_NOT_EXIST = -502005, '-502005': 'database collection not exists'), and the
 * full message as users met it (github.com/Voyzz/Fruit-store-mp/issues/8, github.com/Hppppppf/miniprogram-STITP/issues/2).
 */
export const COLLECTION_NOT_EXIST_MESSAGE =
  '[ResourceNotFound] Db or Table not exist. Please check your request, but if the problem cannot be solved, contact us.'
function collectionNotExist(): EngineError {
  return new EngineError(ERR.COLLECTION_NOT_EXIST, COLLECTION_NOT_EXIST_MESSAGE)
}

/**
 * A write in a transaction to a document that another open transaction has written, or that was changed
 * after this transaction's snapshot. The service answers at once (not at commit) and rolls the transaction
 * back itself; code and message as the service gives them (TencentCloudBase/node-sdk
 * test/database/unit/transaction.test.ts, cases 冲突检测 and 读偏; the code is the one @cloudbase/database's
 * runTransaction retries on: dist/commonjs/transaction/index.js, const/code.js).
 */
export const TX_CONFLICT_MESSAGE =
  '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.'
function txConflict(): EngineError {
  return new EngineError(ERR.TX_CONFLICT, TX_CONFLICT_MESSAGE)
}

function txNotExist(): EngineError {
  return new EngineError(
    ERR.TX_FAIL,
    '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.',
  )
}

/**
 * An operation WeChat Cloud does not allow inside a transaction. Only single-document operations are:
 * `collection.doc(id).get/set/update/remove` and `collection.add`; no where() (no batch/multi-document
 * operations), no aggregate ("在事务中不支持批量操作（where 语句），只支持单记录操作（collection.doc,
 * collection.add）": developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/database/transaction.html;
 * "在事务中仅能进行单记录操作，也就是不能使用 where、aggregate 接口": reference-sdk-api/database/transaction/
 * Transaction.collection; Database.runTransaction, Database.startTransaction: "只允许进行单记录操作，不允许进行
 * 批量操作"). The documents name no error code or message for it, so this is the generic failed database
 * request (DATABASE_REQUEST_FAILED, errCode -502001). Note: wx-server-sdk 4.0.2 sends where().update(),
 * where().remove(), count() and aggregate() without the transaction id, so in the cloud those would run
 * silently outside the transaction; local/cloud.ts marks them so the engine refuses them here instead.
 */
function notInTransaction(what: string): EngineError {
  return new EngineError(
    ERR.REQUEST_FAILED,
    `[FailedOperation] ${what} is not supported in a transaction: only single-document operations by id (collection.doc(id).get/set/update/remove) and collection.add are (WeChat Cloud 事务只支持单记录操作)`,
  )
}

function newRequestId(): string {
  return crypto.randomBytes(8).toString('hex')
}

/** Cloud-like document id: 8 hex chars of time + 24 random hex chars (32 in all). */
export function newDocId(): string {
  return (
    Math.floor(Date.now() / 1000)
      .toString(16)
      .padStart(8, '0') + crypto.randomBytes(12).toString('hex')
  )
}

const idKey = (id: any): string => String(id)

class Coll {
  docs = new Map<string, any>()
  /** id -> sequence number of the last committed write (absent: 0, i.e. before any snapshot) */
  ver = new Map<string, number>()
  constructor(
    readonly name: string,
    readonly indexes: Index[],
  ) {}
}

interface Write {
  coll: string
  id: string
  doc: any | null
}

interface Tx {
  id: string
  /** the engine's sequence number when the transaction first touched data: it reads that state */
  snapshot: number | null
  /** lockKey -> staged write; each key is also this transaction's lock in `writers` */
  writes: Map<string, Write>
  done: boolean
  timer: NodeJS.Timeout
  /** resolves when the transaction ends (commit, abort, conflict, expiry): non-transactional writers wait on it */
  ended: Promise<void>
  end: () => void
}

const lockKey = (coll: string, id: string) => coll + '\u0000' + id

/** `{ _id: <scalar> }` exactly: what doc(id) sends. */
function isIdOnly(filter: any): boolean {
  if (!filter || typeof filter !== 'object') return false
  const keys = Object.keys(filter)
  return keys.length === 1 && keys[0] === '_id' && (typeof filter._id === 'string' || typeof filter._id === 'number')
}

export class Engine {
  stats: { examined: number; lastPlan?: string } = { examined: 0 }
  /** number of transactions refused with DATABASE_TRANSACTION_CONFLICT (for tests) */
  conflicts = 0

  private colls = new Map<string, Coll>()
  /** collections made at run time by db.createCollection (journaled; the manifest's are made at open) */
  private created = new Set<string>()
  private seq = 0
  private txs = new Map<string, Tx>()
  /** lockKey -> the open transaction that has written that document (its transaction lock) */
  private writers = new Map<string, Tx>()
  /** open transactions that have taken their snapshot */
  private snapshots = 0
  /**
   * Earlier versions still visible to an open snapshot: lockKey -> [{ until: seq of the write that replaced
   * it, doc: the version before that write (null: absent) }], oldest first. Kept only while a snapshot is open.
   */
  private history = new Map<string, { until: number; doc: any | null }[]>()
  private historySize = 0
  private pruneAt = 4096
  private compacting: Promise<void> | null = null
  private closed = false
  private readonly now: () => Date
  private readonly manifest: DatabaseManifest
  private readonly compactBytes: number

  private constructor(
    private journal: Journal | null,
    opts: EngineOptions,
  ) {
    this.now = opts.now || (() => new Date())
    this.manifest = opts.manifest || loadDatabaseManifest()
    this.compactBytes = opts.compactBytes ?? 32 * 1024 * 1024
    for (const name of Object.keys(this.manifest.collections)) this.createColl(name)
  }

  static async open(opts: EngineOptions): Promise<Engine> {
    if (!opts.dataDir) return new Engine(null, opts)
    const { journal, state } = await Journal.open(opts.dataDir)
    const e = new Engine(journal, opts)
    const dropped = new Map<string, number>()
    const put = (name: string, doc: any | null, id?: any) => {
      const c = e.colls.get(name)
      if (!c) {
        dropped.set(name, (dropped.get(name) ?? 0) + 1)
        return
      }
      if (doc) c.docs.set(idKey(doc._id), doc)
      else c.docs.delete(idKey(id))
    }
    for (const line of state.snapshotLines) {
      const o = fromText(line)
      if (Array.isArray(o)) put(o[0], o[1])
      else if (o && typeof o.create === 'string') e.restoreCreated(o.create)
    }
    for (const line of state.journalLines) {
      const o = fromText(line)
      if (o.clear) {
        for (const c of e.colls.values()) c.docs.clear()
        continue
      }
      if (typeof o.create === 'string') {
        e.restoreCreated(o.create)
        continue
      }
      for (const w of o.w || []) put(w[0], w[1], w[2])
    }
    if (dropped.size) {
      // The data folder holds collections the manifest no longer lists: they do not exist, as in the cloud.
      console.warn(
        `[engine] ${opts.dataDir}: ignored stored documents of collections not in the database manifest: ${[...dropped].map(([n, k]) => `${n} (${k})`).join(', ')}`,
      )
    }
    for (const c of e.colls.values()) for (const ix of c.indexes) ix.rebuild(c.docs.values())
    if (state.journalBytes > e.compactBytes) void e.compact()
    return e
  }

  private createColl(name: string): Coll {
    const c = new Coll(
      name,
      (this.manifest.collections[name] || []).map((s) => new Index(s)),
    )
    this.colls.set(name, c)
    return c
  }

  private restoreCreated(name: string) {
    this.created.add(name)
    if (!this.colls.has(name)) this.createColl(name)
  }

  /** An existing collection, or DATABASE_COLLECTION_NOT_EXIST: nothing creates one implicitly. */
  private coll(name: string): Coll {
    if (typeof name !== 'string' || !name) throw new EngineError(ERR.INVALID_PARAM, 'collectionName is required')
    const c = this.colls.get(name)
    if (!c) throw collectionNotExist()
    return c
  }

  /** The direct API (seeding, tests) names the collection, so a typo or a missing manifest entry is obvious. */
  private collDirect(name: string): Coll {
    if (!this.colls.has(name)) {
      throw new EngineError(
        ERR.COLLECTION_NOT_EXIST,
        `${COLLECTION_NOT_EXIST_MESSAGE} (collection "${name}" is not in the database manifest cloudfunctions/api/database.json)`,
      )
    }
    return this.colls.get(name)!
  }

  hasCollection(name: string): boolean {
    return this.colls.has(name)
  }

  // ------------------------------------------------------------------ writes

  /** Apply a batch to memory atomically (all or nothing), enforcing unique indexes. */
  private applySync(writes: Write[]): void {
    const undo: { c: Coll; id: string; old: any }[] = []
    try {
      for (const w of writes) {
        const c = this.coll(w.coll)
        const old = c.docs.get(w.id)
        undo.push({ c, id: w.id, old })
        if (old) for (const ix of c.indexes) ix.remove(old)
        if (w.doc) {
          for (const ix of c.indexes) {
            if (!ix.spec.unique) continue
            const hit = ix.conflicts(w.doc, w.doc._id)
            if (hit) throw dupKeyError(c.name, ix.spec, hit.key)
          }
          for (const ix of c.indexes) ix.add(w.doc)
          c.docs.set(w.id, w.doc)
        } else {
          c.docs.delete(w.id)
        }
      }
    } catch (e) {
      for (let i = undo.length - 1; i >= 0; i--) {
        const u = undo[i]
        const cur = u.c.docs.get(u.id)
        if (cur) for (const ix of u.c.indexes) ix.remove(cur)
        if (u.old) {
          for (const ix of u.c.indexes) ix.add(u.old)
          u.c.docs.set(u.id, u.old)
        } else u.c.docs.delete(u.id)
      }
      throw e
    }
    const keep = this.snapshots > 0
    for (const u of undo) {
      const seq = ++this.seq
      u.c.ver.set(u.id, seq)
      // an open snapshot may still need the version this write replaced
      if (keep) this.remember(lockKey(u.c.name, u.id), seq, u.old ?? null)
    }
  }

  private remember(key: string, until: number, doc: any | null) {
    const h = this.history.get(key)
    if (h) h.push({ until, doc })
    else this.history.set(key, [{ until, doc }])
    this.historySize++
  }

  /** The committed version of a document as of sequence number `at` (a transaction's snapshot). */
  private versionAt(c: Coll, id: string, at: number): any | null {
    if ((c.ver.get(id) ?? 0) <= at) return c.docs.get(id) ?? null
    const h = this.history.get(lockKey(c.name, id))
    if (h) for (const e of h) if (e.until > at) return e.doc
    return c.docs.get(id) ?? null // not reached: every write after an open snapshot is remembered
  }

  /** Forget versions no open snapshot can see (all of them once no snapshot is open). */
  private pruneHistory() {
    if (this.snapshots === 0) {
      this.history.clear()
      this.historySize = 0
      this.pruneAt = 4096
      return
    }
    if (this.historySize < this.pruneAt) return
    let oldest = Infinity
    for (const t of this.txs.values()) if (t.snapshot !== null && t.snapshot < oldest) oldest = t.snapshot
    let size = 0
    for (const [k, h] of this.history) {
      const keep = h.filter((e) => e.until > oldest)
      if (keep.length) {
        this.history.set(k, keep)
        size += keep.length
      } else this.history.delete(k)
    }
    this.historySize = size
    this.pruneAt = Math.max(4096, size * 2)
  }

  /** Apply in memory now (synchronously), then resolve once durable. */
  private commitWrites(writes: Write[]): Promise<void> {
    if (writes.length === 0) return Promise.resolve()
    this.applySync(writes)
    return this.log({ w: writes.map((w) => (w.doc ? [w.coll, w.doc] : [w.coll, null, w.id])) })
  }

  private log(record: any): Promise<void> {
    if (!this.journal) return Promise.resolve()
    const p = this.journal.append(toText(record))
    if (this.journal.bytes > this.compactBytes && !this.compacting) void this.compact()
    return p
  }

  /** Write a snapshot of the current state and drop the journal written before it. */
  compact(): Promise<void> {
    if (!this.journal) return Promise.resolve()
    if (this.compacting) return this.compacting
    const journal = this.journal
    const gen = journal.gen + 1
    const refs: [string, any[]][] = []
    for (const [name, c] of this.colls) refs.push([name, Array.from(c.docs.values())])
    const created = Array.from(this.created)
    const rotated = journal.rotate(gen)
    this.compacting = (async () => {
      try {
        await journal.writeSnapshot(gen, function* () {
          yield toText({ v: 1, gen })
          for (const name of created) yield toText({ create: name })
          for (const [name, docs] of refs) for (const d of docs) yield toText([name, d])
        })
        await rotated
        journal.dropBefore(gen)
      } catch (e) {
        console.error('[engine] compaction failed', e)
      } finally {
        this.compacting = null
      }
    })()
    return this.compacting
  }

  // ------------------------------------------------------------------ reads

  /** Run a filter with optional sort/skip/limit, using indexes; documents are the stored objects (do not mutate). */
  private findDocs(c: Coll, filter: any, sort: [string, number][] | null, skip: number, limit: number | null): any[] {
    const empty = !filter || Object.keys(filter).length === 0
    const q = empty ? null : new Query(filter)
    const plan = planQuery(c.indexes, filter || {}, sort, limit !== null)
    const need = limit !== null ? skip + limit : Infinity
    const early = !sort || sort.length === 0 || plan.ordered
    let examined = 0
    const out: any[] = []
    if (plan.kind === 'scan') {
      if (need > 0) {
        for (const doc of c.docs.values()) {
          examined++
          if (!q || q.test(doc)) {
            out.push(doc)
            if (early && out.length >= need) break
          }
        }
      }
    } else if (need > 0) {
      const seen = new Set<string>()
      plan.each!((id) => {
        if (seen.has(id)) return true
        seen.add(id)
        const doc = c.docs.get(id)
        if (!doc) return true
        examined++
        if (!q || q.test(doc)) {
          out.push(doc)
          if (early && out.length >= need) return false
        }
        return true
      })
    }
    if (sort && sort.length && !plan.ordered) sortDocs(out, sort)
    this.stats = { examined, lastPlan: `${c.name}: ${plan.desc}` }
    return limit !== null || skip ? out.slice(skip, limit !== null ? skip + limit : undefined) : out
  }

  // ------------------------------------------------------------------ direct API

  /** Insert documents directly (seeding, tests): only into a collection of the manifest. */
  async insertMany(collection: string, docs: object[]): Promise<void> {
    const c = this.collDirect(collection)
    const prepared = docs.map((d) => {
      return withIdFirst(clone(d))
    })
    const seen = new Set<string>()
    for (const d of prepared) {
      const k = idKey(d._id)
      if (seen.has(k) || c.docs.has(k)) throw dupKeyError(c.name, { name: '_id_', keys: [['_id', 1]] }, [d._id])
      seen.add(k)
    }
    if (prepared.length < 2000 || this.snapshots > 0) {
      await this.commitWrites(prepared.map((doc) => ({ coll: collection, id: idKey(doc._id), doc })))
      return
    }
    // bulk path: add everything, rebuild indexes once, verify uniqueness
    for (const d of prepared) c.docs.set(idKey(d._id), d)
    for (const ix of c.indexes) ix.rebuild(c.docs.values())
    for (const ix of c.indexes) {
      if (!ix.spec.unique) continue
      const dup = ix.firstDuplicate()
      if (dup) {
        for (const d of prepared) c.docs.delete(idKey(d._id))
        for (const ix2 of c.indexes) ix2.rebuild(c.docs.values())
        throw dupKeyError(c.name, ix.spec, dup.key)
      }
    }
    for (const d of prepared) c.ver.set(idKey(d._id), ++this.seq)
    await this.log({ w: prepared.map((d) => [collection, d]) })
  }

  async find(collection: string, filter: object = {}, opts: { sort?: Record<string, 1 | -1>; limit?: number; skip?: number } = {}): Promise<any[]> {
    const sort = opts.sort ? (Object.entries(opts.sort) as [string, number][]) : null
    return this.findDocs(this.collDirect(collection), filter, sort, opts.skip || 0, opts.limit ?? null).map(clone)
  }

  async count(collection: string, filter: object = {}): Promise<number> {
    const c = this.collDirect(collection)
    if (Object.keys(filter).length === 0) {
      this.stats = { examined: 0, lastPlan: `${collection}: COUNT_ALL` }
      return c.docs.size
    }
    return this.findDocs(c, filter, null, 0, null).length
  }

  collections(): string[] {
    return Array.from(this.colls.keys()).sort()
  }

  async clearAll(): Promise<void> {
    for (const tx of Array.from(this.txs.values())) this.endTx(tx)
    for (const c of this.colls.values()) {
      for (const id of c.docs.keys()) c.ver.set(id, ++this.seq)
      c.docs.clear()
      for (const ix of c.indexes) ix.rebuild([])
    }
    await this.log({ clear: 1 })
  }

  async flush(): Promise<void> {
    if (this.journal) await this.journal.flush()
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    for (const tx of Array.from(this.txs.values())) this.endTx(tx)
    if (this.compacting) await this.compacting
    if (this.journal) await this.journal.close()
  }

  // ------------------------------------------------------------------ the seam

  async handle(action: string, params: any): Promise<any> {
    if (this.closed) throw new EngineError(ERR.REQUEST_FAILED, 'engine closed')
    params = params || {}
    try {
      switch (action) {
        case 'database.getDocument':
          return await this.opGet(params)
        case 'database.insertDocument':
          return await this.opInsert(params)
        case 'database.modifyDocument':
          return await this.opModify(params, false)
        case 'database.modifyAndReturnDoc':
          return await this.opModify({ ...params, merge: true, multi: false }, true)
        case 'database.removeDocument':
          return await this.opRemove(params)
        case 'database.calculateDocument':
          return this.opCount(params)
        case 'database.aggregateDocuments':
          return this.opAggregate(params)
        case 'database.startTransaction':
          return this.opStartTx()
        case 'database.commitTransaction':
          return await this.opCommit(params)
        case 'database.abortTransaction':
          return this.opAbort(params)
        case 'database.getInTransaction':
          return await this.opLegacyTxGet(params)
        case 'database.updateDocInTransaction':
          return await this.opLegacyTxUpdate(params)
        case 'database.deleteDocInTransaction':
          return await this.opLegacyTxDelete(params)
        case 'database.addCollection':
          return await this.opCreateCollection(params)
        default:
          throw new EngineError(ERR.INVALID_PARAM, `unsupported action ${action}`)
      }
    } catch (e: any) {
      if (e instanceof EngineError) throw e
      // mingo and validation errors surface like the cloud's failed database requests
      throw new EngineError(ERR.REQUEST_FAILED, `[FailedOperation] ${e && e.message ? e.message : String(e)}`)
    }
  }

  /** Decode an EJSON parameter and normalise BSON types for mingo; $tcb_server_date becomes a Date. */
  private parse(s: any): any {
    if (s === undefined || s === null || s === '') return undefined
    const v = typeof s === 'string' ? bson.EJSON.parse(s, { relaxed: true }) : s
    return this.normalize(v)
  }
  private normalize(v: any): any {
    if (v === null || typeof v !== 'object') return v
    if (v instanceof Date || v instanceof RegExp) return v
    if (Array.isArray(v)) return v.map((x) => this.normalize(x))
    const t = v._bsontype
    if (t) {
      if (t === 'BSONRegExp') return new RegExp(v.pattern, String(v.options || '').replace(/[^gimsuy]/g, ''))
      if (t === 'Int32' || t === 'Double') return Number(v.value)
      if (t === 'Long') return v.toNumber()
      if (t === 'ObjectId' || t === 'ObjectID') return v.toHexString()
      return v
    }
    const keys = Object.keys(v)
    if (keys.length === 1 && keys[0] === '$tcb_server_date') {
      const offset = Number((v.$tcb_server_date && v.$tcb_server_date.offset) || 0)
      return new Date(this.now().getTime() + offset)
    }
    const out: any = {}
    for (const k of keys) out[k] = this.normalize(v[k])
    return out
  }

  private project(docs: any[], projection: any): any[] {
    if (!projection || Object.keys(projection).length === 0) return docs
    return new Query({}).find(docs, projection).all()
  }

  /**
   * db.createCollection(name): the cloud creates it, and refuses a name that exists ("如果集合已经存在会创建失败",
   * Database.createCollection; the message of that refusal is not documented).
   */
  private async opCreateCollection(p: any) {
    const name = p.collectionName
    if (typeof name !== 'string' || !name) throw new EngineError(ERR.INVALID_PARAM, 'collectionName is required')
    if (this.colls.has(name)) throw new EngineError(ERR.REQUEST_FAILED, `[ResourceInUse] collection ${name} already exists`)
    this.created.add(name)
    this.createColl(name)
    await this.log({ create: name })
    return { requestId: newRequestId() }
  }

  private async opGet(p: any) {
    const c = this.coll(p.collectionName)
    const filter = this.parse(p.query) || {}
    const projection = this.parse(p.projection)
    if (p.transactionId) {
      const tx = this.tx(p.transactionId)
      if (p.queryType !== 'DOC' || !isIdOnly(filter)) throw notInTransaction('a query (where().get(), collection.get())')
      const d = this.txRead(tx, c, idKey(filter._id))
      return { data: { list: this.project(d ? [d] : [], projection).map(toText) }, requestId: newRequestId() }
    }
    const order = this.parse(p.order)
    const sort = order ? (Object.entries(order).map(([k, d]) => [k, Number(d) < 0 ? -1 : 1]) as [string, number][]) : null
    const skip = Math.max(0, Number(p.offset) || 0)
    const limit = Math.min(Number(p.limit) || SERVER_GET_MAX, SERVER_GET_MAX)
    const docs = this.findDocs(c, filter, sort, skip, limit)
    return { data: { list: this.project(docs, projection).map(toText) }, requestId: newRequestId() }
  }

  private opCount(p: any) {
    const c = this.coll(p.collectionName)
    if (p.transactionId) {
      this.tx(p.transactionId)
      throw notInTransaction('count()')
    }
    const filter = this.parse(p.query) || {}
    let total: number
    if (Object.keys(filter).length === 0) {
      total = c.docs.size
      this.stats = { examined: 0, lastPlan: `${c.name}: COUNT_ALL` }
    } else total = this.findDocs(c, filter, null, 0, null).length
    return { data: { total }, requestId: newRequestId() }
  }

  private async opInsert(p: any) {
    const c = this.coll(p.collectionName)
    const docs: any[] = (Array.isArray(p.data) ? p.data : [p.data]).map((s: any) => this.parse(s))
    for (const d of docs) {
      if (!isPlainObject(d)) throw new EngineError(ERR.INVALID_PARAM, 'document must be an object')
      checkFieldNames(d)
    }
    for (let i = 0; i < docs.length; i++) docs[i] = withIdFirst(docs[i])
    if (p.transactionId) {
      const tx = this.tx(p.transactionId)
      this.begin(tx)
      const seen = new Set<string>()
      for (const d of docs) {
        const id = idKey(d._id)
        if (seen.has(id)) throw dupKeyError(c.name, { name: '_id_', keys: [['_id', 1]] }, [d._id])
        seen.add(id)
        // someone else's uncommitted or newer insert of this id is a conflict (runTransaction retries, then sees
        // it); an id that is in this transaction's snapshot is a duplicate key (not retried)
        this.checkWritable(tx, c, id)
        if (this.txRead(tx, c, id)) throw dupKeyError(c.name, { name: '_id_', keys: [['_id', 1]] }, [d._id])
        this.checkUniqueAgainstCommitted(c, d)
      }
      for (const d of docs) this.stage(tx, c, idKey(d._id), d)
      return { data: { insertedIds: docs.map((d) => d._id) }, requestId: newRequestId() }
    }
    const ids = docs.map((d) => idKey(d._id))
    // an insert of an id a transaction is writing waits for that transaction to end, then sees its outcome
    for (let wait = this.lockedBy(c, ids); wait; wait = this.lockedBy(c, ids)) await wait
    const seen = new Set<string>()
    for (const d of docs) {
      const id = idKey(d._id)
      if (seen.has(id) || c.docs.has(id)) throw dupKeyError(c.name, { name: '_id_', keys: [['_id', 1]] }, [d._id])
      seen.add(id)
    }
    await this.commitWrites(docs.map((d) => ({ coll: c.name, id: idKey(d._id), doc: d })))
    return { data: { insertedIds: docs.map((d) => d._id) }, requestId: newRequestId() }
  }

  /** Compute the new version of `old` for a modifyDocument (set or update); returns null if no change. */
  private transform(old: any | undefined, data: any, merge: boolean): any {
    if (!merge) {
      if (!isPlainObject(data)) throw new EngineError(ERR.INVALID_PARAM, 'data must be an object')
      if (Object.keys(data).some((k) => k.startsWith('$'))) throw new EngineError(ERR.REQUEST_FAILED, 'update operator complicit')
      const doc: any = { _id: old ? old._id : undefined, ...clone(data) }
      delete doc._id
      const out = { _id: old ? old._id : data._id, ...doc }
      checkFieldNames(out)
      return out
    }
    const upd = toModifier(data)
    const doc = old ? clone(old) : {}
    applyModifier(doc, upd)
    if (old && !deepEqual(doc._id, old._id))
      throw new EngineError(ERR.REQUEST_FAILED, "[FailedOperation] Performing an update on the path '_id' would modify the immutable field '_id'")
    return doc
  }

  private async opModify(p: any, returnDoc: boolean) {
    const c = this.coll(p.collectionName)
    const filter = this.parse(p.query) || {}
    const data = this.parse(p.data)
    const merge = p.merge !== false
    const multi = p.multi === true || (p.multi === undefined && p.queryType === 'WHERE' && !returnDoc)
    const upsert = p.upsert === true
    if (data === undefined) throw new EngineError(ERR.INVALID_PARAM, 'data is required')

    if (p.transactionId) {
      const tx = this.tx(p.transactionId)
      if (returnDoc || p.queryType !== 'DOC' || !isIdOnly(filter)) throw notInTransaction('an update by query (where().update(), updateAndReturn())')
      return this.txModify(tx, c, idKey(filter._id), filter._id, data, merge, upsert)
    }

    // A write to a document a transaction has written waits until that transaction ends ("普通的更新操作会被
    // 阻塞，直到事务锁释放或者超时", WeChat transaction guide); then the query is evaluated again.
    let matches: any[]
    for (;;) {
      matches = this.findDocs(c, filter, null, 0, multi ? null : 1)
      const ids = matches.map((d) => idKey(d._id))
      if (matches.length === 0 && upsert && filter._id !== undefined && typeof filter._id !== 'object') ids.push(idKey(filter._id))
      const wait = this.lockedBy(c, ids)
      if (!wait) break
      await wait
    }
    // THE TRAP: select the matching documents first, then write back every one of them.
    const writes: Write[] = []
    let upsertId: any
    let last: any = null
    for (const old of matches) {
      const nd = this.transform(old, data, merge)
      last = nd
      if (!deepEqual(nd, old)) writes.push({ coll: c.name, id: idKey(old._id), doc: nd })
    }
    if (matches.length === 0 && upsert) {
      const id = filter._id !== undefined && typeof filter._id !== 'object' ? filter._id : newDocId()
      const base = merge ? { ...equalityFields(filter), _id: id } : undefined
      const nd = merge ? this.transform(base, data, true) : this.transform(undefined, { ...data, _id: id }, false)
      nd._id = id
      writes.push({ coll: c.name, id: idKey(id), doc: nd })
      upsertId = id
      last = nd
    }
    await this.commitWrites(writes)
    const updated = upsertId !== undefined ? 0 : writes.length
    if (returnDoc) return { data: { updated, doc: last ? toText(last) : undefined }, requestId: newRequestId() }
    return { data: { updated, upsert_id: upsertId }, requestId: newRequestId() }
  }

  private async opRemove(p: any) {
    const c = this.coll(p.collectionName)
    const filter = this.parse(p.query) || {}
    const multi = p.multi === true || (p.multi === undefined && p.queryType === 'WHERE')
    if (p.transactionId) {
      const tx = this.tx(p.transactionId)
      if (p.queryType !== 'DOC' || !isIdOnly(filter)) throw notInTransaction('a remove by query (where().remove())')
      return this.txRemove(tx, c, idKey(filter._id))
    }
    let matches: any[]
    for (;;) {
      matches = this.findDocs(c, filter, null, 0, multi ? null : 1)
      const wait = this.lockedBy(
        c,
        matches.map((d) => idKey(d._id)),
      )
      if (!wait) break
      await wait
    }
    await this.commitWrites(matches.map((d) => ({ coll: c.name, id: idKey(d._id), doc: null })))
    return { data: { deleted: matches.length }, requestId: newRequestId() }
  }

  private opAggregate(p: any) {
    const c = this.coll(p.collectionName)
    if (p.transactionId) {
      this.tx(p.transactionId)
      throw notInTransaction('aggregate()')
    }
    const stages: any[] = (p.stages || []).map((s: any) => {
      const v = typeof s.stageValue === 'string' ? this.parse(s.stageValue) : this.normalize(s.stageValue)
      return { [s.stageKey]: v }
    })
    let input: any[]
    if (stages.length && stages[0].$match) {
      input = this.findDocs(c, stages[0].$match, null, 0, null)
      stages.shift()
    } else {
      input = Array.from(c.docs.values())
      this.stats = { examined: input.length, lastPlan: `${c.name}: COLLSCAN (aggregate)` }
    }
    if (!stages.some((s) => s.$limit !== undefined)) stages.push({ $limit: AGGREGATE_DEFAULT_LIMIT })
    const agg = new Aggregator(stages, {
      processingMode: ProcessingMode.CLONE_INPUT,
      collectionResolver: (name: string) => Array.from(this.coll(name).docs.values()).map(clone),
    } as any)
    const out = agg.run(input) as any[]
    return { data: { list: out.map(toText) }, requestId: newRequestId() }
  }

  // ------------------------------------------------------------------ transactions
  //
  // Snapshot isolation as WeChat Cloud documents it (developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/
  // database/transaction.html, 快照隔离): reads inside a transaction return the snapshot, not the live data, and
  // take no lock; a write changes the snapshot (later reads in the transaction see it) and puts a transaction
  // lock on the document; a write of another transaction to a locked document fails at once (here: also a
  // write to a document changed after the snapshot — TencentCloudBase/node-sdk's 读偏 case), the service rolls
  // that transaction back and answers DATABASE_TRANSACTION_CONFLICT; an ordinary (non-transactional) write to
  // a locked document blocks until the lock is released; on commit the snapshot's changes are written
  // atomically. Only single-document operations by id and add() are allowed inside.

  private opStartTx() {
    const id = crypto.randomBytes(12).toString('hex')
    let end!: () => void
    const ended = new Promise<void>((resolve) => {
      end = resolve
    })
    const tx: Tx = { id, snapshot: null, writes: new Map(), done: false, timer: setTimeout(() => this.endTx(tx), TX_LIFETIME_MS), ended, end }
    tx.timer.unref?.()
    this.txs.set(id, tx)
    return { transactionId: id, requestId: newRequestId() }
  }

  private tx(id: string): Tx {
    const tx = this.txs.get(id)
    if (!tx || tx.done) throw txNotExist()
    return tx
  }

  /** The snapshot is taken when the transaction first touches data. */
  private begin(tx: Tx) {
    if (tx.snapshot === null) {
      tx.snapshot = this.seq
      this.snapshots++
    }
  }

  private endTx(tx: Tx) {
    if (tx.done) return
    tx.done = true
    clearTimeout(tx.timer)
    this.txs.delete(tx.id)
    for (const key of tx.writes.keys()) if (this.writers.get(key) === tx) this.writers.delete(key)
    if (tx.snapshot !== null) this.snapshots--
    this.pruneHistory()
    tx.end()
  }

  /** The transactions holding a lock on any of these documents: a promise of their end, or null when none does. */
  private lockedBy(c: Coll, ids: string[]): Promise<unknown> | null {
    let blockers: Set<Tx> | null = null
    for (const id of ids) {
      const t = this.writers.get(lockKey(c.name, id))
      if (t) (blockers ??= new Set()).add(t)
    }
    return blockers ? Promise.all(Array.from(blockers, (t) => t.ended)) : null
  }

  /** This transaction's view of a document: its own staged write, else the snapshot. */
  private txRead(tx: Tx, c: Coll, id: string): any | null {
    this.begin(tx)
    const w = tx.writes.get(lockKey(c.name, id))
    if (w) return w.doc
    return this.versionAt(c, id, tx.snapshot!)
  }

  /**
   * May `tx` write this document? Not when another open transaction holds its lock, nor when it was changed
   * after `tx`'s snapshot: then the service rolls `tx` back and answers the conflict at once.
   */
  private checkWritable(tx: Tx, c: Coll, id: string) {
    const key = lockKey(c.name, id)
    const holder = this.writers.get(key)
    if (holder === tx) return
    if (holder || (c.ver.get(id) ?? 0) > tx.snapshot!) {
      this.endTx(tx)
      this.conflicts++
      throw txConflict()
    }
  }

  private stage(tx: Tx, c: Coll, id: string, doc: any | null) {
    const key = lockKey(c.name, id)
    tx.writes.set(key, { coll: c.name, id, doc })
    this.writers.set(key, tx)
  }

  private checkUniqueAgainstCommitted(c: Coll, doc: any) {
    for (const ix of c.indexes) {
      if (!ix.spec.unique) continue
      const hit = ix.conflicts(doc, doc._id)
      if (hit) throw dupKeyError(c.name, ix.spec, hit.key)
    }
  }

  /** doc(id).update (merge) or doc(id).set (replace, upsert) inside a transaction. */
  private txModify(tx: Tx, c: Coll, id: string, rawId: any, data: any, merge: boolean, upsert: boolean) {
    const old = this.txRead(tx, c, id)
    if (!old && !upsert) return { data: { updated: 0 }, requestId: newRequestId() }
    let nd: any
    if (old) {
      nd = this.transform(old, data, merge)
      if (deepEqual(nd, old)) return { data: { updated: 0 }, requestId: newRequestId() }
    } else {
      nd = merge ? this.transform({ _id: rawId }, data, true) : this.transform(undefined, { ...data, _id: rawId }, false)
      nd._id = rawId
    }
    this.checkWritable(tx, c, id)
    this.checkUniqueAgainstCommitted(c, nd)
    this.stage(tx, c, id, nd)
    return old ? { data: { updated: 1 }, requestId: newRequestId() } : { data: { updated: 0, upsert_id: rawId }, requestId: newRequestId() }
  }

  /** doc(id).remove inside a transaction. */
  private txRemove(tx: Tx, c: Coll, id: string) {
    if (!this.txRead(tx, c, id)) return { data: { deleted: 0 }, requestId: newRequestId() }
    this.checkWritable(tx, c, id)
    this.stage(tx, c, id, null)
    return { data: { deleted: 1 }, requestId: newRequestId() }
  }

  private async opCommit(p: any) {
    const tx = this.tx(p.transactionId)
    const writes = Array.from(tx.writes.values())
    let durable: Promise<void>
    try {
      // conflicts were answered when they happened; here only a unique index can still refuse (all or nothing)
      durable = this.commitWrites(writes)
    } finally {
      this.endTx(tx)
    }
    await durable
    return { requestId: newRequestId() }
  }

  /** Rollback. A transaction the service already ended (conflict, expiry) cannot be rolled back: TransactionNotExist. */
  private opAbort(p: any) {
    this.endTx(this.tx(p.transactionId))
    return { requestId: newRequestId() }
  }

  // legacy transaction actions of @cloudbase/database's older Transaction class (by document id only)
  private async opLegacyTxGet(p: any) {
    const tx = this.tx(p.transactionId)
    const c = this.coll(p.collectionName)
    return { data: toText(this.txRead(tx, c, idKey(p._id))), requestId: newRequestId() }
  }
  private async opLegacyTxUpdate(p: any) {
    const tx = this.tx(p.transactionId)
    const c = this.coll(p.collectionName)
    const data = this.parse(p.data)
    const merge = !p.upsert
    const before = this.txRead(tx, c, idKey(p._id))
    const r = this.txModify(tx, c, idKey(p._id), p._id, data, merge, !!p.upsert)
    return {
      updated: toText(r.data.updated || (before && p.upsert ? 1 : 0)),
      upserted: (r.data as any).upsert_id !== undefined ? JSON.stringify([{ _id: (r.data as any).upsert_id }]) : undefined,
      requestId: r.requestId,
    }
  }
  private async opLegacyTxDelete(p: any) {
    const tx = this.tx(p.transactionId)
    const c = this.coll(p.collectionName)
    const r = this.txRemove(tx, c, idKey(p._id))
    return { deleted: toText(r.data.deleted), requestId: r.requestId }
  }
}

// ---------------------------------------------------------------- helpers

/** Documents keep `_id` as their first field, generated cloud-style when absent. */
function withIdFirst(d: any): any {
  const { _id, ...rest } = d
  return { _id: _id === undefined || _id === null ? newDocId() : _id, ...rest }
}

function dupKeyError(coll: string, spec: IndexSpec, key: any[]): EngineError {
  const parts = spec.keys.map(([f], i) => `${f}: ${JSON.stringify(key[i] instanceof Date ? key[i].toISOString() : (key[i] ?? null))}`)
  return new EngineError(
    ERR.REQUEST_FAILED,
    `[FailedOperation] E11000 duplicate key error collection: local.${coll} index: ${spec.name} dup key: { ${parts.join(', ')} }`,
  )
}

function checkFieldNames(doc: any) {
  for (const k of Object.keys(doc)) {
    if (k.startsWith('$')) throw new EngineError(ERR.REQUEST_FAILED, `[FailedOperation] The dollar ($) prefixed field '${k}' is not valid for storage.`)
  }
}

function sortDocs(docs: any[], sort: [string, number][]) {
  const dec = docs.map((d, i) => ({ d, i, k: sort.map(([f, dir]) => sortKey(d, f, dir)) }))
  dec.sort((a, b) => {
    for (let j = 0; j < sort.length; j++) {
      const c = compareValues(a.k[j], b.k[j])
      if (c) return c * sort[j][1]
    }
    return a.i - b.i
  })
  for (let i = 0; i < dec.length; i++) docs[i] = dec[i].d
}

/** merge-mode data: operators as is; plain top-level fields become $set. */
function toModifier(data: any): any {
  if (!isPlainObject(data)) throw new EngineError(ERR.INVALID_PARAM, 'data must be an object')
  const out: any = {}
  for (const k of Object.keys(data)) {
    if (k.startsWith('$')) out[k] = { ...(out[k] || {}), ...data[k] }
    else (out.$set = out.$set || {})[k] = data[k]
  }
  return out
}

function getPath(doc: any, p: string): any {
  let v = doc
  for (const seg of p.split('.')) {
    if (v === null || v === undefined || typeof v !== 'object') return undefined
    v = v[seg]
  }
  return v
}

/** Apply MongoDB update operators with mingo, adding the checks MongoDB makes and mingo does not. */
function applyModifier(doc: any, upd: any) {
  const known = new Set([
    '$set',
    '$unset',
    '$inc',
    '$mul',
    '$min',
    '$max',
    '$rename',
    '$push',
    '$pop',
    '$addToSet',
    '$pull',
    '$pullAll',
    '$currentDate',
    '$bit',
  ])
  for (const op of Object.keys(upd)) if (!known.has(op)) throw new EngineError(ERR.REQUEST_FAILED, `[FailedOperation] Unknown modifier: ${op}`)
  for (const op of ['$inc', '$mul']) {
    for (const [f, n] of Object.entries<any>(upd[op] || {})) {
      if (typeof n !== 'number')
        throw new EngineError(
          ERR.REQUEST_FAILED,
          `[FailedOperation] Cannot ${op === '$inc' ? 'increment' : 'multiply'} with non-numeric argument: {${f}: ${JSON.stringify(n)}}`,
        )
      const cur = getPath(doc, f)
      if (cur !== undefined && cur !== null && typeof cur !== 'number') {
        throw new EngineError(
          ERR.REQUEST_FAILED,
          `[FailedOperation] Cannot apply ${op} to a value of non-numeric type. {_id: ${JSON.stringify(doc._id)}} has the field '${f}' of non-numeric type ${typeof cur}`,
        )
      }
    }
  }
  for (const op of ['$push', '$addToSet', '$pop', '$pull', '$pullAll']) {
    for (const f of Object.keys(upd[op] || {})) {
      const cur = getPath(doc, f)
      if (cur !== undefined && cur !== null && !Array.isArray(cur)) {
        throw new EngineError(
          ERR.REQUEST_FAILED,
          `[FailedOperation] The field '${f}' must be an array but is of type ${typeof cur} in document {_id: ${JSON.stringify(doc._id)}}`,
        )
      }
    }
  }
  if (upd.$addToSet) {
    // mingo keeps duplicates inside $each; MongoDB adds each distinct value once
    const a: any = {}
    for (const [f, v] of Object.entries<any>(upd.$addToSet)) {
      if (isPlainObject(v) && Array.isArray(v.$each)) {
        const uniq: any[] = []
        for (const x of v.$each) if (!uniq.some((u) => deepEqual(u, x))) uniq.push(x)
        a[f] = { ...v, $each: uniq }
      } else a[f] = v
    }
    upd = { ...upd, $addToSet: a }
  }
  mingoUpdate(doc, upd, undefined, undefined, { cloneMode: 'deep' })
}

function equalityFields(filter: any): any {
  const out: any = {}
  for (const [k, v] of Object.entries<any>(filter || {})) {
    if (k.startsWith('$') || k.includes('.')) continue
    if (v === null || typeof v !== 'object' || v instanceof Date) out[k] = v
  }
  return out
}

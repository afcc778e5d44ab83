/**
 * Plug the local engine and open-API stand-ins under the real, unmodified wx-server-sdk.
 *
 * - Database: every call of the SDK goes through `new Db.reqClass(config).send(action, params)`
 *   of @cloudbase/database; `cloud.database()` assigns Db.reqClass each time, so we replace the
 *   property by a getter that always returns our class (the setter ignores assignments).
 * - Open APIs: `cloud.openapi.*` ends in `CloudBase#callCompatibleWxOpenApi` of @cloudbase/node-sdk;
 *   we answer there with the protobuf buffer the SDK decodes. `cloud.getTempFileURL` ends in
 *   `CloudBase#getTempFileURL`: local storage's files (`cloud://local/<path>`) get the host's /storage links.
 * - Caller identity: `cloud.getWXContext()` reads process.env (WX_CONTEXT_KEYS, WX_OPENID, ...);
 *   `runAsCaller` scopes those keys per async context through a Proxy over process.env.
 * - Transactions: @cloudbase/database sends where().update(), where().remove(), count() and aggregate()
 *   without the transaction id even when they are called on a transaction's collection, so in the cloud they
 *   would silently run outside the transaction. WeChat does not allow them in a transaction at all (only
 *   doc(id).get/set/update/remove and add), so the seam passes the transaction id along and the engine
 *   refuses them, and a test fails before a deploy would misbehave.
 * - Time: `invokeFunction` runs a function's main as a caller and, when given a clock, passes it as
 *   `context.clock` (the function's time, platform/clock.ts) and scopes it with `runAtTime`, so what the
 *   stand-ins stamp (the outbox) agrees with the function. No clock: the system's, as in WeChat.
 * - Time limit: `invoke` runs one invocation under the function's timeout, as the platform does. Past it,
 *   the caller gets the platform's error at once (`InvocationTimeout`, errCode -504003, "Invoking task
 *   timed out after N seconds") and the invocation is cut off: whatever it still tries afterwards
 *   (database requests, open-API calls) fails, as nothing runs on in a killed cloud instance.
 */
import * as path from 'path'
import { AsyncLocalStorage } from 'async_hooks'
import type { Engine } from './engine'
import { databasePath, nodeSdkPath } from './engine/sdk'
import { LocalOpenApi, OpenApiStandIns } from './openapi'
import { localNow, runAtTime } from './time'

export type { OpenApiStandIns }

let currentEngine: Engine | null = null

// ---------------------------------------------------------------- invocations and their time limit

/** One invocation of a function: its limit, whether the platform has cut it off, what it asked of the cloud. */
export interface Invocation {
  fn: string
  timeoutMs: number
  startedAt: number
  timedOut: boolean
  /** Database and open-API requests made (each is a network round trip in the cloud). */
  requests: number
}

const invocationStore = new AsyncLocalStorage<Invocation>()

/** The platform's answer to a call whose invocation ran past the function's timeout. */
export class InvocationTimeout extends Error {
  /** What wx.cloud.callFunction rejects with on the phone. */
  readonly errCode = -504003
  readonly errMsg: string
  constructor(
    readonly fn: string,
    readonly timeoutMs: number,
  ) {
    const seconds = timeoutMs % 1000 === 0 ? String(timeoutMs / 1000) : (timeoutMs / 1000).toFixed(3)
    const msg = `Invoking task timed out after ${seconds} seconds`
    super(`cloud.callFunction:fail Error: errCode: -504003 | errMsg: ${msg} (function ${fn})`)
    this.name = 'InvocationTimeout'
    this.errMsg = msg
  }
}

/**
 * Throws when the invocation is past its limit. Checked on every request as well as by the timer: the
 * local engine answers without real I/O, so a function busy with it may not yield to the event loop (and
 * let the timer fire) until long after its deadline; the clock is checked here either way.
 */
function checkAlive(inv: Invocation): void {
  if (!inv.timedOut && Date.now() - inv.startedAt > inv.timeoutMs) inv.timedOut = true
  if (inv.timedOut) {
    throw Object.assign(
      new Error(`local cloud: invocation of ${inv.fn} was terminated after ${inv.timeoutMs} ms (timed out); nothing more it does reaches the cloud`),
      { code: 'SYS_ERR' },
    )
  }
}

/** The invocation the current async context belongs to, if any. */
export function currentInvocation(): Invocation | null {
  return invocationStore.getStore() ?? null
}

export interface InvokeOptions {
  /** The function's name (for messages). */
  fn?: string
  /** The function's timeout (config.json `timeout`). */
  timeoutMs: number
  /** Called when the invocation ends, answered or timed out, with what it did. */
  onEnd?: (inv: Invocation & { ms: number }) => void
}

/**
 * Run one invocation as `wx`'s caller under the function's timeout: resolves with its answer, or rejects
 * with InvocationTimeout at the limit (and everything the invocation still does from then on fails).
 */
export function invoke<T>(wx: { OPENID: string; APPID?: string; UNIONID?: string; SOURCE?: string }, fn: () => Promise<T>, opts: InvokeOptions): Promise<T> {
  const inv: Invocation = { fn: opts.fn ?? 'api', timeoutMs: opts.timeoutMs, startedAt: Date.now(), timedOut: false, requests: 0 }
  const end = () => opts.onEnd?.({ ...inv, ms: Date.now() - inv.startedAt })
  return new Promise<T>((resolve, reject) => {
    let settled = false
    const timer = setTimeout(() => {
      if (settled) return
      settled = true
      inv.timedOut = true
      end()
      reject(new InvocationTimeout(inv.fn, inv.timeoutMs))
    }, inv.timeoutMs)
    const finish = (outcome: () => void) => {
      if (settled) return // the killed invocation's own end: nobody is listening any more
      settled = true
      clearTimeout(timer)
      // An answer that comes after the limit (the event loop was too busy for the timer) is no answer.
      if (inv.timedOut || Date.now() - inv.startedAt > inv.timeoutMs) {
        inv.timedOut = true
        end()
        reject(new InvocationTimeout(inv.fn, inv.timeoutMs))
        return
      }
      end()
      outcome()
    }
    invocationStore
      .run(inv, () => runAsCaller(wx, fn))
      .then(
        (answer) => finish(() => resolve(answer)),
        (err) => finish(() => reject(err)),
      )
  })
}
let currentOpenApi: LocalOpenApi | null = null

/**
 * A fixed delay added to every database and open-API request, to show what the cloud's network round trips
 * cost (`npm run bench -- --latency=3`). In WeChat Cloud each database call from a function is a request to
 * the database service, a few milliseconds each; locally the engine answers in microseconds. 0 (the default)
 * adds nothing.
 */
let roundTripLatencyMs = 0
export function setRoundTripLatency(ms: number): void {
  roundTripLatencyMs = Math.max(0, ms)
}
const roundTrip = () => new Promise<void>((r) => setTimeout(r, roundTripLatencyMs))

/** What the SDK instantiates as its request class (one per query, document or aggregation object). */
class LocalDbRequest {
  /** Set by the patched query methods when the query belongs to a transaction (see markTransactionalQueries). */
  transactionId: string | undefined
  constructor(readonly config: any) {}
  async send(action: string, params?: any, _opts?: any): Promise<any> {
    const inv = invocationStore.getStore()
    if (inv) {
      checkAlive(inv)
      inv.requests++
    }
    const engine = currentEngine
    if (!engine) throw Object.assign(new Error('local cloud: no engine installed'), { code: 'SYS_ERR' })
    if (this.transactionId && !(params && params.transactionId)) params = { ...params, transactionId: this.transactionId }
    if (roundTripLatencyMs > 0) await roundTrip()
    return engine.handle(action, params)
  }
}
const reqClassGetter = () => LocalDbRequest

const MARKED = Symbol.for('local-cloud.tx-marked')
/**
 * Make the query operations of a transaction's collection carry the transaction id to the engine (which then
 * refuses them: multi-document operations are not allowed in a transaction). Only the request object of that
 * one query is marked; nothing else changes.
 */
function markTransactionalQueries(databaseDir: string) {
  const { Query } = require(path.join(databaseDir, 'query.js'))

  const { CollectionReference } = require(path.join(databaseDir, 'collection.js'))
  if (Query.prototype[MARKED]) return
  Object.defineProperty(Query.prototype, MARKED, { value: true })
  for (const m of ['update', 'remove', 'count']) {
    const orig = Query.prototype[m]
    Query.prototype[m] = function (this: any, ...args: any[]) {
      if (this._transactionId && this._request instanceof LocalDbRequest) this._request.transactionId = this._transactionId
      return orig.apply(this, args)
    }
  }
  const aggregate = CollectionReference.prototype.aggregate
  CollectionReference.prototype.aggregate = function (this: any, ...args: any[]) {
    const agg = aggregate.apply(this, args)
    if (this._transactionId && agg && agg._request instanceof LocalDbRequest) agg._request.transactionId = this._transactionId
    return agg
  }
}

export function installLocalCloud(engine: Engine, opts: { openapi?: OpenApiStandIns } = {}): void {
  currentEngine = engine
  currentOpenApi = new LocalOpenApi(() => currentEngine, opts.openapi)

  const { Db } = require(databasePath)
  const d = Object.getOwnPropertyDescriptor(Db, 'reqClass')
  if (!d || d.get !== reqClassGetter) {
    Object.defineProperty(Db, 'reqClass', { get: reqClassGetter, set: () => undefined, configurable: true, enumerable: true })
  }
  markTransactionalQueries(path.dirname(databasePath))

  const { CloudBase } = require(path.join(path.dirname(nodeSdkPath), 'cloudbase.js'))
  if (!CloudBase.prototype.__localOpenApi) {
    Object.defineProperty(CloudBase.prototype, '__localOpenApi', { value: true })
    CloudBase.prototype.callCompatibleWxOpenApi = async function (options: { apiName: string; requestData: Buffer }) {
      if (!currentOpenApi) throw Object.assign(new Error('local cloud: not installed'), { code: 'SYS_ERR' })
      const inv = invocationStore.getStore()
      if (inv) {
        checkAlive(inv)
        inv.requests++
      }
      if (roundTripLatencyMs > 0) await roundTrip()
      return currentOpenApi.handle(options.apiName, options.requestData)
    }
    // cloud.getTempFileURL ends in CloudBase#getTempFileURL: local storage answers with links the host serves.
    CloudBase.prototype.getTempFileURL = async function ({ fileList }: { fileList: unknown[] }) {
      if (!currentOpenApi) throw Object.assign(new Error('local cloud: not installed'), { code: 'SYS_ERR' })
      const inv = invocationStore.getStore()
      if (inv) {
        checkAlive(inv)
        inv.requests++
      }
      return currentOpenApi.tempFileURLs(Array.isArray(fileList) ? fileList : [])
    }
  }
  installCallerEnv()
}

/** The open-API stand-in currently installed (e.g. to compute the URL a QR image encodes). */
export function localOpenApi(): LocalOpenApi | null {
  return currentOpenApi
}

// ---------------------------------------------------------------- caller identity

const callerStore = new AsyncLocalStorage<Record<string, string>>()
const PROXY_MARK = Symbol.for('local-cloud.env-proxy')
const isCallerKey = (k: string | symbol) => typeof k === 'string' && (k === 'WX_CONTEXT_KEYS' || k === 'TCB_SOURCE' || k.startsWith('WX_'))

function installCallerEnv() {
  const env: any = process.env
  if (env[PROXY_MARK]) return
  const real = env
  process.env = new Proxy(real, {
    get(t, k) {
      if (k === PROXY_MARK) return true
      const s = callerStore.getStore()
      if (s && isCallerKey(k)) return s[k as string]
      return Reflect.get(t, k)
    },
    has(t, k) {
      const s = callerStore.getStore()
      if (s && isCallerKey(k)) return (k as string) in s
      return Reflect.has(t, k)
    },
    ownKeys(t) {
      const s = callerStore.getStore()
      const keys = Reflect.ownKeys(t)
      if (!s) return keys
      return [...keys.filter((k) => !isCallerKey(k)), ...Object.keys(s)]
    },
    getOwnPropertyDescriptor(t, k) {
      const s = callerStore.getStore()
      if (s && isCallerKey(k)) {
        return (k as string) in s ? { value: s[k as string], writable: true, enumerable: true, configurable: true } : undefined
      }
      return Reflect.getOwnPropertyDescriptor(t, k)
    },
    set(t, k, v) {
      const s = callerStore.getStore()
      if (s && isCallerKey(k)) {
        s[k as string] = String(v)
        return true
      }
      return Reflect.set(t, k, v)
    },
    deleteProperty(t, k) {
      const s = callerStore.getStore()
      if (s && isCallerKey(k)) {
        delete s[k as string]
        return true
      }
      return Reflect.deleteProperty(t, k)
    },
  }) as any
}

/**
 * Run `fn` as the given WeChat user: `cloud.getWXContext()` inside returns OPENID/APPID/UNIONID
 * of this caller, even when many invocations overlap in one process, and SOURCE (the SDK reads it from
 * TCB_SOURCE): what triggered the run. getWXContext's documented values include `wx_client` (a mini-program's
 * call) and `wx_trigger` (the timer trigger); so a caller with an OPENID is `wx_client` and one without is
 * `wx_trigger` unless `SOURCE` says otherwise ('' = none: a run whose source the platform does not document,
 * such as a message push).
 */
export function runAsCaller<T>(wx: { OPENID: string; APPID?: string; UNIONID?: string; SOURCE?: string }, fn: () => Promise<T>): Promise<T> {
  installCallerEnv()
  const store: Record<string, string> = {}
  const keys: string[] = []
  for (const k of ['OPENID', 'APPID', 'UNIONID'] as const) {
    const v = wx[k]
    if (v !== undefined && v !== null) {
      store[`WX_${k}`] = String(v)
      keys.push(`WX_${k}`)
    }
  }
  const source = wx.SOURCE ?? (wx.OPENID ? 'wx_client' : 'wx_trigger')
  if (source) store.TCB_SOURCE = source
  store.WX_CONTEXT_KEYS = keys.join(',')
  return callerStore.run(store, fn)
}

// ---------------------------------------------------------------- invoking a function

export { localNow, runAtTime }

export type FunctionMain<T = unknown> = (event: unknown, context: unknown) => Promise<T>

/**
 * Invoke a cloud function's main the way WeChat Cloud does, in this process: `cloud.getWXContext()` inside
 * answers `caller` (OPENID '' = no user: a timer); with a `clock`, the function runs on it (`context.clock`)
 * and so do the stand-ins it calls. The local host, its timer scheduler and the test harness all call this.
 */
export function invokeFunction<T>(
  main: FunctionMain<T>,
  event: unknown,
  opts: {
    caller: { OPENID: string; APPID?: string; UNIONID?: string; SOURCE?: string }
    clock?: () => Date
    fn?: string
    timeoutMs?: number
    onEnd?: InvokeOptions['onEnd']
  },
): Promise<T> {
  const { caller, clock } = opts
  const run = () => (clock ? runAtTime(clock, () => main(event, { clock })) : main(event, {}))
  // Under the function's timeout, as the platform runs it (invoke runs it as the caller itself).
  if (opts.timeoutMs !== undefined) return invoke(caller, run, { fn: opts.fn, timeoutMs: opts.timeoutMs, onEnd: opts.onEnd })
  return runAsCaller(caller, run)
}

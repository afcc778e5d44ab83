/**
 * The test harness for everything that goes through the cloud function: a local engine (memory-only
 * unless asked), the local cloud installed under the real wx-server-sdk, and `call(openid, action, data)`
 * which runs the real `main()` with that caller, exactly as the local host does.
 *
 * Time: every call (actions and timer ticks) runs on the harness's clock, handed to `main` as
 * `context.clock` (local/cloud.ts `invokeFunction`); the engine and the outbox use it too. It runs from the
 * real time — or from TEST_NOW when that is set (`TEST_NOW=2026-11-30T15:59:30Z npx jest …` runs every
 * suite from the last half-minute of a China month) — until a test moves it: `setNow(t)` puts it at t,
 * `advance(ms)` moves it on, `resetClock()` puts it back. A moved clock keeps running (t, then t + the real
 * time elapsed since), so ids and orderings that follow time stay in order within a test, as they do in
 * production. Tests move the clock rather than back-dating stored documents, and take "now" from `tc.now()`.
 *
 * Time limit: every call runs under the function's timeout from config.json, as the platform runs it: a
 * call still running at the limit rejects with the platform's error (InvocationTimeout, errCode -504003),
 * so a test fails when an action would time out in production. `setTimeoutMs` runs the function as if
 * deployed with another timeout (the harness enforces it and the function budgets by it).
 */
import { Engine, loadDatabaseManifest } from '../../local/engine'
import * as fs from 'fs'
import * as os from 'os'
import * as path from 'path'
import { installLocalCloud, invokeFunction, localOpenApi, type Invocation } from '../../local/cloud'
import { functionTimeoutMs } from '../../local/host/functions'
import type { ActionInput, ActionName, ActionOutput } from '../../types/api'
import type { ApiResult } from '../../types/common'

// Loaded after the local cloud is installed (the SDK is configured at require time of the function).
type Main = (event: unknown, context?: unknown) => Promise<ApiResult<unknown>>

export interface TestCloud {
  engine: Engine
  main: Main
  /** Raw call: any event, any caller (null = no WeChat identity). */
  raw(openid: string | null, event: unknown): Promise<ApiResult<unknown>>
  /** Typed call of one action as a caller. */
  call<A extends ActionName>(openid: string | null, action: A, data?: ActionInput<A>): Promise<ApiResult<ActionOutput<A>>>
  /** Like call, but throws unless ok; returns data. */
  ok<A extends ActionName>(openid: string | null, action: A, data?: ActionInput<A>): Promise<ActionOutput<A>>
  /** Forget the write rate-limit window (suites that make many calls as one person). */
  resetLimits(): void
  /** The harness's time now (what the next call will see). */
  now(): Date
  /** From now on the clock reads `t`, and runs on from there. */
  setNow(t: Date | string | number): void
  /** Move the clock on by `ms` (negative moves it back). */
  advance(ms: number): void
  /** Back to the suite's own time: the real time, or TEST_NOW and the time elapsed since the harness opened. */
  resetClock(): void
  /** Run the function as if deployed with this timeout from now on (null: back to config.json's). */
  setTimeoutMs(ms: number | null): void
  /** The timeout calls run under now. */
  timeoutMs(): number
  /** The last invocation that ended: its time and how many database / open-API requests it made. */
  lastInvocation(): (Invocation & { ms: number }) | null
  /** Local cloud storage (a temp folder): where `cloud://local/<path>` files live. */
  storageDir: string
  /** Put an image into local storage as an upload would; answers its fileID `cloud://local/<path>`. */
  putFile(rel: string, bytes: Buffer | string): string
  /** Push every pending image-check result (security.mediaCheckAsync) into the function now, as WeChat would. */
  deliverPushes(): Promise<number>
  /** A timer tick, as the platform fires it (no OPENID). */
  tick(): Promise<ApiResult<Record<string, any>>>
  close(): Promise<void>
}

/** A clock that reads the real time plus an offset: `start`'s (TEST_NOW) at first, then what the test sets. */
export function testClock(start: string | undefined = process.env.TEST_NOW) {
  const base = start ? new Date(start).getTime() - Date.now() : 0
  if (Number.isNaN(base)) throw new Error(`TEST_NOW is not a time: ${start}`)
  let offset = base
  const now = () => new Date(Date.now() + offset)
  return {
    now,
    setNow(t: Date | string | number) {
      const at = new Date(t).getTime()
      if (Number.isNaN(at)) throw new Error(`setNow: not a time: ${String(t)}`)
      offset = at - Date.now()
    },
    advance(ms: number) {
      offset += ms
    },
    resetClock() {
      offset = base
    },
  }
}

export async function openTestCloud(opts: { dataDir?: string | null; timeoutMs?: number } = {}): Promise<TestCloud> {
  const clock = testClock()
  const engine = await Engine.open({ dataDir: opts.dataDir ?? null, manifest: loadDatabaseManifest(), now: clock.now })
  const storageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'test-storage-'))
  // Image-check results are pushed only when a test says so (deliverPushes): deterministic.
  installLocalCloud(engine, { openapi: { storageDir, pushDelayMs: null } })

  const { main } = require('../../cloudfunctions/api/src/index') as { main: Main }

  const { limits } = require('../../cloudfunctions/api/src/platform/limits') as { limits: { timeoutMs: number } }
  const configured = functionTimeoutMs('api')
  const setTimeoutMs = (ms: number | null) => {
    limits.timeoutMs = ms ?? configured
  }
  setTimeoutMs(opts.timeoutMs ?? null)
  let last: (Invocation & { ms: number }) | null = null
  const raw = (openid: string | null, event: unknown) =>
    invokeFunction(main, event, {
      caller: openid === null ? { OPENID: '' } : { OPENID: openid, APPID: 'local' },
      clock: clock.now,
      fn: 'api',
      timeoutMs: limits.timeoutMs,
      onEnd: (inv) => (last = inv),
    })
  const call = (<A extends ActionName>(openid: string | null, action: A, data?: ActionInput<A>) =>
    raw(openid, data === undefined ? { action } : { action, data })) as TestCloud['call']
  const ok = (async (openid: string | null, action: ActionName, data?: object) => {
    const res = await raw(openid, data === undefined ? { action } : { action, data })
    if (!res.ok) throw new Error(`${action} failed: ${res.error.code} ${res.error.message}`)
    return res.data
  }) as TestCloud['ok']

  const { resetRateLimits } = require('../../cloudfunctions/api/src/router') as { resetRateLimits: () => void }
  // The message-push configuration: results go to this function's main, called as the platform calls it.
  // (platform/mediaPush.ts: a message push runs with the pushing user's OPENID and no documented SOURCE)
  localOpenApi()!.setPushTarget((event) =>
    invokeFunction(main, event, { caller: { OPENID: event.FromUserName, SOURCE: '' }, clock: clock.now, fn: 'api', timeoutMs: limits.timeoutMs }),
  )
  const putFile = (rel: string, bytes: Buffer | string) => {
    const file = path.join(storageDir, ...rel.split('/'))
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, bytes)
    return `cloud://local/${rel}`
  }
  const deliverPushes = async () => (await localOpenApi()!.deliverPushes()).length
  const tick = () => raw(null, { Type: 'Timer', TriggerName: 'tick', Time: clock.now().toISOString() }) as Promise<ApiResult<Record<string, any>>>
  return {
    engine,
    main,
    raw,
    call,
    ok,
    tick,
    storageDir,
    putFile,
    deliverPushes,
    resetLimits: resetRateLimits,
    ...clock,
    setTimeoutMs,
    timeoutMs: () => limits.timeoutMs,
    lastInvocation: () => last,
    close: async () => {
      setTimeoutMs(null)
      localOpenApi()?.setPushTarget(null)
      await engine.close()
      fs.rmSync(storageDir, { recursive: true, force: true })
    },
  }
}

/** The error code of an answer, or 'OK'. */
export const codeOf = (res: ApiResult<unknown>) => (res.ok ? 'OK' : res.error.code)

/** A fingerprint of all data in the engine, to prove a failed request changed nothing. */
export async function dataSnapshot(engine: Engine): Promise<string> {
  const out: Record<string, unknown[]> = {}
  for (const c of engine.collections().sort()) out[c] = await engine.find(c, {}, { sort: { _id: 1 } })
  return JSON.stringify(out)
}

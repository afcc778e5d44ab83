/**
 * The test harness for everything that goes through the cloud function: a local engine (memory-only
 * unless asked), the local cloud installed under the real wx-server-sdk, and `callAs(openid, action, data)`
 * which runs the real `main()` with that caller, exactly as the local host does — under the function's
 * timeout from config.json, as the platform runs it: a call still running at the limit rejects with the
 * platform's error (InvocationTimeout, errCode -504003), so a test fails when an action would time out in
 * production. `timeoutMs` runs the function as if deployed with another timeout (the harness enforces it
 * and the function budgets by it).
 */
import { Engine, loadIndexManifest } from '../../local/engine'
import { installLocalCloud, invoke, type Invocation } from '../../local/cloud'
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
  /** Run the function as if deployed with this timeout from now on (null: back to config.json's). */
  setTimeoutMs(ms: number | null): void
  /** The timeout calls run under now. */
  timeoutMs(): number
  /** The last invocation that ended: its time and how many database / open-API requests it made. */
  lastInvocation(): (Invocation & { ms: number }) | null
  /** A timer tick, as the platform fires it (no OPENID). */
  tick(): Promise<ApiResult<Record<string, any>>>
  close(): Promise<void>
}

export async function openTestCloud(opts: { dataDir?: string | null; timeoutMs?: number } = {}): Promise<TestCloud> {
  const engine = await Engine.open({ dataDir: opts.dataDir ?? null, indexes: loadIndexManifest() })
  installLocalCloud(engine)
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { main } = require('../../cloudfunctions/api/src/index') as { main: Main }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { limits } = require('../../cloudfunctions/api/src/platform/limits') as { limits: { timeoutMs: number } }
  const configured = functionTimeoutMs('api')
  const setTimeoutMs = (ms: number | null) => {
    limits.timeoutMs = ms ?? configured
  }
  setTimeoutMs(opts.timeoutMs ?? null)
  let last: (Invocation & { ms: number }) | null = null
  const raw = (openid: string | null, event: unknown) =>
    invoke(openid === null ? { OPENID: '' } : { OPENID: openid, APPID: 'local' }, () => main(event, {}), {
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
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { resetRateLimits } = require('../../cloudfunctions/api/src/router') as { resetRateLimits: () => void }
  const tick = () => raw(null, { Type: 'Timer', TriggerName: 'tick', Time: new Date().toISOString() }) as Promise<ApiResult<Record<string, any>>>
  return {
    engine, main, raw, call, ok, tick, resetLimits: resetRateLimits, setTimeoutMs, timeoutMs: () => limits.timeoutMs, lastInvocation: () => last,
    close: async () => {
      setTimeoutMs(null)
      await engine.close()
    },
  }
}

/** The error code of an answer, or 'OK'. */
export const codeOf = (res: ApiResult<unknown>) => (res.ok ? 'OK' : res.error.code)

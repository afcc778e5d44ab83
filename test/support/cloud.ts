/**
 * The test harness for everything that goes through the cloud function: a local engine (memory-only
 * unless asked), the local cloud installed under the real wx-server-sdk, and `callAs(openid, action, data)`
 * which runs the real `main()` with that caller, exactly as the local host does.
 */
import { Engine, loadDatabaseManifest } from '../../local/engine'
import { installLocalCloud, runAsCaller } from '../../local/cloud'
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
  close(): Promise<void>
}

export async function openTestCloud(opts: { dataDir?: string | null } = {}): Promise<TestCloud> {
  const engine = await Engine.open({ dataDir: opts.dataDir ?? null, manifest: loadDatabaseManifest() })
  installLocalCloud(engine)
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { main } = require('../../cloudfunctions/api/src/index') as { main: Main }
  const raw = (openid: string | null, event: unknown) =>
    openid === null ? runAsCaller({ OPENID: '' }, () => main(event, {})) : runAsCaller({ OPENID: openid, APPID: 'local' }, () => main(event, {}))
  const call = (<A extends ActionName>(openid: string | null, action: A, data?: ActionInput<A>) =>
    raw(openid, data === undefined ? { action } : { action, data })) as TestCloud['call']
  const ok = (async (openid: string | null, action: ActionName, data?: object) => {
    const res = await raw(openid, data === undefined ? { action } : { action, data })
    if (!res.ok) throw new Error(`${action} failed: ${res.error.code} ${res.error.message}`)
    return res.data
  }) as TestCloud['ok']
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { resetRateLimits } = require('../../cloudfunctions/api/src/router') as { resetRateLimits: () => void }
  return { engine, main, raw, call, ok, resetLimits: resetRateLimits, close: () => engine.close() }
}

/** The error code of an answer, or 'OK'. */
export const codeOf = (res: ApiResult<unknown>) => (res.ok ? 'OK' : res.error.code)

/** A fingerprint of all data in the engine, to prove a failed request changed nothing. */
export async function dataSnapshot(engine: Engine): Promise<string> {
  const out: Record<string, unknown[]> = {}
  for (const c of engine.collections().sort()) out[c] = await engine.find(c, {}, { sort: { _id: 1 } })
  return JSON.stringify(out)
}

/**
 * The `api` cloud function: one function, one router, one module per domain area.
 * `main(event, context)` with event `{ action: 'area.verb', data?, requestId? }` answers
 * `{ ok: true, data }` or `{ ok: false, error: { code, message, details? } }`.
 * The caller is `cloud.getWXContext().OPENID`, and nothing else. Two events come from the platform, not a client:
 * the timer trigger (timers.ts) and the message push of an image check's result (mediaChecks.ts). The time is the system clock's, unless the
 * in-process caller (the local host, its scheduler, the tests) passes `context.clock` (platform/clock.ts).
 */
import * as cloud from 'wx-server-sdk'
import { clockOf } from './platform/clock'
import { wechatOpenApi } from './platform/openapi'
import { dispatch } from './router'

/** Loads one action's declaration: what its first call loads (bench/coldstart.ts measures a cold start with it). */
export { loadAction } from './actions'
import { isTimerEvent } from './platform/timerEvent'
import { isMediaCheckPush } from './platform/mediaPush'

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })

export async function main(event: unknown, context?: unknown) {
  const startedAt = Date.now()
  const { OPENID, SOURCE } = cloud.getWXContext()
  const deps = {
    // A missing document reads as null instead of throwing (transactions check existence this way).
    db: cloud.database({ throwOnNotFound: false } as Parameters<typeof cloud.database>[0]),
    openid: typeof OPENID === 'string' && OPENID ? OPENID : null,
    now: clockOf(context),
    openapi: wechatOpenApi,
  }
  // Loaded on the first timer run only: a request's cold start does not build the timer jobs.
  if (isTimerEvent(event, deps.openid)) return (await import('./timers')).runTimers(deps, { startedAt })
  // WeChat's push of an image check's result (message push, never a client: platform/mediaPush.ts).
  if (isMediaCheckPush(event, deps.openid, SOURCE)) return (await import('./mediaChecks')).onMediaCheckPush(deps, event)
  return dispatch(event, deps)
}

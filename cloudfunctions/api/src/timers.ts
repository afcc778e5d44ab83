/**
 * Timer trigger (config.json `triggers`: hourly). WeChat invokes main with
 * `{ Type: 'Timer', TriggerName, Time }` and no OPENID; a client call always has an OPENID, so a client
 * cannot pass for the timer. Each job is idempotent (it may run late, twice, or be retried).
 */
import type { Deps } from './platform/context'
import { expireOrders, releaseStaleHolds } from './modules/mall/expire'
import { expirePoints } from './modules/points/expire'
import { autoClose, payOwed, remindOverdue } from './modules/wish/timers'
import { remindActivities } from './modules/party/remind'

export interface TimerEvent {
  Type: 'Timer'
  TriggerName: string
  Time?: string
}

export type TimerJob = (deps: Deps) => Promise<Record<string, number>>

/** Jobs run on every tick, in order. Later areas add theirs (order expiry, overdue wishes, reminders). */
export const TIMER_JOBS: Record<string, TimerJob> = {
  'mall.releaseStaleHolds': releaseStaleHolds,
  'mall.expireOrders': expireOrders,
  'points.expire': expirePoints,
  'wish.autoClose': autoClose,
  'wish.payOwed': payOwed,
  'wish.remindOverdue': remindOverdue,
  'activity.remind': remindActivities,
}

export function isTimerEvent(event: unknown, openid: string | null): event is TimerEvent {
  return !openid && typeof event === 'object' && event !== null && (event as TimerEvent).Type === 'Timer'
}

export async function runTimers(deps: Deps): Promise<{ ok: true; data: Record<string, unknown> }> {
  const data: Record<string, unknown> = {}
  for (const [name, job] of Object.entries(TIMER_JOBS)) {
    try {
      data[name] = await job(deps)
    } catch (err) {
      console.error('timer job failed', name, err)
      data[name] = { error: true }
    }
  }
  return { ok: true, data }
}

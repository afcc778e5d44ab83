/**
 * What a timer trigger's event looks like (WeChat Cloud: `{ Type: 'Timer', TriggerName, Time }`), and how the
 * entry point tells it from a request. A timer runs with no OPENID; a client's event always has one.
 * Apart from timers.ts so that a request's cold start does not load the timer jobs.
 */
export interface TimerEvent {
  Type: 'Timer'
  TriggerName: string
  Time?: string
}

export function isTimerEvent(event: unknown, openid: string | null): event is TimerEvent {
  return !openid && typeof event === 'object' && event !== null && (event as TimerEvent).Type === 'Timer'
}

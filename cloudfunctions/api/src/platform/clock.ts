/** The clock is injected so tests control time; commands never call `new Date()` themselves. */
export type Clock = () => Date
export const systemClock: Clock = () => new Date()

/**
 * The clock one invocation runs on: the system's, unless whoever calls `main(event, context)` in this very
 * process passes a function as `context.clock` — the local host, its timer scheduler and the test harness do,
 * to move time. Nobody else can: WeChat builds `context` from JSON (it never holds a function) and a client's
 * data only ever reaches `event`. The clock must answer valid Dates; anything else fails the call loudly.
 */
export function clockOf(context: unknown): Clock {
  const given = typeof context === 'object' && context !== null ? (context as { clock?: unknown }).clock : undefined
  if (typeof given !== 'function') return systemClock
  return () => {
    const d: unknown = given()
    if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new TypeError('context.clock must return a valid Date')
    return d
  }
}

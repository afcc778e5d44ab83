/**
 * The local cloud's notion of "now" per invocation: `runAtTime(clock, fn)` scopes a clock to one call of a
 * function (AsyncLocalStorage, as `runAsCaller` scopes the caller), and the local stand-ins (the outbox)
 * stamp with `localNow()`. Outside any such call, and whenever no clock was given, it is the system's.
 */
import { AsyncLocalStorage } from 'async_hooks'

const clockStore = new AsyncLocalStorage<() => Date>()

/** Run `fn` on `clock`: the local stand-ins read it through `localNow()` (each invocation has its own). */
export function runAtTime<T>(clock: () => Date, fn: () => Promise<T>): Promise<T> {
  return clockStore.run(clock, fn)
}

/** The time of the invocation in progress (its clock, from `runAtTime`), else the system's. */
export function localNow(): Date {
  const clock = clockStore.getStore()
  return clock ? clock() : new Date()
}

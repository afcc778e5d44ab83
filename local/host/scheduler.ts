/**
 * The local timer scheduler: what WeChat Cloud does with a function's timer triggers (`config.json`
 * `triggers`, type `timer`, 7-field cron "second minute hour day month week year"). At each fire time it
 * calls the function's `main({ Type: 'Timer', TriggerName, Time })` directly, in-process, with no OPENID —
 * never over HTTP: the host refuses timer-shaped events on POST /fn/<name> (server.ts), so only this
 * scheduler (and code holding the stack, such as tests calling `Stack.runTimer`) can fire a timer.
 *
 * Cron support is what the project needs: seconds, minutes and hours as `*`, `*\/n`, numbers, ranges and
 * lists; day, month, week and year must be `*` (a trigger using them is reported and skipped).
 */
import * as fs from 'fs'
import * as path from 'path'
import { invokeFunction, InvocationTimeout } from '../cloud'
import { addDays, chinaDay, chinaDayStart, inChina } from '../../cloudfunctions/api/src/platform/chinaTime'
import { FUNCTIONS_ROOT, FunctionRegistry } from './functions'

export interface TimerTrigger {
  /** The function the trigger belongs to. */
  fn: string
  /** Its TriggerName. */
  name: string
  /** 7-field cron. */
  cron: string
}

interface Schedule {
  seconds: Set<number>
  minutes: Set<number>
  hours: Set<number>
}

function field(spec: string, min: number, max: number): Set<number> {
  const out = new Set<number>()
  for (const part of spec.split(',')) {
    const m = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part.trim())
    if (!m) throw new Error(`unsupported cron field "${spec}"`)
    const from = m[1] === '*' ? min : Number(m[2])
    const to = m[1] === '*' ? max : m[3] !== undefined ? Number(m[3]) : m[4] !== undefined ? max : from
    const step = m[4] !== undefined ? Number(m[4]) : 1
    if (from < min || to > max || from > to || step < 1) throw new Error(`cron field "${spec}" out of range`)
    for (let v = from; v <= to; v += step) out.add(v)
  }
  return out
}

/** Parses a 7-field WeChat cron; throws for what the local scheduler does not support. */
export function parseCron(cron: string): Schedule {
  const parts = cron.trim().split(/\s+/)
  if (parts.length !== 7) throw new Error(`cron "${cron}" must have 7 fields`)
  const [sec, min, hour, ...rest] = parts
  if (rest.some((p) => p !== '*')) throw new Error(`cron "${cron}": day, month, week and year must be * locally`)
  return { seconds: field(sec, 0, 59), minutes: field(min, 0, 59), hours: field(hour, 0, 23) }
}

/**
 * The first fire time strictly after `after` (whole seconds), reading the cron's hours on the Chinese wall
 * clock (Asia/Shanghai), as WeChat Cloud's triggers are read in China time, whatever this machine's zone.
 */
export function nextFire(cron: string, after: Date): Date {
  const s = parseCron(cron)
  const sorted = (set: Set<number>) => [...set].sort((a, b) => a - b)
  const [hours, minutes, seconds] = [sorted(s.hours), sorted(s.minutes), sorted(s.seconds)]
  const from = after.getTime()
  const today = chinaDay(after)
  for (let d = 0; d < 3; d++) {
    const day = addDays(today, d)
    for (const h of hours) {
      const hourStart = inChina(chinaDayStart(day)).add(h, 'hour').valueOf()
      if (hourStart + 3600_000 <= from) continue
      for (const m of minutes) {
        for (const sec of seconds) {
          const t = hourStart + (m * 60 + sec) * 1000
          if (t > from) return new Date(t)
        }
      }
    }
  }
  throw new Error(`cron "${cron}" never fires`)
}

/** Timer triggers declared in `<root>/<fn>/config.json` for every function under root. */
export function timerTriggers(root: string = FUNCTIONS_ROOT): TimerTrigger[] {
  const out: TimerTrigger[] = []
  let names: string[]
  try {
    names = fs.readdirSync(root)
  } catch {
    return out
  }
  for (const fn of names.sort()) {
    const file = path.join(root, fn, 'config.json')
    if (!fs.existsSync(file)) continue
    const config = JSON.parse(fs.readFileSync(file, 'utf8')) as { triggers?: { name?: string; type?: string; config?: string }[] }
    for (const t of config.triggers ?? []) {
      if (t.type === 'timer' && typeof t.name === 'string' && typeof t.config === 'string') out.push({ fn, name: t.name, cron: t.config })
    }
  }
  return out
}

/**
 * Fires one timer the way WeChat does: `main({ Type: 'Timer', TriggerName, Time })` with an empty
 * OPENID, directly in this process, under the function's timeout (config.json): past it the run is cut
 * off and this rejects with InvocationTimeout, as the platform records a timed-out invocation. With a
 * clock, the function runs on it and `Time` is its time.
 */
export async function fireTimer(functions: FunctionRegistry, fn: string, triggerName: string, clock?: () => Date): Promise<unknown> {
  const main = functions.get(fn)
  if (!main) throw new Error(`cloud function ${fn} not found`)
  const event = { Type: 'Timer', TriggerName: triggerName, Time: (clock ? clock() : new Date()).toISOString() }
  return invokeFunction(main, event, { caller: { OPENID: '', APPID: 'local' }, clock, fn, timeoutMs: functions.timeoutMs(fn) })
}

export interface SchedulerOptions {
  functions?: FunctionRegistry
  /** Default: the timer triggers in the functions' config.json. */
  triggers?: TimerTrigger[]
  /** Ticks wait for this (the local cloud installed and seeded). */
  ready?: Promise<unknown>
  log?: ((line: string) => void) | false
  /** The time fired functions run on (context.clock); default the system's. The schedule itself follows the real time. */
  clock?: () => Date
}

export interface Scheduler {
  triggers: TimerTrigger[]
  /** Fires a trigger now (directly, as the scheduler does). */
  fire(fn: string, triggerName: string): Promise<unknown>
  /** Stops scheduling and waits for a tick in progress. */
  stop(): Promise<void>
}

export function startScheduler(opts: SchedulerOptions = {}): Scheduler {
  const functions = opts.functions ?? new FunctionRegistry()
  const log = opts.log === false ? null : (opts.log ?? ((line: string) => console.log(line)))
  const ready = opts.ready ?? Promise.resolve()
  const all = opts.triggers ?? timerTriggers()
  const triggers: TimerTrigger[] = []
  for (const t of all) {
    try {
      parseCron(t.cron)
      triggers.push(t)
    } catch (err) {
      log?.(`[timer] ${t.fn}/${t.name} skipped: ${(err as Error).message}`)
    }
  }
  const timers = new Set<NodeJS.Timeout>()
  const running = new Set<Promise<unknown>>()
  const busy = new Set<string>()
  let stopped = false

  async function fire(fn: string, name: string): Promise<unknown> {
    await ready
    const started = Date.now()
    try {
      const answer = await fireTimer(functions, fn, name, opts.clock)
      log?.(`[timer] ${fn}/${name} ${Date.now() - started}ms ${JSON.stringify((answer as { data?: unknown })?.data ?? answer)}`)
      return answer
    } catch (err) {
      if (err instanceof InvocationTimeout) log?.(`[timer] ${fn}/${name} ${err.errMsg} (errCode ${err.errCode}): the run was cut off`)
      throw err
    }
  }

  function arm(t: TimerTrigger) {
    if (stopped) return
    const at = nextFire(t.cron, new Date())
    const handle = setTimeout(
      () => {
        timers.delete(handle)
        const key = `${t.fn}/${t.name}`
        // A tick still running when the next is due: skip this one (every job is idempotent and catches up).
        if (!busy.has(key)) {
          busy.add(key)
          const p = fire(t.fn, t.name)
            .catch((err) => {
              if (!(err instanceof InvocationTimeout)) console.error(`[timer] ${key} failed`, err)
            })
            .finally(() => {
              busy.delete(key)
              running.delete(p)
            })
          running.add(p)
        }
        arm(t)
      },
      Math.max(0, at.getTime() - Date.now()),
    )
    handle.unref()
    timers.add(handle)
  }

  for (const t of triggers) arm(t)

  return {
    triggers,
    fire,
    async stop() {
      stopped = true
      for (const h of timers) clearTimeout(h)
      timers.clear()
      await Promise.allSettled([...running])
    },
  }
}

/**
 * The timer. WeChat allows one timer trigger per function (config.json `triggers`: `tick`, every 10
 * minutes) and invokes main with `{ Type: 'Timer', TriggerName, Time }` and no OPENID; a client call always
 * has an OPENID, so a client cannot pass for the timer.
 *
 * One invocation has the function's time limit (config.json `timeout`, platform/limits.ts), and every job
 * must make progress however much data there is. So each job works in bounded batches from a cursor
 * (platform/batches.ts), and a tick shares its budget (half the timeout) among the jobs:
 *
 * 1. Each tick starts one job further along the list than the last (round robin), so no job is always last.
 * 2. First pass: each job in turn gets an equal share of the budget and runs batches until its pass is
 *    over (nothing due) or its share is used; time for one batch of every job after it is kept back, so
 *    every job gets at least one batch every tick.
 * 3. Second pass: what is left of the budget goes, in the same order, to jobs that still have work.
 * 4. No batch starts unless the slowest batch seen of that job still fits in the budget; the cursor is
 *    saved in `timer_state` after every batch, so an unfinished pass resumes on the next tick.
 * 5. A batch that throws ends that job for this tick (recorded in `timer_state.lastError`); the others go on.
 * 6. Walks whose rules count in days (PASS_INTERVAL_MS) start a new pass at most hourly; the rest, every tick.
 *
 * Every job is idempotent (it may run late, twice, or be cut off mid-batch). A lease on `timer_state._tick`
 * keeps two ticks from running at once (a retried trigger, a slow tick).
 *
 * Why not one invocation per job: the platform allows one timer trigger, and fanning out with
 * cloud.callFunction from the timer either waits for every job (one invocation's time again) or, not
 * awaited, is lost when the instance freezes after main returns. Batches and a saved cursor work in one
 * invocation on the real platform.
 */
import type { Deps } from './platform/context'
import { addCounts, type Batch, type Cursor } from './platform/batches'
import { ensureDoc, findMany, updateWhere } from './platform/db'
import { timerBudgetMs } from './platform/limits'
import { expireOrders, releaseStaleHolds } from './modules/mall/expire'
import { expirePoints } from './modules/points/expire'
import { autoClose, payOwed, remindOverdue } from './modules/wish/timers'
import { remindActivities } from './modules/party/remind'
import { sendCancelNotices } from './modules/party/cancelNotice'
import { closeDueVotes, payOwedPoints } from './modules/council/votes'
import { sendTopicNotices } from './modules/council/notices'
import { autoCloseResolved, checkClocks } from './modules/request/timers'
import { releaseStaleHolds as releaseStaleSlotHolds, remindBookings } from './modules/service/timers'
import { recountAll } from './modules/counters/job'

export { isTimerEvent, type TimerEvent } from './platform/timerEvent'

/** One bounded batch of a job from its cursor (null = the start of a pass). */
export type TimerJob = (deps: Deps, cursor: Cursor) => Promise<Batch>

/** The jobs, in their round-robin order. Tests may swap an entry (a job that throws). */
export const TIMER_JOBS: Record<string, TimerJob> = {
  'mall.releaseStaleHolds': releaseStaleHolds,
  'mall.expireOrders': expireOrders,
  'points.expire': expirePoints,
  'wish.autoClose': autoClose,
  'wish.payOwed': payOwed,
  'wish.remindOverdue': remindOverdue,
  'activity.remind': remindActivities,
  'activity.cancelNotice': sendCancelNotices,
  'topic.closeVotes': closeDueVotes,
  'topic.notices': sendTopicNotices,
  'topic.payOwed': payOwedPoints,
  'request.clocks': checkClocks,
  'request.autoClose': autoCloseResolved,
  'booking.remind': remindBookings,
  'booking.releaseStaleHolds': releaseStaleSlotHolds,
  'counters.recount': recountAll,
}

/**
 * Walks whose rules count in days need not start a new pass every tick: a new pass at most this often
 * (ms). Queues (orders, holds, expiry dates, notices) and the day-before reminders start one every tick.
 */
export const PASS_INTERVAL_MS: Record<string, number> = {
  'wish.autoClose': 3600_000,
  'wish.payOwed': 3600_000,
  'wish.remindOverdue': 3600_000,
  'request.autoClose': 3600_000,
  // counters are kept in the events' own writes; the recount is a daily check and repair
  'counters.recount': 86400_000,
}

export const TIMER_STATE = 'timer_state'
const TICK = '_tick'

/** `timer_state/<job>`: where the job is, and how it went. */
export interface JobState {
  _id: string
  /** Where the next batch resumes; null = the next batch starts a new pass. */
  cursor: Cursor
  /** When the unfinished pass began (null when none is under way). */
  passStartedAt: Date | null
  lastRunAt: Date | null
  /** When the job last finished a pass (everything due was done). */
  lastDoneAt: Date | null
  /** The slowest batch of its last tick (ms): the estimate for "does another batch fit". */
  slowestBatchMs: number
  lastError: string | null
  lastErrorAt: Date | null
}

interface TickState {
  _id: typeof TICK
  /** Index of the job the next tick starts with. */
  next: number
  leaseUntil: Date
  lastTickAt: Date | null
}

/** A batch is assumed to take at least this long until one has been measured. */
export const MIN_BATCH_ESTIMATE_MS = 20

export interface TickReport {
  budgetMs: number
  ms: number
  /** The job the tick started with. */
  first: string
  /** Jobs with work left for the next tick. */
  pending: string[]
  /** Jobs whose batch threw this tick. */
  failed: string[]
  /** Jobs that finished a pass less than their PASS_INTERVAL_MS ago and did not start another. */
  resting: string[]
  /** Per job that ran: time spent this tick, batches, slowest batch (ms). */
  jobs: Record<string, { ms: number; batches: number; slowestMs: number }>
  skipped?: string
}

export interface RunOptions {
  /** When the invocation began (ms since epoch); default now. */
  startedAt?: number
  /** Budget for starting batches (ms); default half the function's timeout. */
  budgetMs?: number
  /** The timer's stopwatch (ms); default Date.now. */
  clock?: () => number
}

function blankState(name: string): JobState {
  return { _id: name, cursor: null, passStartedAt: null, lastRunAt: null, lastDoneAt: null, slowestBatchMs: 0, lastError: null, lastErrorAt: null }
}

async function saveState(deps: Deps, s: JobState): Promise<void> {
  const { _id, ...rest } = s
  await deps.db.collection(TIMER_STATE).doc(_id).set({ data: rest })
}

/** Takes the tick lease; null when another tick holds it. */
async function takeLease(deps: Deps, now: Date, until: Date): Promise<TickState | null> {
  const _ = deps.db.command
  await ensureDoc(deps.db, TIMER_STATE, { _id: TICK, next: 0, leaseUntil: new Date(0), lastTickAt: null } as TickState)
  if ((await updateWhere(deps.db, TIMER_STATE, { _id: TICK, leaseUntil: _.lte(now) }, { leaseUntil: until, lastTickAt: now })) !== 1) return null
  const [tick] = await findMany<TickState>(deps.db, TIMER_STATE, { _id: TICK }, { limit: 1 })
  return tick
}

export async function runTimers(deps: Deps, opts: RunOptions = {}): Promise<{ ok: true; data: Record<string, unknown> }> {
  const clock = opts.clock ?? Date.now
  const startedAt = opts.startedAt ?? clock()
  const budgetMs = opts.budgetMs ?? timerBudgetMs()
  const elapsed = () => clock() - startedAt
  const names = Object.keys(TIMER_JOBS)

  // The lease lasts as long as this invocation can live: twice the budget is the whole timeout. It is kept
  // on the function's clock (deps.now), like everything it is compared with; `elapsed` is wall time.
  const now = deps.now()
  const tick = await takeLease(deps, now, new Date(now.getTime() + 2 * budgetMs - elapsed()))
  if (!tick) {
    const report: TickReport = { budgetMs, ms: elapsed(), first: '', pending: [], failed: [], resting: [], jobs: {}, skipped: '另一次定时任务仍在运行' }
    return { ok: true, data: { _timer: report } }
  }

  const saved = await findMany<JobState>(deps.db, TIMER_STATE, { _id: deps.db.command.in(names) }, { limit: 100 })
  const states = new Map(names.map((n) => [n, { ...blankState(n), ...(saved.find((s) => s._id === n) ?? {}) }]))
  const start = ((tick.next % names.length) + names.length) % names.length
  const order = [...names.slice(start), ...names.slice(0, start)]
  const share = budgetMs / names.length
  const data: Record<string, unknown> = {}
  const counts = new Map<string, Record<string, number>>()
  const slowest = new Map<string, number>()
  const jobs: TickReport['jobs'] = {}
  const failed = new Set<string>()
  const finished = new Set<string>()
  const resting = new Set<string>()

  const estimate = (name: string) => Math.max(MIN_BATCH_ESTIMATE_MS, slowest.get(name) ?? 0, states.get(name)!.slowestBatchMs)

  /**
   * Runs batches of `name` until its pass is over, it fails, or a batch would end past `until` (ms into
   * the tick). Its first batch of the tick may run until `firstUntil` instead.
   */
  async function work(name: string, until: number, firstUntil: number): Promise<void> {
    const s = states.get(name)!
    const interval = PASS_INTERVAL_MS[name] ?? 0
    if (s.cursor === null && !counts.has(name) && s.lastDoneAt && deps.now().getTime() - new Date(s.lastDoneAt).getTime() < interval) {
      resting.add(name)
      return
    }
    while (!finished.has(name) && !failed.has(name) && !resting.has(name)) {
      const limit = counts.has(name) ? until : firstUntil
      if (elapsed() + estimate(name) > limit) return
      const t0 = clock()
      const now = deps.now()
      if (s.cursor === null) s.passStartedAt = now
      try {
        const batch = await TIMER_JOBS[name](deps, s.cursor)
        addCounts(counts.get(name) ?? counts.set(name, {}).get(name)!, batch.counts)
        s.cursor = batch.done ? null : (batch.cursor ?? {})
        if (batch.done) {
          finished.add(name)
          s.lastDoneAt = deps.now()
          s.passStartedAt = null
        }
      } catch (err) {
        console.error('timer job failed', name, err)
        failed.add(name)
        if (!counts.has(name)) counts.set(name, {})
        s.lastError = err instanceof Error ? err.message.slice(0, 500) : String(err).slice(0, 500)
        s.lastErrorAt = deps.now()
      }
      const took = clock() - t0
      slowest.set(name, Math.max(slowest.get(name) ?? 0, took))
      const j = (jobs[name] ??= { ms: 0, batches: 0, slowestMs: 0 })
      j.ms += took
      j.batches++
      j.slowestMs = Math.max(j.slowestMs, took)
      s.lastRunAt = now
      await saveState(deps, s)
    }
  }

  // First pass: a share each, keeping back room for the first batch of every job still to come.
  for (let i = 0; i < order.length; i++) {
    const reserve = order.slice(i + 1).reduce((sum, n) => sum + estimate(n), 0)
    await work(order[i], Math.min(elapsed() + share, budgetMs - reserve), budgetMs - reserve)
  }
  // Second pass: the rest of the budget, in the same order, to jobs with work left.
  for (const name of order) await work(name, budgetMs, budgetMs)

  for (const name of order) {
    const s = states.get(name)!
    if (slowest.has(name)) {
      s.slowestBatchMs = slowest.get(name)!
      if (!failed.has(name)) s.lastError = null
      await saveState(deps, s)
    }
    if (counts.has(name)) data[name] = failed.has(name) ? { ...counts.get(name), error: true } : counts.get(name)
  }
  const pending = order.filter((n) => !resting.has(n) && (states.get(n)!.cursor !== null || !counts.has(n)))
  await deps.db
    .collection(TIMER_STATE)
    .doc(TICK)
    .update({ data: { next: (start + 1) % names.length, leaseUntil: deps.now() } })
  const report: TickReport = {
    budgetMs,
    ms: elapsed(),
    first: order[0],
    pending: pending.filter((n) => !failed.has(n)),
    failed: [...failed],
    resting: [...resting],
    jobs,
  }
  data._timer = report
  return { ok: true, data }
}

/**
 * The counter-repair registry (issue 15). Every running counter of the function (a figure kept in the same
 * write or transaction as the event that changes it) has a recount here: a function that walks the counter's
 * buckets (or the source keys) from a cursor in bounded batches (platform/batches.ts), recomputes each bucket
 * from the source documents with one indexed count()/aggregate (never a walk of all documents in one call),
 * compares, and — when asked to fix — repairs the counter with a conditional update on the value it read, so a
 * concurrent increment makes the fix miss (and the next pass retries) rather than be lost.
 *
 * The safe order for one bucket (wish/recount.ts `settleMonth` is the worked example): read the stored counter
 * (with a version every write raises), recompute from the sources, read the counter again; only when the two
 * reads agree is the difference drift (an event between them would otherwise show as drift that is not there),
 * and the fix is conditional on the version read. Events change their source documents and counters
 * atomically, so an event after the second read changes the counter and the conditional fix answers 0
 * (fixed: false, found again next pass if it is real).
 *
 * Run by the timer job `counters.recount` (modules/counters/job.ts: every entry in turn, fixing, drift
 * logged in `counter_drift`) and on demand by the action `counters.recount` (street admin; audited when it
 * fixes). Areas add their entries to RECOUNTS (name → recount), each written in `modules/<area>/recount.ts`.
 */
import type { Batch, Cursor } from '../../platform/batches'
import type { Deps } from '../../platform/context'
import { recountWishStats } from '../wish/recount'
import { recountAccounts, recountSponsors } from '../points/recount'
import { recountTopics } from '../council/recount'
import { recountRequests } from '../request/recount'
import { recountServices } from '../service/recount'
import { recountCoverage } from '../party/recount'

export interface Drift {
  /** The counter (a RECOUNTS name, or a finer name the recount gives, e.g. 'wish.stats'). */
  counter: string
  /** Which bucket and field: e.g. `<communityId>_2026-11_<category>.closed`. */
  key: string
  stored: number
  actual: number
  /** The fix was written (false: not asked to fix, or a concurrent change made the conditional fix miss). */
  fixed: boolean
}

export type Recount = (deps: Deps, cursor: Cursor, opts: { fix: boolean }) => Promise<Batch & { drift: Drift[] }>

export const RECOUNTS: Record<string, Recount> = {
  'wish.stats': recountWishStats,
  'points.accounts': recountAccounts,
  'points.sponsors': recountSponsors,
  'council.topics': recountTopics,
  'request.counters': recountRequests,
  'service.counters': recountServices,
  'party.coverage': recountCoverage,
}

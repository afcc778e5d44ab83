/**
 * Every running counter that can be checked and repaired, by name (issue 15). A recount walks its counter
 * buckets (or their source keys) in bounded batches from its cursor (platform/batches.ts), recomputes each
 * bucket from the source documents with indexed count()/aggregate (never a walk of all documents in one call),
 * reports the drift, and with `fix` repairs it by a conditional update on the value it read (a concurrent
 * change makes the fix wait for a later run rather than be lost). Run by the `counters.recount` timer job and
 * on demand by the `counters.recount` action.
 */
import type { Batch, Cursor } from '../../platform/batches'
import type { Deps } from '../../platform/context'
import { recountAccounts, recountSponsors } from '../points/recount'
import { recountTopics } from '../council/recount'
import { recountRequests } from '../request/recount'
import { recountServices } from '../service/recount'

export interface Drift {
  counter: string
  key: string
  stored: number
  actual: number
  fixed: boolean
}

export type Recount = (deps: Deps, cursor: Cursor, opts: { fix: boolean }) => Promise<Batch & { drift: Drift[] }>

export const RECOUNTS: Record<string, Recount> = {
  'points.accounts': recountAccounts,
  'points.sponsors': recountSponsors,
  'council.topics': recountTopics,
  'request.counters': recountRequests,
  'service.counters': recountServices,
}

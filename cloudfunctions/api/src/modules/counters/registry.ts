/**
 * Every running counter that can be checked and repaired, by name (issue 15). A recount walks its counter
 * buckets (or their source keys) in bounded batches from its cursor, recomputes each bucket from the source
 * documents with indexed count()/aggregate (never a walk of all documents in one call), reports the drift,
 * and with `fix` sets the counter by a conditional update on the value it read (a concurrent increment makes
 * the fix wait for the next run rather than be lost). The timer job and the on-demand action run them.
 */
import type { Batch, Cursor } from '../../platform/batches'
import type { Deps } from '../../platform/context'
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
  'council.topics': recountTopics,
  'request.counters': recountRequests,
  'service.counters': recountServices,
}

/**
 * The counters' recounts (issue 15): each recomputes running counters from their source documents in bounded
 * batches from a cursor (platform/batches.ts), reports the drift it finds and, with `fix`, repairs it with a
 * conditional update on the value it read (a concurrent change makes the fix wait for a later run rather than
 * be lost). Run by the `counters.recount` timer job and on demand by the `counters.recount` action.
 */
import type { Deps } from '../../platform/context'
import type { Batch, Cursor } from '../../platform/batches'
import { recountAccounts, recountSponsors } from '../points/recount'

export type Drift = { counter: string; key: string; stored: number; actual: number; fixed: boolean }

export type Recount = (deps: Deps, cursor: Cursor, opts: { fix: boolean }) => Promise<Batch & { drift: Drift[] }>

export const RECOUNTS: Record<string, Recount> = {
  'points.accounts': recountAccounts,
  'points.sponsors': recountSponsors,
}

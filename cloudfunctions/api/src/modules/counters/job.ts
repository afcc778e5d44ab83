/**
 * The timer job `counters.recount` (timers.ts, a new pass at most daily): every RECOUNTS entry in turn, in
 * bounded batches from a saved cursor `{ name, inner }`, always fixing. What a batch finds is written to
 * `counter_drift` (one entry per batch that found drift, at most MAX_LOGGED items in it and the number left
 * out said) and added to the running totals in `timer_state/counters.recount:drift`.
 */
import type { Batch, Cursor } from '../../platform/batches'
import type { Deps } from '../../platform/context'
import { ensureDoc, newId } from '../../platform/db'
import { RECOUNTS, type Drift } from './registry'

export const COUNTER_DRIFT = 'counter_drift'
export const DRIFT_TOTALS_ID = 'counters.recount:drift'
export const MAX_LOGGED = 100

export interface DriftLog {
  _id: string
  at: Date
  counter: string
  /** Who ran it: 'timer', or the street admin's user id. */
  by: string
  found: number
  fixed: number
  /** The first MAX_LOGGED items; `more` says how many were left out. */
  items: Drift[]
  more: number
}

/** Logs a batch's drift (nothing when it found none). */
export async function logDrift(deps: Deps, counter: string, by: string, drift: Drift[]): Promise<void> {
  if (!drift.length) return
  const now = deps.now()
  const fixed = drift.filter((d) => d.fixed).length
  const log: DriftLog = {
    _id: 'd' + now.getTime().toString(36).padStart(9, '0') + newId().slice(0, 8),
    at: now,
    counter,
    by,
    found: drift.length,
    fixed,
    items: drift.slice(0, MAX_LOGGED),
    more: Math.max(0, drift.length - MAX_LOGGED),
  }
  await deps.db.collection(COUNTER_DRIFT).add({ data: log })
  const _ = deps.db.command
  await ensureDoc(deps.db, 'timer_state', { _id: DRIFT_TOTALS_ID, found: 0, fixed: 0, lastAt: null } as { _id: string })
  await deps.db
    .collection('timer_state')
    .doc(DRIFT_TOTALS_ID)
    .update({ data: { found: _.inc(drift.length), fixed: _.inc(fixed), lastAt: now } })
}

export async function recountAll(deps: Deps, cursor: Cursor): Promise<Batch> {
  const names = Object.keys(RECOUNTS)
  let name = typeof cursor?.name === 'string' && RECOUNTS[cursor.name] ? cursor.name : names[0]
  if (!name) return { counts: {}, cursor: null, done: true }
  const inner = (cursor?.inner as Cursor | undefined) ?? null
  const batch = await RECOUNTS[name](deps, name === cursor?.name ? inner : null, { fix: true })
  await logDrift(deps, name, 'timer', batch.drift)
  const counts = { batches: 1, drift: batch.drift.length, fixed: batch.drift.filter((d) => d.fixed).length }
  if (!batch.done) return { counts, cursor: { name, inner: batch.cursor }, done: false }
  const next = names[names.indexOf(name) + 1]
  if (!next) return { counts, cursor: null, done: true }
  name = next
  return { counts, cursor: { name, inner: null }, done: false }
}

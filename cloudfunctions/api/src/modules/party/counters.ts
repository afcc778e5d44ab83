/**
 * The community's 双报到 figures as running counters (party.coverage reads one document per community instead
 * of grouping every registration): `party_counters/<communityId>` holds
 *   pending   registrations waiting for review,
 *   verified  registrations verified and still active (a member who moves away is closed, so no longer counted),
 *   v         raised by every change (the recount's fix applies only if no change came between its read and write).
 * Each is changed in the same transaction as the registration: party.register (the add), party.review
 * (pending → verified / rejected) and moveAway (registrations.ts: any status → closed). The 'party.coverage'
 * recount (recount.ts) checks and repairs them.
 */
import type { Registration } from '../../../../../types/party'
import { findMany, txGet, type Db, type Tx } from '../../platform/db'

export const PARTY_COUNTERS = 'party_counters'
export const COUNTED = ['pending', 'verified'] as const
export type Counted = (typeof COUNTED)[number]

export interface PartyCounters {
  _id: string
  communityId: string
  pending: number
  verified: number
  v: number
}

const counted = (s: Registration['status'] | null): s is Counted => s === 'pending' || s === 'verified'

/** The increments a registration's move from `before` (null: new) to `after` makes; empty when nothing counted changed. */
export function registrationDelta(before: Registration['status'] | null, after: Registration['status']): Partial<Record<Counted, number>> {
  const d: Partial<Record<Counted, number>> = {}
  if (before === after) return d
  if (counted(before)) d[before] = (d[before] ?? 0) - 1
  if (counted(after)) d[after] = (d[after] ?? 0) + 1
  return d
}

/** Inside the registration's transaction: apply a delta to its community's counters (made by the first change). */
export async function countRegistrationIn(db: Db, tx: Tx, communityId: string, delta: Partial<Record<Counted, number>>): Promise<void> {
  if (!Object.keys(delta).length) return
  const current = await txGet<PartyCounters>(tx, PARTY_COUNTERS, communityId)
  if (!current) {
    const doc: Omit<PartyCounters, '_id'> = { communityId, pending: delta.pending ?? 0, verified: delta.verified ?? 0, v: 1 }
    await tx.collection(PARTY_COUNTERS).doc(communityId).set({ data: doc })
    return
  }
  const data: Record<string, unknown> = { v: db.command.inc(1) }
  for (const [k, n] of Object.entries(delta)) data[k] = db.command.inc(n)
  await tx.collection(PARTY_COUNTERS).doc(communityId).update({ data })
}

/** The counters of these communities (absent: none yet): one read per 100 communities (a street has a few dozen). */
export async function readCounters(db: Db, communityIds: string[]): Promise<Map<string, PartyCounters>> {
  const chunks: string[][] = []
  for (let i = 0; i < communityIds.length; i += 100) chunks.push(communityIds.slice(i, i + 100))
  const read = await Promise.all(chunks.map((ids) => findMany<PartyCounters>(db, PARTY_COUNTERS, { _id: db.command.in(ids) }, { limit: 100 })))
  return new Map(read.flat().map((c) => [c._id, c]))
}

/**
 * The 'party.coverage' recount (counters/registry.ts): each community's 双报到 counters (counters.ts), by
 * community `_id`, COMMUNITIES_BATCH a batch. For each community, in the safe order:
 *   1. the stored counters (with their version `v`);
 *   2. the figures recomputed from its registrations: ONE aggregation grouped by status, served by the index
 *      community_status_id;
 *   3. the stored counters again: a community whose `v` moved between 1 and 3 is being written to and is left
 *      for the next pass (what it shows is not drift);
 *   4. each figure that differs is drift; when fixing, the counters are set conditional on the `v` read (a
 *      registration's change meanwhile raises it and the fix misses: fixed false, found again next pass).
 * Three round trips a community without drift, four with.
 */
import type { Community } from '../../../../../types/org'
import { afterIdOf, type Cursor } from '../../platform/batches'
import type { Deps } from '../../platform/context'
import { findMany, getById, isDuplicateKey, updateWhere, type Db } from '../../platform/db'
import type { Drift, Recount } from '../counters/registry'
import { countsBy } from '../counters/tally'
import { COUNTED, PARTY_COUNTERS, type PartyCounters } from './counters'
import { PT } from './repo'

export const COMMUNITIES_BATCH = 5
const NAME = 'party.coverage'

/** Checks (and fixes) one community's counters; answers its drift, or busy when it was written to meanwhile. */
export async function settleCommunity(db: Db, communityId: string, fix: boolean): Promise<{ drift: Drift[]; busy: boolean }> {
  const stored = await getById<PartyCounters>(db, PARTY_COUNTERS, communityId)
  const byStatus = await countsBy(db, db.collection(PT.registrations), { communityId, status: db.command.in([...COUNTED]) }, 'status')
  const again = await getById<PartyCounters>(db, PARTY_COUNTERS, communityId)
  if ((stored?.v ?? 0) !== (again?.v ?? 0)) return { drift: [], busy: true }
  const actual = { pending: byStatus.get('pending') ?? 0, verified: byStatus.get('verified') ?? 0 }
  const wrong = COUNTED.filter((k) => (stored?.[k] ?? 0) !== actual[k])
  if (!wrong.length) return { drift: [], busy: false }
  let fixed = false
  if (fix) {
    if (stored) fixed = (await updateWhere(db, PARTY_COUNTERS, { _id: communityId, v: stored.v }, { ...actual, v: stored.v + 1 })) === 1
    else
      try {
        await db.collection(PARTY_COUNTERS).add({ data: { _id: communityId, communityId, ...actual, v: 1 } })
        fixed = true
      } catch (err) {
        if (!isDuplicateKey(err)) throw err // a registration made it meanwhile: the next pass looks again
      }
  }
  return { drift: wrong.map((k) => ({ counter: `${NAME}.${k}`, key: communityId, stored: stored?.[k] ?? 0, actual: actual[k], fixed })), busy: false }
}

export const recountCoverage: Recount = async (deps: Deps, cursor: Cursor, opts) => {
  const { db } = deps
  const after = afterIdOf(cursor)
  const communities = await findMany<Pick<Community, '_id'>>(db, 'communities', after ? { _id: db.command.gt(after) } : {}, {
    orderBy: [['_id', 'asc']],
    limit: COMMUNITIES_BATCH,
    field: { _id: true },
  })
  const drift: Drift[] = []
  let busy = 0
  for (const c of communities) {
    const r = await settleCommunity(db, c._id, opts.fix)
    drift.push(...r.drift)
    if (r.busy) busy++
  }
  const done = communities.length < COMMUNITIES_BATCH
  return {
    counts: { communities: communities.length, drift: drift.length, fixed: drift.filter((d) => d.fixed).length, busy },
    cursor: done ? null : { after: communities[communities.length - 1]._id },
    done,
    drift,
  }
}

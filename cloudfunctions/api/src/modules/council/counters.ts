/**
 * The community's council figures as running counters (council.stats reads one document instead of grouping
 * every topic): `council_counters/<communityId>` holds
 *   byStatus.<status>  topics in each status,
 *   passed / rejected  topics decided so (the outcome stays with the topic after it is decided),
 *   votesTallied       votes counted in closed votes (a tally is taken once, at the close).
 * Each is changed in the same write as the topic: topic.create's transaction, moveTopic / moveTopicAudited
 * (core.ts), the support that reaches the threshold, the report that hides and the 办成了吗 answer that reopens
 * (their transactions). Votes
 * themselves never write it (a vote is one add: a counter per vote would be a hot document); council.stats
 * adds the votes of the topics still voting (one indexed count over those topics). The 'council.topics'
 * recount (recount.ts) checks and repairs every figure here.
 */
import type { Topic, TopicStatus } from '../../../../../types/council'
import { txGet, type Db, type Tx } from '../../platform/db'

export const COUNTERS_COLLECTION = 'council_counters'

export interface CouncilCounters {
  _id: string
  communityId: string
  byStatus: Partial<Record<TopicStatus, number>>
  passed: number
  rejected: number
  votesTallied: number
  /** Raised by every change: the recount's fix applies only if no change came between its read and its write. */
  v: number
}

type Counted = Pick<Topic, 'status' | 'outcome' | 'tally'>

const tallied = (t: Counted | null) => (t?.tally ? t.tally.yes + t.tally.no + t.tally.abstain : 0)

/** The increments a topic's change makes (null before: a new topic). Empty when nothing counted changed. */
export function topicDelta(before: Counted | null, after: Counted): Record<string, number> {
  const d: Record<string, number> = {}
  const add = (k: string, n: number) => {
    if (n) d[k] = (d[k] ?? 0) + n
  }
  if (before?.status !== after.status) {
    if (before) add(`byStatus.${before.status}`, -1)
    add(`byStatus.${after.status}`, 1)
  }
  for (const o of ['passed', 'rejected'] as const) add(o, Number(after.outcome === o) - Number(before?.outcome === o))
  add('votesTallied', tallied(after) - tallied(before))
  return d
}

/** Inside the topic's transaction: apply a delta to its community's counters (made by the first change). */
export async function countTopicIn(db: Db, tx: Tx, communityId: string, delta: Record<string, number>): Promise<void> {
  if (!Object.keys(delta).length) return
  const current = await txGet<CouncilCounters>(tx, COUNTERS_COLLECTION, communityId)
  if (!current) {
    const doc: Omit<CouncilCounters, '_id'> = { communityId, byStatus: {}, passed: 0, rejected: 0, votesTallied: 0, v: 1 }
    for (const [k, n] of Object.entries(delta)) {
      if (k.startsWith('byStatus.')) doc.byStatus[k.slice('byStatus.'.length) as TopicStatus] = n
      else (doc as unknown as Record<string, number>)[k] += n
    }
    await tx.collection(COUNTERS_COLLECTION).doc(communityId).set({ data: doc })
    return
  }
  const data: Record<string, unknown> = { v: db.command.inc(1) }
  for (const [k, n] of Object.entries(delta)) data[k] = db.command.inc(n)
  await tx.collection(COUNTERS_COLLECTION).doc(communityId).update({ data })
}

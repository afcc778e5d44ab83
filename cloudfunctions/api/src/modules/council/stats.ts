/**
 * council.stats (secretary) — the community's topics by status, how many were decided passed / rejected and
 * finished, how many votes were cast, and what waits for the secretary. No topic document is read: the
 * statuses and outcomes are ONE aggregation over topics (index community_status_id), every other figure one
 * count on an index (votes: community_id; held comments: community_status_id; votes to close: status_closes).
 * Outcomes: CouncilStats.
 */
import { CouncilStatsInput, type CouncilStats, type TopicStatus } from '../../../../../types/council'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { K, totalOf } from './repo'

async function stats(ctx: UserCtx, input: ActionInput<'council.stats'>): Promise<CouncilStats> {
  const { db } = ctx
  const _ = db.command
  const $ = _.aggregate
  const communityId = input.communityId
  const [groups, votesCast, heldComments, votesToClose] = await Promise.all([
    db
      .collection(K.topics)
      .aggregate()
      .match({ communityId })
      .group({ _id: { status: '$status', outcome: '$outcome' }, n: $.sum(1) })
      .limit(1000) // aggregate answers 20 groups unless told otherwise
      .end() as Promise<{ list: { _id: { status: TopicStatus; outcome?: 'passed' | 'rejected' | null }; n: number }[] }>,
    totalOf(db.collection(K.votes).where({ communityId })),
    totalOf(db.collection(K.comments).where({ communityId, status: 'held' })),
    totalOf(db.collection(K.topics).where({ status: 'voting', votingClosesAt: _.lte(ctx.now()), communityId })),
  ])
  const byStatus: CouncilStats['byStatus'] = {}
  const decided = { passed: 0, rejected: 0 }
  for (const g of groups.list) {
    byStatus[g._id.status] = (byStatus[g._id.status] ?? 0) + g.n
    if (g._id.outcome === 'passed' || g._id.outcome === 'rejected') decided[g._id.outcome] += g.n
  }
  return {
    byStatus,
    decided,
    done: byStatus.done ?? 0,
    votesCast,
    waiting: { drafts: byStatus.draft ?? 0, hidden: byStatus.hidden ?? 0, heldComments, votesToClose, reviews: byStatus.review ?? 0 },
  }
}

export default defineAction({ name: 'council.stats', input: CouncilStatsInput, access: SECRETARY, writes: false, handler: stats })

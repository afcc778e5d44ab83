/**
 * council.stats (secretary) — the community's topics by status, how many were decided passed / rejected and
 * finished, how many votes were cast, and what waits for the secretary. No topic document is walked: the
 * statuses, outcomes and the votes of closed votes are the community's running counters (counters.ts, one
 * document); the votes of the topics voting now are one indexed count over those topics (topic_votes.topic_id),
 * whose list (community_status_id) also says which are due to close; held comments are one indexed count
 * (community_status_id). A community holds few votes open at once (at most MAX_VOTING read, past it the
 * read fails rather than answer part of them).
 * Outcomes: CouncilStats.
 */
import { CouncilStatsInput, type CouncilStats, type Topic } from '../../../../../types/council'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { getById, readAll } from '../../platform/db'
import { COUNTERS_COLLECTION, type CouncilCounters } from './counters'
import { K, totalOf } from './repo'

/** Topics voting at once in a community that council.stats reads (readAll throws past it, never cuts). */
export const MAX_VOTING = 500

async function stats(ctx: UserCtx, input: ActionInput<'council.stats'>): Promise<CouncilStats> {
  const { db } = ctx
  const _ = db.command
  const communityId = input.communityId
  const [counters, voting, heldComments] = await Promise.all([
    getById<CouncilCounters>(db, COUNTERS_COLLECTION, communityId),
    readAll<Pick<Topic, '_id' | 'votingClosesAt'>>(db, K.topics, { communityId, status: 'voting' }, MAX_VOTING),
    totalOf(db.collection(K.comments).where({ communityId, status: 'held' })),
  ])
  const liveVotes = voting.length ? await totalOf(db.collection(K.votes).where({ topicId: _.in(voting.map((t) => t._id)) })) : 0
  const now = ctx.now().getTime()
  const byStatus: CouncilStats['byStatus'] = {}
  for (const [status, n] of Object.entries(counters?.byStatus ?? {})) if (n) byStatus[status as keyof CouncilStats['byStatus']] = n
  return {
    byStatus,
    decided: { passed: counters?.passed ?? 0, rejected: counters?.rejected ?? 0 },
    done: byStatus.done ?? 0,
    votesCast: (counters?.votesTallied ?? 0) + liveVotes,
    waiting: {
      drafts: byStatus.draft ?? 0,
      hidden: byStatus.hidden ?? 0,
      heldComments,
      votesToClose: voting.filter((t) => t.votingClosesAt && new Date(t.votingClosesAt).getTime() <= now).length,
      reviews: byStatus.review ?? 0,
    },
  }
}

export default defineAction({ name: 'council.stats', input: CouncilStatsInput, access: SECRETARY, writes: false, handler: stats })

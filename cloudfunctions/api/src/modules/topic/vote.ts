/**
 * topic.vote — a resident votes 同意 / 不同意 / 弃权 on a topic in its voting window. Who may vote is decided by
 * the vote's frozen terms from verified data (rules.ts voterStanding): one vote per verified household, per
 * verified resident (or valid permit), or representatives only; a refusal says why (您家还未确认住址 …).
 * The vote is one `add` of the document `${topicId}_${identity}` (council/votes.ts castVote): a second vote
 * of the same identity — this person again, another member of the household, or one already recorded
 * offline — is refused by the database. Nothing is written to the topic (no hot document under a rush).
 * Voting earns 参与议事 once per identity, paid by the timer within a tick (council/votes.ts payVotePoints: a
 * payment per vote would queue every vote on the sponsor's balance).
 * Outcomes: TopicDetail (me.voted); NOT_FOUND; FORBIDDEN NOT_ELIGIBLE with the why; CONFLICT STATE_CHANGED
 * when the topic is not being voted on or the window has closed; CONFLICT ALREADY_DONE (您家已经投过票了 /
 * 您已经投过票了).
 */
import { TopicVoteInput, type TopicDetail } from '../../../../../types/council'
import { defineAction, user, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { conflict, forbidden } from '../../platform/errors'
import { loadTopic } from '../council/core'
import { voterStanding } from '../council/rules'
import { castRefusal, castVote, voteOpen } from '../council/votes'
import { topicDetail } from '../council/views'

async function vote(ctx: UserCtx, input: ActionInput<'topic.vote'>): Promise<TopicDetail> {
  const { topic, council, relations, facts } = await loadTopic(ctx, input.communityId, input.topicId)
  if (topic.status !== 'voting' || !topic.vote) throw conflict('这个议题现在不在表决阶段，请刷新后再看', 'STATE_CHANGED')
  if (!voteOpen(topic, ctx.now())) throw conflict('表决已经截止了', 'STATE_CHANGED')
  const standing = voterStanding(council, topic.vote.eligibility, facts)
  if (!standing.ok) throw forbidden(standing.why, 'NOT_ELIGIBLE')
  const cast = await castVote(ctx, topic, {
    voter: ctx.user,
    identity: standing.identity,
    choice: input.choice,
    channel: 'online',
    meetingId: null,
    recordedById: null,
  })
  if (!cast.ok) throw conflict(castRefusal(cast.reason, standing.identity), cast.reason === 'duplicate' ? 'ALREADY_DONE' : 'STATE_CHANGED')
  return topicDetail(ctx.db, topic, council, { user: ctx.user, now: ctx.now(), facts }, relations, { vote: cast.vote })
}

export default defineAction({ name: 'topic.vote', input: TopicVoteInput, access: user, writes: true, handler: vote })

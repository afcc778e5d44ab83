/**
 * topic.recordOfflineVotes (secretary) — votes cast on paper or at a meeting (居民代表会议, 议事日) are entered
 * with their channel, the meeting and each voter. Every voter is checked as online (rules.ts voterStanding
 * under the vote's frozen terms, from verified data) and each vote is one `add` of `${topicId}_${identity}`
 * (council/votes.ts castVote), recorded as entered by the secretary: a voter who already voted — online, on
 * paper, at the meeting, or through another member of the household — is refused, with the why, in
 * `refused`, and so is the second entry of the same voter in one list. The others are stored; each earns its
 * voter 参与议事 once per identity (paid by the timer, as online votes are). The whole entry is one audit entry (channel and counts; never choices).
 * Outcomes: { recorded, refused[{ voterId, why }], topic }; NOT_FOUND for the topic, or for a meeting of
 * another community (or an activity that is not a meeting); FORBIDDEN for anyone but the secretary;
 * INVALID_INPUT for a meeting channel without its meeting; CONFLICT STATE_CHANGED when the topic is not
 * being voted on or the window has closed.
 */
import { TopicRecordOfflineVotesInput, type TopicDetail } from '../../../../../types/council'
import type { User } from '../../../../../types/org'
import type { Activity } from '../../../../../types/party'
import { VOTE_CHANNEL_LABELS } from '../../../../../types/vocabulary'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import { recordIn } from '../../platform/audit'
import type { UserCtx } from '../../platform/context'
import { getById, runTx } from '../../platform/db'
import { conflict, invalid, notFound } from '../../platform/errors'
import { C, getMany } from '../org/repo'
import { PT } from '../party/repo'
import { loadTopic } from '../council/core'
import { voterStanding } from '../council/rules'
import { factsFor } from '../council/standing'
import { castRefusal, castVote, voteOpen } from '../council/votes'
import { topicDetail } from '../council/views'

type Out = { recorded: number; refused: { voterId: string; why: string }[]; topic: TopicDetail }

async function recordOfflineVotes(ctx: UserCtx, input: ActionInput<'topic.recordOfflineVotes'>): Promise<Out> {
  const { db } = ctx
  const { topic, council, relations, facts } = await loadTopic(ctx, input.communityId, input.topicId)
  if (topic.status !== 'voting' || !topic.vote) throw conflict('这个议题现在不在表决阶段，请刷新后再看', 'STATE_CHANGED')
  if (!voteOpen(topic, ctx.now())) throw conflict('表决已经截止了，不能再录入', 'STATE_CHANGED')
  let meetingId: string | null = null
  if (input.channel === 'meeting') {
    if (!input.meetingId) throw invalid('会议现场的投票请选择是哪次会议')
    const m = await getById<Activity>(db, PT.activities, input.meetingId)
    if (!m?.meeting || m.communityId !== input.communityId) throw notFound('这次会议')
    meetingId = m._id
  }
  const people = await getMany<User>(
    db,
    C.users,
    input.votes.map((v) => v.voterId),
  )
  const refused: Out['refused'] = []
  const seen = new Set<string>()
  let recorded = 0
  // One voter at a time: a list is at most 200, and two members of a household in one list must meet in order.
  for (const v of input.votes) {
    if (seen.has(v.voterId)) {
      refused.push({ voterId: v.voterId, why: '本次录入中重复出现' })
      continue
    }
    seen.add(v.voterId)
    const voter = people.get(v.voterId)
    if (!voter) {
      refused.push({ voterId: v.voterId, why: '查无此人' })
      continue
    }
    const standing = voterStanding(council, topic.vote.eligibility, await factsFor(db, council, voter, ctx.now()))
    if (!standing.ok) {
      refused.push({ voterId: v.voterId, why: standing.why })
      continue
    }
    const cast = await castVote(ctx, topic, {
      voter,
      identity: standing.identity,
      choice: v.choice,
      channel: input.channel,
      meetingId,
      recordedById: ctx.user._id,
    })
    if (!cast.ok) {
      refused.push({ voterId: v.voterId, why: castRefusal(cast.reason, standing.identity, true) })
      if (cast.reason === 'closed') break
      continue
    }
    recorded++
  }
  await runTx(db, (tx) =>
    recordIn(tx, ctx, {
      communityId: topic.communityId,
      // 表决票「议题」: what was entered on the topic's votes (how many, by which channel; never a choice).
      resource: { type: 'topic_vote', id: topic._id, label: topic.title },
      after: { channel: VOTE_CHANNEL_LABELS[input.channel], recorded, refused: refused.length },
    }),
  )
  return { recorded, refused, topic: await topicDetail(db, topic, council, { user: ctx.user, now: ctx.now(), facts }, relations) }
}

export default defineAction({
  name: 'topic.recordOfflineVotes',
  input: TopicRecordOfflineVotesInput,
  access: SECRETARY,
  writes: true,
  handler: recordOfflineVotes,
})

/**
 * topic.openVote (secretary) — opens the vote on a topic whose opinions were heard: opinions → voting. The
 * council's terms are copied into the topic (a later settings change never moves a live vote): eligibility,
 * quorum and pass percentages, secret ballot, and the electorate counted now (council/votes.ts
 * countElectorate: verified households, verified residents and valid permits of the scope, or the
 * representative seats). The vote closes `votingDays` later. The move and its audit entry are one
 * transaction; the author is told, and the eligible who accepted the 表决开始 message are told in batches
 * (council/notices.ts: the first batch now, the rest by the timer).
 * Outcomes: TopicDetail; NOT_FOUND; FORBIDDEN for anyone but the secretary; CONFLICT (STATE_CHANGED) when the
 * topic is not in its opinion stage (or moved meanwhile); CONFLICT when nobody could vote (no electorate).
 */
import { TopicOpenVoteInput, type TopicDetail } from '../../../../../types/council'
import { ELIGIBILITY_LABELS } from '../../../../../types/vocabulary'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { conflict } from '../../platform/errors'
import { shortChinaTime } from '../messages/rules'
import { ensureMove, loadTopic, moveTopicAudited, notifyAuthor, topicResource } from '../council/core'
import { noticeNow } from '../council/notices'
import { closesAtFrom, countElectorate } from '../council/votes'
import { topicDetail } from '../council/views'

async function openVote(ctx: UserCtx, input: ActionInput<'topic.openVote'>): Promise<TopicDetail> {
  const { topic, council, relations, facts } = await loadTopic(ctx, input.communityId, input.topicId)
  ensureMove('openVote', topic, relations)
  const now = ctx.now()
  const s = council.settings
  const electorate = await countElectorate(ctx.db, council, s.eligibility, now)
  if (electorate === 0)
    throw conflict(
      s.eligibility === 'representatives' ? '本议事会还没有居民代表，请先设置居民代表再发起表决' : '本议事会范围内还没有可以投票的居民（需确认住址）',
    )
  const closesAt = closesAtFrom(now, s.votingDays)
  const vote = {
    opensAt: now,
    closesAt,
    eligibility: s.eligibility,
    electorate,
    quorumPercent: s.quorumPercent,
    passPercent: s.passPercent,
    secretBallot: s.secretBallot,
  }
  const note = `${ELIGIBILITY_LABELS[s.eligibility]}，可投票 ${electorate} ${s.eligibility === 'household' ? '户' : '人'}，${shortChinaTime(closesAt)} 截止`
  const after = await moveTopicAudited(ctx, topic, 'openVote', {
    set: { vote, votingClosesAt: closesAt },
    note,
    audit: () => ({
      communityId: topic.communityId,
      resource: topicResource(topic),
      before: { status: topic.status },
      after: { status: 'voting', eligibility: s.eligibility, electorate, votingClosesAt: closesAt },
    }),
  })
  await notifyAuthor(ctx, after, `表决开始，${shortChinaTime(closesAt)} 截止`)
  await noticeNow(ctx, 'topic.vote', after, council)
  return topicDetail(ctx.db, after, council, { user: ctx.user, now: ctx.now(), facts }, relations)
}

export default defineAction({ name: 'topic.openVote', input: TopicOpenVoteInput, access: SECRETARY, writes: true, handler: openVote })

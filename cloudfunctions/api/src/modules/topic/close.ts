/**
 * topic.close (secretary) — ends a vote and publishes its result (表决公示): the stored votes of every channel
 * are tallied by one aggregation, decided by the vote's frozen terms (quorum of the electorate counted when
 * it opened, pass percentage of yes + no), and the topic moves voting → decided with the tally, outcome and
 * its words, in one transaction with the audit entry. A passed topic earns its author 建议被采纳 (once); the
 * author is told. The timer closes votes whose window ended by itself (council/votes.ts closeDueVotes).
 *
 * A vote is tallied only once its window has been over for the grace (council/votes.ts closeGraceMs: the
 * function's timeout and a margin), when every vote admitted before the end has landed. So a close before
 * the announced end stops the vote now (nobody may vote from here on; audited) and answers the topic still in
 * voting, its end now: the result is published by a close after the grace, or by the timer.
 * Outcomes: TopicDetail; NOT_FOUND; FORBIDDEN for anyone but the secretary; CONFLICT STATE_CHANGED when the
 * topic is not being voted on (or was closed meanwhile); CONFLICT BUSY within the grace after the end.
 */
import { TopicCloseInput, type TopicDetail } from '../../../../../types/council'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import { recordIn } from '../../platform/audit'
import type { UserCtx } from '../../platform/context'
import { runTx } from '../../platform/db'
import { conflict } from '../../platform/errors'
import { ensureMove, loadTopic, topicResource } from '../council/core'
import { closable, closeGraceMs, closeVote, stopVote } from '../council/votes'
import { topicDetail } from '../council/views'

async function close(ctx: UserCtx, input: ActionInput<'topic.close'>): Promise<TopicDetail> {
  const { topic, council, relations, facts } = await loadTopic(ctx, input.communityId, input.topicId)
  ensureMove('close', topic, relations)
  const now = ctx.now()
  const viewer = { user: ctx.user, now, facts }
  if (topic.votingClosesAt && now < new Date(topic.votingClosesAt)) {
    const stopped = await stopVote(ctx, topic)
    if (!stopped) throw conflict('议题状态刚刚变了，请刷新后再看', 'STATE_CHANGED')
    await runTx(ctx.db, (tx) =>
      recordIn(tx, ctx, {
        communityId: topic.communityId,
        resource: topicResource(topic),
        before: { votingClosesAt: topic.votingClosesAt },
        after: { votingClosesAt: now },
      }),
    )
    return topicDetail(ctx.db, stopped, council, viewer, relations)
  }
  if (!closable(topic, now)) {
    const wait = Math.ceil((new Date(topic.votingClosesAt!).getTime() + closeGraceMs() - now.getTime()) / 1000)
    throw conflict(`表决刚刚截止，正在等待最后的投票送达，请 ${wait} 秒后再公示结果`, 'BUSY')
  }
  const after = await closeVote(ctx, topic)
  return topicDetail(ctx.db, after, council, { ...viewer, now: ctx.now() }, relations)
}

export default defineAction({ name: 'topic.close', input: TopicCloseInput, access: SECRETARY, writes: true, handler: close })

/**
 * topic.comment — 发表意见: a resident in the council's scope comments on a topic open for opinions, before
 * its window closes. The content check decides: `pass` shows it at once, `review` holds it for the secretary
 * (topic.moderate), `risky` is refused. The comment and the topic's counter of visible comments change in one
 * transaction. A participation point is paid once per person and topic (on the first comment shown); a failed
 * payment leaves the comment standing.
 * Outcomes: the detail (a held comment is not among its comments, nor counted, until a secretary shows it);
 * NOT_FOUND (see topic.get); CONFLICT STATE_CHANGED when the topic is not open for
 * opinions or the window has closed; FORBIDDEN NOT_ELIGIBLE (with the why); INVALID_INPUT for refused content.
 */
import { TopicCommentInput, type Topic, type TopicComment } from '../../../../../types/council'
import { defineAction, user, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { runTx, txGet } from '../../platform/db'
import { conflict, invalid } from '../../platform/errors'
import { ensureEligible, loadTopic } from '../council/core'
import { payParticipation } from '../council/participation'
import { K, newCommentId } from '../council/repo'
import { inScope } from '../council/rules'
import { detailFor } from '../council/views'

const CLOSED = '征求意见已经结束了，请刷新后再看'
const openFor = (t: Topic, now: Date) => t.status === 'opinions' && !!t.opinionsCloseAt && now.getTime() < new Date(t.opinionsCloseAt).getTime()

async function comment(ctx: UserCtx, input: ActionInput<'topic.comment'>) {
  const { db } = ctx
  const loaded = await loadTopic(ctx, input.communityId, input.topicId)
  const { topic, council, facts } = loaded
  const now = ctx.now()
  if (!openFor(topic, now)) throw conflict(CLOSED, 'STATE_CHANGED')
  ensureEligible(inScope(council, facts))
  const verdict = await ctx.openapi.checkText(ctx.openid, input.text, 2)
  if (verdict === 'risky') throw invalid('意见含有不适宜的信息，请修改后再提交')
  const visible = verdict === 'pass'
  const doc: TopicComment = {
    _id: newCommentId(now),
    topicId: topic._id,
    communityId: topic.communityId,
    authorId: ctx.user._id,
    text: input.text,
    status: visible ? 'visible' : 'held',
    reports: 0,
    at: now,
  }
  const after = await runTx(db, async (tx) => {
    const current = await txGet<Topic>(tx, K.topics, topic._id)
    if (!current || !openFor(current, now)) throw conflict(CLOSED, 'STATE_CHANGED')
    await tx.collection(K.comments).add({ data: doc })
    if (!visible) return current
    await tx
      .collection(K.topics)
      .doc(topic._id)
      .update({ data: { comments: db.command.inc(1), updatedAt: now } })
    return { ...current, comments: current.comments + 1, updatedAt: now } as Topic
  })
  if (visible) await payParticipation(ctx, topic, ctx.user._id, 'comment')
  return detailFor(ctx, loaded, after)
}

export default defineAction({ name: 'topic.comment', input: TopicCommentInput, access: user, writes: true, handler: comment })

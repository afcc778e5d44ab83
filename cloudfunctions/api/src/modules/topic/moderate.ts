/**
 * topic.moderate (secretary) — decide on what waits for a person's look:
 *   a draft (the content check said review, or it has photos): approve → public, collecting support (or on to
 *     review at once when the council needs no support); remove → retired (out of scope);
 *   a hidden topic (three reports): restore → back where it was hidden from (its report count starts again);
 *     remove → retired (out of scope);
 *   a comment (`commentId`: held by the content check or by reports, or visible): approve → shown; remove → removed.
 * approve and restore both mean "it may stay". Each decision and its audit entry are one transaction; the
 * topic's author is told what became of the topic, and a comment shown for the first time pays its author's
 * participation point (once per topic, as for any comment).
 * Outcomes: the detail; NOT_FOUND for an unknown topic or comment; CONFLICT STATE_CHANGED when the topic or
 * comment is not waiting for this decision (already decided by someone else).
 */
import { TopicModerateInput, type Topic, type TopicComment } from '../../../../../types/council'
import { RETIRE_REASON_LABELS } from '../../../../../types/vocabulary'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import { recordIn } from '../../platform/audit'
import type { UserCtx } from '../../platform/context'
import { getById, runTx, txGet } from '../../platform/db'
import { conflict, notFound } from '../../platform/errors'
import { thing } from '../messages/rules'
import { ensureMove, loadTopic, moveTopic, moveTopicAudited, notifyAuthor, topicResource, type LoadedTopic } from '../council/core'
import { payParticipation } from '../council/participation'
import { K } from '../council/repo'
import { detailFor } from '../council/views'

async function moderate(ctx: UserCtx, input: ActionInput<'topic.moderate'>) {
  const loaded = await loadTopic(ctx, input.communityId, input.topicId)
  const keep = input.decision !== 'remove'
  if (input.commentId) return moderateComment(ctx, loaded, input.commentId, keep)

  const { topic, relations } = loaded
  const note = input.note || null
  if (topic.status !== 'draft' && topic.status !== 'hidden') throw conflict('这个议题不在待处理状态，请刷新后再看', 'STATE_CHANGED')
  const audit = (after: Topic) => ({
    communityId: topic.communityId,
    resource: topicResource(topic),
    before: { status: topic.status },
    after: { status: after.status, ...(after.retireReason ? { retireReason: after.retireReason } : {}) },
  })
  let after: Topic
  if (!keep) {
    ensureMove('retire', topic, relations)
    after = await moveTopicAudited(ctx, topic, 'retire', { note, set: { retireReason: 'out_of_scope', hiddenFrom: null }, audit })
    await notifyAuthor(ctx, after, `社区核实后终止：${note ?? RETIRE_REASON_LABELS.out_of_scope}`)
  } else if (topic.status === 'draft') {
    ensureMove('approve', topic, relations)
    after = await moveTopicAudited(ctx, topic, 'approve', { note, audit })
    // A council that needs no support sends it on to review at once, as topic.create does.
    if (after.supportThreshold === 0) after = await moveTopic(ctx, after, 'threshold', null, { note: '本议事会不需要附议，直接进入审议' })
    await notifyAuthor(ctx, after, after.status === 'review' ? '社区审核通过，进入审议' : '社区审核通过，开始征集附议')
  } else {
    ensureMove('restore', topic, relations)
    after = await moveTopicAudited(ctx, topic, 'restore', { note, set: { hiddenFrom: null, reports: 0 }, audit })
    await notifyAuthor(ctx, after, '社区核实后已恢复公示')
  }
  return detailFor(ctx, loaded, after)
}

async function moderateComment(ctx: UserCtx, loaded: LoadedTopic, commentId: string, keep: boolean) {
  const { db } = ctx
  const { topic } = loaded
  const _ = db.command
  const comment = await getById<TopicComment>(db, K.comments, commentId)
  if (!comment || comment.topicId !== topic._id) throw notFound('这条意见')
  const now = ctx.now()
  const to: TopicComment['status'] = keep ? 'visible' : 'removed'
  const { before, shown } = await runTx(db, async (tx) => {
    const current = await txGet<TopicComment>(tx, K.comments, commentId)
    if (!current || current.status === to || current.status === 'removed') throw conflict('这条意见已经处理过了，请刷新后再看', 'STATE_CHANGED')
    await tx
      .collection(K.comments)
      .doc(commentId)
      .update({ data: { status: to, ...(keep ? { reports: 0 } : {}) } })
    // The topic counts visible comments: one more when shown, one fewer when a visible one is removed.
    const delta = keep ? 1 : current.status === 'visible' ? -1 : 0
    if (delta)
      await tx
        .collection(K.topics)
        .doc(topic._id)
        .update({ data: { comments: _.inc(delta), updatedAt: now } })
    await recordIn(tx, ctx, {
      communityId: topic.communityId,
      resource: { type: 'topic_comment', id: commentId, label: thing(current.text) },
      before: { status: current.status },
      after: { status: to },
    })
    return { before: current.status, shown: keep }
  })
  if (shown) await payParticipation(ctx, topic, comment.authorId, 'comment')
  const delta = shown ? 1 : before === 'visible' ? -1 : 0
  return detailFor(ctx, loaded, { ...topic, comments: topic.comments + delta })
}

export default defineAction({ name: 'topic.moderate', input: TopicModerateInput, access: SECRETARY, writes: true, handler: moderate })

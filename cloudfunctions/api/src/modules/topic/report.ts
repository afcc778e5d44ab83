/**
 * topic.report — 举报: a person in the council's scope (or the secretary) reports a public topic, or a visible
 * comment of it. One report per person and target (the report's id is target + person), so three reports
 * are three people: the third hides a topic (status hidden, `hiddenFrom` kept for a restore) or holds a
 * comment, until a secretary decides (topic.moderate). Report, counter and hiding are one transaction.
 * Nobody reports their own topic or comment. The author is told when their topic is hidden.
 * Outcomes: { reported, hidden } (hidden: the target is now out of sight); NOT_FOUND (see topic.get; or an
 * unknown comment of the topic); CONFLICT ALREADY_DONE for a second report by the same person, STATE_CHANGED
 * when the topic is past reporting (withdrawn, merged, retired, a draft); FORBIDDEN for one's own, or
 * NOT_ELIGIBLE (with the why).
 */
import { TopicReportInput, type Topic, type TopicComment } from '../../../../../types/council'
import { defineAction, user, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { getById, runTx, txGet, type Tx } from '../../platform/db'
import { conflict, forbidden, notFound } from '../../platform/errors'
import { ensureEligible, loadTopic, notifyAuthor, planMove } from '../council/core'
import { countTopicIn, topicDelta } from '../council/counters'
import { K, reportId, type TopicReport } from '../council/repo'
import { HIDE_AFTER_REPORTS, HIDEABLE, inScope } from '../council/rules'

const ALREADY = '您已经举报过了，社区会尽快核实处理'

async function report(ctx: UserCtx, input: ActionInput<'topic.report'>): Promise<{ reported: boolean; hidden: boolean }> {
  const { db } = ctx
  const { topic, council, relations, facts } = await loadTopic(ctx, input.communityId, input.topicId)
  if (!relations.has('secretary')) ensureEligible(inScope(council, facts))
  const now = ctx.now()
  const _ = db.command
  const targetId = input.commentId ?? topic._id
  const doc: TopicReport = {
    _id: reportId(targetId, ctx.user._id),
    communityId: topic.communityId,
    topicId: topic._id,
    commentId: input.commentId ?? null,
    userId: ctx.user._id,
    reason: input.reason || null,
    at: now,
  }
  const addReport = async (tx: Tx) => {
    if (await txGet<TopicReport>(tx, K.reports, doc._id)) throw conflict(ALREADY, 'ALREADY_DONE')
    await tx.collection(K.reports).add({ data: doc })
  }

  if (input.commentId) {
    const comment = await getById<TopicComment>(db, K.comments, input.commentId)
    if (!comment || comment.topicId !== topic._id || comment.status === 'removed') throw notFound('这条意见')
    if (comment.authorId === ctx.user._id) throw forbidden('不能举报自己的意见')
    return runTx(db, async (tx) => {
      await addReport(tx)
      const current = await txGet<TopicComment>(tx, K.comments, comment._id)
      if (!current || current.status === 'removed') throw notFound('这条意见')
      const hide = current.status === 'visible' && current.reports + 1 >= HIDE_AFTER_REPORTS
      await tx
        .collection(K.comments)
        .doc(comment._id)
        .update({ data: { reports: _.inc(1), ...(hide ? { status: 'held' } : {}) } })
      // A held comment leaves the count of visible ones.
      if (hide)
        await tx
          .collection(K.topics)
          .doc(topic._id)
          .update({ data: { comments: _.inc(-1), updatedAt: now } })
      return { reported: true, hidden: hide || current.status === 'held' }
    })
  }

  if (relations.has('author')) throw forbidden('不能举报自己的议题')
  if (!HIDEABLE.includes(topic.status) && topic.status !== 'hidden') throw conflict('这个议题现在不能举报了', 'STATE_CHANGED')
  const outcome = await runTx(db, async (tx) => {
    await addReport(tx)
    const current = await txGet<Topic>(tx, K.topics, topic._id)
    if (!current) throw notFound('这个议题')
    const reports = current.reports + 1
    if (current.status === 'hidden' || !HIDEABLE.includes(current.status) || reports < HIDE_AFTER_REPORTS) {
      if (current.status !== 'hidden' && !HIDEABLE.includes(current.status)) throw conflict('这个议题现在不能举报了', 'STATE_CHANGED')
      await tx
        .collection(K.topics)
        .doc(topic._id)
        .update({ data: { reports: _.inc(1) } })
      return { hiddenNow: null, hidden: current.status === 'hidden' }
    }
    // The third person's report: hidden until a secretary restores or retires it. Reporters stay unnamed.
    const move = planMove(_, now, current, 'hide', null, { note: '多位居民举报，等待社区核实', set: { hiddenFrom: current.status } })
    await tx
      .collection(K.topics)
      .doc(topic._id)
      .update({ data: { ...move.data, reports: _.inc(1) } })
    await countTopicIn(db, tx, current.communityId, topicDelta(current, move.after))
    return { hiddenNow: move.after, hidden: true }
  })
  if (outcome.hiddenNow) await notifyAuthor(ctx, outcome.hiddenNow, '议题被多位居民举报，暂时隐藏，社区核实后处理')
  return { reported: true, hidden: outcome.hidden }
}

export default defineAction({ name: 'topic.report', input: TopicReportInput, access: user, writes: true, handler: report })

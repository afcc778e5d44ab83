/**
 * topic.support — 附议: a resident in the council's scope backs a topic that is collecting support. One
 * support per person (the support's id is topic + person, so a second is refused by the database itself);
 * the topic's counter changes in the same transaction, and the support that reaches the threshold moves the
 * topic on to review in that transaction too — so under a rush the counter equals the supports stored and
 * the move happens once. The author is told when it moves on. A participation point is paid once per person
 * and topic (supporting again after withdrawing support pays nothing more); a failed payment leaves the
 * support standing.
 * Outcomes: the detail; NOT_FOUND (see topic.get); CONFLICT STATE_CHANGED when it no longer collects support,
 * ALREADY_DONE when the caller already supports it; FORBIDDEN for the author, NOT_ELIGIBLE (with the why)
 * for someone out of the council's scope.
 */
import { TopicSupportInput, type Topic, type TopicSupport } from '../../../../../types/council'
import { defineAction, user, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { runTx, txGet } from '../../platform/db'
import { conflict, forbidden } from '../../platform/errors'
import { ensureEligible, loadTopic, NOT_COLLECTING, notifyAuthor, planMove } from '../council/core'
import { countTopicIn, topicDelta } from '../council/counters'
import { payParticipation } from '../council/participation'
import { K, supportId } from '../council/repo'
import { inScope } from '../council/rules'
import { detailFor } from '../council/views'

async function support(ctx: UserCtx, input: ActionInput<'topic.support'>) {
  const { db } = ctx
  const loaded = await loadTopic(ctx, input.communityId, input.topicId)
  const { topic, council, relations, facts } = loaded
  if (topic.status !== 'collecting') throw conflict(NOT_COLLECTING, 'STATE_CHANGED')
  if (relations.has('author')) throw forbidden('这是您提的议题，不用再附议')
  ensureEligible(inScope(council, facts))

  const now = ctx.now()
  const id = supportId(topic._id, ctx.user._id)
  const after = await runTx(db, async (tx) => {
    if (await txGet<TopicSupport>(tx, K.supports, id)) throw conflict('您已经附议过这个议题了', 'ALREADY_DONE')
    const current = await txGet<Topic>(tx, K.topics, topic._id)
    if (!current || current.status !== 'collecting') throw conflict(NOT_COLLECTING, 'STATE_CHANGED')
    const doc: TopicSupport = { _id: id, topicId: topic._id, communityId: topic.communityId, userId: ctx.user._id, at: now }
    await tx.collection(K.supports).add({ data: doc })
    const supports = current.supports + 1
    if (supports < current.supportThreshold) {
      await tx
        .collection(K.topics)
        .doc(topic._id)
        .update({ data: { supports: db.command.inc(1), updatedAt: now } })
      return { ...current, supports, updatedAt: now } as Topic
    }
    // This support reaches the threshold: the topic moves on to review with it.
    const move = planMove(db.command, now, { ...current, supports }, 'threshold', null, { note: `附议达到 ${supports} 人，进入审议` })
    await tx
      .collection(K.topics)
      .doc(topic._id)
      .update({ data: { ...move.data, supports: db.command.inc(1) } })
    await countTopicIn(db, tx, current.communityId, topicDelta(current, move.after))
    return move.after
  })
  await payParticipation(ctx, topic, ctx.user._id, 'support')
  if (after.status === 'review') await notifyAuthor(ctx, after, `附议达到 ${after.supports} 人，进入党支部审议`)
  return detailFor(ctx, loaded, after, { supported: true })
}

export default defineAction({ name: 'topic.support', input: TopicSupportInput, access: user, writes: true, handler: support })

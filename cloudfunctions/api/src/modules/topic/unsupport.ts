/**
 * topic.unsupport — withdraw one's support while the topic is still collecting support (after it has moved
 * on, the support stays: it is what moved it). The support and the counter change in one transaction.
 * The participation point already paid stays paid (and supporting again pays nothing more).
 * Outcomes: the detail; NOT_FOUND (see topic.get); CONFLICT STATE_CHANGED when it no longer collects support,
 * CONFLICT when the caller does not support it.
 */
import { TopicSupportInput, type Topic, type TopicSupport } from '../../../../../types/council'
import { defineAction, user, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { runTx, txGet } from '../../platform/db'
import { conflict } from '../../platform/errors'
import { loadTopic, NOT_COLLECTING } from '../council/core'
import { K, supportId } from '../council/repo'
import { detailFor } from '../council/views'

async function unsupport(ctx: UserCtx, input: ActionInput<'topic.unsupport'>) {
  const { db } = ctx
  const loaded = await loadTopic(ctx, input.communityId, input.topicId)
  const { topic } = loaded
  if (topic.status !== 'collecting') throw conflict(NOT_COLLECTING, 'STATE_CHANGED')
  const now = ctx.now()
  const id = supportId(topic._id, ctx.user._id)
  const after = await runTx(db, async (tx) => {
    if (!(await txGet<TopicSupport>(tx, K.supports, id))) throw conflict('您还没有附议这个议题')
    const current = await txGet<Topic>(tx, K.topics, topic._id)
    if (!current || current.status !== 'collecting') throw conflict(NOT_COLLECTING, 'STATE_CHANGED')
    await tx.collection(K.supports).doc(id).remove()
    await tx
      .collection(K.topics)
      .doc(topic._id)
      .update({ data: { supports: db.command.inc(-1), updatedAt: now } })
    return { ...current, supports: current.supports - 1, updatedAt: now } as Topic
  })
  return detailFor(ctx, loaded, after, { supported: false })
}

export default defineAction({ name: 'topic.unsupport', input: TopicSupportInput, access: user, writes: true, handler: unsupport })

/**
 * topic.retire (secretary) — end a topic before its vote with a reason residents see (duplicate, out of scope,
 * already done, not feasible) and an optional note: a draft, a topic in any stage up to opinions, or a hidden
 * one. The move and its audit entry are one transaction; the author is told why.
 * Outcomes: the detail; NOT_FOUND (see topic.get); CONFLICT STATE_CHANGED from voting on (a vote is decided
 * by its voters) or once it is ended.
 */
import { TopicRetireInput } from '../../../../../types/council'
import { RETIRE_REASON_LABELS } from '../../../../../types/vocabulary'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { ensureMove, loadTopic, moveTopicAudited, notifyAuthor, topicResource } from '../council/core'
import { detailFor } from '../council/views'

async function retire(ctx: UserCtx, input: ActionInput<'topic.retire'>) {
  const loaded = await loadTopic(ctx, input.communityId, input.topicId)
  const { topic, relations } = loaded
  ensureMove('retire', topic, relations)
  const label = RETIRE_REASON_LABELS[input.reason]
  const note = input.note ? `${label}：${input.note}` : label
  const after = await moveTopicAudited(ctx, topic, 'retire', {
    note,
    set: { retireReason: input.reason, hiddenFrom: null },
    audit: (a) => ({
      communityId: topic.communityId,
      resource: topicResource(topic),
      before: { status: topic.status },
      after: { status: a.status, retireReason: input.reason },
    }),
  })
  await notifyAuthor(ctx, after, note)
  return detailFor(ctx, loaded, after)
}

export default defineAction({ name: 'topic.retire', input: TopicRetireInput, access: SECRETARY, writes: true, handler: retire })

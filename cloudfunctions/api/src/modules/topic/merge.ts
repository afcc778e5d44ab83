/**
 * topic.merge (secretary) — fold a topic (before its vote) into another public topic of the same community
 * that is still being worked on: the topic becomes merged, pointing at the other (its page links there), and
 * the other's timeline says what was folded in. Both changes and the audit entry are one transaction, which
 * re-reads the target, so a target that moved on meanwhile (merged, retired, hidden) refuses the merge. The
 * author is told where their topic went. Supports stay with the merged topic (they were for its words).
 * Outcomes: the detail of the merged topic; NOT_FOUND (see topic.get; or an unknown target, one of another
 * community or not public); INVALID_INPUT for merging a topic into itself or into a topic that cannot take it;
 * CONFLICT STATE_CHANGED from voting on, or when either topic changed meanwhile.
 */
import { TopicMergeInput, type TimelineEntry, type Topic } from '../../../../../types/council'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { txGet } from '../../platform/db'
import { conflict, invalid, notFound } from '../../platform/errors'
import { thing } from '../messages/rules'
import { ensureMove, loadTopic, moveTopicAudited, notifyAuthor, topicResource } from '../council/core'
import { getTopic, K } from '../council/repo'
import { MERGE_TARGETS } from '../council/rules'
import { detailFor } from '../council/views'

async function merge(ctx: UserCtx, input: ActionInput<'topic.merge'>) {
  const loaded = await loadTopic(ctx, input.communityId, input.topicId)
  const { topic, relations } = loaded
  if (input.intoTopicId === topic._id) throw invalid('不能把议题合并到它自己')
  const target = await getTopic(ctx.db, input.intoTopicId)
  if (!target || target.communityId !== topic.communityId || !target.public) throw notFound('要合并到的议题')
  if (!MERGE_TARGETS.includes(target.status)) throw invalid('要合并到的议题已经结束，请选择一个进行中的议题')
  ensureMove('merge', topic, relations)
  const now = ctx.now()
  const note = input.note || null
  const after = await moveTopicAudited(ctx, topic, 'merge', {
    note: note ? `并入「${target.title}」：${note}` : `并入「${target.title}」`,
    set: { mergedInto: target._id },
    also: async (tx) => {
      const current = await txGet<Topic>(tx, K.topics, target._id)
      if (!current || !current.public || !MERGE_TARGETS.includes(current.status)) throw conflict('要合并到的议题刚刚变了，请刷新后再选', 'STATE_CHANGED')
      const entry: TimelineEntry = {
        at: now,
        event: 'merge',
        byId: ctx.user._id,
        from: current.status,
        to: current.status,
        note: `「${topic.title}」并入本议题`,
      }
      await tx
        .collection(K.topics)
        .doc(target._id)
        .update({ data: { timeline: ctx.db.command.push(entry), updatedAt: now } })
    },
    audit: (a) => ({
      communityId: topic.communityId,
      resource: topicResource(topic),
      before: { status: topic.status },
      after: { status: a.status, mergedInto: target.title },
    }),
  })
  await notifyAuthor(ctx, after, `已并入议题「${thing(target.title)}」`)
  return detailFor(ctx, loaded, after)
}

export default defineAction({ name: 'topic.merge', input: TopicMergeInput, access: SECRETARY, writes: true, handler: merge })

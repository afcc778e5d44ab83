/**
 * topic.addMilestone (secretary) — the implementation record of a topic that passed: a milestone with its
 * day, a note and photos. The first moves decided → implementing; later ones keep it implementing; one marked
 * `done` finishes the work (→ done) and asks everyone who voted 办成了吗？ — by the 议题进展 message to those
 * who accepted it, in batches (council/notices.ts) — through topic.feedback. Each milestone is pushed onto
 * the topic (two at once both stay) with its timeline entry, in one transaction with the audit entry; the
 * author is told.
 * Outcomes: TopicDetail; NOT_FOUND; FORBIDDEN for anyone but the secretary; INVALID_INPUT for a day that does
 * not exist or unsuitable text; CONFLICT STATE_CHANGED when the topic is not decided-and-passed or being
 * implemented (a rejected topic has nothing to implement).
 */
import { TopicAddMilestoneInput, type Milestone, type TopicDetail } from '../../../../../types/council'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import { isChinaDay } from '../../platform/chinaTime'
import type { UserCtx } from '../../platform/context'
import { invalid } from '../../platform/errors'
import { checkText, ensureMove, loadTopic, moveTopicAudited, notifyAuthor, topicResource } from '../council/core'
import { noticeNow } from '../council/notices'
import { topicDetail } from '../council/views'

async function addMilestone(ctx: UserCtx, input: ActionInput<'topic.addMilestone'>): Promise<TopicDetail> {
  if (!isChinaDay(input.date)) throw invalid('日期不存在，请重新选择')
  const { topic, council, relations, facts } = await loadTopic(ctx, input.communityId, input.topicId)
  const event = input.done ? 'finish' : 'milestone'
  ensureMove(event, topic, relations)
  await checkText(ctx, input.note)
  const milestone: Milestone = { at: ctx.now(), date: input.date, note: input.note, photos: input.photos ?? [], byId: ctx.user._id, done: !!input.done }
  const moved = await moveTopicAudited(ctx, topic, event, {
    // Pushed, not replaced: a milestone added at the same moment by someone else stays too.
    set: { milestones: ctx.db.command.push(milestone) as unknown as Milestone[] },
    note: input.note,
    photos: milestone.photos,
    audit: () => ({
      communityId: topic.communityId,
      resource: topicResource(topic),
      before: { status: topic.status },
      after: { status: event === 'finish' ? 'done' : 'implementing', milestone: `${input.date} ${input.note}` },
    }),
  })
  const after = { ...moved, milestones: [...topic.milestones, milestone] }
  await notifyAuthor(ctx, after, input.done ? `已办结：${input.note}` : `落实进展：${input.note}`)
  if (input.done) await noticeNow(ctx, 'topic.done', after, council)
  return topicDetail(ctx.db, after, council, { user: ctx.user, now: ctx.now(), facts }, relations)
}

export default defineAction({ name: 'topic.addMilestone', input: TopicAddMilestoneInput, access: SECRETARY, writes: true, handler: addMilestone })

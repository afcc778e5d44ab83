/**
 * topic.review — 党支部审议: the council's party branch (a seat holder) or the secretary writes the branch's
 * opinion on a topic under review; it moves on to the owners' committee's discussion. The note is public
 * (in the topic and its timeline); a seat holder's note passes the content check. The author is told.
 * Outcomes: the detail; NOT_FOUND (see topic.get); FORBIDDEN for anyone but the secretary and the council's
 * party branch seats; CONFLICT STATE_CHANGED when the topic is not (or no longer) under review;
 * INVALID_INPUT for a note the content check refuses.
 */
import { TopicReviewInput } from '../../../../../types/council'
import { defineAction, user, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { checkText, ensureMove, loadTopic, moveTopic, notifyAuthor } from '../council/core'
import { detailFor } from '../council/views'

async function review(ctx: UserCtx, input: ActionInput<'topic.review'>) {
  const loaded = await loadTopic(ctx, input.communityId, input.topicId)
  const { topic, relations } = loaded
  ensureMove('review', topic, relations)
  if (!relations.has('secretary')) await checkText(ctx, input.note)
  const now = ctx.now()
  const after = await moveTopic(ctx, topic, 'review', ctx.user._id, { note: input.note, set: { review: { note: input.note, byId: ctx.user._id, at: now } } })
  await notifyAuthor(ctx, after, `党支部审议意见：${input.note}`)
  return detailFor(ctx, loaded, after)
}

export default defineAction({ name: 'topic.review', input: TopicReviewInput, access: user, writes: true, handler: review })

/**
 * topic.discuss — 业委会商议: the council's owners' committee (a seat holder) or the secretary writes the
 * committee's notes on a topic in discussion; it opens for residents' opinions 征求意见 for the council's
 * opinion window (`opinionsCloseAt` = now + settings.opinionDays days). The note is public; a seat holder's
 * note passes the content check. The author is told.
 * Outcomes: the detail; NOT_FOUND (see topic.get); FORBIDDEN for anyone but the secretary and the council's
 * owners' committee seats; CONFLICT STATE_CHANGED when the topic is not (or no longer) in discussion;
 * INVALID_INPUT for a note the content check refuses.
 */
import { TopicDiscussInput } from '../../../../../types/council'
import { defineAction, user, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { shortChinaTime } from '../messages/rules'
import { checkText, ensureMove, loadTopic, moveTopic, notifyAuthor } from '../council/core'
import { detailFor } from '../council/views'

const DAY_MS = 86_400_000

async function discuss(ctx: UserCtx, input: ActionInput<'topic.discuss'>) {
  const loaded = await loadTopic(ctx, input.communityId, input.topicId)
  const { topic, council, relations } = loaded
  ensureMove('discuss', topic, relations)
  if (!relations.has('secretary')) await checkText(ctx, input.note)
  const now = ctx.now()
  const closes = new Date(now.getTime() + council.settings.opinionDays * DAY_MS)
  const after = await moveTopic(ctx, topic, 'discuss', ctx.user._id, {
    note: input.note,
    set: { discussion: { note: input.note, byId: ctx.user._id, at: now }, opinionsCloseAt: closes },
  })
  await notifyAuthor(ctx, after, `开始征求居民意见，${shortChinaTime(closes)}截止`)
  return detailFor(ctx, loaded, after)
}

export default defineAction({ name: 'topic.discuss', input: TopicDiscussInput, access: user, writes: true, handler: discuss })

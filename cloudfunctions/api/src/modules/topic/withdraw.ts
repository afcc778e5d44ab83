/**
 * topic.withdraw — the author (or who entered it for them) takes back a topic nobody has supported yet: a
 * draft, or a topic collecting support with no supports. After the first support it belongs to its supporters
 * too, and only the secretary can end it (topic.retire). The move is conditional on the status and on no
 * support having arrived, so a support racing the withdrawal wins or loses whole.
 * Outcomes: the detail; NOT_FOUND (see topic.get); FORBIDDEN for anyone but the author; CONFLICT STATE_CHANGED
 * once it has a support or has moved on.
 */
import { TopicWithdrawInput } from '../../../../../types/council'
import { defineAction, user, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { ensureMove, loadTopic, moveTopic } from '../council/core'
import { detailFor } from '../council/views'

async function withdraw(ctx: UserCtx, input: ActionInput<'topic.withdraw'>) {
  const loaded = await loadTopic(ctx, input.communityId, input.topicId)
  ensureMove('withdraw', loaded.topic, loaded.relations)
  const after = await moveTopic(ctx, loaded.topic, 'withdraw', ctx.user._id, { where: { supports: 0 } })
  return detailFor(ctx, loaded, after)
}

export default defineAction({ name: 'topic.withdraw', input: TopicWithdrawInput, access: user, writes: true, handler: withdraw })

/**
 * topic.get — one topic with its public timeline, the notes of review and discussion, the vote's terms, the
 * tally once decided (or live during a vote that is not secret), milestones, the newest comments, and what
 * the caller may do now (`me.can`). Public to anyone logged in; names masked; no voter's choice but the
 * caller's own.
 * Outcomes: the detail; NOT_FOUND for an unknown topic, one of another community, or a draft / hidden /
 * withdrawn topic to anyone but its author and the secretary.
 */
import { TopicGetInput } from '../../../../../types/council'
import { defineAction, user, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { loadTopic } from '../council/core'
import { detailFor } from '../council/views'

async function get(ctx: UserCtx, input: ActionInput<'topic.get'>) {
  const loaded = await loadTopic(ctx, input.communityId, input.topicId)
  return detailFor(ctx, loaded, loaded.topic)
}

export default defineAction({ name: 'topic.get', input: TopicGetInput, access: user, writes: false, handler: get })

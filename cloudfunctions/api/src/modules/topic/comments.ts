/**
 * topic.comments — comments newest first, cursor-paged by the time-ordered comment id:
 *   topicId            the topic's visible comments (anyone who may see the topic)        topic_status_id
 *   topicId + held     the topic's held comments (secretary)                              topic_status_id
 *   held, no topicId   the secretary's moderation queue: held comments across the community  community_status_id
 * Names are masked; `status` tells the secretary which are held.
 * Outcomes: a page of comments; NOT_FOUND for an unknown community or topic (see topic.get); FORBIDDEN for
 * held comments to anyone but the secretary; INVALID_INPUT for a cursor that is not a comment id, or no
 * topic without `held`.
 */
import type { Page } from '../../../../../types/common'
import { TopicCommentsInput, type CommentView, type TopicComment } from '../../../../../types/council'
import { defineAction, user, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { findMany } from '../../platform/db'
import { forbidden, invalid, notFound } from '../../platform/errors'
import { getCommunity } from '../org/repo'
import { isSecretaryOf, loadTopic } from '../council/core'
import { K } from '../council/repo'
import { isCommentCursor } from '../council/rules'
import { commentViews } from '../council/views'

async function comments(ctx: UserCtx, input: ActionInput<'topic.comments'>): Promise<Page<CommentView>> {
  const { db } = ctx
  if (input.cursor !== undefined && !isCommentCursor(input.cursor)) throw invalid('翻页参数不正确，请刷新后重试')
  const community = await getCommunity(db, input.communityId)
  if (!community) throw notFound('社区')
  if (input.held && !isSecretaryOf(ctx.user, community)) throw forbidden('只有社区书记可以查看待审核的意见')
  let filter: Record<string, unknown>
  if (input.topicId) {
    await loadTopic(ctx, input.communityId, input.topicId)
    filter = { topicId: input.topicId, status: input.held ? 'held' : 'visible' }
  } else if (input.held) filter = { communityId: community._id, status: 'held' }
  else throw invalid('请选择议题')
  const limit = input.limit ?? 20
  const where = input.cursor ? { ...filter, _id: db.command.lt(input.cursor) } : filter
  const docs = await findMany<TopicComment>(db, K.comments, where, { orderBy: [['_id', 'desc']], limit: limit + 1 })
  const page = docs.slice(0, limit)
  return { items: await commentViews(db, page, ctx.user._id, !input.topicId), nextCursor: docs.length > limit ? page[page.length - 1]._id : null }
}

export default defineAction({ name: 'topic.comments', input: TopicCommentsInput, access: user, writes: false, handler: comments })

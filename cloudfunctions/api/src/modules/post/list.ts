/**
 * post.list — the community's post board (岗位责任卡): who holds what (list names), and which of each post's
 * skills the caller has.
 * Outcomes: the posts, oldest first (at most 100).
 */
import { PostListInput, type Post } from '../../../../../types/party'
import { defineAction, member, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { findMany } from '../../platform/db'
import { PT } from '../party/repo'
import { postViews } from '../party/views'

async function list(ctx: UserCtx, input: ActionInput<'post.list'>) {
  const posts = await findMany<Post>(ctx.db, PT.posts, { communityId: input.communityId }, { orderBy: [['createdAt', 'asc']], limit: 100 })
  return postViews(ctx, posts)
}

export default defineAction({ name: 'post.list', input: PostListInput, access: member, writes: false, handler: list })

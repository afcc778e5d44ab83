/**
 * post.list — the community's post board (岗位责任卡): who holds what (list names), and which of each post's
 * skills the caller has. Oldest first, by (createdAt, _id) — the index community_created_id — POST_PAGE posts
 * at a time: a full page may be followed by more, asked for with `after` (the last post's id), so a board of
 * any size is answered whole over pages, never silently cut (the client follows: services/posts.ts).
 * Outcomes: a page of posts; NOT_FOUND when `after` is not a post of this community.
 */
import { POST_PAGE, PostListInput, type Post } from '../../../../../types/party'
import { defineAction, member, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { findMany, getById } from '../../platform/db'
import { notFound } from '../../platform/errors'
import { PT } from '../party/repo'
import { postViews } from '../party/views'

async function list(ctx: UserCtx, input: ActionInput<'post.list'>) {
  const { db } = ctx
  const _ = db.command
  const { communityId } = input
  let filter: object = { communityId }
  if (input.after) {
    const last = await getById<Post>(db, PT.posts, input.after)
    if (!last || last.communityId !== communityId) throw notFound('岗位')
    const at = new Date(last.createdAt)
    // `createdAt >= last's` bounds the index scan so a later page starts where the last ended; the $or settles
    // ties on createdAt by _id.
    filter = _.and([{ communityId }, { createdAt: _.gte(at) }, _.or([{ createdAt: _.gt(at) }, { createdAt: at, _id: _.gt(last._id) }])])
  }
  const posts = await findMany<Post>(db, PT.posts, filter, {
    orderBy: [
      ['createdAt', 'asc'],
      ['_id', 'asc'],
    ],
    limit: POST_PAGE,
  })
  return postViews(ctx, posts)
}

export default defineAction({ name: 'post.list', input: PostListInput, access: member, writes: false, handler: list })

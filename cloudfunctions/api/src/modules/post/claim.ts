/**
 * post.claim — a verified party member takes a post: one conditional update (open, same capacity, not full,
 * not already holding), so the capacity holds under a rush and nobody holds a post twice.
 * Outcomes: the post; NOT_FOUND for a closed, unknown or other community's post; FORBIDDEN
 * (NOT_PARTY_MEMBER) before the registration is verified; CONFLICT for a second claim, or a full post (FULL).
 */
import { PostClaimInput, type Post } from '../../../../../types/party'
import { defineAction, roles, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { getById, updateWhere } from '../../platform/db'
import { conflict, forbidden, notFound } from '../../platform/errors'
import { PT } from '../party/repo'
import { verifiedRegistration } from '../party/verified'
import { postView } from '../party/views'

async function claim(ctx: UserCtx, input: ActionInput<'post.claim'>) {
  const { db, user } = ctx
  const post = await getById<Post>(db, PT.posts, input.postId)
  if (!post || post.communityId !== input.communityId || !post.active) throw notFound('这个岗位')
  if (!(await verifiedRegistration(db, user._id, input.communityId))) throw forbidden('报到审核通过后才能认领岗位', 'NOT_PARTY_MEMBER')
  if (post.holders.includes(user._id)) throw conflict('您已经在这个岗位上了')
  const _ = db.command
  // The capacity read is part of the condition: a secretary cutting the capacity meanwhile makes this
  // update miss (then we read again), instead of letting a claim in under the old, larger capacity.
  for (let current = post, attempt = 0; ; attempt++) {
    const filter = { _id: current._id, active: true, capacity: current.capacity, holders: _.neq(user._id), holderCount: _.lt(current.capacity) }
    if ((await updateWhere(db, PT.posts, filter, { holders: _.push(user._id), holderCount: _.inc(1) })) === 1) break
    const now = await getById<Post>(db, PT.posts, current._id)
    if (!now || !now.active) throw notFound('这个岗位')
    if (now.holders.includes(user._id)) throw conflict('您已经在这个岗位上了')
    if (now.holderCount >= now.capacity || attempt >= 5) throw conflict('这个岗位已满员', 'FULL')
    current = now // the capacity changed under us: try again against the new one
  }
  return postView(ctx, post._id)
}

export default defineAction({ name: 'post.claim', input: PostClaimInput, access: roles('party_member'), writes: true, handler: claim })

/**
 * post.leave — a holder gives the post up (one conditional update).
 * Outcomes: the post; CONFLICT for someone not holding it.
 */
import { PostClaimInput } from '../../../../../types/party'
import { defineAction, member, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { updateWhere } from '../../platform/db'
import { conflict } from '../../platform/errors'
import { PT } from '../party/repo'
import { postView } from '../party/views'

async function leave(ctx: UserCtx, input: ActionInput<'post.leave'>) {
  const { db, user } = ctx
  const _ = db.command
  const left = await updateWhere(
    db,
    PT.posts,
    { _id: input.postId, communityId: input.communityId, holders: user._id },
    { holders: _.pull(user._id), holderCount: _.inc(-1) },
  )
  if (left !== 1) throw conflict('您不在这个岗位上')
  return postView(ctx, input.postId)
}

export default defineAction({ name: 'post.leave', input: PostClaimInput, access: member, writes: true, handler: leave })

/**
 * wish.review (secretary) — approve a wish held for review (it opens on the wall) or reject it with a
 * reason the resident sees. Outcomes: the detail; INVALID_INPUT for a rejection without a reason;
 * CONFLICT (STATE_CHANGED) when it is no longer under review. The decision and its audit entry are one
 * transaction.
 */
import { WishReviewInput } from '../../../../../types/wish'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { invalid } from '../../platform/errors'
import { ensureCan, loadWish, moveAudited, wishResource } from './core'
import { detail } from './views'

async function review(ctx: UserCtx, input: ActionInput<'wish.review'>) {
  const { wish, relations } = await loadWish(ctx, input.communityId, input.wishId)
  if (!input.approve && !input.reason) throw invalid('请写明不通过的原因，居民会看到')
  const event = input.approve ? 'approve' : 'reject'
  ensureCan(event, wish, relations)
  const now = ctx.now()
  const after = await moveAudited(ctx, wish, event, {
    note: input.approve ? null : input.reason,
    set: input.approve ? { openedAt: now } : { rejectReason: input.reason ?? null },
    audit: (a) => ({ communityId: input.communityId, resource: wishResource(wish), before: { status: wish.status }, after: { status: a.status, reason: input.reason ?? null } }),
  })
  return detail(ctx.db, after, ctx.user._id, relations)
}

export default defineAction({ name: 'wish.review', input: WishReviewInput, access: SECRETARY, writes: true, handler: review })

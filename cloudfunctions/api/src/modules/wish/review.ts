/**
 * wish.review (secretary) — approve a wish held for review (it opens on the wall) or reject it with a
 * reason the resident sees. Outcomes: the detail; INVALID_INPUT for a rejection without a reason;
 * CONFLICT when it is no longer under review. Audited.
 */
import type { z } from 'zod'
import type { WishReviewInput } from '../../../../../types/wish'
import type { UserCtx } from '../../platform/context'
import { trace } from '../../platform/audit'
import { invalid } from '../../platform/errors'
import { ensureCan, loadWish, move } from './core'
import { detail } from './views'

export async function review(ctx: UserCtx, input: z.output<typeof WishReviewInput>) {
  const { wish, relations } = await loadWish(ctx, input.communityId, input.wishId)
  if (!input.approve && !input.reason) throw invalid('请写明不通过的原因，居民会看到')
  const event = input.approve ? 'approve' : 'reject'
  ensureCan(event, wish, relations)
  const now = ctx.now()
  const after = await move(ctx, wish, event, ctx.user._id, {
    note: input.approve ? null : input.reason,
    set: input.approve ? { openedAt: now } : { rejectReason: input.reason ?? null },
  })
  await trace(ctx, { communityId: input.communityId, resource: { type: 'wish', id: wish._id }, before: { status: wish.status }, after: { status: after.status, reason: input.reason ?? null } })
  return detail(ctx.db, after, ctx.user._id, relations)
}

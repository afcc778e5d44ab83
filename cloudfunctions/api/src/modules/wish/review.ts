/**
 * wish.review (secretary) — approve a wish held for review (it opens on the wall) or reject it with a
 * reason the resident sees. Outcomes: the detail; INVALID_INPUT for a rejection without a reason;
 * CONFLICT (STATE_CHANGED) when it is no longer under review. The decision and its audit entry are one
 * transaction. The wisher is told the result by subscribe message after it (the 发布 tap asked for it), as
 * the post page promises.
 */
import { WishReviewInput } from '../../../../../types/wish'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { invalid } from '../../platform/errors'
import { thing, timeValue } from '../messages/rules'
import { ensureCan, loadWish, moveAudited, notify, wishResource } from './core'
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
    audit: (a) => ({
      communityId: input.communityId,
      resource: wishResource(wish),
      before: { status: wish.status },
      after: { status: a.status, reason: input.reason ?? null },
    }),
  })
  await notify(ctx, wish.wisherId, 'wishReviewed', after, {
    thing1: thing(wish.title),
    phrase2: input.approve ? '已通过' : '未通过',
    thing3: thing(input.approve ? '已上心愿墙，等待认领' : `原因：${input.reason}`),
    time4: timeValue(now),
  })
  return detail(ctx.db, after, ctx.user._id, relations)
}

export default defineAction({ name: 'wish.review', input: WishReviewInput, access: SECRETARY, writes: true, handler: review })

/**
 * wish.confirm — the wisher (or their proxy) confirms with 1–5 stars and a thank-you; the wish closes and
 *   the claimer earns points through the points module, exactly once (key `wish:<id>:fulfil`). Confirming
 *   again after it closed is answered with the closed wish and changes nothing (a retried tap, or a crash
 *   between closing and paying, still pays once).
 * wish.withdraw — the wisher takes it back before it is fulfilled.
 * awardPoints — shared with the auto-close timer: pays the claimer, or marks the points as owed when no
 *   budget can pay now (the timer retries).
 * Outcomes: the detail; FORBIDDEN for anyone but the wisher's side; CONFLICT for the wrong state.
 */
import type { z } from 'zod'
import type { Wish, WishConfirmInput, WishWithdrawInput } from '../../../../../types/wish'
import type { Deps, UserCtx } from '../../platform/context'
import { AppError, invalid } from '../../platform/errors'
import { credit } from '../points/earn'
import { ensureCan, loadWish, move, notify } from './core'
import { W } from './repo'
import { thing } from './rules'
import { detail } from './views'
import { chinaDateTime } from '../../platform/chinaTime'

export async function awardPoints(deps: Pick<Deps, 'db' | 'now'>, wish: Wish): Promise<void> {
  if (!wish.claimerId) return
  try {
    await credit(deps.db, deps.now(), {
      communityId: wish.communityId,
      userId: wish.claimerId,
      kind: 'wish_fulfilled',
      quantity: 1,
      key: `wish:${wish._id}:fulfil`,
      reason: `完成微心愿「${wish.title}」`,
      cause: { type: 'wish', id: wish._id },
      byUserId: null,
    })
    if (wish.pointsPending) await deps.db.collection(W.wishes).doc(wish._id).update({ data: { pointsPending: false } })
  } catch (err) {
    if (!(err instanceof AppError && err.code === 'CONFLICT')) throw err
    // No sponsor budget can pay now: the wish stays closed, the points are owed and retried by the timer.
    await deps.db.collection(W.wishes).doc(wish._id).update({ data: { pointsPending: true } })
  }
}

export async function confirm(ctx: UserCtx, input: z.output<typeof WishConfirmInput>) {
  const { wish, relations } = await loadWish(ctx, input.communityId, input.wishId)
  if (wish.status === 'closed' && relations.has('wisher') && wish.rating) {
    await awardPoints(ctx, wish) // idempotent: pays only if it never did
    return detail(ctx.db, wish, ctx.user._id, relations)
  }
  ensureCan('confirm', wish, relations)
  if (input.thanks && (await ctx.openapi.checkText(ctx.openid, input.thanks, 2)) !== 'pass') throw invalid('感谢的话含有不适宜的信息，请修改')
  const now = ctx.now()
  const rating = { stars: input.stars, note: input.thanks, at: now }
  const after = await move(ctx, wish, 'confirm', ctx.user._id, { note: input.thanks || null, set: { rating, closedAt: now } })
  await awardPoints(ctx, after)
  await notify(ctx, wish.claimerId, 'wishConfirmed', after, { thing1: thing(wish.title), phrase2: `${input.stars}星好评`.slice(0, 5), time3: chinaDateTime(now) })
  return detail(ctx.db, after, ctx.user._id, relations)
}

export async function withdraw(ctx: UserCtx, input: z.output<typeof WishWithdrawInput>) {
  const { wish, relations } = await loadWish(ctx, input.communityId, input.wishId)
  ensureCan('withdraw', wish, relations)
  const after = await move(ctx, wish, 'withdraw', ctx.user._id, { note: input.reason || null, set: { closedAt: ctx.now() } })
  if (wish.claimerId) await notify(ctx, wish.claimerId, 'reminder', after, { thing1: thing(`心愿已撤回：${wish.title}`), thing2: '许愿人撤回了这个心愿' })
  return detail(ctx.db, after, ctx.user._id, relations)
}

/**
 * wish.confirm — the wisher (or their proxy) confirms with 1–5 stars and a thank-you; the wish closes and
 * the claimer earns points through the points module, exactly once (award.ts, key `wish:<id>:fulfil`).
 * Confirming again after it closed is answered with the closed wish and changes nothing (a retried tap, or a
 * crash between closing and paying, still pays once).
 * Outcomes: the detail; FORBIDDEN for anyone but the wisher's side; CONFLICT (STATE_CHANGED) when it is not
 * fulfilled; INVALID_INPUT for thanks that fail the content check.
 */
import { WishConfirmInput } from '../../../../../types/wish'
import { defineAction, member, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { invalid } from '../../platform/errors'
import { starsPhrase, thing, timeValue } from '../messages/rules'
import { awardPoints } from './award'
import { ensureCan, loadWish, move, notify } from './core'
import { detail } from './views'

async function confirm(ctx: UserCtx, input: ActionInput<'wish.confirm'>) {
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
  await notify(ctx, wish.claimerId, 'wishConfirmed', after, { thing1: thing(wish.title), phrase2: starsPhrase(input.stars), time3: timeValue(now) })
  return detail(ctx.db, after, ctx.user._id, relations)
}

export default defineAction({ name: 'wish.confirm', input: WishConfirmInput, access: member, writes: true, handler: confirm })

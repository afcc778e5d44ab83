/**
 * wish.fulfil — the claimer records proof (text, photos); the wisher is told and asked to confirm.
 * Outcomes: the detail; FORBIDDEN for anyone but the claimer; CONFLICT (STATE_CHANGED) when it is no longer
 * claimed by the caller; INVALID_INPUT for text that fails the content check.
 */
import { WishFulfilInput } from '../../../../../types/wish'
import { defineAction, member, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { thing, timeValue } from '../messages/rules'
import { checkText, ensureCan, loadWish, move, notify } from './core'
import { detail } from './views'

async function fulfil(ctx: UserCtx, input: ActionInput<'wish.fulfil'>) {
  const { wish, relations } = await loadWish(ctx, input.communityId, input.wishId)
  ensureCan('fulfil', wish, relations)
  await checkText(ctx, input.proof)
  const now = ctx.now()
  const after = await move(ctx, wish, 'fulfil', ctx.user._id, {
    note: input.proof,
    photos: input.photos,
    requireClaimer: true,
    set: { proof: { text: input.proof, photos: input.photos ?? [], at: now }, fulfilledAt: now, lastProgressAt: now },
  })
  await notify(ctx, wish.wisherId, 'wishFulfilled', after, { thing1: thing(wish.title), thing2: thing('已完成，请确认并评价'), time3: timeValue(now) })
  return detail(ctx.db, after, ctx.user._id, relations)
}

export default defineAction({ name: 'wish.fulfil', input: WishFulfilInput, access: member, writes: true, handler: fulfil })

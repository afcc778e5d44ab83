/**
 * wish.progress — the claimer reports how it is going (keeps it off the overdue queue).
 * wish.fulfil — the claimer records proof (text, photos); the wisher is told and asked to confirm.
 * Outcomes: the detail; FORBIDDEN for anyone but the claimer; CONFLICT for the wrong state;
 * INVALID_INPUT for text that fails the content check.
 */
import type { z } from 'zod'
import type { WishFulfilInput, WishProgressInput } from '../../../../../types/wish'
import type { UserCtx } from '../../platform/context'
import { invalid } from '../../platform/errors'
import { ensureCan, loadWish, move, notify } from './core'
import { thing } from './rules'
import { detail } from './views'
import { chinaDateTime } from '../../platform/chinaTime'

async function checked(ctx: UserCtx, text: string) {
  if ((await ctx.openapi.checkText(ctx.openid, text, 2)) !== 'pass') throw invalid('内容含有不适宜的信息，请修改后再提交')
}

export async function progress(ctx: UserCtx, input: z.output<typeof WishProgressInput>) {
  const { wish, relations } = await loadWish(ctx, input.communityId, input.wishId)
  ensureCan('progress', wish, relations)
  await checked(ctx, input.note)
  const after = await move(ctx, wish, 'progress', ctx.user._id, { note: input.note, photos: input.photos, requireClaimer: true, set: { lastProgressAt: ctx.now() } })
  return detail(ctx.db, after, ctx.user._id, relations)
}

export async function fulfil(ctx: UserCtx, input: z.output<typeof WishFulfilInput>) {
  const { wish, relations } = await loadWish(ctx, input.communityId, input.wishId)
  ensureCan('fulfil', wish, relations)
  await checked(ctx, input.proof)
  const now = ctx.now()
  const after = await move(ctx, wish, 'fulfil', ctx.user._id, {
    note: input.proof,
    photos: input.photos,
    requireClaimer: true,
    set: { proof: { text: input.proof, photos: input.photos ?? [], at: now }, fulfilledAt: now, lastProgressAt: now },
  })
  await notify(ctx, wish.wisherId, 'wishFulfilled', after, { thing1: thing(wish.title), thing2: thing('已完成，请确认并评价'), time3: chinaDateTime(now) })
  return detail(ctx.db, after, ctx.user._id, relations)
}

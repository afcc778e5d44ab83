/**
 * wish.progress — the claimer reports how it is going (keeps it off the overdue queue).
 * Outcomes: the detail; FORBIDDEN for anyone but the claimer; CONFLICT (STATE_CHANGED) when it is no longer
 * claimed by the caller; INVALID_INPUT for text that fails the content check.
 */
import { WishProgressInput } from '../../../../../types/wish'
import { defineAction, member, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { checkText, ensureCan, loadWish, move } from './core'
import { detail } from './views'

async function progress(ctx: UserCtx, input: ActionInput<'wish.progress'>) {
  const { wish, relations } = await loadWish(ctx, input.communityId, input.wishId)
  ensureCan('progress', wish, relations)
  await checkText(ctx, input.note)
  const after = await move(ctx, wish, 'progress', ctx.user._id, {
    note: input.note,
    photos: input.photos,
    requireClaimer: true,
    set: { lastProgressAt: ctx.now() },
  })
  return detail(ctx.db, after, ctx.user._id, relations)
}

export default defineAction({ name: 'wish.progress', input: WishProgressInput, access: member, writes: true, handler: progress })

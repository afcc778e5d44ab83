/**
 * wish.release — the claimer gives the wish back, with a reason recorded in its story; it is open again.
 * Outcomes: the detail; FORBIDDEN for anyone but the claimer; CONFLICT (STATE_CHANGED) when it is no longer
 * claimed by the caller.
 */
import { WishReleaseInput } from '../../../../../types/wish'
import { defineAction, member, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { ensureCan, loadWish, move } from './core'
import { detail } from './views'

async function release(ctx: UserCtx, input: ActionInput<'wish.release'>) {
  const { wish, relations } = await loadWish(ctx, input.communityId, input.wishId)
  ensureCan('release', wish, relations)
  const after = await move(ctx, wish, 'release', ctx.user._id, {
    note: input.reason,
    requireClaimer: true,
    set: { claimerId: null, claimVia: null, claimedAt: null, lastProgressAt: null },
  })
  relations.delete('claimer')
  return detail(ctx.db, after, ctx.user._id, relations)
}

export default defineAction({ name: 'wish.release', input: WishReleaseInput, access: member, writes: true, handler: release })

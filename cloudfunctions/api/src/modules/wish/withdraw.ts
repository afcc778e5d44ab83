/**
 * wish.withdraw — the wisher (or their proxy) takes the wish back before it is fulfilled; a claimer is told.
 * Outcomes: the detail; FORBIDDEN for anyone but the wisher's side; CONFLICT (STATE_CHANGED) once it is
 * fulfilled, closed or already withdrawn.
 */
import { WishWithdrawInput } from '../../../../../types/wish'
import { defineAction, member, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { thing } from '../messages/rules'
import { ensureCan, loadWish, move, notify } from './core'
import { detail } from './views'

async function withdraw(ctx: UserCtx, input: ActionInput<'wish.withdraw'>) {
  const { wish, relations } = await loadWish(ctx, input.communityId, input.wishId)
  ensureCan('withdraw', wish, relations)
  const after = await move(ctx, wish, 'withdraw', ctx.user._id, { note: input.reason || null, set: { closedAt: ctx.now() } })
  if (wish.claimerId) await notify(ctx, wish.claimerId, 'reminder', after, { thing1: thing(`心愿已撤回：${wish.title}`), thing2: '许愿人撤回了这个心愿' })
  return detail(ctx.db, after, ctx.user._id, relations)
}

export default defineAction({ name: 'wish.withdraw', input: WishWithdrawInput, access: member, writes: true, handler: withdraw })

/**
 * wish.claim — a party member or volunteer takes an open wish. One live claim per wish: the claim is a
 * conditional update on `status: open`, so of many simultaneous claims exactly one wins. The wisher is told
 * by subscribe message.
 * Outcomes: the detail; FORBIDDEN for one's own wish (or without the member relation); CONFLICT
 * (STATE_CHANGED) when the wish is no longer open, or someone else claimed it first.
 */
import { WishClaimInput } from '../../../../../types/wish'
import { defineAction, roles, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { listName } from '../org/rules'
import { thing, timeValue } from '../messages/rules'
import { ensureCan, loadWish, move, notify } from './core'
import { detail } from './views'

async function claim(ctx: UserCtx, input: ActionInput<'wish.claim'>) {
  const { wish, relations } = await loadWish(ctx, input.communityId, input.wishId)
  ensureCan('claim', wish, relations)
  const now = ctx.now()
  const after = await move(ctx, wish, 'claim', ctx.user._id, { set: { claimerId: ctx.user._id, claimVia: 'claim', claimedAt: now, lastProgressAt: now } })
  await notify(ctx, wish.wisherId, 'wishClaimed', after, { thing1: thing(wish.title), thing2: thing(listName(ctx.user)), time3: timeValue(now) })
  relations.add('claimer')
  return detail(ctx.db, after, ctx.user._id, relations)
}

export default defineAction({ name: 'wish.claim', input: WishClaimInput, access: roles('party_member', 'volunteer'), writes: true, handler: claim })

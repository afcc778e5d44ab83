/**
 * wish.get — one wish with its whole story; contact details only for those who need them (views.ts).
 * Outcomes: the detail; NOT_FOUND for an unknown wish, or one still in review / rejected / withdrawn to
 * anyone but the wisher's side, the claimer and the secretary.
 */
import { WishGetInput } from '../../../../../types/wish'
import { defineAction, member, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { notFound } from '../../platform/errors'
import { loadWish } from './core'
import { PUBLIC_STATUSES } from './rules'
import { detail } from './views'

async function get(ctx: UserCtx, input: ActionInput<'wish.get'>) {
  const { wish, relations } = await loadWish(ctx, input.communityId, input.wishId)
  const visible = PUBLIC_STATUSES.includes(wish.status) || relations.has('wisher') || relations.has('secretary') || relations.has('claimer')
  if (!visible) throw notFound('这个心愿')
  return detail(ctx.db, wish, ctx.user._id, relations)
}

export default defineAction({ name: 'wish.get', input: WishGetInput, access: member, writes: false, handler: get })

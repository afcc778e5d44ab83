/**
 * wish.dispatch (secretary) — 任务派单: give an open wish to a named party member or volunteer of this
 * community. The move and its audit entry are one transaction; the wisher and the member are told.
 * Outcomes: the detail; INVALID_INPUT for someone who is not a party member or volunteer here, or the
 * wisher themself; FORBIDDEN for anyone but the secretary's side; CONFLICT (STATE_CHANGED) when the wish is
 * no longer open (claimed or dispatched meanwhile). Nothing changes on failure.
 */
import type { User } from '../../../../../types/org'
import { WishDispatchInput } from '../../../../../types/wish'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { getById } from '../../platform/db'
import { invalid } from '../../platform/errors'
import { C } from '../org/repo'
import { listName } from '../org/rules'
import { thing, timeValue } from '../messages/rules'
import { ensureCan, loadWish, moveAudited, notify, wishResource } from './core'
import { takesWishes } from './rules'
import { detail } from './views'

async function dispatch(ctx: UserCtx, input: ActionInput<'wish.dispatch'>) {
  const { wish, relations } = await loadWish(ctx, input.communityId, input.wishId)
  ensureCan('dispatch', wish, relations)
  const member = await getById<User>(ctx.db, C.users, input.memberId)
  if (!member || !takesWishes(member.roles, input.communityId)) throw invalid('只能派给本社区的党员或志愿者')
  if (member._id === wish.wisherId) throw invalid('不能把心愿派给许愿人自己')
  const now = ctx.now()
  const after = await moveAudited(ctx, wish, 'dispatch', {
    note: input.note ? `派给${listName(member)}：${input.note}` : `派给${listName(member)}`,
    set: { claimerId: member._id, claimVia: 'dispatch', claimedAt: now, lastProgressAt: now },
    audit: (a) => ({
      communityId: input.communityId,
      resource: wishResource(wish),
      before: { status: wish.status },
      after: { status: a.status, claimerId: member._id },
    }),
  })
  await notify(ctx, wish.wisherId, 'wishClaimed', after, { thing1: thing(wish.title), thing2: thing(listName(member)), time3: timeValue(now) })
  await notify(ctx, member._id, 'reminder', after, { thing1: thing(`社区派单：${wish.title}`), thing2: '请尽快联系许愿人' })
  return detail(ctx.db, after, ctx.user._id, relations)
}

export default defineAction({ name: 'wish.dispatch', input: WishDispatchInput, access: SECRETARY, writes: true, handler: dispatch })

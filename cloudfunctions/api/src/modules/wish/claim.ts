/**
 * wish.claim — a party member or volunteer takes an open wish. One live claim per wish: the claim is a
 *   conditional update on `status: open`, so of many simultaneous claims exactly one wins; the rest get
 *   CONFLICT. The wisher is told by subscribe message.
 * wish.dispatch (secretary) — 任务派单: give an open wish to a named member (party member or volunteer of
 *   this community). Audited.
 * wish.release — the claimer gives it back (reason recorded); it is open again.
 * wish.remind (secretary) — remind the claimer of a claimed wish by subscribe message; recorded in its story.
 * Outcomes: the detail; FORBIDDEN for the wrong person; CONFLICT for the wrong state; INVALID_INPUT for a
 * dispatch to someone who is not a member here.
 */
import type { z } from 'zod'
import type { User } from '../../../../../types/org'
import type { Wish, WishClaimInput, WishDispatchInput, WishHistoryEntry, WishReleaseInput, WishRemindInput } from '../../../../../types/wish'
import type { UserCtx } from '../../platform/context'
import { trace } from '../../platform/audit'
import { getById } from '../../platform/db'
import { conflict, invalid } from '../../platform/errors'
import { C } from '../org/repo'
import { listName } from '../org/rules'
import { ensureCan, loadWish, move, notify } from './core'
import { W } from './repo'
import { thing } from './rules'
import { detail } from './views'
import { chinaDateTime } from '../../platform/chinaTime'

export async function claim(ctx: UserCtx, input: z.output<typeof WishClaimInput>) {
  const { wish, relations } = await loadWish(ctx, input.communityId, input.wishId)
  ensureCan('claim', wish, relations)
  const now = ctx.now()
  const after = await move(ctx, wish, 'claim', ctx.user._id, { set: { claimerId: ctx.user._id, claimVia: 'claim', claimedAt: now, lastProgressAt: now } })
  await notify(ctx, wish.wisherId, 'wishClaimed', after, { thing1: thing(wish.title), name2: listName(ctx.user).slice(0, 10), time3: chinaDateTime(now) })
  relations.add('claimer')
  return detail(ctx.db, after, ctx.user._id, relations)
}

export async function dispatch(ctx: UserCtx, input: z.output<typeof WishDispatchInput>) {
  const { wish, relations } = await loadWish(ctx, input.communityId, input.wishId)
  ensureCan('dispatch', wish, relations)
  const member = await getById<User>(ctx.db, C.users, input.memberId)
  if (!member || !member.roles.some((g) => g.communityId === input.communityId && (g.role === 'party_member' || g.role === 'volunteer'))) {
    throw invalid('只能派给本社区的党员或志愿者')
  }
  if (member._id === wish.wisherId) throw invalid('不能把心愿派给许愿人自己')
  const now = ctx.now()
  const after = await move(ctx, wish, 'dispatch', ctx.user._id, {
    note: input.note ? `派给${listName(member)}：${input.note}` : `派给${listName(member)}`,
    set: { claimerId: member._id, claimVia: 'dispatch', claimedAt: now, lastProgressAt: now },
  })
  await trace(ctx, { communityId: input.communityId, resource: { type: 'wish', id: wish._id }, before: { status: wish.status }, after: { status: after.status, claimerId: member._id } })
  await notify(ctx, wish.wisherId, 'wishClaimed', after, { thing1: thing(wish.title), name2: listName(member).slice(0, 10), time3: chinaDateTime(now) })
  await notify(ctx, member._id, 'reminder', after, { thing1: thing(`社区派单：${wish.title}`), thing2: '请尽快联系许愿人' })
  return detail(ctx.db, after, ctx.user._id, relations)
}

export async function release(ctx: UserCtx, input: z.output<typeof WishReleaseInput>) {
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

export async function remind(ctx: UserCtx, input: z.output<typeof WishRemindInput>) {
  const { wish, relations } = await loadWish(ctx, input.communityId, input.wishId)
  if (wish.status !== 'claimed' || !wish.claimerId) throw conflict('只有已认领的心愿可以提醒认领人')
  const now = ctx.now()
  const entry: WishHistoryEntry = { at: now, event: 'remind', byId: ctx.user._id, from: 'claimed', to: 'claimed', note: '社区提醒认领人跟进' }
  const _ = ctx.db.command
  const res = (await ctx.db.collection(W.wishes).where({ _id: wish._id, status: 'claimed', claimerId: wish.claimerId }).update({ data: { remindedAt: now, history: _.push(entry) } })) as { stats: { updated: number } }
  if (res.stats.updated !== 1) throw conflict('心愿状态刚刚变了，请刷新后再试')
  await notify(ctx, wish.claimerId, 'reminder', wish, { thing1: thing(`心愿待跟进：${wish.title}`), thing2: thing('社区提醒您尽快联系许愿人') })
  const after: Wish = { ...wish, remindedAt: now, history: [...wish.history, entry] }
  return detail(ctx.db, after, ctx.user._id, relations)
}

/**
 * What every wish command shares: loading a wish of the caller's community, the caller's relations to
 * it, the one way a state changes (a conditional update on the current status that also appends the
 * history entry, so a lost race changes nothing), and notifying people by subscribe message.
 */
import type { User } from '../../../../../types/org'
import type { Wish, WishEvent, WishHistoryEntry, WishStatus } from '../../../../../types/wish'
import type { TemplateData, TemplateName } from '../../../../../types/templates'
import type { Deps, UserCtx } from '../../platform/context'
import { getById } from '../../platform/db'
import { conflict, forbidden, notFound } from '../../platform/errors'
import { getCommunity } from '../org/repo'
import { sendMessage } from '../messages/send'
import { holdsRole } from '../org/rules'
import { getWish, W } from './repo'
import { can, PUBLIC_STATUSES, relationsOf, TRANSITIONS, type Move_, type Relation } from './rules'

export async function loadWish(ctx: UserCtx, communityId: string, wishId: string): Promise<{ wish: Wish; relations: Set<Relation> }> {
  const [wish, community] = await Promise.all([getWish(ctx.db, wishId), getCommunity(ctx.db, communityId)])
  if (!wish || !community || wish.communityId !== communityId) throw notFound('这个心愿')
  const relations = relationsOf(wish, ctx.user._id, {
    isMember: holdsRole(ctx.user, community, ['party_member', 'volunteer']),
    isSecretary: holdsRole(ctx.user, community, ['secretary', 'street_admin']),
  })
  return { wish, relations }
}

const RACE_MESSAGES: Partial<Record<Move_, string>> = {
  claim: '这个心愿刚刚被别人认领了',
  dispatch: '这个心愿刚刚被认领了，请刷新',
  confirm: '这个心愿已经确认过了',
}

/** Why `event` is not possible now, in words for the person. */
function refusal(event: Move_, wish: Wish, relations: Set<Relation>): string {
  const t = TRANSITIONS[event]
  if (!t.by.some((r) => relations.has(r))) {
    if (event === 'release' || event === 'progress' || event === 'fulfil') return '只有认领人可以这样做'
    if (event === 'confirm' || event === 'withdraw') return '只有许愿人可以这样做'
    if (event === 'claim') return '党员和志愿者才能认领心愿'
    return '您没有权限进行此操作'
  }
  if (event === 'claim' && relations.has('wisher')) return '不能认领自己的心愿'
  return RACE_MESSAGES[event] && wish.status !== 'open' && event !== 'confirm' ? RACE_MESSAGES[event]! : `心愿现在是「${statusWord(wish.status)}」，不能这样做`
}
const statusWord = (s: WishStatus) =>
  ({ under_review: '审核中', open: '待认领', claimed: '已认领', fulfilled: '已完成待确认', closed: '已圆梦', rejected: '未通过', withdrawn: '已撤回' })[s]

/** Throws FORBIDDEN (wrong person) or CONFLICT (wrong state) unless the relations allow the event now. */
export function ensureCan(event: Move_, wish: Wish, relations: Set<Relation>): void {
  if (can(event, wish.status, relations)) return
  const byOk = TRANSITIONS[event].by.some((r) => relations.has(r)) && !(event === 'claim' && relations.has('wisher'))
  throw byOk ? conflict(refusal(event, wish, relations)) : forbidden(refusal(event, wish, relations))
}

/**
 * Move the wish from its current status by `event`, atomically: the update applies only if the status
 * (and, for claimer moves, the claimer) is still what we read. Returns the wish as it now is.
 */
export async function move(
  deps: Pick<Deps, 'db' | 'now'>,
  wish: Wish,
  event: Move_,
  byId: string | null,
  opts: { note?: string | null; photos?: string[]; set?: Partial<Wish>; requireClaimer?: boolean } = {},
): Promise<Wish> {
  const _ = deps.db.command
  const now = deps.now()
  const to = TRANSITIONS[event].to
  const entry: WishHistoryEntry = { at: now, event, byId, from: wish.status, to, note: opts.note ?? null, ...(opts.photos?.length ? { photos: opts.photos } : {}) }
  const cond: Record<string, unknown> = { _id: wish._id, status: wish.status }
  if (opts.requireClaimer) cond.claimerId = wish.claimerId
  const set: Record<string, unknown> = { ...opts.set, status: to, onWall: PUBLIC_STATUSES.includes(to), updatedAt: now, history: _.push(entry) }
  // Plain objects and arrays are replaced whole (the SDK would otherwise merge them field by field).
  for (const [k, v] of Object.entries(set)) if (v !== null && (Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype)) set[k] = _.set(v)
  const res = (await deps.db.collection(W.wishes).where(cond).update({ data: set })) as { stats: { updated: number } }
  if (res.stats.updated !== 1) throw conflict(RACE_MESSAGES[event] ?? '心愿状态刚刚变了，请刷新后再试')
  return { ...wish, ...(opts.set ?? {}), status: to, onWall: PUBLIC_STATUSES.includes(to), updatedAt: now, history: [...wish.history, entry] } as Wish
}

/**
 * Tell someone by subscribe message; offline residents are told through the one who posted for them.
 * A refused send is recorded for the secretary (modules/messages/send.ts), never thrown.
 */
export async function notify<N extends TemplateName>(deps: Pick<Deps, 'db' | 'openapi' | 'now'>, userId: string | null, template: N, wish: Wish, data: TemplateData<N>): Promise<void> {
  if (!userId) return
  let user = await getById<User>(deps.db, 'users', userId)
  if (user?.offline && wish.onBehalf && wish.postedById !== userId) user = await getById<User>(deps.db, 'users', wish.postedById)
  if (!user || user.offline) return
  await sendMessage(deps, { communityId: wish.communityId, userId: user._id, template, page: `packages/wish/pages/detail/index?id=${wish._id}&c=${wish.communityId}`, data })
}

export type { WishEvent }

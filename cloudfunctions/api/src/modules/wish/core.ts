/**
 * What every wish command shares: loading a wish of the caller's community, the caller's relations to
 * it, the one way a state changes (a conditional update on the current status that also appends the
 * history entry, so a lost race changes nothing; or, for an audited move, one transaction with its audit
 * entry), the content check, and notifying people by subscribe message.
 */
import type { User } from '../../../../../types/org'
import type { Wish, WishHistoryEntry } from '../../../../../types/wish'
import type { TemplateData, TemplateName } from '../../../../../types/templates'
import type { Deps, UserCtx } from '../../platform/context'
import { recordIn, type AuditInput } from '../../platform/audit'
import { getById, runTx, txGet, updateWhere, type Command, type Tx } from '../../platform/db'
import { conflict, forbidden, invalid, notFound } from '../../platform/errors'
import { getCommunity } from '../org/repo'
import { sendMessage } from '../messages/send'
import { holdsRole } from '../org/rules'
import { changesCounters, countMove } from './counters'
import { getWish, W } from './repo'
import { PUBLIC_STATUSES, raceMessage, refusal, relationsOf, TRANSITIONS, type Move_, type Relation } from './rules'

export async function loadWish(ctx: UserCtx, communityId: string, wishId: string): Promise<{ wish: Wish; relations: Set<Relation> }> {
  const [wish, community] = await Promise.all([getWish(ctx.db, wishId), getCommunity(ctx.db, communityId)])
  if (!wish || !community || wish.communityId !== communityId) throw notFound('这个心愿')
  const relations = relationsOf(wish, ctx.user._id, {
    isMember: holdsRole(ctx.user, community, ['party_member', 'volunteer']),
    isSecretary: holdsRole(ctx.user, community, ['secretary', 'street_admin']),
  })
  return { wish, relations }
}

/** Throws FORBIDDEN (wrong person) or CONFLICT (wrong state: STATE_CHANGED) unless the relations allow the event now. */
export function ensureCan(event: Move_, wish: Wish, relations: Set<Relation>): void {
  const no = refusal(event, wish.status, relations)
  if (!no) return
  throw no.code === 'CONFLICT' ? conflict(no.message, 'STATE_CHANGED') : forbidden(no.message)
}

/** The content check for what a claimer writes (progress notes, proof). */
export async function checkText(ctx: UserCtx, text: string): Promise<void> {
  if ((await ctx.openapi.checkText(ctx.openid, text, 2)) !== 'pass') throw invalid('内容含有不适宜的信息，请修改后再提交')
}

type MoveOpts = { note?: string | null; photos?: string[]; set?: Partial<Wish>; requireClaimer?: boolean }

/** The history entry, the update and the wish as it will be after `event`. */
function planMove(_: Command, now: Date, wish: Wish, event: Move_, byId: string | null, opts: MoveOpts) {
  const to = TRANSITIONS[event].to
  const entry: WishHistoryEntry = {
    at: now,
    event,
    byId,
    from: wish.status,
    to,
    note: opts.note ?? null,
    ...(opts.photos?.length ? { photos: opts.photos } : {}),
  }
  const data: Record<string, unknown> = { ...opts.set, status: to, onWall: PUBLIC_STATUSES.includes(to), updatedAt: now, history: _.push(entry) }
  // Plain objects and arrays are replaced whole (the SDK would otherwise merge them field by field).
  for (const [k, v] of Object.entries(data)) if (v !== null && (Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype)) data[k] = _.set(v)
  const after = { ...wish, ...(opts.set ?? {}), status: to, onWall: PUBLIC_STATUSES.includes(to), updatedAt: now, history: [...wish.history, entry] } as Wish
  return { data, after }
}

/**
 * Move the wish from its current status by `event`, atomically: the update applies only if the status
 * (and, for claimer moves, the claimer) is still what we read; otherwise CONFLICT (STATE_CHANGED) and
 * nothing changes. A move that changes wish.stats' counters (counters.ts: a status, a claim or fulfilment
 * time, a rating) is one transaction with its counter shard; one that changes none (a progress note) is one
 * conditional update. Returns the wish as it now is.
 */
export async function move(deps: Pick<Deps, 'db' | 'now'>, wish: Wish, event: Move_, byId: string | null, opts: MoveOpts = {}): Promise<Wish> {
  const _ = deps.db.command
  const { data, after } = planMove(_, deps.now(), wish, event, byId, opts)
  if (!changesCounters(wish, after)) {
    const cond: Record<string, unknown> = { _id: wish._id, status: wish.status }
    if (opts.requireClaimer) cond.claimerId = wish.claimerId
    if ((await updateWhere(deps.db, W.wishes, cond, data)) !== 1) throw conflict(raceMessage(event), 'STATE_CHANGED')
    return after
  }
  await runTx(deps.db, async (tx) => {
    const current = await txGet<Wish>(tx, W.wishes, wish._id)
    if (!current || current.status !== wish.status || (opts.requireClaimer && current.claimerId !== wish.claimerId))
      throw conflict(raceMessage(event), 'STATE_CHANGED')
    await tx.collection(W.wishes).doc(wish._id).update({ data })
    await countMove(tx, _, current, { ...current, ...(opts.set ?? {}), status: after.status })
  })
  return after
}

/**
 * `move` for an audited decision (approve, reject, dispatch, convert): the change, its counters, `also` (more
 * writes by document id: wish.convert's new request) and its audit entry in one transaction, applied only if the
 * wish is still in the status read (and with the same claimer, for claimer moves). A racing claim or review makes
 * the transaction conflict; it runs again, finds the new status and answers CONFLICT (STATE_CHANGED), changing
 * nothing.
 */
export async function moveAudited(
  ctx: UserCtx,
  wish: Wish,
  event: Move_,
  opts: MoveOpts & { audit: (after: Wish) => AuditInput; also?: (tx: Tx) => Promise<void> },
): Promise<Wish> {
  const _ = ctx.db.command
  const { data, after } = planMove(_, ctx.now(), wish, event, ctx.user._id, opts)
  await runTx(ctx.db, async (tx) => {
    const current = await txGet<Wish>(tx, W.wishes, wish._id)
    if (!current || current.status !== wish.status || (opts.requireClaimer && current.claimerId !== wish.claimerId))
      throw conflict(raceMessage(event), 'STATE_CHANGED')
    await tx.collection(W.wishes).doc(wish._id).update({ data })
    await countMove(tx, _, current, { ...current, ...(opts.set ?? {}), status: after.status })
    if (opts.also) await opts.also(tx)
    await recordIn(tx, ctx, opts.audit(after))
  })
  return after
}

/** How a wish is named in the audit log. */
export const wishResource = (wish: Pick<Wish, '_id' | 'title'>) => ({ type: 'wish' as const, id: wish._id, label: wish.title })

/**
 * Tell someone by subscribe message; offline residents are told through the one who posted for them.
 * A refused send is recorded for the secretary (modules/messages/send.ts), never thrown.
 */
export async function notify<N extends TemplateName>(
  deps: Pick<Deps, 'db' | 'openapi' | 'now'>,
  userId: string | null,
  template: N,
  wish: Wish,
  data: TemplateData<N>,
): Promise<void> {
  if (!userId) return
  let user = await getById<User>(deps.db, 'users', userId)
  if (user?.offline && wish.onBehalf && wish.postedById !== userId) user = await getById<User>(deps.db, 'users', wish.postedById)
  if (!user || user.offline) return
  await sendMessage(deps, {
    communityId: wish.communityId,
    userId: user._id,
    template,
    page: `packages/wish/pages/detail/index?id=${wish._id}&c=${wish.communityId}`,
    data,
  })
}

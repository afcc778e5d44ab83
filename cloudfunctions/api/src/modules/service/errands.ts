/**
 * What the errand actions share: loading an errand of the caller's community with the caller's relations to it
 * (errandRules.ts), the one way an errand moves — a conditional update on the status and owner read, which
 * appends the flow entry (and a handover record), so of 100 staff racing to accept one errand exactly one owns it
 * and the rest get CONFLICT STATE_CHANGED with nothing changed — the message to the resident, and the views.
 *
 * Staff of an errand: the community's secretary (or the street admin over it), its grid workers, and the
 * providers of the errand's service (service.provider: named people, the unit's staff).
 */
import type { Community, User } from '../../../../../types/org'
import type { Errand, ErrandView, Service } from '../../../../../types/services'
import type { Deps, UserCtx } from '../../platform/context'
import { recordIn } from '../../platform/audit'
import { findMany, getById, newId, readAll, runTx, txGet, updateWhere, type Command, type Db } from '../../platform/db'
import { conflict, forbidden, invalid, notFound } from '../../platform/errors'
import { C, getCommunity, getMany } from '../org/repo'
import { holdsRole, listName } from '../org/rules'
import { getUnit, staffOf } from '../request/repo'
import { sendMessage } from '../messages/send'
import { thing } from '../messages/rules'
import { errandCan, errandIdAt, errandRefusal, errandRelations, type ErrandEvent, type ErrandRelation, type ErrandStep } from './errandRules'
import { isProvider, postOf } from './core'
import { K } from './repo'

export const newErrandId = (now: Date) => errandIdAt(now, newId())

/** A service stands for many people: the community's errand services are a handful. */
const MAX_ERRAND_SERVICES = 50

/** The community's 社区代办 services (served by services.community_category_id). */
export const errandServices = (db: Db, communityId: string) => readAll<Service>(db, K.services, { communityId, category: 'errand' }, MAX_ERRAND_SERVICES)

/** Community staff for errands: the secretary (or street admin) and the grid workers. */
export const isCommunityStaff = (user: Pick<User, 'roles'>, community: Community) => holdsRole(user, community, ['secretary', 'street_admin', 'grid_worker'])
export const isSecretaryOf = (user: Pick<User, 'roles'>, community: Community) => holdsRole(user, community, ['secretary', 'street_admin'])

/** Does the user provide this service (core.ts isProvider, with the service's post read when it is a post's)? */
export async function providesService(db: Db, user: User, service: Service | null): Promise<boolean> {
  return !!service && isProvider(user, service, await postOf(db, service))
}

/** Staff of an errand of this service (or of none): community staff, or a provider of the service. */
export async function isErrandStaff(db: Db, user: User, community: Community, service: Service | null): Promise<boolean> {
  return isCommunityStaff(user, community) || (!!service && service.communityId === community._id && (await providesService(db, user, service)))
}

export interface LoadedErrand {
  errand: Errand
  community: Community
  service: Service | null
  relations: Set<ErrandRelation>
}

/** The caller's relations to an errand, given whether they provide its service. */
export function relationsOf(errand: Errand, user: User, community: Community, provides: boolean): Set<ErrandRelation> {
  const communityStaff = isCommunityStaff(user, community)
  return errandRelations(errand, user._id, { staff: communityStaff || provides, secretary: isSecretaryOf(user, community), communityStaff })
}

/**
 * An errand of the community with the caller's relations to it. NOT_FOUND for an errand of another community and
 * for anyone with no relation to it (an errand is between the resident, who entered it and the staff).
 */
export async function loadErrand(ctx: UserCtx, communityId: string, errandId: string): Promise<LoadedErrand> {
  const [errand, community] = await Promise.all([getById<Errand>(ctx.db, K.errands, errandId), getCommunity(ctx.db, communityId)])
  if (!errand || !community || errand.communityId !== communityId) throw notFound('这件代办')
  const service = errand.serviceId ? await getById<Service>(ctx.db, K.services, errand.serviceId) : null
  const relations = relationsOf(errand, ctx.user, community, await providesService(ctx.db, ctx.user, service))
  if (!relations.size) throw notFound('这件代办')
  return { errand, community, service, relations }
}

/** Throws FORBIDDEN (wrong person) or CONFLICT (wrong status) unless the step is allowed now. */
export function ensureStep(step: ErrandStep, loaded: LoadedErrand): void {
  const no = errandRefusal(step, loaded.errand, loaded.relations)
  if (!no) return
  throw no.code === 'FORBIDDEN' ? forbidden(no.message) : conflict(no.message, no.reason)
}

export const RACE = '这件代办刚刚有人处理了，请刷新后再看'

/** A toRequest hold older than this is a crash's leftover: it no longer blocks anything. */
export const HOLD_MS = 60_000

/** No live toRequest hold on the errand (none, or a stale one). */
export const notHeld = (_: Command, now: Date) =>
  _.or([{ converting: _.exists(false) }, { converting: null }, { 'converting.at': _.lt(new Date(now.getTime() - HOLD_MS)) }])

/**
 * Move the errand by `event`: applied only if the status and the owner are still what was read (and `where`);
 * otherwise CONFLICT STATE_CHANGED and nothing changes. Returns the errand as it now is.
 */
export async function moveErrand(
  deps: Pick<Deps, 'db' | 'now'>,
  errand: Errand,
  event: ErrandEvent,
  byId: string,
  opts: {
    status?: Errand['status']
    set?: Partial<Errand>
    note?: string | null
    handover?: Errand['handovers'][number]
    /** The toRequest hold this move completes (without it, the move needs the errand free of a live hold). */
    held?: NonNullable<Errand['converting']>
  } = {},
): Promise<Errand> {
  const _ = deps.db.command
  const now = deps.now()
  const entry = { at: now, event, byId, note: opts.note ?? null }
  const fields: Partial<Errand> = { ...opts.set, status: opts.status ?? errand.status, updatedAt: now }
  const data: Record<string, unknown> = { ...fields, flow: _.push(entry) }
  if (opts.handover) data.handovers = _.push(opts.handover)
  if (opts.held) data.converting = _.remove()
  const asRead = { _id: errand._id, status: errand.status, ownerId: errand.ownerId }
  const cond = opts.held ? { ...asRead, 'converting.at': opts.held.at, 'converting.byId': opts.held.byId } : _.and([asRead, notHeld(_, now)])
  if ((await updateWhere(deps.db, K.errands, cond, data)) !== 1) throw conflict(RACE, 'STATE_CHANGED')
  const { converting: _held, ...rest } = errand
  return {
    ...(opts.held ? rest : errand),
    ...fields,
    flow: [...errand.flow, entry],
    handovers: opts.handover ? [...errand.handovers, opts.handover] : errand.handovers,
  }
}

/**
 * A handover the secretary makes for an owner who is away: the same move in one transaction with its audit
 * entry (the owner before and after), applied only if the status and owner are still what was read and no
 * toRequest is in flight; otherwise CONFLICT STATE_CHANGED and nothing changes.
 */
export async function handOverAudited(ctx: UserCtx, errand: Errand, handover: Errand['handovers'][number], note: string | null): Promise<Errand> {
  const _ = ctx.db.command
  const now = ctx.now()
  const entry = { at: now, event: 'handover' as const, byId: ctx.user._id, note }
  await runTx(ctx.db, async (tx) => {
    const cur = await txGet<Errand>(tx, K.errands, errand._id)
    const held = !!cur?.converting && new Date(cur.converting.at).getTime() >= now.getTime() - HOLD_MS
    if (!cur || cur.status !== errand.status || cur.ownerId !== errand.ownerId || held) throw conflict(RACE, 'STATE_CHANGED')
    await tx
      .collection(K.errands)
      .doc(errand._id)
      .update({ data: { ownerId: handover.toId, updatedAt: now, flow: _.push(entry), handovers: _.push(handover) } })
    await recordIn(tx, ctx, {
      communityId: errand.communityId,
      resource: { type: 'errand', id: errand._id, label: errand.title },
      before: { ownerId: handover.fromId },
      after: { ownerId: handover.toId },
    })
  })
  return { ...errand, ownerId: handover.toId, updatedAt: now, flow: [...errand.flow, entry], handovers: [...errand.handovers, handover] }
}

/** The page an errand's messages open. */
export const errandPage = (e: Pick<Errand, '_id' | 'communityId'>) => `packages/services/pages/index/index?errand=${e._id}&c=${e.communityId}`

/**
 * Tell the resident (待办提醒: 事项, 说明), or who entered it for them when they have no WeChat (the building
 * head). Sent through messages/send.ts: a refusal is recorded for the secretary, never thrown.
 */
export async function notifyResident(deps: Pick<Deps, 'db' | 'openapi' | 'now'>, errand: Errand, note: string): Promise<void> {
  let user = await getById<User>(deps.db, C.users, errand.residentId)
  if (user?.offline && errand.enteredById !== errand.residentId) user = await getById<User>(deps.db, C.users, errand.enteredById)
  if (!user || user.offline) return
  await sendMessage(deps, {
    communityId: errand.communityId,
    userId: user._id,
    template: 'reminder',
    page: errandPage(errand),
    data: { thing1: thing(`代办：${errand.title}`), thing2: thing(note) },
  })
}

/** The people an errand of this service may be handed over to (as many as a picker shows). */
const MAX_CANDIDATES = 100

/**
 * Who may take over an errand of this service (errand.advance handover accepts exactly these): the community's
 * secretaries and grid workers (one read on users.roles_community), and the service's providers — people named,
 * its unit's staff, its post's holders.
 */
export async function handoverCandidates(db: Db, community: Community, service: Service | null): Promise<User[]> {
  const _ = db.command
  const staff = await findMany<User>(
    db,
    C.users,
    { 'roles.communityId': community._id, 'roles.role': _.in(['secretary', 'grid_worker']) },
    { limit: MAX_CANDIDATES },
  )
  const out = new Map(staff.filter((u) => isCommunityStaff(u, community)).map((u) => [u._id, u]))
  if (service && service.communityId === community._id) {
    const unit = service.provider.kind === 'unit' && service.provider.unitId ? await getUnit(db, service.provider.unitId) : null
    const post = await postOf(db, service)
    const ids = [...service.provider.userIds, ...(post?.holders ?? [])].filter((id) => !out.has(id))
    for (const u of (await getMany<User>(db, C.users, ids)).values()) out.set(u._id, u)
    for (const u of unit ? await staffOf(db, unit) : []) out.set(u._id, u)
  }
  return [...out.values()].filter((u) => !u.offline)
}

/** A page of errands as views for the caller (people named by masked names; `can` from the rules table). */
export async function errandViews(db: Db, errands: Errand[], user: User, community: Community): Promise<ErrandView[]> {
  const people = await getMany<User>(
    db,
    C.users,
    errands.flatMap((e) => [
      e.residentId,
      ...(e.ownerId ? [e.ownerId] : []),
      ...e.handovers.flatMap((h) => [h.fromId, h.toId]),
      ...e.flow.flatMap((f) => (f.byId ? [f.byId] : [])),
    ]),
  )
  const services = await getMany<Service>(
    db,
    K.services,
    errands.flatMap((e) => (e.serviceId ? [e.serviceId] : [])),
  )
  const provides = new Map<string, boolean>()
  for (const s of services.values()) provides.set(s._id, await providesService(db, user, s))
  const name = (id: string | null) => {
    const u = id ? people.get(id) : undefined
    return u ? listName(u) : '**'
  }
  const views = errands.map((e) => ({
    id: e._id,
    title: e.title,
    description: e.description,
    documents: e.documents,
    status: e.status,
    resident: name(e.residentId),
    owner: e.ownerId ? name(e.ownerId) : null,
    handovers: e.handovers.map((h) => ({ from: name(h.fromId), to: name(h.toId), at: new Date(h.at).toISOString(), note: h.note })),
    requestId: e.requestId,
    createdAt: new Date(e.createdAt).toISOString(),
    can: errandCan(e, relationsOf(e, user, community, !!e.serviceId && !!provides.get(e.serviceId))),
    timeline: e.flow.map((f) => ({ at: new Date(f.at).toISOString(), event: f.event as ErrandEvent, by: f.byId ? name(f.byId) : null, note: f.note })),
  }))
  // Whom each errand the caller may hand over could go to: read once per service of the page.
  const candidates = new Map<string, User[]>()
  for (const [i, v] of views.entries()) {
    if (!v.can.handover) continue
    const e = errands[i]
    const key = e.serviceId ?? ''
    if (!candidates.has(key)) candidates.set(key, await handoverCandidates(db, community, e.serviceId ? (services.get(e.serviceId) ?? null) : null))
    Object.assign(v, {
      handoverTo: candidates
        .get(key)!
        .filter((u) => u._id !== e.ownerId)
        .map((u) => ({ id: u._id, name: listName(u) })),
    })
  }
  return views
}

export async function errandView(db: Db, errand: Errand, user: User, community: Community): Promise<ErrandView> {
  return (await errandViews(db, [errand], user, community))[0]
}

/** One page by the time-ordered `_id`: newest first, or oldest first (the staff's queue). */
export async function errandPageOf(
  db: Db,
  filter: Record<string, unknown>,
  cursor: string | undefined,
  limit: number,
  order: 'asc' | 'desc',
): Promise<{ items: Errand[]; nextCursor: string | null }> {
  const _ = db.command
  if (cursor !== undefined && !/^e[0-9a-z]{9}[0-9a-f]{12}$/.test(cursor)) throw invalid('翻页参数不正确，请刷新后重试')
  const where = cursor ? { ...filter, _id: order === 'asc' ? _.gt(cursor) : _.lt(cursor) } : filter
  const docs = await findMany<Errand>(db, K.errands, where, { orderBy: [['_id', order]], limit: limit + 1 })
  const items = docs.slice(0, limit)
  return { items, nextCursor: docs.length > limit ? items[items.length - 1]._id : null }
}

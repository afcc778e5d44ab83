/**
 * What every request command shares (wish/core.ts and council/core.ts, for requests): loading a request of the
 * caller's community with the caller's relations to it; refusing a move the lifecycle table does not allow; the
 * one way a status changes — a conditional update on the status AND the holder read, which appends the flow
 * entry and keeps the indexed `holderKey` / `open` / `dueAt` (and the timer's `nextCheckAt`) with the status,
 * so of 500 staff racing to accept one request exactly one becomes its owner and the rest get CONFLICT
 * STATE_CHANGED with nothing changed; a move that closes a request runs in a transaction with the counters it
 * changes (counters.ts); an audited secretary decision runs in one transaction with its audit entry (recordIn)
 * and its counters. Dispatch routes a new request (rules.ts routeRequest over the building's grid and the
 * community's and street's units). Reporters are told by the requestProgress message; holders by reminder.
 */
import type { Community, User } from '../../../../../types/org'
import type { Assignee, FlowEntry, Request, RequestCategory, RequestEvent, RequestSettings, Unit, Urgency } from '../../../../../types/requests'
import { REQUEST_CATEGORY_LABELS, REQUEST_STATUS_LABELS } from '../../../../../types/vocabulary'
import type { Ctx, Deps, UserCtx } from '../../platform/context'
import { recordIn, type AuditInput } from '../../platform/audit'
import { getById, runTx, txGet, updateWhere, type Command, type Tx } from '../../platform/db'
import { conflict, forbidden, invalid, notFound } from '../../platform/errors'
import { C, getCommunity } from '../org/repo'
import { holdsRole } from '../org/rules'
import { sendMessage } from '../messages/send'
import { thing, timeValue } from '../messages/rules'
import { countClosed } from './counters'
import { getRequest, gridForBuilding, newRequestId, RQ, secretariesOf, settingsOf, staffOf, unitsFor } from './repo'
import {
  addMinutes,
  clockStage,
  dueOf,
  holderKeyOf,
  limitFor,
  OPEN_STATUSES,
  REQUEST_TRANSITIONS,
  requestRefusal,
  requestRelations,
  routeRequest,
  yellowPoint,
  type RequestMove,
  type RequestRelation,
} from './rules'

export interface LoadedRequest {
  request: Request
  relations: Set<RequestRelation>
  community: Community
  settings: RequestSettings
}

/** Is the caller the community's secretary (or the street admin over it)? */
export const isSecretaryOf = (user: Pick<User, 'roles'>, community: Community) => holdsRole(user, community, ['secretary', 'street_admin'])

/** The caller's relations to a request of this community (rules.ts requestRelations). */
export const relationsFor = (request: Request, user: User, community: Community) =>
  requestRelations(request, user, { isSecretary: isSecretaryOf(user, community), isStreetAdmin: holdsRole(user, community, ['street_admin']) })

/**
 * A request of the community with the caller's relations to it. NOT_FOUND for a request of another community
 * and for anyone with no relation to it (a request is between the resident, who handles it and the secretary).
 */
export async function loadRequest(ctx: UserCtx, communityId: string, requestId: string): Promise<LoadedRequest> {
  const [request, community, settings] = await Promise.all([getRequest(ctx.db, requestId), getCommunity(ctx.db, communityId), settingsOf(ctx.db, communityId)])
  if (!request || !community || request.communityId !== communityId) throw notFound('这条诉求')
  const relations = relationsFor(request, ctx.user, community)
  if (!relations.size) throw notFound('这条诉求')
  return { request, relations, community, settings }
}

/** Throws FORBIDDEN (wrong person) or CONFLICT STATE_CHANGED (wrong status) unless the move is allowed now. */
export function ensureMove(event: RequestMove, request: Request, relations: ReadonlySet<RequestRelation>): void {
  const no = requestRefusal(event, request.status, relations)
  if (!no) return
  throw no.code === 'CONFLICT' ? conflict(no.message, 'STATE_CHANGED') : forbidden(no.message)
}

/** The content check for what people write (descriptions, notes, proof, comments): anything but `pass` is refused. */
export async function checkText(ctx: UserCtx, text: string): Promise<void> {
  if (!text.trim()) return
  if ((await ctx.openapi.checkText(ctx.openid, text, 2)) !== 'pass') throw invalid('内容含有不适宜的信息，请修改后再提交')
}

export interface MoveOpts {
  note?: string | null
  photos?: string[]
  /** Fields changed with the status (objects and arrays are replaced whole). */
  set?: Partial<Request>
  /** The new holder (absent: unchanged). holderKey follows it. */
  assignee?: Assignee | null
  /** More conditions the stored request must still meet (e.g. `{ ownerId }`). */
  where?: Record<string, unknown>
  /** The community's yellow share, for the clock of a stage the move begins (read from its settings when absent). */
  yellowShare?: number
}

export const RACE = '诉求状态刚刚变了，请刷新后再看'

/** The clock fields of a stage that begins now: where it turns yellow, when the timer looks next, no warning yet. */
export function stageClock(
  r: Pick<Request, 'status' | 'limit' | 'escalation' | 'dueAt'>,
  yellowShare: number,
): Pick<Request, 'yellowAt' | 'nextCheckAt' | 'warned'> {
  const yellowAt = r.dueAt ? yellowPoint(new Date(r.dueAt), clockStage(r).minutes, yellowShare) : null
  return { yellowAt, nextCheckAt: yellowAt, warned: null }
}

/** The flow entry, the update and the request as it will be after `event` (for commands with their own transaction). */
export function planMove(_: Command, now: Date, request: Request, event: RequestMove, byId: string | null, opts: MoveOpts & { yellowShare: number }) {
  const to = REQUEST_TRANSITIONS[event].to
  const entry: FlowEntry = {
    at: now,
    event,
    byId,
    from: request.status,
    to,
    note: opts.note ?? null,
    ...(opts.photos?.length ? { photos: opts.photos } : {}),
  }
  const after = { ...request, ...(opts.set ?? {}), status: to, updatedAt: now } as Request
  if (opts.assignee !== undefined) after.assignee = opts.assignee
  after.holderKey = holderKeyOf(after.assignee, request.communityId)
  after.open = OPEN_STATUSES.includes(to)
  after.dueAt = dueOf(after)
  const sameClock =
    clockStage(after).stage === clockStage(request).stage && (after.dueAt?.getTime() ?? null) === (request.dueAt ? new Date(request.dueAt).getTime() : null)
  const clock = sameClock ? null : stageClock(after, opts.yellowShare)
  if (clock) Object.assign(after, clock)
  after.flow = [...request.flow, entry]
  const fields: Record<string, unknown> = { ...opts.set, status: to, holderKey: after.holderKey, open: after.open, dueAt: after.dueAt, updatedAt: now }
  if (opts.assignee !== undefined) fields.assignee = opts.assignee
  if (clock) Object.assign(fields, clock)
  const data = replaceWhole(_, fields)
  data.flow = _.push(entry)
  return { data, after, entry }
}

/** Plain objects and arrays replaced whole (the SDK would otherwise merge them field by field). */
function replaceWhole(_: Command, fields: Record<string, unknown>): Record<string, unknown> {
  const data: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(fields))
    data[k] = v !== null && typeof v === 'object' && (Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype) ? _.set(v) : v
  return data
}

const stillAsRead = (current: Request | null, request: Request, where: Record<string, unknown> = {}) =>
  !!current &&
  current.status === request.status &&
  (current.holderKey ?? null) === (request.holderKey ?? null) &&
  Object.entries(where).every(([k, v]) => (current as unknown as Record<string, unknown>)[k] === v)

/**
 * Move the request by `event`, atomically: it applies only if the status and the holder are still what was read
 * (and `opts.where`); otherwise CONFLICT (STATE_CHANGED) and nothing changes. A move that closes the request is
 * one transaction with its counters. Returns the request as it now is.
 */
export async function moveRequest(
  deps: Pick<Deps, 'db' | 'now'>,
  request: Request,
  event: RequestMove,
  byId: string | null,
  opts: MoveOpts = {},
): Promise<Request> {
  const _ = deps.db.command
  const yellowShare = opts.yellowShare ?? (await settingsOf(deps.db, request.communityId)).yellowShare
  const { data, after } = planMove(_, deps.now(), request, event, byId, { ...opts, yellowShare })
  if (after.status === 'closed') {
    await runTx(deps.db, async (tx) => {
      if (!stillAsRead(await txGet<Request>(tx, RQ.requests, request._id), request, opts.where)) throw conflict(RACE, 'STATE_CHANGED')
      await tx.collection(RQ.requests).doc(request._id).update({ data })
      await countClosed(tx, _, after)
    })
    return after
  }
  const cond = { ...opts.where, _id: request._id, status: request.status, holderKey: request.holderKey ?? null }
  if ((await updateWhere(deps.db, RQ.requests, cond, data)) !== 1) throw conflict(RACE, 'STATE_CHANGED')
  return after
}

/**
 * `moveRequest` for an audited decision (reassign, escalate, convert; the timer's auto-close): the change, its
 * counters, `also` (more writes by document id) and its audit entry in one transaction, applied only if the
 * status and holder are still what was read. A racing move makes the transaction conflict; it runs again, finds
 * the new state and answers CONFLICT (STATE_CHANGED), changing nothing.
 */
export async function moveRequestAudited(
  ctx: UserCtx | (Ctx & { user: null }),
  request: Request,
  event: RequestMove,
  opts: MoveOpts & { audit: (after: Request) => AuditInput; also?: (tx: Tx, after: Request) => Promise<void> },
): Promise<Request> {
  const _ = ctx.db.command
  const yellowShare = opts.yellowShare ?? (await settingsOf(ctx.db, request.communityId)).yellowShare
  const { data, after } = planMove(_, ctx.now(), request, event, ctx.user?._id ?? null, { ...opts, yellowShare })
  await runTx(ctx.db, async (tx) => {
    if (!stillAsRead(await txGet<Request>(tx, RQ.requests, request._id), request, opts.where)) throw conflict(RACE, 'STATE_CHANGED')
    await tx.collection(RQ.requests).doc(request._id).update({ data })
    if (after.status === 'closed') await countClosed(tx, _, after)
    if (opts.also) await opts.also(tx, after)
    await recordIn(tx, ctx, opts.audit(after))
  })
  return after
}

/**
 * A flow entry that changes no status (a reminder, a 督办 notice, an adoption), with `set`, applied only if the
 * status and holder are still what was read (and `where`); false when they are not (nothing changed).
 */
export async function noteRequest(
  deps: Pick<Deps, 'db' | 'now'>,
  request: Request,
  event: Extract<RequestEvent, 'remind' | 'supervise' | 'adopt'>,
  byId: string | null,
  opts: { note?: string | null; set?: Partial<Request>; where?: Record<string, unknown> } = {},
): Promise<boolean> {
  const _ = deps.db.command
  const now = deps.now()
  const entry: FlowEntry = { at: now, event, byId, from: request.status, to: request.status, note: opts.note ?? null }
  const data = replaceWhole(_, { ...opts.set, updatedAt: now })
  data.flow = _.push(entry)
  const cond = { ...opts.where, _id: request._id, status: request.status, holderKey: request.holderKey ?? null }
  return (await updateWhere(deps.db, RQ.requests, cond, data)) === 1
}

/** How a request is named in the audit log. */
export const requestResource = (r: Pick<Request, '_id' | 'category' | 'description'>) => ({
  type: 'request' as const,
  id: r._id,
  label: `${REQUEST_CATEGORY_LABELS[r.category]}：${summaryOf(r.description)}`,
})

/** The first line of a description, at most 30 characters. */
export function summaryOf(description: string): string {
  const first = Array.from(description.split('\n')[0].trim())
  return first.length > 30 ? first.slice(0, 29).join('') + '…' : first.join('')
}

/** The page a request's messages open. */
export const requestPage = (r: Pick<Request, '_id' | 'communityId'>) => `packages/request/pages/detail/index?id=${r._id}&c=${r.communityId}`

// ---------- Dispatch ----------

export interface Route {
  assignee: Assignee
  /** The building's grid (kept on the request for the board's grid filter, whoever holds it). */
  gridId: string | null
  unit: Unit | null
  limit: Request['limit']
}

/**
 * Where a request goes (rules.ts routeRequest): a unit of the community (or a street department) owning the
 * category, else the worker of the building's grid (a building belongs to its compound's grid unless a grid
 * lists it in buildingIds), else the secretary; feedback to the secretary. With the limit in force.
 */
export async function routeFor(
  db: Deps['db'],
  community: Pick<Community, '_id' | 'streetId'>,
  what: { category: RequestCategory; urgency: Urgency; buildingId: string | null },
  settings: RequestSettings,
): Promise<Route> {
  const [grid, units] = await Promise.all([gridForBuilding(db, community._id, what.buildingId), unitsFor(db, community)])
  const assignee = routeRequest(what.category, grid, units)
  const unit = assignee.kind === 'unit' ? (units.find((u) => u._id === assignee.unitId) ?? null) : null
  return { assignee, gridId: grid?._id ?? null, unit, limit: limitFor(settings, what.category, what.urgency, unit) }
}

/** The fields a dispatch sets: holder, the limit copied, a fresh respond clock. */
export const dispatchFields = (route: Route, now: Date): Partial<Request> => ({
  gridId: route.gridId,
  limit: route.limit,
  respondBy: addMinutes(now, route.limit.respondMinutes),
  resolveBy: null,
  ownerId: null,
  acceptedAt: null,
})

/**
 * A new request, already dispatched by `route` (its flow holds the report and the dispatch, given by the caller),
 * with the limit in force copied and the respond clock started: what request.create and wish.convert write.
 */
export function newRequest(p: {
  community: Pick<Community, '_id' | 'streetId'>
  category: RequestCategory
  urgency: Urgency
  description: string
  photos: string[]
  buildingId: string | null
  location: string | null
  reporterId: string
  enteredById: string
  channel: Request['channel']
  route: Route
  flow: FlowEntry[]
  wishId: string | null
  now: Date
  yellowShare: number
}): Request {
  const { community, route, now } = p
  const respondBy = dispatchFields(route, now).respondBy!
  const request: Request = {
    _id: newRequestId(now),
    communityId: community._id,
    streetId: community.streetId,
    category: p.category,
    urgency: p.urgency,
    description: p.description,
    photos: p.photos,
    hiddenPhotos: [],
    buildingId: p.buildingId,
    gridId: route.gridId,
    location: p.location,
    reporterId: p.reporterId,
    enteredById: p.enteredById,
    channel: p.channel,
    status: 'dispatched',
    assignee: route.assignee,
    holderKey: holderKeyOf(route.assignee, community._id),
    open: true,
    dueAt: respondBy,
    ownerId: null,
    respondBy,
    resolveBy: null,
    limit: route.limit,
    escalation: null,
    reopened: 0,
    proof: null,
    rating: null,
    answer: null,
    adopted: false,
    wishId: p.wishId,
    topicId: null,
    flow: p.flow,
    createdAt: now,
    acceptedAt: null,
    resolvedAt: null,
    closedAt: null,
    late: false,
    updatedAt: now,
  }
  return Object.assign(request, stageClock(request, p.yellowShare))
}

/** Dispatch a request still `reported` (the timer or the secretary): route it and move it to `dispatched`. */
export async function dispatchNew(deps: Pick<Deps, 'db' | 'now'>, request: Request, byId: string | null = null): Promise<Request> {
  const [community, settings] = await Promise.all([getCommunity(deps.db, request.communityId), settingsOf(deps.db, request.communityId)])
  if (!community) throw notFound('社区')
  const route = await routeFor(deps.db, community, request, settings)
  return moveRequest(deps, request, 'dispatch', byId, { assignee: route.assignee, set: dispatchFields(route, deps.now()), yellowShare: settings.yellowShare })
}

// ---------- Telling people ----------

/**
 * Tell the reporter where their request stands (requestProgress: the request, its status label, a note, the
 * time). An offline reporter is told through who entered it for them. A refused send is recorded for the
 * secretary (messages/send.ts), never thrown: a message never undoes the step that caused it.
 */
export async function notifyReporter(deps: Pick<Deps, 'db' | 'openapi' | 'now'>, r: Request, note: string): Promise<void> {
  let user = await getById<User>(deps.db, C.users, r.reporterId)
  if (user?.offline && r.enteredById !== r.reporterId) user = await getById<User>(deps.db, C.users, r.enteredById)
  if (!user || user.offline) return
  await sendMessage(deps, {
    communityId: r.communityId,
    userId: user._id,
    template: 'requestProgress',
    page: requestPage(r),
    data: {
      thing1: thing(`${REQUEST_CATEGORY_LABELS[r.category]}：${summaryOf(r.description)}`),
      phrase2: REQUEST_STATUS_LABELS[r.status],
      thing3: thing(note),
      time4: timeValue(deps.now()),
    },
  })
}

/** The people who hold a request now: the grid worker, the unit's staff (its owner once accepted), or the secretaries. */
export async function holdersOf(deps: Pick<Deps, 'db'>, r: Request): Promise<string[]> {
  const a = r.assignee
  if (r.status === 'escalated' && r.escalation) {
    const unit = await getById<Unit>(deps.db, RQ.units, r.escalation.unitId)
    return unit ? (await staffOf(deps.db, unit)).map((u) => u._id) : []
  }
  if (!a) return []
  if (a.kind === 'worker') return [a.userId]
  if (a.kind === 'unit') {
    if (r.ownerId) return [r.ownerId]
    const unit = await getById<Unit>(deps.db, RQ.units, a.unitId)
    return unit ? (await staffOf(deps.db, unit)).map((u) => u._id) : []
  }
  return (await secretariesOf(deps.db, r.communityId)).map((u) => u._id)
}

/** A reminder (待办提醒: 事项, 说明) to each of `userIds` about a request. */
export async function remindPeople(deps: Pick<Deps, 'db' | 'openapi' | 'now'>, r: Request, userIds: string[], note: string): Promise<void> {
  for (const userId of [...new Set(userIds)])
    await sendMessage(deps, {
      communityId: r.communityId,
      userId,
      template: 'reminder',
      page: requestPage(r),
      data: { thing1: thing(`${REQUEST_CATEGORY_LABELS[r.category]}：${summaryOf(r.description)}`), thing2: thing(note) },
    })
}

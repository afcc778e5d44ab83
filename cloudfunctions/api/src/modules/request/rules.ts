/**
 * The request rules as tables and pure functions (no I/O): the lifecycle, who may take each step, where a
 * new request goes, and the clock's colour computed from deadlines when read (never stored, so it cannot go
 * stale). Commands and RequestDetail.can use these; nothing else decides.
 *
 *   reported ─dispatch→ dispatched ─accept→ accepted ─progress→ in_progress ─resolve→ resolved ─confirm→ closed
 *   resolved ─reopen→ dispatched · resolved ─autoclose→ closed
 *   dispatched | accepted | in_progress ─reassign→ dispatched
 *   dispatched | accepted | in_progress | resolved ─escalate→ escalated ─unitAccept→ accepted
 *   reported | dispatched ─convert→ converted · reported | dispatched ─cancel→ cancelled
 */
import { REQUEST_STATUS_LABELS } from '../../../../../types/vocabulary'
import type {
  Assignee,
  ClockColour,
  Limit,
  Request,
  RequestCategory,
  RequestEvent,
  RequestSettings,
  RequestStatus,
  Unit,
  Urgency,
} from '../../../../../types/requests'

/** How the caller stands to a request. */
export type RequestRelation = 'reporter' | 'holder' | 'unit_staff' | 'escalation_staff' | 'secretary' | 'street_admin' | 'timer'

type Move = { from: readonly RequestStatus[]; to: RequestStatus; by: readonly RequestRelation[] }

export const OPEN_STATUSES: readonly RequestStatus[] = ['reported', 'dispatched', 'accepted', 'in_progress', 'resolved', 'escalated']

export const REQUEST_TRANSITIONS: Record<Exclude<RequestEvent, 'report' | 'remind' | 'supervise' | 'adopt'>, Move> = {
  dispatch: { from: ['reported'], to: 'dispatched', by: ['timer', 'secretary'] },
  accept: { from: ['dispatched'], to: 'accepted', by: ['holder', 'unit_staff'] },
  progress: { from: ['accepted', 'in_progress'], to: 'in_progress', by: ['holder'] },
  resolve: { from: ['accepted', 'in_progress'], to: 'resolved', by: ['holder'] },
  confirm: { from: ['resolved'], to: 'closed', by: ['reporter'] },
  reopen: { from: ['resolved'], to: 'dispatched', by: ['reporter'] },
  autoclose: { from: ['resolved'], to: 'closed', by: ['timer'] },
  reassign: { from: ['dispatched', 'accepted', 'in_progress'], to: 'dispatched', by: ['secretary'] },
  escalate: { from: ['dispatched', 'accepted', 'in_progress', 'resolved'], to: 'escalated', by: ['secretary'] },
  unitAccept: { from: ['escalated'], to: 'accepted', by: ['escalation_staff'] },
  convert: { from: ['reported', 'dispatched'], to: 'converted', by: ['secretary'] },
  cancel: { from: ['reported', 'dispatched'], to: 'cancelled', by: ['reporter'] },
}
export type RequestMove = keyof typeof REQUEST_TRANSITIONS

export function canMoveRequest(event: RequestMove, status: RequestStatus, relations: ReadonlySet<RequestRelation>): boolean {
  const t = REQUEST_TRANSITIONS[event]
  return t.from.includes(status) && t.by.some((r) => relations.has(r))
}

const WHO_MAY: Partial<Record<RequestMove, string>> = {
  accept: '由负责的网格员或责任单位受理',
  progress: '只有承办人可以更新进展',
  resolve: '只有承办人可以办结',
  confirm: '只有提出诉求的居民可以确认',
  reopen: '只有提出诉求的居民可以要求重新办理',
  cancel: '只有提出诉求的居民可以撤销',
  unitAccept: '由被吹哨的单位接单',
}

/** Why a move is not possible now: FORBIDDEN (wrong person) or CONFLICT (wrong state), in words; null if it is. */
export function requestRefusal(
  event: RequestMove,
  status: RequestStatus,
  relations: ReadonlySet<RequestRelation>,
): { code: 'FORBIDDEN' | 'CONFLICT'; message: string } | null {
  if (canMoveRequest(event, status, relations)) return null
  if (!REQUEST_TRANSITIONS[event].by.some((r) => relations.has(r))) return { code: 'FORBIDDEN', message: WHO_MAY[event] ?? '由社区书记处理' }
  return { code: 'CONFLICT', message: `诉求现在是「${REQUEST_STATUS_LABELS[status]}」，不能这样做，请刷新后再看` }
}

// ---------- Where a request goes ----------

/**
 * Dispatch: a unit that owns the category (the community's own units first, then the street's departments)
 * takes it; otherwise the worker of the building's grid; otherwise the secretary (who reassigns).
 * Feedback and suggestions go to the secretary, who answers them.
 */
export function routeRequest(
  category: RequestCategory,
  grid: { _id: string; workerId: string | null } | null,
  units: readonly Pick<Unit, '_id' | 'communityId' | 'categories' | 'active'>[],
): Assignee {
  if (category === 'feedback') return { kind: 'secretary' }
  const owners = units
    .filter((u) => u.active && u.categories.includes(category))
    .sort((a, b) => Number(b.communityId !== null) - Number(a.communityId !== null))
  if (owners.length) return { kind: 'unit', unitId: owners[0]._id }
  if (grid?.workerId) return { kind: 'worker', userId: grid.workerId, gridId: grid._id }
  return { kind: 'secretary' }
}

export const holderKeyOf = (a: Assignee | null, communityId: string): string | null =>
  !a ? null : a.kind === 'worker' ? `u_${a.userId}` : a.kind === 'unit' ? `unit_${a.unitId}` : `sec_${communityId}`

/** The limit in force: the holding unit's own for the category and urgency, else the community's. */
export function limitFor(settings: Pick<RequestSettings, 'limits'>, category: RequestCategory, urgency: Urgency, unit?: Pick<Unit, 'limits'> | null): Limit {
  return unit?.limits?.[category]?.[urgency] ?? settings.limits[category][urgency]
}

// ---------- The clock ----------

const MINUTE = 60_000

/**
 * The colour of a deadline now: green within the limit, yellow once `yellowShare` of the limit has passed,
 * red when overdue; none when nothing is being waited for.
 */
export function colourOf(dueAt: Date | null, limitMinutes: number, yellowShare: number, now: Date): ClockColour {
  if (!dueAt) return 'none'
  const left = dueAt.getTime() - now.getTime()
  if (left < 0) return 'red'
  return left <= limitMinutes * MINUTE * (1 - yellowShare) ? 'yellow' : 'green'
}

/** Which stage the clock counts now, and the limit it counts against. */
export function clockStage(r: Pick<Request, 'status' | 'limit' | 'escalation'>): { stage: 'respond' | 'resolve' | 'escalation' | null; minutes: number } {
  if (r.status === 'dispatched' || r.status === 'reported') return { stage: 'respond', minutes: r.limit.respondMinutes }
  if (r.status === 'accepted' || r.status === 'in_progress') return { stage: 'resolve', minutes: r.limit.resolveMinutes }
  if (r.status === 'escalated' && r.escalation)
    return { stage: 'escalation', minutes: Math.round((r.escalation.acceptBy.getTime() - r.escalation.at.getTime()) / MINUTE) }
  return { stage: null, minutes: 0 }
}

export const addMinutes = (d: Date, minutes: number) => new Date(d.getTime() + minutes * MINUTE)

/** What applies until the secretary sets the community's limits (minutes). */
export const DEFAULT_LIMITS: Record<RequestCategory, Record<Urgency, Limit>> = {
  repair: { normal: { respondMinutes: 120, resolveMinutes: 48 * 60 }, urgent: { respondMinutes: 20, resolveMinutes: 4 * 60 } },
  safety: { normal: { respondMinutes: 60, resolveMinutes: 24 * 60 }, urgent: { respondMinutes: 15, resolveMinutes: 2 * 60 } },
  environment: { normal: { respondMinutes: 240, resolveMinutes: 72 * 60 }, urgent: { respondMinutes: 60, resolveMinutes: 12 * 60 } },
  dispute: { normal: { respondMinutes: 24 * 60, resolveMinutes: 7 * 24 * 60 }, urgent: { respondMinutes: 120, resolveMinutes: 3 * 24 * 60 } },
  help: { normal: { respondMinutes: 120, resolveMinutes: 48 * 60 }, urgent: { respondMinutes: 30, resolveMinutes: 6 * 60 } },
  feedback: { normal: { respondMinutes: 3 * 24 * 60, resolveMinutes: 7 * 24 * 60 }, urgent: { respondMinutes: 24 * 60, resolveMinutes: 3 * 24 * 60 } },
}

export const defaultRequestSettings = (communityId: string): RequestSettings => ({
  _id: communityId,
  limits: DEFAULT_LIMITS,
  mediationDays: 7,
  yellowShare: 0.7,
  autoCloseDays: 7,
})

/** Request ids are time-ordered: `r`, 9 base-36 time digits, 12 hex. */
export const isRequestId = (c: string) => /^r[0-9a-z]{9}[0-9a-f]{12}$/.test(c)

// ---------- Who the caller is to a request ----------

type Grantee = { _id: string; roles: readonly { role: string; communityId: string; unitId?: string }[] }

const staffOfUnit = (user: Grantee, unitId: string) => user.roles.some((g) => g.role === 'unit_staff' && g.unitId === unitId)

/**
 * The caller's relations to a request (pure): its reporter (or the building head who reported it for them);
 * its holder (the assigned grid worker; for a unit, the staff member who accepted it; for the secretary's
 * requests, the secretary); unit_staff of the holding unit; escalation_staff of the unit it was escalated to;
 * the community's secretary; the street admin over it.
 */
export function requestRelations(
  r: Pick<Request, 'reporterId' | 'enteredById' | 'channel' | 'assignee' | 'ownerId' | 'escalation'>,
  user: Grantee,
  facts: { isSecretary: boolean; isStreetAdmin: boolean },
): Set<RequestRelation> {
  const out = new Set<RequestRelation>()
  if (r.reporterId === user._id || (r.channel === 'proxy' && r.enteredById === user._id)) out.add('reporter')
  const a = r.assignee
  if (a?.kind === 'worker' && a.userId === user._id) out.add('holder')
  if (a?.kind === 'unit' && staffOfUnit(user, a.unitId)) {
    out.add('unit_staff')
    if (r.ownerId === user._id) out.add('holder')
  }
  if (a?.kind === 'secretary' && facts.isSecretary) out.add('holder')
  if (r.escalation && staffOfUnit(user, r.escalation.unitId)) out.add('escalation_staff')
  if (facts.isSecretary) out.add('secretary')
  if (facts.isStreetAdmin) out.add('street_admin')
  return out
}

/** Who sees the reporter's full name and phone: the holder (and the holding or escalated unit's staff) and the secretary. */
export const seesReporter = (rel: ReadonlySet<RequestRelation>) =>
  rel.has('holder') || rel.has('unit_staff') || rel.has('escalation_staff') || rel.has('secretary') || rel.has('reporter')

// ---------- The clock's deadlines ----------

/** The deadline of a request's current stage: respond, resolve, the escalation's accept; null when nothing is waited for. */
export function dueOf(r: Pick<Request, 'status' | 'respondBy' | 'resolveBy' | 'escalation'>): Date | null {
  if (r.status === 'reported' || r.status === 'dispatched') return r.respondBy
  if (r.status === 'accepted' || r.status === 'in_progress') return r.resolveBy
  if (r.status === 'escalated') return r.escalation?.acceptBy ?? null
  return null
}

/** The lowest yellow share a community may set (RequestSetSettingsInput): the earliest any clock turns yellow. */
export const MIN_YELLOW_SHARE = 0.5

/** Where the clock turns yellow: `yellowShare` of the stage's limit before the deadline. */
export const yellowPoint = (dueAt: Date, limitMinutes: number, yellowShare: number) => new Date(dueAt.getTime() - limitMinutes * MINUTE * (1 - yellowShare))

/**
 * The colour of a request's clock now, from its stored deadline and yellow point (so it agrees with the index
 * ranges the board and the statistics count by); falls back to colourOf for a request without yellowAt.
 */
export function colourAt(r: Pick<Request, 'status' | 'limit' | 'escalation' | 'dueAt' | 'yellowAt' | 'open'>, yellowShare: number, now: Date): ClockColour {
  if (!r.open || !r.dueAt) return 'none'
  const due = new Date(r.dueAt).getTime()
  if (due < now.getTime()) return 'red'
  if (r.yellowAt) return new Date(r.yellowAt).getTime() <= now.getTime() ? 'yellow' : 'green'
  return colourOf(new Date(r.dueAt), clockStage(r).minutes, yellowShare, now)
}

/**
 * What the timer must do about a request's clock now (pure): nothing yet (and when to look again), warn that
 * it turned yellow, or mark it late and warn that it is red. Each warning once per stage (`warned`, reset by
 * every move that starts a stage).
 */
export function clockDue(
  r: Pick<Request, 'status' | 'limit' | 'escalation' | 'dueAt' | 'yellowAt' | 'open' | 'warned'>,
  yellowShare: number,
  now: Date,
): { action: 'none' | 'yellow' | 'red'; nextCheckAt: Date | null } {
  const colour = colourAt(r, yellowShare, now)
  if (colour === 'none') return { action: 'none', nextCheckAt: null }
  if (colour === 'red') return { action: r.warned === 'red' ? 'none' : 'red', nextCheckAt: null }
  const dueAt = new Date(r.dueAt!)
  if (colour === 'yellow') return { action: r.warned === 'yellow' ? 'none' : 'yellow', nextCheckAt: new Date(dueAt.getTime() + 1) }
  return { action: 'none', nextCheckAt: r.yellowAt ? new Date(r.yellowAt) : yellowPoint(dueAt, clockStage(r).minutes, yellowShare) }
}

/** The points ledger's idempotency key for an adopted suggestion: one payment per request, however often asked. */
export const adoptedKey = (requestId: string) => `request:adopted:${requestId}`

/**
 * May a request be converted `into` a wish or a council topic now? A wish: the table's convert (reported or
 * dispatched: before anyone took it on). A topic: a neighbour dispute still open and unsettled (dispatched,
 * accepted or in progress) whose mediation time (`mediationDays` since it was reported) has run out.
 */
export function convertRefusal(
  into: 'wish' | 'topic',
  r: Pick<Request, 'status' | 'category' | 'createdAt'>,
  relations: ReadonlySet<RequestRelation>,
  mediationDays: number,
  now: Date,
): { code: 'FORBIDDEN' | 'CONFLICT' | 'INVALID'; message: string } | null {
  if (into === 'wish') return requestRefusal('convert', r.status, relations)
  if (!REQUEST_TRANSITIONS.convert.by.some((x) => relations.has(x))) return { code: 'FORBIDDEN', message: '由社区书记处理' }
  if (r.category !== 'dispute') return { code: 'INVALID', message: '只有邻里纠纷可以转为议题' }
  if (!TOPIC_CONVERTIBLE.includes(r.status)) return { code: 'CONFLICT', message: `诉求现在是「${REQUEST_STATUS_LABELS[r.status]}」，不能转为议题` }
  if (now.getTime() < new Date(r.createdAt).getTime() + mediationDays * 24 * 3600_000)
    return { code: 'CONFLICT', message: `调解满 ${mediationDays} 天仍未解决的纠纷才能转为议题` }
  return null
}

/** The statuses a dispute may be raised as a council topic from (mediation under way, not settled). */
export const TOPIC_CONVERTIBLE: readonly RequestStatus[] = ['dispatched', 'accepted', 'in_progress']

// ---------- 吹哨: a unit's own clock ----------

/** Did the escalated unit report (unitAccept) after its accept limit? */
export const acceptedLate = (e: Pick<NonNullable<Request['escalation']>, 'acceptBy' | 'acceptedAt'> | null) =>
  !!e?.acceptedAt && new Date(e.acceptedAt).getTime() > new Date(e.acceptBy).getTime()

/**
 * How a closing counts on the holding unit's on-time counters. A request escalated to the unit (吹哨) is judged
 * on the unit's own clock, not on the lateness it was escalated for: a late report was counted on the unit when
 * it happened (request.unitAccept), so the closing adds nothing; otherwise it is on time if resolved by the
 * resolve deadline the unit had. Any other request the unit holds counts by `late`.
 */
export function unitCloseCount(r: Pick<Request, 'assignee' | 'escalation' | 'late' | 'resolveBy' | 'resolvedAt'>): 'onTime' | 'late' | null {
  const e = r.escalation
  if (!e?.acceptedAt || r.assignee?.kind !== 'unit' || r.assignee.unitId !== e.unitId) return r.late ? 'late' : 'onTime'
  if (acceptedLate(e)) return null
  return r.resolveBy && r.resolvedAt && new Date(r.resolvedAt).getTime() > new Date(r.resolveBy).getTime() ? 'late' : 'onTime'
}

/** The street's line: a unit or grid below this on-time rate (or holding overdue requests) is flagged. */
export const LAGGING_BELOW = 0.8

export const isLagging = (onTimeRate: number | null, overdueNow: number) => overdueNow > 0 || (onTimeRate !== null && onTimeRate < LAGGING_BELOW)

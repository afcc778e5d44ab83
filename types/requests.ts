/**
 * Requests and dispatch 一键报修 / 一键求助 / 吹哨报到: a resident's problem, a named person or unit
 * responsible for it, a clock everyone can see, escalation to a street department when it runs out.
 *
 * The lifecycle (cloudfunctions/api/src/modules/request/rules.ts REQUEST_TRANSITIONS is the table):
 *
 *   reported ─dispatch (automatic: the building's grid worker, or the unit owning the category)→ dispatched
 *   dispatched ─accept→ accepted ─progress→ in_progress ─resolve (proof)→ resolved ─confirm (+ rating)→ closed
 *   resolved ─reopen (reason)→ dispatched (same assignee, clock restarts)    resolved ─autoclose (timer)→ closed
 *   dispatched | accepted | in_progress ─reassign (reason)→ dispatched (another worker or unit)
 *   dispatched | accepted | in_progress | resolved ─escalate (吹哨)→ escalated ─unitAccept→ accepted (the department owns it)
 *   reported | dispatched ─convert→ converted (became a wish; the wish keeps the history)
 *   reported | dispatched ─cancel→ cancelled (the reporter, before anyone accepted)
 * Feedback / suggestions are answered (resolve with the answer) and may be adopted (suggestion_adopted points, once).
 */
import * as z from 'zod/mini'
import { Id, PageInput, Text } from './common'
import { REQUEST_CATEGORIES, REQUEST_CHANNELS, REQUEST_STATUSES, UNIT_KINDS, URGENCIES } from './vocabulary'

export type RequestCategory = (typeof REQUEST_CATEGORIES)[number]
export type RequestStatus = (typeof REQUEST_STATUSES)[number]
export type RequestChannel = (typeof REQUEST_CHANNELS)[number]
export type Urgency = (typeof URGENCIES)[number]
export type UnitKind = (typeof UNIT_KINDS)[number]
/** The clock's colour, computed from deadlines when read (never stored). */
export type ClockColour = 'green' | 'yellow' | 'red' | 'none'

export const REQUEST_EVENTS = [
  'report',
  'dispatch',
  'accept',
  'progress',
  'resolve',
  'confirm',
  'reopen',
  'autoclose',
  'reassign',
  'escalate',
  'unitAccept',
  'convert',
  'cancel',
  'remind', // a reminder or escalation warning from the timer (no status change)
  'supervise', // 督办 notice from the street admin (no status change)
  'adopt', // a suggestion adopted (no status change)
] as const
export type RequestEvent = (typeof REQUEST_EVENTS)[number]

// ---------- Stored documents ----------

/** Minutes to accept (response) and to resolve once accepted, for one category and urgency. */
export interface Limit {
  respondMinutes: number
  resolveMinutes: number
}

/** A community's request settings (`request_settings`, _id = communityId); defaults until the secretary sets them. */
export interface RequestSettings {
  _id: string
  limits: Record<RequestCategory, Record<Urgency, Limit>>
  /** Mediation (neighbour disputes): days to settle before it may be raised as a council topic. */
  mediationDays: number
  /** The clock turns yellow once this share of the limit has passed (0.5–0.95). */
  yellowShare: number
  /** A resolved request the reporter does not answer closes by itself after this many days (with notice). */
  autoCloseDays: number
}

/**
 * A unit that acts on requests: a street department 街道科室, the property company 物业, a partner unit 共建单位.
 * Staff sign in with a `unit_staff` role grant naming the unit (RoleGrant.unitId).
 */
export interface Unit {
  _id: string
  streetId: string
  /** Street departments serve every community of the street: null. */
  communityId: string | null
  name: string
  kind: UnitKind
  /** Categories it owns: a request of one of these (outside any grid rule) is dispatched to it. */
  categories: RequestCategory[]
  /** Its own limits (override the community's for requests it holds); `escalation` = the 吹哨 accept limit. */
  limits: Partial<Record<RequestCategory, Partial<Record<Urgency, Limit>>>>
  escalationAcceptMinutes: number
  active: boolean
  /** Running counters (kept with each move, never recounted): requests it held that closed on time / late. */
  onTime: number
  late: number
  createdAt: Date
  updatedAt: Date
}

/** Immutable flow record (the request's history): appended, never edited. */
export interface FlowEntry {
  at: Date
  event: RequestEvent
  byId: string | null
  from: RequestStatus | null
  to: RequestStatus
  note: string | null
  photos?: string[]
}

export type Assignee = { kind: 'worker'; userId: string; gridId: string | null } | { kind: 'unit'; unitId: string } | { kind: 'secretary' }

export interface Request {
  _id: string // time-ordered: 'r' + 9 base-36 time digits + 12 hex
  communityId: string
  streetId: string
  category: RequestCategory
  urgency: Urgency
  description: string
  photos: string[]
  /** Photos the image check flagged after the fact: hidden from everyone but the secretary. */
  hiddenPhotos: string[]
  buildingId: string | null
  gridId: string | null
  location: string | null
  reporterId: string
  enteredById: string
  channel: RequestChannel
  status: RequestStatus
  assignee: Assignee | null
  /** Flat keys for the indexed queues: who holds it now (`u_<userId>` / `unit_<unitId>` / `sec_<communityId>`), */
  holderKey: string | null
  /** still open (not closed, converted, cancelled), */
  open: boolean
  /** and the deadline of its current stage (respond, resolve, escalation accept; null when waiting on the reporter). */
  dueAt: Date | null
  /** Who accepted it (a worker, or a unit's staff member). */
  ownerId: string | null
  /** The clock: when it must be accepted by, and (once accepted) resolved by. */
  respondBy: Date | null
  resolveBy: Date | null
  /** Limits in force (copied at dispatch), to colour the clock. */
  limit: Limit
  escalation: { unitId: string; reason: string; at: Date; byId: string; acceptBy: Date; acceptedAt: Date | null; acceptedById: string | null } | null
  reopened: number
  proof: { text: string; photos: string[]; at: Date } | null
  rating: { stars: number; comment: string; at: Date } | null
  /** Feedback / suggestion: the answer given, and whether it was adopted (points paid once). */
  answer: string | null
  adopted: boolean
  /** When converted: the wish it became; when it came from a wish: that wish. */
  wishId: string | null
  /** A dispute raised as a council topic. */
  topicId: string | null
  /** When it came from a 社区代办 errand (errand.advance toRequest): that errand (added with issue 14, optional). */
  errandId?: string | null
  flow: FlowEntry[]
  createdAt: Date
  acceptedAt: Date | null
  resolvedAt: Date | null
  closedAt: Date | null
  /** Late on response or resolution (set when the deadline passes or at closing; feeds the on-time rates). */
  late: boolean
  updatedAt: Date
  /**
   * When the timer must look at it next (added with the lifecycle, optional for compatibility): the stage's
   * yellowAt, then just past its deadline, then null once it is red (or when nothing is waited for).
   */
  nextCheckAt?: Date | null
  /**
   * Where the current stage's clock turns yellow (`yellowShare` of its limit before dueAt, with the community's
   * share when the stage began; added with the lifecycle, optional for compatibility). Stored so the colours are
   * index ranges: red dueAt < now, yellow yellowAt <= now <= dueAt, green now < yellowAt.
   */
  yellowAt?: Date | null
  /** The warning already given for the current stage (reset by every move that starts a stage). */
  warned?: 'yellow' | 'red' | null
}

// ---------- Inputs ----------

const Community = { communityId: Id }
const Photos = z.array(z.string().check(z.maxLength(500), z.regex(/^(cloud:\/\/|https?:\/\/|\/)/, '图片地址不正确'))).check(z.maxLength(6, '最多 6 张图片'))
const Minutes = z.number().check(z.int(), z.gte(5, '至少 5 分钟'), z.lte(60 * 24 * 60, '最多 60 天'))
const LimitInput = z.strictObject({ respondMinutes: Minutes, resolveMinutes: Minutes })
const Note = z.optional(z.string().check(z.trim(), z.maxLength(300)))

export const RequestCreateInput = z.strictObject({
  ...Community,
  category: z.enum(REQUEST_CATEGORIES),
  urgency: z.optional(z.enum(URGENCIES)),
  description: Text(500),
  photos: z.optional(Photos),
  buildingId: z.optional(z.nullable(Id)),
  location: z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(50)))),
  /** A building head for a resident they act for, or staff entering one for a resident. */
  onBehalfOf: z.optional(Id),
  /** Staff only: how it came in (the resident's own taps are `online`, a building head's `proxy`). */
  channel: z.optional(z.enum(['phone', 'letterbox', 'door'])),
})
export const RequestGetInput = z.strictObject({ ...Community, requestId: Id })
export const RequestMineInput = z.strictObject({ ...PageInput.shape, ...Community })
/** The worker's or unit staff's queue: ordered by colour (red, yellow, green) then time left. */
export const RequestQueueInput = z.strictObject({ ...PageInput.shape, ...Community, unitId: z.optional(Id) })
/** The secretary's board: open requests by colour, grid, category. */
export const RequestBoardInput = z.strictObject({
  ...PageInput.shape,
  ...Community,
  colour: z.optional(z.enum(['green', 'yellow', 'red'])),
  gridId: z.optional(Id),
  category: z.optional(z.enum(REQUEST_CATEGORIES)),
  status: z.optional(z.enum(REQUEST_STATUSES)),
})
export const RequestAcceptInput = z.strictObject({ ...Community, requestId: Id })
export const RequestProgressInput = z.strictObject({ ...Community, requestId: Id, note: Text(300), photos: z.optional(Photos) })
export const RequestResolveInput = z.strictObject({
  ...Community,
  requestId: Id,
  proof: Text(500),
  photos: z.optional(Photos),
  /** Feedback / suggestions: adopt it (the reporter earns suggestion_adopted, once). */
  adopt: z.optional(z.boolean()),
})
export const RequestConfirmInput = z.strictObject({
  ...Community,
  requestId: Id,
  stars: z.number().check(z.int(), z.gte(1, '请打 1-5 星'), z.lte(5, '请打 1-5 星')),
  comment: z.optional(z.string().check(z.trim(), z.maxLength(200))),
})
export const RequestReopenInput = z.strictObject({ ...Community, requestId: Id, reason: Text(200) })
export const RequestReassignInput = z.strictObject({
  ...Community,
  requestId: Id,
  /** A grid worker (userId) or a unit (unitId): exactly one. */
  userId: z.optional(Id),
  unitId: z.optional(Id),
  reason: Text(200),
})
export const RequestEscalateInput = z.strictObject({ ...Community, requestId: Id, unitId: Id, reason: Text(200) })
export const RequestUnitAcceptInput = z.strictObject({ ...Community, requestId: Id })
export const RequestConvertInput = z.strictObject({
  ...Community,
  requestId: Id,
  /** To a wish (a personal need a volunteer can meet), or a dispute to a council topic. */
  into: z.enum(['wish', 'topic']),
  note: Note,
})
export const RequestStatsInput = z.strictObject({
  ...Community,
  /** Months back from this month (China time), 1–12. */
  months: z.optional(z.number().check(z.int(), z.gte(1), z.lte(12))),
})
/** Street admin: the units of the street (and each community's grids) with their on-time rates, late ones first. */
export const RequestLateUnitsInput = z.strictObject({ streetId: Id })
/** Street admin: a 督办 notice to a late unit's staff (recorded on each of its overdue requests' flow). */
export const RequestSuperviseInput = z.strictObject({ streetId: Id, unitId: Id, note: Text(200) })
/** The reporter takes a request back before anyone accepted it. */
export const RequestCancelInput = z.strictObject({ ...Community, requestId: Id, reason: Note })
export const RequestSettingsGetInput = z.strictObject(Community)

export const SetGridInput = z.strictObject({
  ...Community,
  /** Absent: a new grid. */
  gridId: z.optional(Id),
  name: Text(20),
  compoundIds: z.array(Id).check(z.maxLength(50)),
  /** Buildings outside those compounds that belong to this grid (a building belongs to one grid). */
  buildingIds: z.optional(z.array(Id).check(z.maxLength(200))),
  /** The grid worker (appointed: gains the grid_worker role here); null leaves it vacant. */
  workerId: z.nullable(Id),
})
export const UnitListInput = z.strictObject({ ...Community })
export const UnitUpsertInput = z.strictObject({
  ...Community,
  unitId: z.optional(Id),
  name: Text(30),
  kind: z.enum(UNIT_KINDS),
  /** A street department serves the whole street (street admin only). */
  streetWide: z.optional(z.boolean()),
  categories: z.array(z.enum(REQUEST_CATEGORIES)).check(z.maxLength(REQUEST_CATEGORIES.length)),
  limits: z.optional(z.record(z.enum(REQUEST_CATEGORIES), z.record(z.enum(URGENCIES), LimitInput))),
  escalationAcceptMinutes: z.number().check(z.int(), z.gte(10), z.lte(60 * 24 * 14)),
  active: z.optional(z.boolean()),
})
/**
 * Find a person to appoint as a unit's staff by the whole mobile number they verified in WeChat (exact match,
 * 11 digits: never a partial search that would list people). Staff of a property company or a street department
 * are rarely residents of the community, so the member search cannot find them.
 */
export const UnitFindPersonInput = z.strictObject({
  ...Community,
  unitId: Id,
  phone: z.string().check(z.trim(), z.regex(/^1\d{10}$/, '请输入完整的 11 位手机号')),
})
export const UnitSetStaffInput = z.strictObject({ ...Community, unitId: Id, userId: Id, staff: z.boolean() })
export const RequestSetSettingsInput = z.strictObject({
  ...Community,
  limits: z.record(z.enum(REQUEST_CATEGORIES), z.record(z.enum(URGENCIES), LimitInput)),
  mediationDays: z.number().check(z.int(), z.gte(1), z.lte(60)),
  yellowShare: z.number().check(z.gte(0.5), z.lte(0.95)),
  autoCloseDays: z.number().check(z.int(), z.gte(1), z.lte(30)),
})

// ---------- Outputs ----------

export interface ClockView {
  colour: ClockColour
  /** What the clock counts towards now: 受理 (respond) or 办结 (resolve), or nothing. */
  stage: 'respond' | 'resolve' | 'escalation' | null
  deadline: string | null
  /** Minutes left (negative when overdue). */
  minutesLeft: number | null
}

export interface RequestCard {
  id: string
  /** Its community: a street department's queue spans the street's communities, and each request is opened in its own. */
  communityId: string
  category: RequestCategory
  urgency: Urgency
  status: RequestStatus
  /** The first line of the description. */
  summary: string
  place: string | null
  /** Who holds it, in words: 网格员 王*英 / 物业公司 / 街道城管科. */
  holder: string | null
  clock: ClockView
  createdAt: string
}

export interface RequestDetail extends RequestCard {
  description: string
  photos: string[]
  channel: RequestChannel
  /** The reporter's masked name; the full name and phone only to the holder and the secretary. */
  reporter: { name: string; phone: string | null }
  proof: { text: string; photos: string[]; at: string } | null
  rating: { stars: number; comment: string } | null
  answer: string | null
  adopted: boolean
  escalation: { unitName: string; reason: string; at: string; acceptBy: string; acceptedAt: string | null } | null
  reopened: number
  wishId: string | null
  /** The 社区代办 errand it came from (errand.advance toRequest; added with issue 14, optional). */
  errandId?: string | null
  topicId: string | null
  flow: { at: string; event: RequestEvent; to: RequestStatus; note: string | null; photos: string[]; byName: string | null }[]
  /** What the caller may do now (from the rules table: the UI never decides). */
  can: Partial<Record<'accept' | 'progress' | 'resolve' | 'confirm' | 'reopen' | 'reassign' | 'escalate' | 'unitAccept' | 'convert' | 'cancel', boolean>>
}

/**
 * Running counters kept in the same write as each move (`request_counters`, one per community × China month ×
 * category, and one per unit / grid): statistics read a handful of these, never the requests.
 */
export interface RequestCounter {
  _id: string
  communityId: string
  month: string
  category: RequestCategory
  reported: number
  closed: number
  onTime: number
  late: number
  /** Sum of handling hours of closed requests and a small histogram (for the median without reading requests). */
  hoursSum: number
  hoursBuckets: number[]
  ratingSum: number
  ratings: number
}

export interface RequestStats {
  /** Per month (China), from counters kept with each move. */
  months: { month: string; reported: number; closed: number; onTime: number; late: number; medianHours: number | null }[]
  byCategory: Partial<Record<RequestCategory, { reported: number; closed: number }>>
  /** Open now, by colour (one indexed count each). */
  open: { green: number; yellow: number; red: number }
  closureRate: number | null
  ratingAverage: number | null
}

/** Who has that number: masked names only (the secretary typed the number), and whether they already are staff. */
export interface FoundPerson {
  userId: string
  name: string
  staff: boolean
}

export interface UnitView {
  id: string
  name: string
  kind: UnitKind
  communityId: string | null
  categories: RequestCategory[]
  escalationAcceptMinutes: number
  active: boolean
  staff: { userId: string; name: string }[]
  onTimeRate: number | null
  late: number
}

export interface LateUnitView {
  kind: 'unit' | 'grid'
  id: string
  name: string
  communityName: string | null
  /** Closed on time / all closed, from counters kept with each move. */
  onTimeRate: number | null
  closed: number
  /** Open and past their deadline now (one indexed count). */
  overdueNow: number
  /** Flagged red: below the street's line (80%) or holding overdue requests. */
  lagging: boolean
}

export interface GridView {
  id: string
  name: string
  compoundIds: string[]
  buildingIds: string[]
  worker: { userId: string; name: string } | null
}

/**
 * Party members 党员: scan-to-register where they live (双报到), one pledge 微承诺, the three cards
 * (岗位责任卡 posts, 爱心服务卡 pairing with households, 活动记录卡 activities with proven presence), and the
 * yearly report 双报告 built from outcomes, not headcounts.
 */
import * as z from 'zod/mini'
import { Id, PageInput, Text } from './common'
import { MEMBER_TYPES, REG_STATUSES, REG_STATUS_LABELS } from './vocabulary'
import type { MeetingInfo } from './council'

export { MEMBER_TYPES, REG_STATUSES, REG_STATUS_LABELS }
export const MemberType = z.enum(MEMBER_TYPES)

export type RegStatus = (typeof REG_STATUSES)[number]

export interface Registration {
  _id: string
  communityId: string
  userId: string
  /** `userId` while pending or verified (unique index: one active registration per member); `closed:<id>` after. */
  activeKey: string
  name: string
  employerUnitId: string | null
  employerName: string
  branch: string
  memberType: (typeof MEMBER_TYPES)[number]
  homeCompoundId: string
  homeBuildingId: string
  /**
   * 「<compound> <building>」 as they were named when registering (places are not renamed through the app), so
   * a view needs no read of the places; registrations from before it lack it and their views read them.
   */
  homeLabel?: string
  skills: string[]
  pledge: { text: string; done: boolean; doneAt: Date | null; doneNote: string | null }
  status: RegStatus
  rejectReason: string | null
  viaScene: string | null
  createdAt: Date
  reviewedAt: Date | null
  reviewedBy: string | null
  closedAt: Date | null
}

export interface SceneToken {
  /** The token itself (≤ 32 visible characters, only those WeChat allows in a scene). */
  _id: string
  kind: 'community' | 'compound'
  communityId: string
  compoundId: string | null
  createdAt: Date
}

export interface Post {
  _id: string
  communityId: string
  title: string
  description: string
  skills: string[]
  capacity: number
  holders: string[]
  holderCount: number
  active: boolean
  createdAt: Date
}

export interface Pair {
  /** `${memberId}_${householdId}` */
  _id: string
  communityId: string
  memberId: string
  householdId: string
  /** Sensitive (独居, 失能, 低保…): seen only by the secretary and the paired member. */
  needs: string[]
  active: boolean
  since: Date
  visits: number
  lastVisitAt: Date | null
}

export interface Visit {
  _id: string
  pairId: string
  communityId: string
  memberId: string
  householdId: string
  note: string
  at: Date
}

export const ACTIVITY_STATUSES = ['published', 'cancelled'] as const
export interface Activity {
  _id: string
  communityId: string
  title: string
  description: string
  place: string
  startAt: Date
  endAt: Date
  capacity: number
  signedUp: number
  pointsPerHour: number
  organiserId: string
  postId: string | null
  /** Optional presence check: within radius metres of this point. */
  location: { lat: number; lng: number; radius: number } | null
  /** Server-only key of the rotating check-in code. Never leaves the function. */
  secret: string
  status: (typeof ACTIVITY_STATUSES)[number]
  /**
   * A council meeting (议事日, representatives' meeting) is an activity with this: residents in the council's
   * scope sign up and check in with the same pages and rotating codes (meeting.upsert / meeting.list).
   */
  meeting?: MeetingInfo | null
  createdAt: Date
  updatedAt: Date
}

export const SIGNUP_STATUSES = ['signed', 'withdrawn', 'checked_in', 'checked_out', 'no_show'] as const
export type SignupStatus = (typeof SIGNUP_STATUSES)[number]
export interface Signup {
  /** `${activityId}_${userId}` */
  _id: string
  activityId: string
  communityId: string
  userId: string
  status: SignupStatus
  signedAt: Date
  checkinAt: Date | null
  checkoutAt: Date | null
  /** Measured: check-out minus check-in, capped at the scheduled length. */
  hours: number | null
  confirmedHours: number | null
  correction: string | null
  confirmedAt: Date | null
  /** When the day-before reminder went out (once). */
  remindedAt?: Date | null
  /** When this person was told the activity was cancelled (once; party/cancelNotice.ts). */
  cancelNoticeAt?: Date
}

// ---------- Inputs ----------

const C = { communityId: Id }
const Skills = z.array(Text(10)).check(z.maxLength(10))
const Point = z.strictObject({ lat: z.number().check(z.gte(-90), z.lte(90)), lng: z.number().check(z.gte(-180), z.lte(180)) })
const IsoTime = z.string().check(z.iso.datetime({ offset: true, message: '时间格式不正确' }))

export const RegisterCodeInput = z.strictObject({ ...C, compoundId: z.optional(Id) })
export const ResolveSceneInput = z.strictObject({ scene: z.string().check(z.minLength(1), z.maxLength(32)) })
export const RegisterInput = z.strictObject({
  ...C,
  scene: z.optional(z.string().check(z.maxLength(32))),
  name: Text(20),
  employerUnitId: z.nullable(Id),
  employerName: Text(40),
  branch: Text(40),
  memberType: MemberType,
  homeCompoundId: Id,
  homeBuildingId: Id,
  skills: Skills,
  pledge: Text(100),
})
export const MyRegistrationInput = z.strictObject({})
export const PartyReviewInput = z.strictObject({
  ...C,
  registrationId: Id,
  approve: z.boolean(),
  reason: z.optional(z.string().check(z.trim(), z.maxLength(200))),
})
export const PartyMembersInput = z.strictObject({ ...PageInput.shape, ...C, status: z.optional(z.enum(REG_STATUSES)) })
export const PledgeInput = z.strictObject({ ...C, pledge: Text(100) })
export const PledgeDoneInput = z.strictObject({ ...C, note: Text(200) })
/** How many posts post.list answers at most: a full page means there may be more (ask again with `after`). */
export const POST_PAGE = 100
/**
 * post.list: the posts oldest first, POST_PAGE at a time. `after`: the id of the last post of the previous
 * page (absent: the first page). An answer of POST_PAGE posts may be followed by more: the client asks again
 * with `after` set to its last post until an answer holds fewer (services/posts.ts allPosts).
 */
export const PostListInput = z.strictObject({ ...C, after: z.optional(Id) })
export const PostUpsertInput = z.strictObject({
  ...C,
  postId: z.optional(Id),
  title: Text(20),
  description: z.string().check(z.trim(), z.maxLength(300)),
  skills: Skills,
  capacity: z.number().check(z.int(), z.gte(1), z.lte(100)),
  active: z.boolean(),
})
export const PostClaimInput = z.strictObject({ ...C, postId: Id })
export const PairAssignInput = z.strictObject({ ...C, memberId: Id, householdId: Id, needs: z.array(Text(10)).check(z.maxLength(6)), active: z.boolean() })
export const PairMineInput = z.strictObject(C)
export const PairListInput = z.strictObject({ ...C, memberId: z.optional(Id) })
/** 1+N 结对: how many households each member pairs with, set by the community (default 5–15). */
export interface PairSettings {
  _id: string
  minPerMember: number
  maxPerMember: number
}
export const PairSettingsInput = z.strictObject(C)
export const PairSetSettingsInput = z
  .strictObject({ ...C, minPerMember: z.number().check(z.int(), z.gte(1), z.lte(15)), maxPerMember: z.number().check(z.int(), z.gte(1), z.lte(15)) })
  .check(z.refine((x) => x.minPerMember <= x.maxPerMember, { message: '最少户数不能多于最多户数', path: ['minPerMember'] }))
export const PairLogVisitInput = z.strictObject({ ...C, householdId: Id, note: Text(300) })
export const ActivityListInput = z.strictObject({ ...PageInput.shape, ...C, scope: z.optional(z.enum(['upcoming', 'past', 'mine'])) })
export const ActivityGetInput = z.strictObject({ ...C, activityId: Id })
export const ActivityUpsertInput = z.strictObject({
  ...C,
  activityId: z.optional(Id),
  title: Text(30),
  description: z.string().check(z.trim(), z.maxLength(1000)),
  place: Text(50),
  startAt: IsoTime,
  endAt: IsoTime,
  capacity: z.number().check(z.int(), z.gte(1), z.lte(5000)),
  pointsPerHour: z.number().check(z.int(), z.gte(0), z.lte(100)),
  postId: z.optional(z.nullable(Id)),
  location: z.optional(z.nullable(z.extend(Point, { radius: z.number().check(z.int(), z.gte(50), z.lte(5000)) }))),
})
export const ActivityCancelInput = z.strictObject({ ...C, activityId: Id, reason: Text(200) })
export const ActivitySignUpInput = z.strictObject({ ...C, activityId: Id })
export const ActivityCodeInput = z.strictObject({ ...C, activityId: Id })
/**
 * `token`: the QR's long code, or the 6-digit short code (then `activityId` says whose: the digits alone do
 * not name the activity).
 */
export const ActivityCheckInput = z
  .strictObject({ ...C, token: z.string().check(z.trim(), z.minLength(6), z.maxLength(120)), activityId: z.optional(Id), location: z.optional(Point) })
  .check(z.refine((v) => !/^\d{6}$/.test(v.token) || !!v.activityId, { message: '输入 6 位数字签到码时，请从活动页进入签到', path: ['activityId'] }))
export const ConfirmHoursInput = z.strictObject({
  ...C,
  activityId: Id,
  corrections: z.optional(z.array(z.strictObject({ userId: Id, hours: z.number().check(z.gte(0), z.lte(24)), reason: Text(100) })).check(z.maxLength(500))),
})
export const PartyRecordInput = z.strictObject({ ...C, userId: z.optional(Id), year: z.optional(z.number().check(z.int(), z.gte(2000), z.lte(2100))) })
export const PartyReportInput = z.strictObject({
  ...C,
  year: z.number().check(z.int(), z.gte(2000), z.lte(2100)),
  employerUnitId: z.optional(Id),
  format: z.optional(z.enum(['json', 'xlsx'])),
  /** json: the page after this one (the nextCursor of the previous answer). */
  cursor: z.optional(z.string().check(z.maxLength(64))),
})
export const CoverageInput = z.strictObject({ streetId: Id })

// ---------- Outputs ----------

export interface SceneView {
  communityId: string
  communityName: string
  compoundId: string | null
  compoundName: string | null
  partnerUnits: { id: string; name: string }[]
}
export interface RegistrationView {
  id: string
  userId: string
  communityId: string
  communityName: string
  name: string
  employerName: string
  branch: string
  memberType: string
  home: string
  skills: string[]
  pledge: { text: string; done: boolean; doneAt: string | null; doneNote: string | null }
  status: RegStatus
  statusLabel: string
  rejectReason: string | null
  createdAt: string
}
export interface PostView {
  id: string
  title: string
  description: string
  skills: string[]
  capacity: number
  holders: { userId: string; name: string }[]
  mine: boolean
  /** The post's skills the caller's registration also lists (empty when none match or they are not registered). */
  mySkills: string[]
  active: boolean
}
export interface PairView {
  memberId: string
  householdId: string
  household: string
  residents: string[]
  needs: string[]
  since: string
  visits: number
  lastVisitAt: string | null
  memberName: string
}
export interface ActivityView {
  id: string
  title: string
  description: string
  place: string
  startAt: string
  endAt: string
  capacity: number
  signedUp: number
  pointsPerHour: number
  status: 'published' | 'cancelled'
  organiserName: string
  hasLocation: boolean
  mySignup: { status: SignupStatus; checkinAt: string | null; checkoutAt: string | null; hours: number | null; confirmedHours: number | null } | null
  isOrganiser: boolean
}
export interface ActivityDetail extends ActivityView {
  /** For the organiser: what the edit form needs back. */
  postId: string | null
  location: { lat: number; lng: number; radius: number } | null
  /** For the organiser: who signed up and where they stand (masked names). */
  roster: { userId: string; name: string; status: SignupStatus; hours: number | null; confirmedHours: number | null }[] | null
}
export interface CheckinCode {
  token: string
  /** PNG data URL of the token as a QR. */
  qr: string
  /** When this code stops working (it rotates every 30 s; the previous one is accepted for 30 s more). */
  expiresAt: string
  periodSeconds: number
  /** The same check-in as 6 digits, to read aloud or type where no camera scans the QR. */
  shortCode: string
  /** When the short code changes (it rotates every `shortPeriodSeconds`; the previous one is accepted one period more). */
  shortExpiresAt: string
  shortPeriodSeconds: number
}
export interface MemberRecord {
  userId: string
  name: string
  year: number | null
  registrations: RegistrationView[]
  posts: string[]
  pairs: number
  visits: number
  activities: { id: string; title: string; startAt: string; hours: number | null; confirmedHours: number | null; status: SignupStatus }[]
  totalHours: number
  wishesFulfilled: number
  averageRating: number | null
  pledgeKept: boolean | null
}
export interface ReportRow {
  userId: string
  name: string
  employerName: string
  branch: string
  memberType: string
  hours: number
  activities: number
  wishesFulfilled: number
  averageRating: number | null
  visits: number
  pledge: string
  pledgeKept: boolean
}
export interface PartyReportView {
  year: number
  /** json: one page of members (REPORT_PAGE, in registration order); xlsx: every member, by unit then hours. */
  rows: ReportRow[]
  /** json: the next page's cursor (null on the last); xlsx: null unless the export stopped short (complete false). */
  nextCursor: string | null
  /** Every member is in `rows` (xlsx), or this is the last page (json). */
  complete: boolean
  /** base64 xlsx when format=xlsx */
  file: { name: string; base64: string } | null
}
export interface CoverageView {
  streetId: string
  communities: {
    communityId: string
    name: string
    households: number
    verified: number
    pending: number
    perHundredHouseholds: number
    flag: 'empty' | 'low' | 'ok' | 'crowded'
  }[]
  median: number
}

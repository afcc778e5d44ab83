/**
 * Micro-wishes 微心愿: a resident's small wish, from posting to a fulfilled, rated, shared story.
 * Every transition is recorded in the wish's history, so the wisher always hears back.
 */
import * as z from 'zod/mini'
import { Id, PageInput, Text } from './common'
import { REQUEST_CATEGORIES, URGENCIES, WISH_STATUSES, WISH_STATUS_LABELS } from './vocabulary'

export { WISH_STATUSES, WISH_STATUS_LABELS }
export type WishStatus = (typeof WISH_STATUSES)[number]
export const WishStatus = z.enum(WISH_STATUSES)

/** Default categories; a community may configure its own. */
export const DEFAULT_WISH_CATEGORIES = ['生活帮扶', '助老', '助学', '医疗', '物品', '其他'] as const

export const WISH_EVENTS = [
  'post',
  'approve',
  'reject',
  'claim',
  'dispatch',
  'release',
  'progress',
  'fulfil',
  'confirm',
  'autoclose',
  'withdraw',
  'remind',
  'convert', // the secretary made it a request (a problem someone must fix): the wish closes, the request carries it on
] as const
export type WishEvent = (typeof WISH_EVENTS)[number]

export interface WishHistoryEntry {
  at: Date
  event: WishEvent
  byId: string | null
  from: WishStatus | null
  to: WishStatus
  note: string | null
  photos?: string[]
}

export interface Wish {
  _id: string
  communityId: string
  compoundId: string
  buildingId: string
  title: string
  description: string
  category: string
  photos: string[]
  wishedBy: Date | null
  /** The resident whose wish it is. */
  wisherId: string
  /** Who typed it in: the wisher, or a building head acting for them (代办). */
  postedById: string
  onBehalf: boolean
  status: WishStatus
  /** Shown on the wish wall (open, claimed, fulfilled, closed): kept with the status, indexed for the wall. */
  onWall: boolean
  claimerId: string | null
  claimVia: 'claim' | 'dispatch' | null
  lastProgressAt: Date | null
  proof: { text: string; photos: string[]; at: Date } | null
  rating: { stars: number; note: string; at: Date } | null
  rejectReason: string | null
  /** Points for the claimer are still owed (no budget at closing time); the timer retries. */
  pointsPending: boolean
  history: WishHistoryEntry[]
  createdAt: Date
  openedAt: Date | null
  claimedAt: Date | null
  fulfilledAt: Date | null
  closedAt: Date | null
  remindedAt: Date | null
  updatedAt: Date
  /** When the secretary turned it into a request (wish.convert): that request (optional: added with the conversion). */
  requestId?: string | null
}

export interface WishSettings {
  _id: string // communityId
  categories: string[]
  /** Open passing-content text wishes straight away (photos still wait for the secretary). */
  autoApprove: boolean
  /** A fulfilled wish the wisher has not confirmed closes by itself after this many days. */
  autoCloseDays: number
  /** Open or claimed-without-progress wishes older than this go to the overdue queue. */
  overdueDays: number
}

const Community = { communityId: Id }
const Photos = z.array(z.string().check(z.maxLength(500), z.regex(/^(cloud:\/\/|https?:\/\/|\/)/, '图片地址不正确'))).check(z.maxLength(6, '最多 6 张图片'))
const Reason = Text(200)

export const WishCreateInput = z.strictObject({
  ...Community,
  title: Text(30),
  description: Text(500),
  category: Text(10),
  buildingId: Id,
  photos: z.optional(Photos),
  wishedBy: z.optional(z.nullable(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2026-12-01')))),
  /** A building head posting for a resident they act for. */
  onBehalfOf: z.optional(Id),
})
export const WishListInput = z.strictObject({
  ...PageInput.shape,
  ...Community,
  status: z.optional(z.enum(['open', 'claimed', 'fulfilled', 'closed'])),
  category: z.optional(z.string().check(z.maxLength(10))),
  compoundId: z.optional(Id),
  buildingId: z.optional(Id),
})
export const WishGetInput = z.strictObject({ ...Community, wishId: Id })
export const WishMineInput = z.strictObject({ ...PageInput.shape, ...Community, as: z.enum(['wisher', 'claimer']) })
export const WishReviewInput = z.strictObject({
  ...Community,
  wishId: Id,
  approve: z.boolean(),
  reason: z.optional(z.string().check(z.trim(), z.maxLength(200))),
})
export const WishClaimInput = z.strictObject({ ...Community, wishId: Id })
export const WishRemindInput = z.strictObject({ ...Community, wishId: Id })
export const WishDispatchInput = z.strictObject({ ...Community, wishId: Id, memberId: Id, note: z.optional(z.string().check(z.trim(), z.maxLength(200))) })
export const WishReleaseInput = z.strictObject({ ...Community, wishId: Id, reason: Reason })
export const WishProgressInput = z.strictObject({ ...Community, wishId: Id, note: Reason, photos: z.optional(Photos) })
export const WishFulfilInput = z.strictObject({ ...Community, wishId: Id, proof: Text(500), photos: z.optional(Photos) })
export const WishConfirmInput = z.strictObject({
  ...Community,
  wishId: Id,
  stars: z.number().check(z.int(), z.gte(1, '请打 1-5 星'), z.lte(5, '请打 1-5 星')),
  thanks: z.string().check(z.trim(), z.maxLength(200)),
})
export const WishWithdrawInput = z.strictObject({ ...Community, wishId: Id, reason: z.optional(z.string().check(z.trim(), z.maxLength(200))) })
/**
 * The secretary turns a wish into a request (诉求: a problem someone must fix) — the reverse of request.convert.
 * Only a wish nobody has taken on yet (under review or open); the reason is shown on both histories.
 */
export const WishConvertInput = z.strictObject({
  ...Community,
  wishId: Id,
  into: z.literal('request'),
  category: z.enum(REQUEST_CATEGORIES),
  urgency: z.optional(z.enum(URGENCIES)),
  note: Reason,
})
export const WishQueueInput = z.strictObject({ ...PageInput.shape, ...Community })
export const WishStatsInput = z.strictObject(Community)
export const WishSettingsInput = z.strictObject(Community)
export const WishSetSettingsInput = z.strictObject({
  ...Community,
  categories: z.array(Text(10)).check(z.minLength(1), z.maxLength(12)),
  autoApprove: z.boolean(),
  autoCloseDays: z.number().check(z.int(), z.gte(1), z.lte(60)),
  overdueDays: z.number().check(z.int(), z.gte(1), z.lte(60)),
})

// ---------- Outputs ----------

export interface WishCard {
  id: string
  title: string
  category: string
  status: WishStatus
  statusLabel: string
  /** 幸福里小区 3栋 — never the door number on the wall. */
  place: string
  /** masked: 王*英 */
  wisherName: string
  onBehalf: boolean
  claimerName: string | null
  photo: string | null
  createdAt: string
  wishedBy: string | null
}

export interface WishDetail extends WishCard {
  communityId: string
  description: string
  photos: string[]
  history: { at: string; event: WishEvent; byName: string; to: WishStatus; note: string | null; photos: string[] }[]
  proof: { text: string; photos: string[]; at: string } | null
  rating: { stars: number; note: string; at: string } | null
  rejectReason: string | null
  /** Full name, phone and door: only for the current claimer, the secretary, the wisher and their proxy. */
  contact: { name: string; phone: string | null; address: string } | null
  /** What the viewer may do now (the same predicates the server checks). */
  can: {
    claim: boolean
    release: boolean
    progress: boolean
    fulfil: boolean
    confirm: boolean
    withdraw: boolean
    review: boolean
    dispatch: boolean
    /** The secretary may turn it into a request (wish.convert). */
    convert: boolean
  }
  /** The request it became (wish.convert), for those who may see the wish. */
  requestId: string | null
  isMine: boolean
  isClaimer: boolean
}

export interface WishStats {
  byStatus: Record<WishStatus, number>
  posted: number
  medianHoursToClaim: number | null
  medianHoursToFulfil: number | null
  ratings: { count: number; average: number | null; distribution: Record<'1' | '2' | '3' | '4' | '5', number> }
  /** Overdue wishes counted up to OVERDUE_COUNTED of each kind (open, claimed without progress)… */
  overdue: number
  /** …and whether there are more than that (the overdue queue lists them all). */
  overdueMore: boolean
}

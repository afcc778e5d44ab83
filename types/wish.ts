/**
 * Micro-wishes 微心愿: a resident's small wish, from posting to a fulfilled, rated, shared story.
 * Every transition is recorded in the wish's history, so the wisher always hears back.
 */
import * as z from 'zod'
import { Id, PageInput, Text } from './common'
import { WISH_STATUSES, WISH_STATUS_LABELS } from './vocabulary'

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
const Photos = z
  .array(
    z
      .string()
      .max(500)
      .regex(/^(cloud:\/\/|https?:\/\/|\/)/, '图片地址不正确'),
  )
  .max(6, '最多 6 张图片')
const Reason = Text(200)

export const WishCreateInput = z
  .object({
    ...Community,
    title: Text(30),
    description: Text(500),
    category: Text(10),
    buildingId: Id,
    photos: Photos.optional(),
    wishedBy: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2026-12-01')
      .nullable()
      .optional(),
    /** A building head posting for a resident they act for. */
    onBehalfOf: Id.optional(),
  })
  .strict()
export const WishListInput = PageInput.extend({
  ...Community,
  status: z.enum(['open', 'claimed', 'fulfilled', 'closed']).optional(),
  category: z.string().max(10).optional(),
  compoundId: Id.optional(),
  buildingId: Id.optional(),
}).strict()
export const WishGetInput = z.object({ ...Community, wishId: Id }).strict()
export const WishMineInput = PageInput.extend({ ...Community, as: z.enum(['wisher', 'claimer']) }).strict()
export const WishReviewInput = z.object({ ...Community, wishId: Id, approve: z.boolean(), reason: z.string().trim().max(200).optional() }).strict()
export const WishClaimInput = z.object({ ...Community, wishId: Id }).strict()
export const WishRemindInput = z.object({ ...Community, wishId: Id }).strict()
export const WishDispatchInput = z.object({ ...Community, wishId: Id, memberId: Id, note: z.string().trim().max(200).optional() }).strict()
export const WishReleaseInput = z.object({ ...Community, wishId: Id, reason: Reason }).strict()
export const WishProgressInput = z.object({ ...Community, wishId: Id, note: Reason, photos: Photos.optional() }).strict()
export const WishFulfilInput = z.object({ ...Community, wishId: Id, proof: Text(500), photos: Photos.optional() }).strict()
export const WishConfirmInput = z
  .object({ ...Community, wishId: Id, stars: z.number().int().min(1, '请打 1-5 星').max(5, '请打 1-5 星'), thanks: z.string().trim().max(200) })
  .strict()
export const WishWithdrawInput = z.object({ ...Community, wishId: Id, reason: z.string().trim().max(200).optional() }).strict()
export const WishQueueInput = PageInput.extend(Community).strict()
export const WishStatsInput = z.object(Community).strict()
export const WishSettingsInput = z.object(Community).strict()
export const WishSetSettingsInput = z
  .object({
    ...Community,
    categories: z.array(Text(10)).min(1).max(12),
    autoApprove: z.boolean(),
    autoCloseDays: z.number().int().min(1).max(60),
    overdueDays: z.number().int().min(1).max(60),
  })
  .strict()

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
  can: { claim: boolean; release: boolean; progress: boolean; fulfil: boolean; confirm: boolean; withdraw: boolean; review: boolean; dispatch: boolean }
  isMine: boolean
  isClaimer: boolean
}

export interface WishStats {
  byStatus: Record<WishStatus, number>
  posted: number
  medianHoursToClaim: number | null
  medianHoursToFulfil: number | null
  ratings: { count: number; average: number | null; distribution: Record<'1' | '2' | '3' | '4' | '5', number> }
  overdue: number
}

/**
 * Points 积分 and the points supermarket 爱心积分超市.
 * An append-only double-entry ledger: every movement is a transfer whose entries sum to zero across
 * accounts (people, sponsor budgets 共建单位, the supermarket, expiry). Balances are cached on the
 * account document and always equal the sum of its entries.
 */
import * as z from 'zod/mini'
import { Id, PageInput, Text } from './common'
import { EARN_KINDS, EARN_LABELS, ITEM_KINDS, ITEM_KIND_LABELS } from './vocabulary'

// ---------- Entities ----------

export const ACCOUNT_KINDS = ['person', 'sponsor', 'mall', 'expired'] as const
export type AccountKind = (typeof ACCOUNT_KINDS)[number]

export interface PointAccount {
  _id: string
  communityId: string
  kind: AccountKind
  /** userId for a person, sponsorId for a sponsor, null for the community's mall / expiry accounts. */
  ownerId: string | null
  balance: number
  /** Person accounts: the earliest moment any of its points could expire (the expiry timer's queue); missing = never checked. */
  expiryCheckAt?: Date
  /**
   * Person accounts: unspent points by the China day they were earned, oldest first (FIFO, the ledger's order),
   * kept with every transfer; their sum is the balance. Missing on accounts made before they were kept, until
   * the 'points.accounts' recount writes them.
   */
  lots?: { day: string; amount: number }[]
  createdAt: Date
  updatedAt: Date
}

/** Why points moved. */
export const TRANSFER_KINDS = ['earn', 'grant', 'correct', 'fund', 'redeem', 'refund', 'expire'] as const
export type TransferKind = (typeof TRANSFER_KINDS)[number]

export interface Cause {
  /** e.g. wish, activity, topic, order, manual */
  type: string
  id: string
}

export interface PointTransfer {
  /** Derived from the idempotency key: replaying the same cause finds this document and changes nothing. */
  _id: string
  key: string
  communityId: string
  kind: TransferKind
  reason: string
  cause: Cause | null
  entries: { accountId: string; amount: number }[]
  byUserId: string | null
  at: Date
}

/** One movement on one account: the statement is a query over these. Never updated or deleted. */
export interface PointEntry {
  _id: string
  transferId: string
  accountId: string
  accountKind: AccountKind | 'funding'
  communityId: string
  amount: number
  kind: TransferKind
  reason: string
  cause: Cause | null
  /** For sponsor-funded earnings: which sponsor's budget paid. */
  sponsorId: string | null
  at: Date
}

/** How points are earned, per community (secretary sets these). */
export { EARN_KINDS, EARN_LABELS }
export const EarnKind = z.enum(EARN_KINDS)
export type EarnKind = z.infer<typeof EarnKind>

export interface PointRule {
  _id: string // `${communityId}_${kind}`
  communityId: string
  kind: EarnKind
  points: number
  dailyCap: number | null
  monthlyCap: number | null
  active: boolean
  updatedAt: Date
}

export interface Sponsor {
  _id: string
  communityId: string
  name: string
  /** The partner unit 共建单位 this sponsor is, when it is one. */
  partnerUnitId: string | null
  contact: string | null
  /** Warn when the remaining budget falls below this. */
  warnBelow: number
  /** Order in which budgets pay for earnings (lower first). */
  priority: number
  active: boolean
  createdAt: Date
}

export { ITEM_KINDS, ITEM_KIND_LABELS }
export const ItemKind = z.enum(ITEM_KINDS)

export interface MallItem {
  _id: string
  communityId: string
  name: string
  kind: (typeof ITEM_KINDS)[number]
  description: string
  photos: string[]
  price: number
  stock: number
  /** Most a person may hold (reserved or picked up) of this item; null = no limit. */
  perPersonLimit: number | null
  pickupPlace: string
  pickupHours: string
  /** Days an order may wait for pickup before it is cancelled and refunded. */
  pickupDays: number
  sponsorId: string | null
  active: boolean
  createdAt: Date
  updatedAt: Date
}

export const ORDER_STATUSES = ['reserved', 'picked_up', 'cancelled', 'expired'] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]

export interface MallOrder {
  _id: string
  communityId: string
  itemId: string
  itemName: string
  userId: string
  quantity: number
  points: number
  status: OrderStatus
  /** 8 digits shown to the resident (and as a QR); verified once at the counter. */
  pickupCode: string
  deadline: Date
  createdAt: Date
  closedAt: Date | null
  verifiedBy: string | null
  sponsorId: string | null
}

// ---------- Inputs ----------

const Points = z.number().check(z.int('积分必须是整数'), z.gte(1, '积分至少为 1'), z.lte(1_000_000, '积分数额过大'))
const Community = { communityId: Id }

export const BalanceInput = z.strictObject(Community)
export const StatementInput = z.strictObject({ ...PageInput.shape, ...Community })
export const RulesInput = z.strictObject(Community)
export const SetRuleInput = z.strictObject({
  ...Community,
  kind: EarnKind,
  points: z.number().check(z.int(), z.gte(0), z.lte(10_000)),
  dailyCap: z.nullable(z.number().check(z.int(), z.gte(1), z.lte(100_000))),
  monthlyCap: z.nullable(z.number().check(z.int(), z.gte(1), z.lte(1_000_000))),
  active: z.boolean(),
})
export const GrantInput = z.strictObject({
  ...Community,
  userId: Id,
  /** Positive to grant, negative to correct downwards. A correction is a new entry, never an edit. */
  amount: z.number().check(
    z.int(),
    z.gte(-1_000_000),
    z.lte(1_000_000),
    z.refine((n) => n !== 0, '数额不能为 0'),
  ),
  reason: Text(100),
  /** Whose budget pays (or takes back); defaults to the first funded sponsor by priority. */
  sponsorId: z.optional(Id),
  /** Client-generated key so a retried tap grants once. */
  requestKey: z.string().check(z.minLength(8), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/)),
})
export const SponsorsInput = z.strictObject(Community)
export const SetSponsorInput = z.strictObject({
  ...Community,
  sponsorId: z.optional(Id),
  name: Text(40),
  partnerUnitId: z.optional(z.nullable(Id)),
  contact: z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(40)))),
  warnBelow: z.number().check(z.int(), z.gte(0), z.lte(10_000_000)),
  priority: z.optional(z.number().check(z.int(), z.gte(0), z.lte(1000))),
  active: z.optional(z.boolean()),
})
export const FundSponsorInput = z.strictObject({
  ...Community,
  sponsorId: Id,
  amount: Points,
  note: Text(100),
  requestKey: z.string().check(z.minLength(8), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/)),
})
export const SetExpiryInput = z.strictObject({ ...Community, expireMonths: z.nullable(z.number().check(z.int(), z.gte(1), z.lte(120))) })
export const ReportInput = z.strictObject({ ...Community, months: z.optional(z.number().check(z.int(), z.gte(1), z.lte(24))) })

export const ItemsInput = z.strictObject({ ...PageInput.shape, ...Community, kind: z.optional(ItemKind), includeInactive: z.optional(z.boolean()) })
export const ItemInput = z.strictObject({ ...Community, itemId: Id })
export const UpsertItemInput = z.strictObject({
  ...Community,
  itemId: z.optional(Id),
  name: Text(30),
  kind: ItemKind,
  description: z.string().check(z.trim(), z.maxLength(500)),
  photos: z.array(z.string().check(z.maxLength(500))).check(z.maxLength(6)),
  price: Points,
  /** Units to add to stock (negative to remove), never a raw overwrite: concurrent sales stay counted. */
  stockDelta: z.number().check(z.int(), z.gte(-100_000), z.lte(100_000)),
  perPersonLimit: z.nullable(z.number().check(z.int(), z.gte(1), z.lte(1000))),
  pickupPlace: Text(50),
  pickupHours: Text(50),
  pickupDays: z.number().check(z.int(), z.gte(1), z.lte(60)),
  sponsorId: z.nullable(Id),
  active: z.boolean(),
})
export const RedeemInput = z.strictObject({
  ...Community,
  itemId: Id,
  quantity: z.number().check(z.int('数量必须是整数'), z.gte(1, '数量至少为 1'), z.lte(20, '一次最多兑换 20 件')),
  /** Client-generated per tap: a retried redeem makes one order. */
  requestKey: z.string().check(z.minLength(8), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/)),
})
export const CancelInput = z.strictObject({ ...Community, orderId: Id })
export const PickupQrInput = z.strictObject({ ...Community, orderId: Id })
export const OrderInput = z.strictObject({ ...Community, orderId: Id })
export const MyOrdersInput = z.strictObject({ ...PageInput.shape, ...Community })
export const VerifyInput = z.strictObject({
  ...Community,
  code: z.string().check(z.trim(), z.regex(/^\d{8}$/, '取货码是 8 位数字')),
})
export const OrdersInput = z.strictObject({ ...PageInput.shape, ...Community, status: z.optional(z.enum(ORDER_STATUSES)) })

// ---------- Outputs ----------

export interface BalanceView {
  communityId: string
  balance: number
  /** Points that will expire soon (FIFO), when the community sets an expiry period. */
  expiring: { amount: number; on: string } | null
}
export interface StatementLine {
  id: string
  at: string
  amount: number
  kind: TransferKind
  reason: string
  cause: Cause | null
}
export interface RulesView {
  rules: RuleView[]
  /** Points expire this many months after they were earned (FIFO); null = never. */
  expireMonths: number | null
}
export interface RuleView {
  kind: EarnKind
  label: string
  points: number
  dailyCap: number | null
  monthlyCap: number | null
  active: boolean
}
export interface SponsorView {
  id: string
  name: string
  partnerUnitId: string | null
  contact: string | null
  budget: number
  issued: number
  redeemed: number
  warnBelow: number
  low: boolean
  priority: number
  active: boolean
}
/** An item as people see it: the stored fields, plus labels and what the caller may still take. */
export interface ItemView extends Omit<MallItem, '_id' | 'communityId' | 'createdAt' | 'updatedAt'> {
  id: string
  kindLabel: string
  sponsorName: string | null
  /** For the caller: how many more they may redeem (null = no limit). */
  myRemaining: number | null
}
export interface OrderView {
  id: string
  itemId: string
  itemName: string
  quantity: number
  points: number
  status: OrderStatus
  pickupCode: string | null
  pickupPlace: string | null
  pickupHours: string | null
  deadline: string
  createdAt: string
  closedAt: string | null
  /** Secretaries see whose order it is (masked). */
  userName?: string
}
export interface ReportView {
  sponsors: SponsorView[]
  months: { month: string; issued: number; redeemed: number; refunded: number; expired: number }[]
  totals: { budget: number; issued: number; redeemed: number; outstanding: number }
  warnings: string[]
}

/**
 * Points 积分 and the points supermarket 爱心积分超市.
 * An append-only double-entry ledger: every movement is a transfer whose entries sum to zero across
 * accounts (people, sponsor budgets 共建单位, the supermarket, expiry). Balances are cached on the
 * account document and always equal the sum of its entries.
 */
import * as z from 'zod'
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

const Points = z.number().int('积分必须是整数').min(1, '积分至少为 1').max(1_000_000, '积分数额过大')
const Community = { communityId: Id }

export const BalanceInput = z.object(Community).strict()
export const StatementInput = PageInput.extend(Community).strict()
export const RulesInput = z.object(Community).strict()
export const SetRuleInput = z
  .object({
    ...Community,
    kind: EarnKind,
    points: z.number().int().min(0).max(10_000),
    dailyCap: z.number().int().min(1).max(100_000).nullable(),
    monthlyCap: z.number().int().min(1).max(1_000_000).nullable(),
    active: z.boolean(),
  })
  .strict()
export const GrantInput = z
  .object({
    ...Community,
    userId: Id,
    /** Positive to grant, negative to correct downwards. A correction is a new entry, never an edit. */
    amount: z
      .number()
      .int()
      .min(-1_000_000)
      .max(1_000_000)
      .refine((n) => n !== 0, '数额不能为 0'),
    reason: Text(100),
    /** Whose budget pays (or takes back); defaults to the first funded sponsor by priority. */
    sponsorId: Id.optional(),
    /** Client-generated key so a retried tap grants once. */
    requestKey: z
      .string()
      .min(8)
      .max(64)
      .regex(/^[A-Za-z0-9_-]+$/),
  })
  .strict()
export const SponsorsInput = z.object(Community).strict()
export const SetSponsorInput = z
  .object({
    ...Community,
    sponsorId: Id.optional(),
    name: Text(40),
    partnerUnitId: Id.nullable().optional(),
    contact: z.string().trim().max(40).nullable().optional(),
    warnBelow: z.number().int().min(0).max(10_000_000),
    priority: z.number().int().min(0).max(1000).optional(),
    active: z.boolean().optional(),
  })
  .strict()
export const FundSponsorInput = z
  .object({
    ...Community,
    sponsorId: Id,
    amount: Points,
    note: Text(100),
    requestKey: z
      .string()
      .min(8)
      .max(64)
      .regex(/^[A-Za-z0-9_-]+$/),
  })
  .strict()
export const SetExpiryInput = z.object({ ...Community, expireMonths: z.number().int().min(1).max(120).nullable() }).strict()
export const ReportInput = z.object({ ...Community, months: z.number().int().min(1).max(24).optional() }).strict()

export const ItemsInput = PageInput.extend({ ...Community, kind: ItemKind.optional(), includeInactive: z.boolean().optional() }).strict()
export const ItemInput = z.object({ ...Community, itemId: Id }).strict()
export const UpsertItemInput = z
  .object({
    ...Community,
    itemId: Id.optional(),
    name: Text(30),
    kind: ItemKind,
    description: z.string().trim().max(500),
    photos: z.array(z.string().max(500)).max(6),
    price: Points,
    /** Units to add to stock (negative to remove), never a raw overwrite: concurrent sales stay counted. */
    stockDelta: z.number().int().min(-100_000).max(100_000),
    perPersonLimit: z.number().int().min(1).max(1000).nullable(),
    pickupPlace: Text(50),
    pickupHours: Text(50),
    pickupDays: z.number().int().min(1).max(60),
    sponsorId: Id.nullable(),
    active: z.boolean(),
  })
  .strict()
export const RedeemInput = z
  .object({
    ...Community,
    itemId: Id,
    quantity: z.number().int('数量必须是整数').min(1, '数量至少为 1').max(20, '一次最多兑换 20 件'),
    /** Client-generated per tap: a retried redeem makes one order. */
    requestKey: z
      .string()
      .min(8)
      .max(64)
      .regex(/^[A-Za-z0-9_-]+$/),
  })
  .strict()
export const CancelInput = z.object({ ...Community, orderId: Id }).strict()
export const PickupQrInput = z.object({ ...Community, orderId: Id }).strict()
export const OrderInput = z.object({ ...Community, orderId: Id }).strict()
export const MyOrdersInput = PageInput.extend(Community).strict()
export const VerifyInput = z
  .object({
    ...Community,
    code: z
      .string()
      .trim()
      .regex(/^\d{8}$/, '取货码是 8 位数字'),
  })
  .strict()
export const OrdersInput = PageInput.extend({ ...Community, status: z.enum(ORDER_STATUSES).optional() }).strict()

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

/**
 * People and places (module `org`): street → community → compound 小区 → building 楼栋 → household 户;
 * grids 网格 over compounds; partner units 共建单位; users with roles per community.
 */
import { z } from 'zod'
import { Id, PageInput, Role, RoleGrant, Text } from './common'

// ---------- Entities (as stored; `_id` is the document id) ----------

export const Street = z.object({ _id: Id, name: z.string(), district: z.string() })
export type Street = z.infer<typeof Street>

export const Community = z.object({
  _id: Id,
  streetId: Id,
  name: z.string(),
  address: z.string(),
  /** Households and residents living here: the "size" coverage is measured against. */
  householdCount: z.number().int().nonnegative(),
  population: z.number().int().nonnegative(),
  /** Short token carried in the community's mini-program code scene (never the raw id). */
  sceneToken: z.string().max(32),
})
export type Community = z.infer<typeof Community>

export const Compound = z.object({ _id: Id, communityId: Id, name: z.string(), address: z.string(), gridId: Id.nullable() })
export type Compound = z.infer<typeof Compound>

export const Building = z.object({ _id: Id, communityId: Id, compoundId: Id, name: z.string(), units: z.number().int().positive() })
export type Building = z.infer<typeof Building>

export const Household = z.object({
  _id: Id,
  communityId: Id,
  compoundId: Id,
  buildingId: Id,
  unit: z.number().int().positive(),
  room: z.string(),
})
export type Household = z.infer<typeof Household>

export const Grid = z.object({ _id: Id, communityId: Id, name: z.string(), compoundIds: z.array(Id), workerId: Id.nullable() })
export type Grid = z.infer<typeof Grid>

export const PARTNER_KINDS = ['机关', '事业单位', '企业', '学校', '社会组织'] as const
export const PartnerUnit = z.object({ _id: Id, communityId: Id, name: z.string(), kind: z.enum(PARTNER_KINDS) })
export type PartnerUnit = z.infer<typeof PartnerUnit>

/** A building head 楼栋长 who may act for this (often elderly, often offline) resident. */
export const ProxyGrant = z.object({ proxyId: Id, communityId: Id, since: z.date() })

export const User = z.object({
  _id: Id,
  /**
   * The WeChat OPENID. Never leaves the server. Residents without a smartphone (represented by a proxy)
   * hold `offline_<userId>`, a value WeChat never issues: the unique index on openid counts nulls as
   * equal, as MongoDB does, so null cannot mark them.
   */
  openid: z.string(),
  /** A resident without a smartphone, represented by a proxy (楼栋长). */
  offline: z.boolean(),
  nickname: z.string(),
  avatarUrl: z.string().nullable(),
  /** Personal fields: masked in every list; full only to the person and their community's secretary (audited). */
  realName: z.string().nullable(),
  phone: z.string().nullable(),
  householdId: Id.nullable(),
  /** The community of the household (denormalised for queries). */
  communityId: Id.nullable(),
  roles: z.array(RoleGrant),
  proxies: z.array(ProxyGrant),
  privacy: z.object({ version: z.string(), at: z.date() }).nullable(),
  elderMode: z.boolean().nullable(),
  birthYear: z.number().int().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
})
export type User = z.infer<typeof User>

// ---------- Action inputs ----------

/** The version of the privacy guide (用户隐私保护指引) the client shows; bump it when the text changes. */
export const PRIVACY_VERSION = '2026-11-01'

export const LoginInput = z.object({ privacyConsentVersion: z.string().max(20).optional() }).strict()
export const MeInput = z.object({}).strict()
export const UpdateProfileInput = z
  .object({
    nickname: Text(20).optional(),
    avatarUrl: z.string().max(500).regex(/^(cloud:\/\/|https?:\/\/|\/)/, '头像地址不正确').optional(),
    realName: Text(20).optional(),
    /** getPhoneNumber code (single use, 5 minutes); exchanged on the server, never trusted as a number. */
    phoneCode: z.string().min(1).max(128).optional(),
    householdId: Id.optional(),
    elderMode: z.boolean().optional(),
  })
  .strict()
export const CommunitiesInput = z.object({}).strict()
export const TreeInput = z.object({ communityId: Id }).strict()
export const HouseholdsInput = z.object({ buildingId: Id }).strict()
export const AssignRoleInput = z.object({ communityId: Id, userId: Id, role: Role }).strict()
export const RevokeRoleInput = AssignRoleInput
export const MembersInput = PageInput.extend({
  communityId: Id,
  role: Role.optional(),
  keyword: z.string().trim().max(20).optional(),
}).strict()
export const MemberInput = z.object({ communityId: Id, userId: Id }).strict()
export const SetProxyInput = z
  .object({
    communityId: Id,
    residentId: Id,
    /** The building head; defaults to the caller when the caller is a building head. */
    proxyId: Id.optional(),
    enabled: z.boolean(),
  })
  .strict()
export const AuditInput = PageInput.extend({ communityId: Id }).strict()

// ---------- Action outputs (projected: never raw documents, never openids) ----------

export interface RoleView {
  communityId: string
  communityName: string
  role: Role
}
export interface HouseholdView {
  id: string
  communityId: string
  compoundId: string
  buildingId: string
  /** e.g. 幸福里小区 3栋 2单元 501 */
  label: string
}
export interface Me {
  userId: string
  nickname: string
  avatarUrl: string | null
  realName: string | null
  phone: string | null
  household: HouseholdView | null
  roles: RoleView[]
  privacy: { version: string | null; at: string | null; current: string; needsConsent: boolean }
  elderMode: boolean | null
  /** Residents this person may act for (building heads). */
  proxyFor: { userId: string; name: string; buildingId: string | null }[]
}
export interface CommunityView {
  id: string
  name: string
  address: string
  streetId: string
  streetName: string
  householdCount: number
  population: number
}
export interface TreeView {
  community: CommunityView
  compounds: { id: string; name: string; address: string; gridId: string | null; buildings: { id: string; name: string; units: number }[] }[]
  grids: { id: string; name: string; compoundIds: string[]; workerName: string | null }[]
  partnerUnits: { id: string; name: string; kind: string }[]
}
export interface HouseholdOption {
  id: string
  unit: number
  room: string
  /** e.g. 2单元 501 */
  label: string
}
export interface MemberListItem {
  userId: string
  /** masked: 王*英 */
  name: string
  /** masked: 138****5678 */
  phone: string | null
  roles: Role[]
  householdLabel: string | null
  offline: boolean
}
export interface MemberDetail {
  userId: string
  nickname: string
  realName: string | null
  phone: string | null
  household: HouseholdView | null
  roles: Role[]
  proxies: { proxyId: string; name: string }[]
  offline: boolean
}
export interface AuditEntry {
  id: string
  at: string
  actorName: string
  action: string
  resource: { type: string; id: string }
  before: unknown
  after: unknown
}

/**
 * People and places (module `org`): street → community → compound 小区 → building 楼栋 → household 户;
 * grids 网格 over compounds; partner units 共建单位; users with roles per community.
 */
import * as z from 'zod'
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
  /** The household the person declared (申报的住址): pending until confirmed, then verified. */
  householdId: Id.nullable(),
  /** The community and building of that household (denormalised for queries). */
  communityId: Id.nullable(),
  buildingId: Id.nullable().optional(),
  /**
   * A declared household is `pending` until the building head of its building or the secretary confirms
   * it (`verified`). Residence decides who may act for whom, vote, be dispatched and answer surveys:
   * all of that reads verified households only. The resident role (居民) comes with verification.
   */
  householdStatus: z.enum(['pending', 'verified']).nullable().optional(),
  householdDeclaredAt: z.date().nullable().optional(),
  /** The last decision on a declared household, so the person sees what happened and why. */
  householdDecision: z
    .object({ outcome: z.enum(['verified', 'rejected']), householdId: Id, label: z.string(), reason: z.string().nullable(), at: z.date() })
    .nullable()
    .optional(),
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
export const PRIVACY_VERSION = '2026-11-30'

export const LoginInput = z.object({ privacyConsentVersion: z.string().max(20).optional() }).strict()
export const MeInput = z.object({}).strict()
/** The street admin's home: one street they administer. */
export const StreetInput = z.object({ streetId: Id }).strict()
export const UpdateProfileInput = z
  .object({
    nickname: Text(20).optional(),
    avatarUrl: z
      .string()
      .max(500)
      .regex(/^(cloud:\/\/|https?:\/\/|\/)/, '头像地址不正确')
      .optional(),
    realName: Text(20).optional(),
    /** getPhoneNumber code (single use, 5 minutes); exchanged on the server, never trusted as a number. */
    phoneCode: z.string().min(1).max(128).optional(),
    /** The household the person lives in (pending until confirmed); null = moved away. */
    householdId: Id.nullable().optional(),
    elderMode: z.boolean().optional(),
  })
  .strict()
export const CommunitiesInput = z.object({}).strict()
export const TreeInput = z.object({ communityId: Id }).strict()
export const HouseholdsInput = z.object({ buildingId: Id }).strict()
export const AssignRoleInput = z
  .object({
    communityId: Id,
    userId: Id,
    role: Role,
    /** For building_head (required): the buildings of this community they look after. Re-assigning changes them. */
    buildingIds: z.array(Id).min(1).max(50).optional(),
  })
  .strict()
  .refine((v) => v.role !== 'building_head' || (v.buildingIds?.length ?? 0) > 0, { message: '请选择楼栋长负责的楼栋', path: ['buildingIds'] })
  .refine((v) => v.role === 'building_head' || v.buildingIds === undefined, { message: '只有楼栋长需要选择楼栋', path: ['buildingIds'] })
export const RevokeRoleInput = z.object({ communityId: Id, userId: Id, role: Role }).strict()
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
/** Households waiting to be confirmed: a building head sees their buildings', a secretary the community's. */
export const HouseholdQueueInput = PageInput.extend({ communityId: Id }).strict()
export const ConfirmHouseholdInput = z
  .object({
    communityId: Id,
    userId: Id,
    approve: z.boolean(),
    /** Why not (shown to the person): required when refusing. */
    reason: Text(60).optional(),
  })
  .strict()
  .refine((v) => v.approve || !!v.reason, { message: '请写明原因，居民会看到', path: ['reason'] })

// ---------- Action outputs (projected: never raw documents, never openids) ----------

export interface RoleView {
  communityId: string
  communityName: string
  role: Role
  /** A building head's scope: the buildings they look after. */
  buildings?: { id: string; name: string }[]
}
export interface HouseholdView {
  id: string
  communityId: string
  compoundId: string
  buildingId: string
  /** e.g. 幸福里小区 3栋 2单元 501 */
  label: string
}
/**
 * What a person may do in a community, evaluated by the server with the same rules the router applies
 * (cloudfunctions/api/src/modules/org/rules.ts CAPABILITY_ACCESS). The client shows and hides by these,
 * never by re-deriving them from roles.
 *   member            — use the community's pages (wishes, points, activities): lives, serves or administers here
 *   administer        — the secretary's pages (secretary, or the street admin over the community)
 *   confirmHouseholds — confirm declared addresses (building head within their buildings, secretary)
 *   claimWishes       — claim micro-wishes (party members, volunteers)
 *   joinActivities    — sign up for service activities (party members, volunteers)
 *   partyMember       — party member's pages (posts, pairs, record)
 */
export const CAPABILITIES = ['member', 'administer', 'confirmHouseholds', 'claimWishes', 'joinActivities', 'partyMember'] as const
export type Capability = (typeof CAPABILITIES)[number]

export interface CommunityAccess {
  communityId: string
  communityName: string
  streetId: string
  /** Roles held in this community itself (a street admin's grant is on the street, not here). */
  roles: Role[]
  can: Capability[]
}

export interface Me {
  userId: string
  nickname: string
  avatarUrl: string | null
  realName: string | null
  phone: string | null
  household: HouseholdView | null
  /** pending: waiting for the building head or secretary to confirm; verified: confirmed. */
  householdStatus: 'pending' | 'verified' | null
  /** What the person is told about their address (待确认 and why, or why it was not confirmed). */
  householdNote: string | null
  roles: RoleView[]
  privacy: { version: string | null; at: string | null; current: string; needsConsent: boolean }
  elderMode: boolean | null
  /** Residents this person may act for (building heads). */
  proxyFor: { userId: string; name: string; buildingId: string | null }[]
  /** Every community this person may use or administer, with what they may do there (the street admin: all of their street's). */
  access: CommunityAccess[]
  /** The streets this person administers (street admin), for the street home. */
  streets: { id: string; name: string; communityCount: number }[]
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
/** A declared household waiting for confirmation (shown to the building head and the secretary). */
export interface HouseholdClaim {
  userId: string
  /** The name the person gave (the confirmer must recognise their neighbour). */
  name: string
  /** masked: 138****5678 */
  phone: string | null
  household: HouseholdView
  declaredAt: string
  offline: boolean
}
export interface MemberDetail {
  userId: string
  nickname: string
  realName: string | null
  phone: string | null
  household: HouseholdView | null
  householdStatus: 'pending' | 'verified' | null
  roles: Role[]
  /** As building head here: the buildings they look after. */
  headBuildingIds: string[]
  proxies: { proxyId: string; name: string }[]
  offline: boolean
}
export interface AuditEntry {
  id: string
  at: string
  actorName: string
  /** The action's code name (types/vocabulary.ts ACTION_LABELS says it in Chinese). */
  action: string
  /** What was acted on; `label` is what a person calls it (a wish's title, a person's masked name). */
  resource: { type: string; id: string; label?: string }
  before: unknown
  after: unknown
}

/** One community as the street admin's home lists it: its size and what waits for someone there. */
export interface StreetCommunity {
  communityId: string
  name: string
  households: number
  population: number
  /** 待确认的住址 */
  pendingHouseholds: number
  /** 待审核的心愿 */
  wishesUnderReview: number
  /** 待认领的心愿 */
  openWishes: number
  /** 待审核的党员报到 */
  pendingRegistrations: number
  /** 已报到的党员 (approved 双报到 registrations) */
  registeredMembers: number
  /** Something waits for the community's staff (pending households, wishes or registrations). */
  needsAttention: boolean
}
export interface StreetView {
  streetId: string
  name: string
  communities: StreetCommunity[]
  totals: Omit<StreetCommunity, 'communityId' | 'name' | 'needsAttention'>
}

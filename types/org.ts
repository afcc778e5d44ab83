/**
 * People and places (module `org`): street → community → compound 小区 → building 楼栋 → household 户;
 * grids 网格 over compounds; partner units 共建单位; users with roles per community.
 */
import * as z from 'zod/mini'
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
  householdCount: z.number().check(z.int(), z.nonnegative()),
  population: z.number().check(z.int(), z.nonnegative()),
  /** Raised by every org.setGrid: the lock that keeps two secretaries from drawing one building into two grids at once. */
  gridsVersion: z.optional(z.number().check(z.int(), z.nonnegative())),
})
export type Community = z.infer<typeof Community>

export const Compound = z.object({ _id: Id, communityId: Id, name: z.string(), address: z.string(), gridId: z.nullable(Id) })
export type Compound = z.infer<typeof Compound>

export const Building = z.object({ _id: Id, communityId: Id, compoundId: Id, name: z.string(), units: z.number().check(z.int(), z.positive()) })
export type Building = z.infer<typeof Building>

export const Household = z.object({
  _id: Id,
  communityId: Id,
  compoundId: Id,
  buildingId: Id,
  unit: z.number().check(z.int(), z.positive()),
  room: z.string(),
})
export type Household = z.infer<typeof Household>

export const Grid = z.object({
  _id: Id,
  communityId: Id,
  name: z.string(),
  compoundIds: z.array(Id),
  /** Buildings of other compounds that belong to this grid (a building belongs to one grid: its own, or its compound's). */
  buildingIds: z.optional(z.array(Id)),
  workerId: z.nullable(Id),
})
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
  avatarUrl: z.nullable(z.string()),
  /** Personal fields: masked in every list; full only to the person and their community's secretary (audited). */
  realName: z.nullable(z.string()),
  phone: z.nullable(z.string()),
  /** The household the person declared (申报的住址): pending until confirmed, then verified. */
  householdId: z.nullable(Id),
  /** The community and building of that household (denormalised for queries). */
  communityId: z.nullable(Id),
  buildingId: z.optional(z.nullable(Id)),
  /**
   * A declared household is `pending` until the building head of its building or the secretary confirms
   * it (`verified`). Residence decides who may act for whom, vote, be dispatched and answer surveys:
   * all of that reads verified households only. The resident role (居民) comes with verification.
   */
  householdStatus: z.optional(z.nullable(z.enum(['pending', 'verified']))),
  householdDeclaredAt: z.optional(z.nullable(z.date())),
  /** The last decision on a declared household, so the person sees what happened and why. */
  householdDecision: z.optional(
    z.nullable(z.object({ outcome: z.enum(['verified', 'rejected']), householdId: Id, label: z.string(), reason: z.nullable(z.string()), at: z.date() })),
  ),
  roles: z.array(RoleGrant),
  proxies: z.array(ProxyGrant),
  privacy: z.nullable(z.object({ version: z.string(), at: z.date() })),
  elderMode: z.nullable(z.boolean()),
  birthYear: z.nullable(z.number().check(z.int())),
  /** The birth year a secretary saw on an identity document (org.setResidency, audited): youth councils read only this. */
  verifiedBirthYear: z.optional(z.nullable(z.number().check(z.int()))),
  /** A residence permit 居住证 a secretary recorded for a community (a yes and its expiry day; no image is kept). */
  residencePermit: z.optional(z.nullable(z.object({ communityId: Id, expiresOn: z.string(), recordedById: Id, at: z.date() }))),
  createdAt: z.date(),
  updatedAt: z.date(),
})
export type User = z.infer<typeof User>

// ---------- Action inputs ----------

/** The version of the privacy guide (用户隐私保护指引) the client shows; bump it when the text changes. */
export const PRIVACY_VERSION = '2026-11-30'

export const LoginInput = z.strictObject({ privacyConsentVersion: z.optional(z.string().check(z.maxLength(20))) })
export const MeInput = z.strictObject({})
/** The street admin's home: one street they administer. */
export const StreetInput = z.strictObject({ streetId: Id })
export const UpdateProfileInput = z.strictObject({
  nickname: z.optional(Text(20)),
  avatarUrl: z.optional(z.string().check(z.maxLength(500), z.regex(/^(cloud:\/\/|https?:\/\/|\/)/, '头像地址不正确'))),
  realName: z.optional(Text(20)),
  /** getPhoneNumber code (single use, 5 minutes); exchanged on the server, never trusted as a number. */
  phoneCode: z.optional(z.string().check(z.minLength(1), z.maxLength(128))),
  /** The household the person lives in (pending until confirmed); null = moved away. */
  householdId: z.optional(z.nullable(Id)),
  elderMode: z.optional(z.boolean()),
})
export const CommunitiesInput = z.strictObject({})
export const TreeInput = z.strictObject({ communityId: Id })
export const HouseholdsInput = z.strictObject({ buildingId: Id })
export const AssignRoleInput = z
  .strictObject({
    communityId: Id,
    userId: Id,
    role: Role,
    /** For building_head (required): the buildings of this community they look after. Re-assigning changes them. */
    buildingIds: z.optional(z.array(Id).check(z.minLength(1), z.maxLength(50))),
  })
  .check(
    z.refine((v) => v.role !== 'building_head' || (v.buildingIds?.length ?? 0) > 0, { message: '请选择楼栋长负责的楼栋', path: ['buildingIds'] }),
    z.refine((v) => v.role === 'building_head' || v.buildingIds === undefined, { message: '只有楼栋长需要选择楼栋', path: ['buildingIds'] }),
  )
export const RevokeRoleInput = z.strictObject({ communityId: Id, userId: Id, role: Role })
export const MembersInput = z.strictObject({
  ...PageInput.shape,
  communityId: Id,
  role: z.optional(Role),
  keyword: z.optional(z.string().check(z.trim(), z.maxLength(20))),
})
export const MemberInput = z.strictObject({ communityId: Id, userId: Id })
export const SetProxyInput = z.strictObject({
  communityId: Id,
  residentId: Id,
  /** The building head; defaults to the caller when the caller is a building head. */
  proxyId: z.optional(Id),
  enabled: z.boolean(),
})
export const AuditInput = z.strictObject({ ...PageInput.shape, communityId: Id })
/** Households waiting to be confirmed: a building head sees their buildings', a secretary the community's. */
export const HouseholdQueueInput = z.strictObject({ ...PageInput.shape, communityId: Id })
export const ConfirmHouseholdInput = z
  .strictObject({
    communityId: Id,
    userId: Id,
    approve: z.boolean(),
    /** Why not (shown to the person): required when refusing. */
    reason: z.optional(Text(60)),
  })
  .check(z.refine((v) => v.approve || !!v.reason, { message: '请写明原因，居民会看到', path: ['reason'] }))

// ---------- Action outputs (projected: never raw documents, never openids) ----------

export interface RoleView {
  communityId: string
  communityName: string
  role: Role
  /** A building head's scope: the buildings they look after. */
  buildings?: { id: string; name: string }[]
  /** unit_staff: the unit (街道科室 / 物业 / 共建单位) they work for. */
  unit?: { id: string; name: string }
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
 *   handleRequests    — the worker's queue of requests (诉求): a grid worker here, or staff of a unit serving here
 *                       (a street department's staff: every community of the street)
 */
export const CAPABILITIES = ['member', 'administer', 'confirmHouseholds', 'claimWishes', 'joinActivities', 'partyMember', 'handleRequests'] as const
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
  /** buildingIds: single buildings of other compounds in the grid (a building belongs to one grid). */
  grids: { id: string; name: string; compoundIds: string[]; buildingIds: string[]; workerId: string | null; workerName: string | null }[]
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
  /** How many things wait for the community's staff: pending households + wishes under review + registrations to review. */
  waiting: number
  /** waiting > 0 */
  needsAttention: boolean
}
export interface StreetView {
  streetId: string
  name: string
  communities: StreetCommunity[]
  totals: Omit<StreetCommunity, 'communityId' | 'name' | 'needsAttention'>
}

/**
 * Pure rules of the org module: who holds which role where, who may grant what, and how personal
 * fields are masked. No I/O: the router, the commands and the tests use these same predicates.
 */
import type { Role, RoleGrant } from '../../../../../types/common'
import type { Capability, User } from '../../../../../types/org'
import { member, roles as anyOf, SECRETARY, type Access } from '../../platform/action'

/**
 * Roles held at a street (the grant's communityId is the street's id) that cover every community of it: the
 * street admin, and the staff of a street department (街道科室, a unit serving the whole street).
 */
export const STREET_ROLES: readonly Role[] = ['street_admin', 'unit_staff']

/** Does the user hold one of `roles` in the community? A street admin holds street_admin in every community of their street. */
export function holdsRole(user: Pick<User, 'roles'>, community: { _id: string; streetId: string }, roles: readonly Role[]): boolean {
  return user.roles.some(
    (g) => roles.includes(g.role) && (g.communityId === community._id || (STREET_ROLES.includes(g.role) && g.communityId === community.streetId)),
  )
}

type Place = { _id: string; streetId: string }

/** Is the user of this community: holds any role here (lives or serves here), or is the street admin over it? */
export function isMemberOf(user: Pick<User, 'roles'>, community: Place): boolean {
  return user.roles.some((g) => g.communityId === community._id) || holdsRole(user, community, ['street_admin'])
}

/**
 * Does an action's access admit this user in this community? The router asks this before every handler
 * (`member` and `roles` are per community; `user` and `wechat` are not about a community and admit anyone
 * with a profile here), and Me's capabilities are this same question asked ahead of time.
 */
export function allows(access: Access, user: Pick<User, 'roles'>, community: Place): boolean {
  if (access.who === 'member') return isMemberOf(user, community)
  if (access.who === 'roles') return holdsRole(user, community, access.roles)
  return true
}

/** Why `member` access refused someone: their address still waits for confirmation, or they are not from here. */
export function notMemberMessage(user: Pick<User, 'communityId' | 'householdStatus'>, communityId: string): string {
  if (user.communityId === communityId && user.householdStatus === 'pending') return '您的住址还在等待楼栋长或社区确认，确认后就可以使用了'
  return '您还不是这个社区的居民，请先在「我的」里选择住址'
}

/**
 * What a person may do in a community, by name, for the client to show or hide (types/org.ts CAPABILITIES).
 * Each is the access of the actions it opens, evaluated by `allows`, so the client cannot drift from the
 * server: a street admin administers every community of their street, exactly as the router lets them.
 */
export const CAPABILITY_ACCESS: Record<Capability, Access> = {
  member: member,
  administer: SECRETARY,
  confirmHouseholds: anyOf('building_head', 'secretary', 'street_admin'),
  claimWishes: anyOf('party_member', 'volunteer'),
  joinActivities: anyOf('party_member', 'volunteer'),
  partyMember: anyOf('party_member'),
  handleRequests: anyOf('grid_worker', 'unit_staff'),
}

export function capabilitiesIn(user: Pick<User, 'roles'>, community: Place): Capability[] {
  return (Object.keys(CAPABILITY_ACCESS) as Capability[]).filter((c) => allows(CAPABILITY_ACCESS[c], user, community))
}

export function rolesIn(user: Pick<User, 'roles'>, communityId: string): Role[] {
  return user.roles.filter((g) => g.communityId === communityId).map((g) => g.role)
}

/** Roles a secretary hands out in their community; a street admin may also appoint secretaries. */
const GRANTABLE_BY: Record<'secretary' | 'street_admin', readonly Role[]> = {
  secretary: ['resident', 'party_member', 'volunteer', 'building_head', 'grid_worker'],
  street_admin: ['resident', 'party_member', 'volunteer', 'building_head', 'grid_worker', 'secretary'],
}

export function canGrant(caller: Pick<User, 'roles'>, community: { _id: string; streetId: string }, role: Role): boolean {
  if (holdsRole(caller, community, ['street_admin'])) return GRANTABLE_BY.street_admin.includes(role)
  if (holdsRole(caller, community, ['secretary'])) return GRANTABLE_BY.secretary.includes(role)
  return false
}

/** Nobody removes their own secretary/admin role: a community must not lock itself out by a slip. */
export function canRevoke(caller: Pick<User, '_id' | 'roles'>, target: Pick<User, '_id'>, community: { _id: string; streetId: string }, role: Role): boolean {
  if (caller._id === target._id && (role === 'secretary' || role === 'street_admin')) return false
  return canGrant(caller, community, role)
}

/**
 * The same grant: same community (or street) and role, and for unit_staff the same unit (one person may work
 * for two units; taking them off one leaves the other). A building head's buildings do not count.
 */
export function sameGrant(a: RoleGrant, b: RoleGrant): boolean {
  return a.communityId === b.communityId && a.role === b.role && (a.role !== 'unit_staff' || (a.unitId ?? null) === (b.unitId ?? null))
}

/** 王秀英 → 王*英, 李明 → 李*, 欧阳娜娜 → 欧**娜. */
export function maskName(name: string | null | undefined): string {
  const chars = Array.from((name ?? '').trim())
  if (chars.length === 0) return '**'
  if (chars.length === 1) return chars[0] + '*'
  if (chars.length === 2) return chars[0] + '*'
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1]
}

/** 13800001234 → 138****1234; anything shorter keeps only its last two digits. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null
  const p = phone.replace(/\s+/g, '')
  if (p.length >= 11) return p.slice(0, 3) + '****' + p.slice(-4)
  return '*'.repeat(Math.max(0, p.length - 2)) + p.slice(-2)
}

/** A display name for lists: the real name masked, else the nickname masked. */
export function listName(user: Pick<User, 'realName' | 'nickname'>): string {
  return maskName(user.realName || user.nickname)
}

// ---------- Residence (a declared household is a claim until confirmed) ----------

type Resident = Pick<User, 'communityId' | 'householdStatus'>

/** Lives in the community: a household there that the building head or the secretary confirmed. */
export function livesIn(user: Resident, communityId: string): boolean {
  return user.householdStatus === 'verified' && user.communityId === communityId
}

/** The buildings a building head was appointed to in a community (empty if not a building head there). */
export function headScope(user: Pick<User, 'roles'>, communityId: string): string[] {
  return user.roles.filter((g) => g.role === 'building_head' && g.communityId === communityId).flatMap((g) => g.buildingIds ?? [])
}

/** Who may confirm a household in this building: the secretary (or street admin), or its building head. */
export function canConfirmHousehold(caller: Pick<User, 'roles'>, community: { _id: string; streetId: string }, buildingId: string): boolean {
  return holdsRole(caller, community, ['secretary', 'street_admin']) || headScope(caller, community._id).includes(buildingId)
}

/**
 * A building head acts for a resident (posts a wish for them, is told on their behalf) only while all of
 * this holds: the resident named them as proxy in this community, the resident's household there is
 * verified, and its building is in the building head's appointed scope. Scope comes from the appointment,
 * never from the building head's own declared household.
 */
export function actsFor(
  proxy: Pick<User, '_id' | 'roles'>,
  resident: Pick<User, 'proxies' | 'communityId' | 'householdStatus' | 'buildingId'>,
  communityId: string,
): boolean {
  return (
    resident.proxies.some((p) => p.proxyId === proxy._id && p.communityId === communityId) &&
    livesIn(resident, communityId) &&
    !!resident.buildingId &&
    headScope(proxy, communityId).includes(resident.buildingId)
  )
}

/**
 * The role that comes from living somewhere: granted when a household is confirmed, ended when the
 * person moves away. Appointments (building head, volunteer, …) are the secretary's and stay until revoked.
 */
export const isResidenceGrant = (g: RoleGrant) => g.role === 'resident'

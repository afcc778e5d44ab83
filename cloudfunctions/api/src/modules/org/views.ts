/**
 * Projections: what leaves the function. Never a raw document, never an openid.
 */
import type { CommunityAccess, CommunityView, HouseholdView, Me, RoleView, Street } from '../../../../../types/org'
import { PRIVACY_VERSION, type Building, type Community, type User } from '../../../../../types/org'
import { actsFor, capabilitiesIn, rolesIn, STREET_ROLES } from './rules'
import type { Unit } from '../../../../../types/requests'
import { U } from '../unit/repo'
import type { Db } from '../../platform/db'
import { findMany, readAll } from '../../platform/db'
import { C, getHousehold, getMany, householdLabel } from './repo'

/** The communities and streets a person's role grants name (a street admin's grant names a street). */
interface Places {
  communities: Map<string, Community>
  streets: Map<string, Street>
}

async function placesOf(db: Db, user: Pick<User, 'roles'>): Promise<Places> {
  const ids = user.roles.map((r) => r.communityId)
  const [communities, streets] = await Promise.all([getMany<Community>(db, C.communities, ids), getMany<Street>(db, C.streets, ids)])
  return { communities, streets }
}

/** Each role with the name of where it is held (and a unit_staff grant its unit's); `places` when the caller has already read them. */
export async function roleViews(db: Db, user: Pick<User, 'roles'>, places?: Places): Promise<RoleView[]> {
  const buildingIds = user.roles.flatMap((r) => r.buildingIds ?? [])
  const unitIds = user.roles.flatMap((r) => (r.unitId ? [r.unitId] : []))
  const [{ communities, streets }, buildings, units] = await Promise.all([
    places ?? placesOf(db, user),
    buildingIds.length ? getMany<Building>(db, C.buildings, buildingIds) : Promise.resolve(new Map<string, Building>()),
    unitIds.length ? getMany<Unit>(db, U.units, unitIds) : Promise.resolve(new Map<string, Unit>()),
  ])
  return user.roles.map((r) => ({
    communityId: r.communityId,
    communityName: communities.get(r.communityId)?.name ?? streets.get(r.communityId)?.name ?? '',
    role: r.role,
    ...(r.buildingIds ? { buildings: r.buildingIds.map((id) => ({ id, name: buildings.get(id)?.name ?? '' })) } : {}),
    ...(r.unitId ? { unit: { id: r.unitId, name: units.get(r.unitId)?.name ?? '' } } : {}),
  }))
}

/** What a person is told about their declared address. */
export function householdNote(user: Pick<User, 'householdStatus' | 'householdDecision' | 'householdId'>): string | null {
  if (user.householdStatus === 'pending') return '待确认：楼栋长或社区确认您住在这里后，您就是本社区的居民了，可以许愿、兑换积分、请楼栋长代办和参加议事。'
  const d = user.householdDecision
  if (!user.householdId && d?.outcome === 'rejected') return `您申报的住址「${d.label}」没有通过确认：${d.reason ?? '请联系楼栋长或社区'}。可以重新选择住址。`
  return null
}

export async function householdView(db: Db, householdId: string | null): Promise<HouseholdView | null> {
  if (!householdId) return null
  const h = await getHousehold(db, householdId)
  if (!h) return null
  return { id: h._id, communityId: h.communityId, compoundId: h.compoundId, buildingId: h.buildingId, label: await householdLabel(db, h) }
}

/**
 * The communities a person may use or administer, each with its capabilities: those where they hold a role
 * (already read, in `places`), and for a street admin or a street department's staff every community of their
 * streets (one indexed query, by `streetId`). `streets` lists only the streets administered.
 */
export async function accessOf(db: Db, user: User, places: Places): Promise<{ access: CommunityAccess[]; streets: Me['streets'] }> {
  const streetIds = user.roles.filter((g) => g.role === 'street_admin').map((g) => g.communityId)
  // A community unit's staff grant names a community: matching it as a street finds nothing, as it should.
  const servedStreets = [...new Set(user.roles.filter((g) => STREET_ROLES.includes(g.role)).map((g) => g.communityId))]
  const ofStreets = servedStreets.length ? await readAll<Community>(db, C.communities, { streetId: db.command.in(servedStreets) }, 500) : []
  const all = new Map<string, Community>([...places.communities.values(), ...ofStreets].map((c) => [c._id, c]))
  const access = [...all.values()]
    .map((c) => ({ communityId: c._id, communityName: c.name, streetId: c.streetId, roles: rolesIn(user, c._id), can: capabilitiesIn(user, c) }))
    .sort((a, b) => a.communityName.localeCompare(b.communityName, 'zh-Hans-CN'))
  return {
    access,
    streets: streetIds.map((id) => ({ id, name: places.streets.get(id)?.name ?? '', communityCount: ofStreets.filter((c) => c.streetId === id).length })),
  }
}

/** The caller's own view of themselves: their own personal fields in full. */
export async function meView(db: Db, user: User): Promise<Me> {
  // The places the roles name are read once, for the roles' names and for what the person may do where.
  const [places, household, proxied] = await Promise.all([
    placesOf(db, user),
    householdView(db, user.householdId),
    findMany<User>(db, C.users, { 'proxies.proxyId': user._id }, { limit: 100 }),
  ])
  const [roles, reach] = await Promise.all([roleViews(db, user, places), accessOf(db, user, places)])
  return {
    userId: user._id,
    nickname: user.nickname,
    avatarUrl: user.avatarUrl,
    realName: user.realName,
    phone: user.phone,
    household,
    householdStatus: household ? (user.householdStatus ?? 'pending') : null,
    householdNote: householdNote(user),
    roles,
    privacy: {
      version: user.privacy?.version ?? null,
      at: user.privacy ? new Date(user.privacy.at).toISOString() : null,
      current: PRIVACY_VERSION,
      needsConsent: user.privacy?.version !== PRIVACY_VERSION,
    },
    elderMode: user.elderMode,
    // A building head acts for these residents by name, so they see the full name (it is their own ward):
    // only those whose household is verified and in the building head's appointed scope.
    proxyFor: proxied
      .filter((p) => p.communityId && actsFor(user, p, p.communityId))
      .map((p) => ({ userId: p._id, name: p.realName || p.nickname, buildingId: p.buildingId ?? null })),
    access: reach.access,
    streets: reach.streets,
  }
}

export function communityView(c: Community, street: Street | null | undefined): CommunityView {
  return {
    id: c._id,
    name: c.name,
    address: c.address,
    streetId: c.streetId,
    streetName: street?.name ?? '',
    householdCount: c.householdCount,
    population: c.population,
  }
}

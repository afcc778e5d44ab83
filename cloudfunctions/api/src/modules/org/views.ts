/**
 * Projections: what leaves the function. Never a raw document, never an openid.
 */
import type { HouseholdView, Me, RoleView } from '../../../../../types/org'
import { PRIVACY_VERSION, type Community, type User } from '../../../../../types/org'
import type { Db } from '../../platform/db'
import { findMany } from '../../platform/db'
import { C, getHousehold, getMany, householdLabel } from './repo'

export async function roleViews(db: Db, user: Pick<User, 'roles'>): Promise<RoleView[]> {
  const ids = user.roles.map((r) => r.communityId)
  const [communities, streets] = await Promise.all([getMany<Community>(db, C.communities, ids), getMany<{ _id: string; name: string }>(db, C.streets, ids)])
  return user.roles.map((r) => ({
    communityId: r.communityId,
    communityName: communities.get(r.communityId)?.name ?? streets.get(r.communityId)?.name ?? '',
    role: r.role,
  }))
}

export async function householdView(db: Db, householdId: string | null): Promise<HouseholdView | null> {
  if (!householdId) return null
  const h = await getHousehold(db, householdId)
  if (!h) return null
  return { id: h._id, communityId: h.communityId, compoundId: h.compoundId, buildingId: h.buildingId, label: await householdLabel(db, h) }
}

/** The caller's own view of themselves: their own personal fields in full. */
export async function meView(db: Db, user: User): Promise<Me> {
  const [roles, household, proxied] = await Promise.all([
    roleViews(db, user),
    householdView(db, user.householdId),
    findMany<User>(db, C.users, { 'proxies.proxyId': user._id }, { limit: 100 }),
  ])
  return {
    userId: user._id,
    nickname: user.nickname,
    avatarUrl: user.avatarUrl,
    realName: user.realName,
    phone: user.phone,
    household,
    roles,
    privacy: {
      version: user.privacy?.version ?? null,
      at: user.privacy ? new Date(user.privacy.at).toISOString() : null,
      current: PRIVACY_VERSION,
      needsConsent: user.privacy?.version !== PRIVACY_VERSION,
    },
    elderMode: user.elderMode,
    // A building head acts for these residents by name, so they see the full name (it is their own ward).
    proxyFor: await Promise.all(proxied.map(async (p) => ({ userId: p._id, name: p.realName || p.nickname, buildingId: (await getHousehold(db, p.householdId ?? ''))?.buildingId ?? null }))),
  }
}

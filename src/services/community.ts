import type { Me } from '@contract/org'

/**
 * The community a page is about when the route names none: where I live (a confirmed household), else
 * the first community I hold a role in. A household still waiting for confirmation is not yet mine to
 * act in (the server answers 住址待确认 there), so it does not count.
 */
export function homeCommunityId(me: Me | null, fromRoute?: string): string | null {
  if (fromRoute) return decodeURIComponent(fromRoute)
  if (!me) return null
  const home = me.householdStatus === 'verified' ? me.household?.communityId : undefined
  return home ?? me.roles.find((r) => r.role !== 'street_admin')?.communityId ?? null
}

/** May `me` act as the secretary of `communityId` (社区书记, or a street admin's grant naming it)? */
export function isSecretaryOf(me: Me | null, communityId: string | null): boolean {
  return !!me && !!communityId && me.roles.some((r) => r.communityId === communityId && (r.role === 'secretary' || r.role === 'street_admin'))
}

/** Secretary pages: the route's communityId, else my first community as secretary. */
export function secretaryCommunityId(me: Me | null, fromRoute?: string): string | null {
  if (fromRoute) return decodeURIComponent(fromRoute)
  return me?.roles.find((r) => r.role === 'secretary')?.communityId ?? null
}

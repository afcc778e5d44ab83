import type { Me } from '@contract/org'
import { can, communitiesWhere, communityFor } from './access'

/**
 * The community a page is about when the route names none: where I live (a confirmed household), else
 * the first community I hold a role in. A household still waiting for confirmation is not yet mine to
 * act in (the server answers 住址待确认 there), so it does not count.
 */
export function homeCommunityId(me: Me | null, fromRoute?: string): string | null {
  if (fromRoute) return decodeURIComponent(fromRoute)
  if (!me) return null
  const home = me.householdStatus === 'verified' ? me.household?.communityId : undefined
  return home ?? communitiesWhere(me, 'member').find((a) => a.roles.length > 0)?.communityId ?? null
}

/** May `me` administer `communityId` (its secretary, or the street admin over it)? The server's answer, from Me. */
export function isSecretaryOf(me: Me | null, communityId: string | null): boolean {
  return can(me, communityId, 'administer')
}

/** Secretary pages: the route's communityId, else the first community I administer (a street admin: of my street). */
export function secretaryCommunityId(me: Me | null, fromRoute?: string): string | null {
  return communityFor(me, 'administer', fromRoute)
}

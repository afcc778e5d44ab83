/**
 * What the signed-in person may do where: read from Me's capabilities, which the server computes with the
 * same rules its router applies (types/org.ts CAPABILITIES). Pages ask here; none re-derives rules from roles.
 */
import type { Capability, CommunityAccess, Me } from '@contract/org'

export function accessIn(me: Me | null | undefined, communityId: string | null | undefined): CommunityAccess | null {
  if (!me || !communityId) return null
  return me.access.find((a) => a.communityId === communityId) ?? null
}

export function can(me: Me | null | undefined, communityId: string | null | undefined, capability: Capability): boolean {
  return !!accessIn(me, communityId)?.can.includes(capability)
}

/** The communities where the person has `capability` (e.g. every community a street admin administers). */
export function communitiesWhere(me: Me | null | undefined, capability: Capability): CommunityAccess[] {
  return me ? me.access.filter((a) => a.can.includes(capability)) : []
}

/**
 * The community a page works on: the one the route names, else the first where the person has `capability`
 * (a secretary's own community; for a street admin the first of their street's — pages offer a picker).
 */
export function communityFor(me: Me | null | undefined, capability: Capability, fromRoute?: string | null): string | null {
  if (fromRoute) return decodeURIComponent(fromRoute)
  return communitiesWhere(me, capability)[0]?.communityId ?? null
}

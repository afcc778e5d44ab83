import Taro from '@tarojs/taro'
import type { Me } from '@contract/org'
import { setState } from './store'
import { can, communitiesWhere, communityFor } from './access'

/**
 * The community a page is about when the route names none: where I live (a confirmed household), else
 * the first community I hold a role in. A household still waiting for confirmation is not yet mine to
 * act in (the server answers 住址待确认 there), so it does not count.
 */
export function homeCommunityId(me: Me | null, fromRoute?: string, chosen?: string | null): string | null {
  if (fromRoute) return decodeURIComponent(fromRoute)
  if (!me) return null
  if (chosen && can(me, chosen, 'member')) return chosen
  const home = me.householdStatus === 'verified' ? me.household?.communityId : undefined
  const places = communitiesWhere(me, 'member')
  // Where I hold a role first; a street admin, who holds none in a community, gets the first of the street.
  return home ?? places.find((a) => a.roles.length > 0)?.communityId ?? places[0]?.communityId ?? null
}

/** May `me` administer `communityId` (its secretary, or the street admin over it)? The server's answer, from Me. */
export function isSecretaryOf(me: Me | null, communityId: string | null): boolean {
  return can(me, communityId, 'administer')
}

/** Secretary pages: the route's communityId, else the first community I administer (a street admin: of my street). */
export function secretaryCommunityId(me: Me | null, fromRoute?: string, chosen?: string | null): string | null {
  if (!fromRoute && chosen && can(me, chosen, 'administer')) return chosen
  return communityFor(me, 'administer', fromRoute)
}

const STORAGE_CHOSEN = 'chosenCommunity'
let restored = false

/** The community chosen on this device earlier (read once from storage into the store). */
export function restoreChosenCommunity(): void {
  if (restored) return
  restored = true
  try {
    const v = Taro.getStorageSync(STORAGE_CHOSEN)
    if (typeof v === 'string' && v) setState({ chosenCommunityId: v })
  } catch {
    // No storage (a private browser window): the choice lasts for this visit only.
  }
}

/** Work on this community from now on (the picker): remembered on this device. */
export function chooseCommunity(communityId: string): void {
  setState({ chosenCommunityId: communityId })
  try {
    Taro.setStorageSync(STORAGE_CHOSEN, communityId)
  } catch {
    // As above.
  }
}

/**
 * Which community a page works on, from its route (`communityId`, or `c`, the short form in share paths)
 * and the person:
 *   useHomeCommunity(me)       resident pages: the route's, else where I live, else my first role's
 *   useSecretaryCommunity(me)  secretary pages: the route's, else the one chosen with the picker, else my first
 *                              community as secretary (a street admin: the first of their street)
 *   useSecretaryPage(said)     a secretary page's whole start: that community, whether I may, the key to load
 *                              with, and the Guard's props
 */
import { useRouter } from '@tarojs/taro'
import type { Me } from '@contract/org'
import type { WayForward } from '../components/EmptyState'
import { can } from '../services/access'
import { homeCommunityId, restoreChosenCommunity, secretaryCommunityId } from '../services/community'
import { useSession } from './useSession'
import { useStore } from './useStore'

export function useHomeCommunity(me: Me | null): string | null {
  restoreChosenCommunity()
  const { params } = useRouter()
  const chosen = useStore((s) => s.chosenCommunityId)
  return homeCommunityId(me, params.communityId ?? params.c, chosen)
}

export function useSecretaryCommunity(me: Me | null): string | null {
  restoreChosenCommunity()
  const { params } = useRouter()
  const chosen = useStore((s) => s.chosenCommunityId)
  return secretaryCommunityId(me, params.communityId, chosen)
}

/**
 * A secretary page of an area: which community (the route's, else the one chosen, else the first I
 * administer), whether I may, the key to load with (null until both hold), and the Guard's props — `said` is
 * what the page says to someone with no community to administer, or who may not.
 *
 *   const admin = useSecretaryPage(SECRETARY_ONLY)
 *   const stats = useQuery(admin.key, () => call('wish.stats', { communityId: admin.communityId! }))
 *   return <Guard {...admin.guard}>…</Guard>
 */
export function useSecretaryPage(said: { text: string; action?: WayForward }) {
  const { me } = useSession()
  const communityId = useSecretaryCommunity(me)
  const allowed = can(me, communityId, 'administer')
  return {
    communityId,
    key: me && communityId && allowed ? `${me.userId}|${communityId}` : null,
    guard: { communityId, allowed, noCommunity: said, forbidden: said.text, pick: 'administer' as const },
  }
}

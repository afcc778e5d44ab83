/**
 * Which community a page works on, from its route (`communityId`, or `c`, the short form in share paths)
 * and the person:
 *   useHomeCommunity(me)       resident pages: the route's, else where I live, else my first role's
 *   useSecretaryCommunity(me)  secretary pages: the route's, else the one chosen with the picker, else my first
 *                              community as secretary (a street admin: the first of their street)
 */
import { useRouter } from '@tarojs/taro'
import type { Me } from '@contract/org'
import { homeCommunityId, restoreChosenCommunity, secretaryCommunityId } from '../services/community'
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

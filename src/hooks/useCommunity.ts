/**
 * Which community a page works on, from its route (`communityId`, or `c`, the short form in share paths)
 * and the person:
 *   useHomeCommunity(me)       resident pages: the route's, else where I live, else my first role's
 *   useSecretaryCommunity(me)  secretary pages: the route's, else my first community as secretary
 */
import { useRouter } from '@tarojs/taro'
import type { Me } from '@contract/org'
import { homeCommunityId, secretaryCommunityId } from '../services/community'

export function useHomeCommunity(me: Me | null): string | null {
  const { params } = useRouter()
  return homeCommunityId(me, params.communityId ?? params.c)
}

export function useSecretaryCommunity(me: Me | null): string | null {
  const { params } = useRouter()
  return secretaryCommunityId(me, params.communityId)
}

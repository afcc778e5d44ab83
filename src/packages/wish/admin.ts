/** Secretary pages: the route's communityId, else my first community as secretary. */
import { useRouter } from '@tarojs/taro'
import type { Me } from '@contract/org'
import { communityFor } from '../../services/access'

export function useSecretaryCommunity(me: Me | null): string | null {
  const { params } = useRouter()
  return communityFor(me, 'administer', params.communityId)
}

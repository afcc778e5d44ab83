import { useRouter } from '@tarojs/taro'
import type { Me } from '@contract/org'
import { communityFor } from '../../services/access'

/** The community an admin page works on: the route's communityId, else my first secretary community. */
export function useCommunityId(me: Me | null): string | null {
  const { params } = useRouter()
  return communityFor(me, 'administer', params.communityId)
}

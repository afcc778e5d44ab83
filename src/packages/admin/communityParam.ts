import { useRouter } from '@tarojs/taro'
import type { Me } from '@contract/org'

/** The community an admin page works on: the route's communityId, else my first secretary community. */
export function useCommunityId(me: Me | null): string | null {
  const { params } = useRouter()
  if (params.communityId) return decodeURIComponent(params.communityId)
  return me?.roles.find((r) => r.role === 'secretary')?.communityId ?? null
}

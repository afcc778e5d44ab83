/** Secretary pages: the route's communityId, else my first community as secretary. */
import { useRouter } from '@tarojs/taro'
import type { Me } from '@contract/org'

export function useSecretaryCommunity(me: Me | null): string | null {
  const { params } = useRouter()
  if (params.communityId) return decodeURIComponent(params.communityId)
  return me?.roles.find((r) => r.role === 'secretary')?.communityId ?? null
}

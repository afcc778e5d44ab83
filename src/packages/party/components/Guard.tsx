/**
 * The party pages' words for the shared Guard (src/components/Guard.tsx), for pages not yet moved to it:
 * `guard(...)` answers the page to show instead of the content (logging in, no community, not allowed),
 * or null when the content may show. New pages use <Guard> directly.
 */
import type { ReactNode } from 'react'
import type { Me } from '@contract/org'
import type { ApiCallError } from '../../../services/api'
import { Guard } from '../../../components/Guard'
import { go } from '../../../services/nav'

export const NO_COMMUNITY = { text: '先登记我家门牌或到社区报到，就能参加社区活动了', action: { text: '去报到', onClick: () => go('party.register', {}) } }

export function guard(
  session: { me: Me | null; error: ApiCallError | null; retry: () => void },
  communityId: string | null,
  opts: { secretary?: boolean; allowed?: boolean; what?: string } = {},
): ReactNode | null {
  const allowed = !(opts.secretary && !opts.allowed)
  const forbidden = `只有社区书记可以${opts.what ?? '管理党员报到'}`
  if (session.me && communityId && allowed) return null
  return (
    <Guard communityId={communityId} noCommunity={opts.secretary ? { text: forbidden, action: { text: '回到我的', onClick: () => go('me') } } : NO_COMMUNITY} allowed={allowed} forbidden={forbidden}>
      {null}
    </Guard>
  )
}

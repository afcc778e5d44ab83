/**
 * The wish pages' words for the shared Guard (src/components/Guard.tsx), for pages not yet moved to it:
 * `guard(...)` answers the page to show instead of the content (logging in, no community, not allowed),
 * or null when the content may show. New pages use <Guard> directly.
 */
import type { ReactNode } from 'react'
import type { Me } from '@contract/org'
import type { ApiCallError } from '../../../services/api'
import { Guard } from '../../../components/Guard'
import { go } from '../../../services/nav'

export const NO_COMMUNITY = { text: '登记了我家门牌，就能发布心愿、帮邻居圆梦了', action: { text: '去登记门牌', onClick: () => go('me') } }

export function guard(
  session: { me: Me | null; error: ApiCallError | null; retry: () => void },
  communityId: string | null,
  opts: { secretary?: boolean; allowed?: boolean } = {},
): ReactNode | null {
  const allowed = !(opts.secretary && !opts.allowed)
  const forbidden = '只有社区书记可以管理心愿'
  if (session.me && communityId && allowed) return null
  return (
    <Guard communityId={communityId} noCommunity={opts.secretary ? { text: forbidden, action: { text: '回到我的', onClick: () => go('me') } } : NO_COMMUNITY} allowed={allowed} forbidden={forbidden}>
      {null}
    </Guard>
  )
}

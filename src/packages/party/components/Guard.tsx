/** The states every party page shares before its own content: logging in, no community, not allowed. */
import type { ReactNode } from 'react'
import type { Me } from '@contract/org'
import type { ApiCallError } from '../../../services/api'
import { PageShell } from '../../../components/PageShell'
import { Loading } from '../../../components/Loading'
import { Empty } from '../../../components/EmptyState'
import { ErrorState } from '../../../components/ErrorState'
import { go } from '../../../services/nav'

export function guard(
  session: { me: Me | null; error: ApiCallError | null; retry: () => void },
  communityId: string | null,
  opts: { secretary?: boolean; allowed?: boolean; what?: string } = {},
): ReactNode | null {
  if (!session.me) return <PageShell>{session.error ? <ErrorState error={session.error} onRetry={session.retry} /> : <Loading />}</PageShell>
  if (!communityId || (opts.secretary && !opts.allowed)) {
    return (
      <PageShell>
        <Empty
          text={opts.secretary ? `只有社区书记可以${opts.what ?? '管理党员报到'}` : '先登记我家门牌或到社区报到，就能参加社区活动了'}
          action={opts.secretary ? { text: '回到我的', onClick: () => go('me') } : { text: '去报到', onClick: () => go('party.register', {}) }}
        />
      </PageShell>
    )
  }
  return null
}

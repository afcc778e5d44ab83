/** The states every points page shares before its own content: logging in, no community, not allowed. */
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
  opts: { secretary?: boolean; allowed?: boolean } = {},
): ReactNode | null {
  if (!session.me) return <PageShell>{session.error ? <ErrorState error={session.error} onRetry={session.retry} /> : <Loading />}</PageShell>
  if (!communityId || (opts.secretary && !opts.allowed)) {
    return (
      <PageShell>
        <Empty
          text={opts.secretary ? '只有社区书记可以管理积分超市' : '登记了我家门牌，就能攒积分、换东西了'}
          action={{ text: opts.secretary ? '回到我的' : '去登记门牌', onClick: () => go('me') }}
        />
      </PageShell>
    )
  }
  return null
}

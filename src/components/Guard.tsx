/**
 * What every page checks before its own content, inside its PageShell: the session (正在加载… / the error
 * with 重试), the community the page works on, and whether this person may use the page — each refusal
 * said plainly with a way forward. The content renders only when all of it holds.
 *
 *   const { me } = useSession()
 *   const communityId = useSecretaryCommunity(me)
 *   return (
 *     <Guard communityId={communityId} allowed={isSecretaryOf(me, communityId)} forbidden='只有社区书记可以查看操作记录' className='admin'>
 *       {(me) => <PagedList … />}
 *     </Guard>
 *   )
 */
import type { ReactNode } from 'react'
import type { Capability, Me } from '@contract/org'
import { CommunityPicker } from './CommunityPicker'
import { useSession } from '../hooks/useSession'
import { go } from '../services/nav'
import { PageShell } from './PageShell'
import { Loading } from './Loading'
import { ErrorState } from './ErrorState'
import { EmptyState, type WayForward } from './EmptyState'

export const NO_COMMUNITY: { text: string; action: WayForward } = {
  text: '登记了我家门牌，就能参加社区里的事了',
  action: { text: '去登记门牌', onClick: () => go('me') },
}

export interface GuardProps {
  /** The page's community. Pass it when the page needs one: null shows `noCommunity`. */
  communityId?: string | null
  /** What to say (and offer) when there is no community; default: register my household on 我的. */
  noCommunity?: { text: string; action?: WayForward }
  /** false: this person may not use the page; shows `forbidden` with 回到我的. */
  allowed?: boolean
  /** Who may, in a sentence: '只有社区书记可以管理积分超市'. */
  forbidden?: string
  /**
   * For a page per community: people who may work in several communities with this capability (a street
   * admin) see which one and may switch (CommunityPicker). Everyone else sees nothing of it.
   */
  pick?: Capability
  /** Passed to PageShell (page root class, H5 title). */
  className?: string
  title?: string
  children: ReactNode | ((me: Me) => ReactNode)
}

export function Guard(props: GuardProps) {
  const { me, error, retry } = useSession()
  const shell = (body: ReactNode, className = props.className) => (
    <PageShell className={className} title={props.title}>
      {body}
    </PageShell>
  )
  if (!me) return shell(error ? <ErrorState error={error} onRetry={retry} /> : <Loading />, '')
  if (props.communityId !== undefined && !props.communityId) {
    const said = props.noCommunity ?? NO_COMMUNITY
    return shell(<EmptyState id='guard-no-community' text={said.text} action={said.action} />, '')
  }
  if (props.allowed === false) {
    return shell(
      <EmptyState id='guard-forbidden' text={props.forbidden ?? '这个页面您还不能使用'} action={{ text: '回到我的', onClick: () => go('me') }} />,
      '',
    )
  }
  const body = typeof props.children === 'function' ? props.children(me) : props.children
  return shell(
    props.pick ? (
      <>
        <CommunityPicker me={me} capability={props.pick} communityId={props.communityId} />
        {body}
      </>
    ) : (
      body
    ),
  )
}

/**
 * A query's three states: 正在加载…, the error with 重试, then the content with the data.
 *
 *   <Loaded query={detail}>{(m) => <MemberCard m={m} />}</Loaded>
 */
export function Loaded<T>({
  query,
  children,
  loadingText,
}: {
  query: { data: T | null; error: Parameters<typeof ErrorState>[0]['error'] | null; reload: () => void }
  children: (data: T) => ReactNode
  loadingText?: string
}) {
  if (query.error) return <ErrorState error={query.error} onRetry={query.reload} />
  if (query.data === null) return <Loading text={loadingText} />
  return <>{children(query.data)}</>
}

/** What the wish subpackage's pages share (the wall's and the pages' common words: src/features/wish/shared.ts). */
import { useSession } from '../../hooks/useSession'
import { useSecretaryCommunity } from '../../hooks/useCommunity'
import { can } from '../../services/access'
import { SECRETARY_ONLY } from '../../features/wish/shared'

/**
 * The secretary's wish pages: which community (the route's, else the first I administer), whether I may,
 * the key to load with (null until both hold), and the Guard's props.
 *
 *   const admin = useWishSecretary()
 *   const stats = useQuery(admin.key, () => call('wish.stats', { communityId: admin.communityId! }))
 *   return <Guard {...admin.guard}>…</Guard>
 */
export function useWishSecretary() {
  const { me } = useSession()
  const communityId = useSecretaryCommunity(me)
  const allowed = can(me, communityId, 'administer')
  return {
    communityId,
    key: me && communityId && allowed ? `${me.userId}|${communityId}` : null,
    guard: { communityId, allowed, noCommunity: SECRETARY_ONLY, forbidden: SECRETARY_ONLY.text, pick: 'administer' as const },
  }
}

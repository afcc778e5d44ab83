/** What the wish subpackage's pages share (the wall's and the pages' common words: src/features/wish/shared.ts). */
import { useSecretaryPage } from '../../hooks/useCommunity'
import { SECRETARY_ONLY } from '../../features/wish/shared'

/**
 * The secretary's wish pages: which community, whether I may, the key to load with, the Guard's props.
 *
 *   const admin = useWishSecretary()
 *   const stats = useQuery(admin.key, () => call('wish.stats', { communityId: admin.communityId! }))
 *   return <Guard {...admin.guard}>…</Guard>
 */
export const useWishSecretary = () => useSecretaryPage(SECRETARY_ONLY)

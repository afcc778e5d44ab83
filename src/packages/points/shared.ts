/**
 * What the pages of the points subpackage (resident and secretary pages) share: which community the
 * page works on and who may use it (the props for the shared <Guard>), request keys for retry-safe
 * writes, labels, and a refusal's way forward.
 */
import type { OrderStatus } from '@contract/points'
import type { ITEM_KINDS } from '@contract/vocabulary'
import { useSession } from '../../hooks/useSession'
import { useHomeCommunity, useSecretaryCommunity } from '../../hooks/useCommunity'
import { isSecretaryOf } from '../../services/community'
import { ApiCallError } from '../../services/api'
import { go } from '../../services/nav'

const NO_HOME = { text: '登记了我家门牌，就能攒积分、换东西了', action: { text: '去登记门牌', onClick: () => go('me') } }
const SECRETARY_ONLY = '只有社区书记可以管理积分超市'
const NOT_SECRETARY = { text: SECRETARY_ONLY, action: { text: '回到我的', onClick: () => go('me') } }

/**
 * Whether the page offers the community picker (to people who work in several communities, e.g. a street
 * admin): pages about one thing of one community (an item, an order, a person) do not.
 */
interface PageOptions {
  picker?: boolean
}

/**
 * A resident page: points are per community — the route's, else the one picked, else my household's, else
 * my first role's. `key` is non-null once the page's queries may run; spread `guard` on <Guard>.
 */
export function useResidentPoints({ picker = true }: PageOptions = {}) {
  const { me } = useSession()
  const communityId = useHomeCommunity(me)
  const key = me && communityId ? `${me.userId}|${communityId}` : null
  return { me, communityId, key, guard: { communityId, noCommunity: NO_HOME, pick: picker ? ('member' as const) : undefined } }
}

/** A secretary page: the route's community, else the one picked, else the first I administer; only its administrators may use it. */
export function useSecretaryPoints({ picker = true }: PageOptions = {}) {
  const { me } = useSession()
  const communityId = useSecretaryCommunity(me)
  const allowed = isSecretaryOf(me, communityId)
  const key = me && communityId && allowed ? `${me.userId}|${communityId}` : null
  return {
    me,
    communityId,
    key,
    guard: { communityId, allowed, noCommunity: NOT_SECRETARY, forbidden: SECRETARY_ONLY, pick: picker ? ('administer' as const) : undefined },
  }
}

/** A form's own refusal, thrown inside a useAction so it shows where the server's would. */
export function invalid(text: string): ApiCallError {
  return new ApiCallError('INVALID_INPUT', text)
}

/** A client key for one confirmed action: reused when the same confirmation is retried. */
export function newRequestKey(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`.replace(/[^A-Za-z0-9]/g, '').padEnd(12, '0')
}

/** 12345678 → "1234 5678" (read aloud in two halves). */
export function spacedCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)} ${code.slice(4)}` : code
}

/** +60 / -20 */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n)
}

export const STATUS_LABELS: Record<OrderStatus, string> = {
  reserved: '待取货',
  picked_up: '已取货',
  cancelled: '已取消',
  expired: '已过期',
}

/** A big character standing in for a photo. */
export const ITEM_KIND_MARK: Record<(typeof ITEM_KINDS)[number], string> = {
  goods: '物',
  service: '服',
  fee_reduction: '减',
  venue_voucher: '券',
}

/** What to do next after a refused redemption, from the server's reason code (types/common.ts ERROR_REASONS), never its text. */
export function redeemWayForward(err: Pick<ApiCallError, 'reason'>): { text: string; route: 'points.mine' | 'points.index' | 'points.orders' } | null {
  const reason = err.reason
  if (reason === 'INSUFFICIENT_POINTS') return { text: '看看怎么攒积分', route: 'points.mine' }
  if (reason === 'SOLD_OUT') return { text: '看看别的商品', route: 'points.index' }
  if (reason === 'QUOTA_REACHED') return { text: '看看我的兑换', route: 'points.orders' }
  return null
}

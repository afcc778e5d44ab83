/**
 * Small helpers shared by the pages of the points subpackage (resident and secretary pages):
 * which community the page works on, request keys for retry-safe writes, and display formats.
 */
import { homeCommunityId } from '../../services/community'
import type { OrderStatus, TransferKind } from '@contract/points'
import type { ErrorReason } from '@contract/common'
import type { ApiCallError } from '../../services/api'

/** Points are per community: the route's communityId, else my household's, else my first role's. */
export const pointsCommunityId = homeCommunityId

export { useHomeCommunity as usePointsCommunity } from '../../hooks/useCommunity'

export { isSecretaryOf } from '../../services/community'
export { useSecretaryCommunity } from '../../hooks/useCommunity'

/** A client key for one confirmed action: reused when the same confirmation is retried. */
export function newRequestKey(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`.replace(/[^A-Za-z0-9]/g, '').padEnd(12, '0')
}

/** 12345678 → "1234 5678" (read aloud in two halves). */
export function spacedCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)} ${code.slice(4)}` : code
}

/** Dates in China time: src/services/time.ts. */
export { isoDay as dayText, monthDay, dateTime as shortDateTime } from '../../services/time'

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

export const KIND_LABELS: Record<TransferKind, string> = {
  earn: '获得',
  grant: '社区发放',
  correct: '更正',
  fund: '注入',
  redeem: '兑换',
  refund: '退回',
  expire: '到期',
}

export const ITEM_KINDS = ['goods', 'service', 'fee_reduction', 'venue_voucher'] as const
/** Keep in step with types/points.ts ITEM_KIND_LABELS (values are not imported: zod would come along). */
export const ITEM_KIND_TEXT: Record<(typeof ITEM_KINDS)[number], string> = {
  goods: '实物',
  service: '服务',
  fee_reduction: '物业费减免',
  venue_voucher: '场地券',
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


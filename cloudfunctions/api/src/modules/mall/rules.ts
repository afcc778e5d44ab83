/**
 * Pure rules of the supermarket: order ids from the request key, pickup codes, per-person limits, and
 * which order states may change how.
 */
import { createHash, randomInt } from 'crypto'
import type { MallOrder, OrderStatus } from '../../../../../types/points'

/** The same tap (user + requestKey) always names the same order, so a retried redeem makes one order. */
export const orderIdFor = (userId: string, requestKey: string) => 'o' + createHash('sha256').update(`${userId}:${requestKey}`).digest('hex').slice(0, 23)

/** 8 digits, never starting with 0 (read aloud at the counter, typed by hand). */
export const newPickupCode = () => String(randomInt(10_000_000, 100_000_000))

/** How many more a person may take, given what they hold (reserved + picked up). */
export function remainingUnderLimit(limit: number | null, held: number): number | null {
  return limit === null ? null : Math.max(0, limit - held)
}

/** Reserved is the only open state: it can be picked up, cancelled by its owner, or expire. */
export const canClose = (o: Pick<MallOrder, 'status'>) => o.status === 'reserved'
export const isOwner = (o: Pick<MallOrder, 'userId'>, userId: string) => o.userId === userId

export const STATUS_LABELS: Record<OrderStatus, string> = {
  reserved: '待取货',
  picked_up: '已取货',
  cancelled: '已取消',
  expired: '已过期',
}

/** Why verifying this order's code cannot hand anything over. */
export function verifyRefusal(o: Pick<MallOrder, 'status'>): string | null {
  if (o.status === 'picked_up') return '这个取货码已经核销过了'
  if (o.status === 'cancelled') return '这个订单已取消，不能取货'
  if (o.status === 'expired') return '这个订单已过期，积分已退回'
  return null
}

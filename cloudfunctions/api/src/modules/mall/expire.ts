/**
 * Timer jobs of the supermarket (idempotent; they may run late or twice):
 * - expireOrders: orders not picked up by their deadline are closed as expired and refunded.
 * - releaseStaleHolds: a stock hold whose redeem never finished (a crash between the hold and the
 *   booking) goes back to the shelf if no order came of it, or is simply dropped if the order exists.
 */
import type { MallItem, MallOrder } from '../../../../../types/points'
import type { Deps } from '../../platform/context'
import { findMany, getById } from '../../platform/db'
import { M, type StockHold } from './repo'
import { closeOrder } from './orders'
import { releaseHold } from './redeem'

const STALE_HOLD_MS = 2 * 60_000

export async function expireOrders(deps: Deps): Promise<Record<string, number>> {
  const now = deps.now()
  let expired = 0
  for (;;) {
    const due = await findMany<MallOrder>(deps.db, M.orders, { status: 'reserved', deadline: deps.db.command.lt(now) }, { orderBy: [['deadline', 'asc']], limit: 100 })
    for (const o of due) {
      if ((await closeOrder(deps.db, o._id, 'expired', now, null)).closedNow) expired++
    }
    if (due.length < 100) return { expired }
  }
}

export async function releaseStaleHolds(deps: Deps): Promise<Record<string, number>> {
  const cutoff = new Date(deps.now().getTime() - STALE_HOLD_MS)
  const items = await findMany<MallItem & { holds?: StockHold[] }>(deps.db, M.items, { 'holds.at': deps.db.command.lt(cutoff) }, { limit: 100 })
  let released = 0
  for (const item of items) {
    for (const h of item.holds ?? []) {
      if (new Date(h.at) >= cutoff) continue
      const order = await getById<MallOrder>(deps.db, M.orders, h.orderId)
      await releaseHold(deps.db, item._id, h, !order)
      released++
    }
  }
  return { released }
}

/**
 * Timer jobs of the supermarket, queues in bounded batches (platform/batches.ts; idempotent: they may run
 * late, twice, or be cut off):
 * - expireOrders: orders not picked up by their deadline are closed as expired and refunded, oldest
 *   deadline first, 50 a batch.
 * - releaseStaleHolds: a stock hold whose redeem never finished (a crash between the hold and the
 *   booking) goes back to the shelf if no order came of it, or is simply dropped if the order exists;
 *   20 items a batch.
 * A document that fails is skipped for the rest of the pass (and counted as `failed`), not retried in a loop.
 */
import type { MallItem, MallOrder } from '../../../../../types/points'
import type { Deps } from '../../platform/context'
import { notSkipped, queueBatch, skippedOf, type Batch, type Cursor } from '../../platform/batches'
import { findMany, getById } from '../../platform/db'
import { M, type StockHold } from './repo'
import { closeOrder } from './closing'
import { releaseHold } from './stock'

const STALE_HOLD_MS = 2 * 60_000
export const ORDERS_PER_BATCH = 10
export const ITEMS_PER_BATCH = 20

export async function expireOrders(deps: Deps, cursor: Cursor): Promise<Batch> {
  const now = deps.now()
  const skip = skippedOf(cursor)
  const due = await findMany<MallOrder>(
    deps.db,
    M.orders,
    { status: 'reserved', deadline: deps.db.command.lt(now), ...notSkipped(deps.db, skip) },
    {
      orderBy: [
        ['deadline', 'asc'],
        ['_id', 'asc'],
      ],
      limit: ORDERS_PER_BATCH,
    },
  )
  let expired = 0
  let failed = 0
  for (const o of due) {
    try {
      if ((await closeOrder(deps.db, o._id, 'expired', now, null)).closedNow) expired++
    } catch (err) {
      console.error('expireOrders: order failed', o._id, err)
      skip.push(o._id)
      failed++
    }
  }
  return queueBatch(failed ? { expired, failed } : { expired }, due.length, ORDERS_PER_BATCH, skip)
}

export async function releaseStaleHolds(deps: Deps, cursor: Cursor): Promise<Batch> {
  const cutoff = new Date(deps.now().getTime() - STALE_HOLD_MS)
  const skip = skippedOf(cursor)
  const items = await findMany<MallItem & { holds?: StockHold[] }>(
    deps.db,
    M.items,
    { 'holds.at': deps.db.command.lt(cutoff), ...notSkipped(deps.db, skip) },
    { limit: ITEMS_PER_BATCH },
  )
  let released = 0
  let failed = 0
  for (const item of items) {
    try {
      for (const h of item.holds ?? []) {
        if (new Date(h.at) >= cutoff) continue
        const order = await getById<MallOrder>(deps.db, M.orders, h.orderId)
        await releaseHold(deps.db, item._id, h, !order)
        released++
      }
    } catch (err) {
      console.error('releaseStaleHolds: item failed', item._id, err)
      skip.push(item._id)
      failed++
    }
  }
  return queueBatch(failed ? { released, failed } : { released }, items.length, ITEMS_PER_BATCH, skip)
}

/**
 * Closing an open order as cancelled (mall.cancel) or expired (the timer, expire.ts): points refunded, stock and
 * quota given back, all in one transaction.
 */
import type { MallOrder } from '../../../../../types/points'
import { getById, runTx, txGet, type Db } from '../../platform/db'
import { notFound } from '../../platform/errors'
import { applyTransfer, ensureAccounts, findTransfer, personLeg, systemLeg } from '../points/ledger'
import { M } from './repo'
import { canClose } from './rules'

/**
 * Close an open order as cancelled or expired, refunding everything. Idempotent: an order already closed
 * is returned as it is, with `closedNow: false`.
 */
export async function closeOrder(
  db: Db,
  orderId: string,
  status: 'cancelled' | 'expired',
  now: Date,
  byUserId: string | null,
): Promise<{ order: MallOrder; closedNow: boolean }> {
  const pre = await getById<MallOrder>(db, M.orders, orderId)
  if (!pre) throw notFound('订单')
  await ensureAccounts(db, pre.communityId, [personLeg(pre.communityId, pre.userId, 0)], now)
  return runTx(db, async (tx) => {
    const o = await txGet<MallOrder>(tx, M.orders, orderId)
    if (!o) throw notFound('订单')
    if (!canClose(o)) return { order: o, closedNow: false }
    const key = `order:${o._id}:refund`
    if (!(await findTransfer(tx, key))) {
      await applyTransfer(
        db,
        tx,
        {
          key,
          communityId: o.communityId,
          kind: 'refund',
          reason: status === 'expired' ? `「${o.itemName}」超时未取，积分退回` : `取消兑换「${o.itemName}」，积分退回`,
          cause: { type: 'order', id: o._id },
          byUserId,
          sponsorId: o.sponsorId,
          legs: [systemLeg('mall', o.communityId, -o.points), personLeg(o.communityId, o.userId, o.points)],
        },
        now,
      )
    }
    const _ = db.command
    await tx
      .collection(M.items)
      .doc(o.itemId)
      .update({ data: { stock: _.inc(o.quantity), updatedAt: now } })
    await tx
      .collection(M.quotas)
      .doc(`${o.itemId}_${o.userId}`)
      .update({ data: { count: _.inc(-o.quantity), updatedAt: now } })
    await tx
      .collection(M.orders)
      .doc(o._id)
      .update({ data: { status, closedAt: now } })
    return { order: { ...o, status, closedAt: now }, closedNow: true }
  })
}

/**
 * mall.redeem — take stock, check the per-person limit and the balance, and book the points, all or
 * nothing. Stock is held first by one conditional update on the item (no read-then-write, so concurrent
 * redemptions never oversell, and the hot item document stays out of the transaction); then one
 * transaction books the ledger transfer, the person's quota and the order with its pickup code. If the
 * transaction refuses, the hold is given back. A hold left by a crash is resolved by the timer
 * (`releaseStaleHolds`). Idempotent by requestKey: a retried tap returns the same order.
 * Outcomes: the order with its pickup code; NOT_FOUND for an unknown or withdrawn item; CONFLICT when
 * stock, the limit or the balance is short (nothing changes).
 */
import type { z } from 'zod'
import type { MallItem, MallOrder, RedeemInput } from '../../../../../types/points'
import type { UserCtx } from '../../platform/context'
import { getById, isDuplicateKey, runTx, txGet, type Db } from '../../platform/db'
import { conflict, notFound } from '../../platform/errors'
import { applyTransfer, ensureAccounts, personLeg, systemLeg } from '../points/ledger'
import { M, type StockHold } from './repo'
import { newPickupCode, orderIdFor } from './rules'
import { orderView } from './views'

type Updated = { stats: { updated: number } }

/** Give back a hold: with the stock when no order came of it, without when the order exists. */
export async function releaseHold(db: Db, itemId: string, hold: Pick<StockHold, 'orderId' | 'quantity'>, restock: boolean) {
  const _ = db.command
  await db
    .collection(M.items)
    .where({ _id: itemId, 'holds.orderId': hold.orderId })
    .update({ data: restock ? { stock: _.inc(hold.quantity), holds: _.pull({ orderId: hold.orderId }) } : { holds: _.pull({ orderId: hold.orderId }) } })
}

export async function redeem(ctx: UserCtx, input: z.output<typeof RedeemInput>) {
  const { db, user } = ctx
  const _ = db.command
  const item = await getById<MallItem>(db, M.items, input.itemId)
  if (!item || item.communityId !== input.communityId || !item.active) throw notFound('这件商品')
  const orderId = orderIdFor(user._id, input.requestKey)
  const existing = await getById<MallOrder>(db, M.orders, orderId)
  if (existing) return orderView(existing, item)

  const qty = input.quantity
  const points = item.price * qty
  const now = ctx.now()
  // Clear answers before touching stock (the transaction re-checks authoritatively).
  if (item.stock < qty) throw conflict(item.stock === 0 ? '已经兑完了，下次早点来' : `库存只剩 ${item.stock} 件`)

  const held = (await db
    .collection(M.items)
    .where({ _id: item._id, active: true, stock: _.gte(qty), 'holds.orderId': _.neq(orderId) })
    .update({ data: { stock: _.inc(-qty), holds: _.push({ orderId, quantity: qty, at: now }) } })) as Updated
  if (held.stats.updated !== 1) {
    const again = await getById<MallItem & { holds?: StockHold[] }>(db, M.items, item._id)
    if (!again?.holds?.some((h) => h.orderId === orderId)) throw conflict('已经兑完了，下次早点来')
  }

  const person = personLeg(input.communityId, user._id, -points)
  try {
    await ensureAccounts(db, input.communityId, [person], now)
    const order = await bookOrder(ctx, item, orderId, qty, points, now)
    await releaseHold(db, item._id, { orderId, quantity: qty }, false)
    return orderView(order, item)
  } catch (err) {
    const booked = await getById<MallOrder>(db, M.orders, orderId)
    await releaseHold(db, item._id, { orderId, quantity: qty }, !booked)
    throw err
  }
}

async function bookOrder(ctx: UserCtx, item: MallItem, orderId: string, qty: number, points: number, now: Date): Promise<MallOrder> {
  const { db, user } = ctx
  const quotaId = `${item._id}_${user._id}`
  for (let attempt = 0; ; attempt++) {
    try {
      return await runTx(db, async (tx) => {
        const o = await txGet<MallOrder>(tx, M.orders, orderId)
        if (o) return o
        const quota = await txGet<{ count: number }>(tx, M.quotas, quotaId)
        const have = quota?.count ?? 0
        if (item.perPersonLimit !== null && have + qty > item.perPersonLimit) {
          const left = Math.max(0, item.perPersonLimit - have)
          throw conflict(left === 0 ? `每人限兑 ${item.perPersonLimit} 件，您已经兑满了` : `每人限兑 ${item.perPersonLimit} 件，您还能兑 ${left} 件`)
        }
        await applyTransfer(db, tx, {
          key: `order:${orderId}:redeem`, communityId: item.communityId, kind: 'redeem',
          reason: `兑换「${item.name}」×${qty}`, cause: { type: 'order', id: orderId }, byUserId: user._id, sponsorId: item.sponsorId,
          legs: [personLeg(item.communityId, user._id, -points), systemLeg('mall', item.communityId, points)],
        }, now)
        if (quota) await tx.collection(M.quotas).doc(quotaId).update({ data: { count: db.command.inc(qty), updatedAt: now } })
        else await tx.collection(M.quotas).add({ data: { _id: quotaId, count: qty, updatedAt: now } })
        const order: MallOrder = {
          _id: orderId, communityId: item.communityId, itemId: item._id, itemName: item.name, userId: user._id,
          quantity: qty, points, status: 'reserved', pickupCode: newPickupCode(),
          deadline: new Date(now.getTime() + item.pickupDays * 86400_000), createdAt: now, closedAt: null, verifiedBy: null,
          sponsorId: item.sponsorId,
        }
        await tx.collection(M.orders).add({ data: order })
        return order
      })
    } catch (err) {
      // A pickup code collided with a live one (unique index): draw another.
      if (isDuplicateKey(err) && attempt < 3) continue
      throw err
    }
  }
}

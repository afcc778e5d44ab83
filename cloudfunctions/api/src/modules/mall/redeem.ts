/**
 * mall.redeem — take stock, check the per-person limit and the balance, and book the points, all or
 * nothing. Stock is held first by one conditional update on the item (stock.ts); then one transaction books
 * the ledger transfer, the person's quota and the order with its pickup code. If the transaction refuses,
 * the hold is given back. Idempotent by requestKey: a retried tap returns the same order.
 * While the shelf is empty but holds are pending, a redeem waits for them (bounded), so a rush sells exactly
 * the stock. Outcomes: the order with its pickup code; NOT_FOUND for an unknown or withdrawn item; CONFLICT
 * with a reason, nothing changed: INSUFFICIENT_POINTS (balance short), SOLD_OUT (stock short),
 * QUOTA_REACHED (over the per-person limit), BUSY (the rush did not clear in time).
 */
import { RedeemInput, type MallItem, type MallOrder, type OrderView } from '../../../../../types/points'
import { defineAction, member, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { getById, isDuplicateKey, runTx, txGet } from '../../platform/db'
import { conflict, notFound } from '../../platform/errors'
import { applyTransfer, ensureAccounts, insufficient, personLeg, systemLeg } from '../points/ledger'
import { P } from '../points/repo'
import { accountId } from '../points/policy'
import { M } from './repo'
import { newPickupCode, orderIdFor } from './rules'
import { holdStock, releaseHold } from './stock'
import { orderView } from './views'

function overLimit(limit: number, have: number) {
  const left = Math.max(0, limit - have)
  return conflict(left === 0 ? `每人限兑 ${limit} 件，您已经兑满了` : `每人限兑 ${limit} 件，您还能兑 ${left} 件`, 'QUOTA_REACHED')
}

async function redeem(ctx: UserCtx, input: ActionInput<'mall.redeem'>): Promise<OrderView> {
  const { db, user } = ctx
  const item = await getById<MallItem>(db, M.items, input.itemId)
  if (!item || item.communityId !== input.communityId || !item.active) throw notFound('这件商品')
  const orderId = orderIdFor(user._id, input.requestKey)
  const existing = await getById<MallOrder>(db, M.orders, orderId)
  if (existing) return orderView(existing, item)

  const qty = input.quantity
  const points = item.price * qty
  const now = ctx.now()
  // Clear answers before touching stock (the transaction re-checks authoritatively): a request that cannot
  // be paid or is over the limit never holds stock that others are waiting for.
  const [account, quota] = await Promise.all([
    getById<{ balance: number }>(db, P.accounts, accountId.person(input.communityId, user._id)),
    getById<{ count: number }>(db, M.quotas, `${item._id}_${user._id}`),
  ])
  if ((account?.balance ?? 0) < points) throw insufficient('person')
  if (item.perPersonLimit !== null && (quota?.count ?? 0) + qty > item.perPersonLimit) throw overLimit(item.perPersonLimit, quota?.count ?? 0)

  const hold = await holdStock(db, item._id, orderId, qty, now)
  const person = personLeg(input.communityId, user._id, -points)
  let bookedHere = false
  try {
    await ensureAccounts(db, input.communityId, [person], now)
    const { order, booked } = await bookOrder(ctx, item, orderId, qty, points, now)
    bookedHere = booked
    // A retried tap can read "no order yet", then take stock after the first attempt gave its hold back,
    // and find the order booked: the unit this attempt took goes back on the shelf.
    await releaseHold(db, item._id, { orderId, quantity: qty }, !booked && hold === 'taken')
    return orderView(order, item)
  } catch (err) {
    // The unit this attempt took goes back unless its own order used it; an earlier attempt's hold goes
    // back only when no order came of it.
    const restock = hold === 'taken' ? !bookedHere : !(await getById<MallOrder>(db, M.orders, orderId))
    await releaseHold(db, item._id, { orderId, quantity: qty }, restock)
    throw err
  }
}

async function bookOrder(
  ctx: UserCtx,
  item: MallItem,
  orderId: string,
  qty: number,
  points: number,
  now: Date,
): Promise<{ order: MallOrder; booked: boolean }> {
  const { db, user } = ctx
  const quotaId = `${item._id}_${user._id}`
  for (let attempt = 0; ; attempt++) {
    try {
      return await runTx(db, async (tx) => {
        const o = await txGet<MallOrder>(tx, M.orders, orderId)
        if (o) return { order: o, booked: false }
        const quota = await txGet<{ count: number }>(tx, M.quotas, quotaId)
        const have = quota?.count ?? 0
        if (item.perPersonLimit !== null && have + qty > item.perPersonLimit) throw overLimit(item.perPersonLimit, have)
        await applyTransfer(
          db,
          tx,
          {
            key: `order:${orderId}:redeem`,
            communityId: item.communityId,
            kind: 'redeem',
            reason: `兑换「${item.name}」×${qty}`,
            cause: { type: 'order', id: orderId },
            byUserId: user._id,
            sponsorId: item.sponsorId,
            legs: [personLeg(item.communityId, user._id, -points), systemLeg('mall', item.communityId, points)],
          },
          now,
        )
        if (quota)
          await tx
            .collection(M.quotas)
            .doc(quotaId)
            .update({ data: { count: db.command.inc(qty), updatedAt: now } })
        else await tx.collection(M.quotas).add({ data: { _id: quotaId, count: qty, updatedAt: now } })
        const order: MallOrder = {
          _id: orderId,
          communityId: item.communityId,
          itemId: item._id,
          itemName: item.name,
          userId: user._id,
          quantity: qty,
          points,
          status: 'reserved',
          pickupCode: newPickupCode(),
          deadline: new Date(now.getTime() + item.pickupDays * 86400_000),
          createdAt: now,
          closedAt: null,
          verifiedBy: null,
          sponsorId: item.sponsorId,
        }
        await tx.collection(M.orders).add({ data: order })
        return { order, booked: true }
      })
    } catch (err) {
      // A pickup code collided with a live one (unique index): draw another.
      if (isDuplicateKey(err) && attempt < 3) continue
      throw err
    }
  }
}

export default defineAction({ name: 'mall.redeem', input: RedeemInput, access: member, writes: true, handler: redeem })

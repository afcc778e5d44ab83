/**
 * mall.redeem — take stock, check the per-person limit and the balance, and book the points, all or
 * nothing. Stock is held first by one conditional update on the item (no read-then-write, so concurrent
 * redemptions never oversell, and the hot item document stays out of the transaction); then one
 * transaction books the ledger transfer, the person's quota and the order with its pickup code. If the
 * transaction refuses, the hold is given back. A hold left by a crash is resolved by the timer
 * (`releaseStaleHolds`). Idempotent by requestKey: a retried tap returns the same order.
 * While the shelf is empty but holds are pending, a redeem waits for them (bounded), so a rush sells exactly
 * the stock. Outcomes: the order with its pickup code; NOT_FOUND for an unknown or withdrawn item; CONFLICT when
 * stock, the limit or the balance is short (nothing changes).
 */
import type { z } from 'zod'
import type { MallItem, MallOrder, RedeemInput } from '../../../../../types/points'
import type { UserCtx } from '../../platform/context'
import { getById, isDuplicateKey, runTx, txGet, type Db } from '../../platform/db'
import { conflict, notFound } from '../../platform/errors'
import { applyTransfer, ensureAccounts, insufficient, personLeg, systemLeg } from '../points/ledger'
import { P } from '../points/repo'
import { accountId } from '../points/policy'
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

function overLimit(limit: number, have: number) {
  const left = Math.max(0, limit - have)
  return conflict(left === 0 ? `每人限兑 ${limit} 件，您已经兑满了` : `每人限兑 ${limit} 件，您还能兑 ${left} 件`)
}

const HOLD_WAIT_MS = 5000
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * Take `qty` off the shelf for this order, atomically. When the shelf is empty but other redemptions
 * still hold stock (they may yet give it back), wait for them: "sold out" is said only when it is true,
 * so a rush ends with exactly as many orders as there was stock for people who could pay.
 */
async function holdStock(db: Db, itemId: string, orderId: string, qty: number, now: Date): Promise<'taken' | 'earlier'> {
  const _ = db.command
  const deadline = Date.now() + HOLD_WAIT_MS
  for (;;) {
    const held = (await db
      .collection(M.items)
      .where({ _id: itemId, active: true, stock: _.gte(qty), 'holds.orderId': _.neq(orderId) })
      .update({ data: { stock: _.inc(-qty), holds: _.push({ orderId, quantity: qty, at: now }) } })) as Updated
    if (held.stats.updated === 1) return 'taken'
    const again = await getById<MallItem & { holds?: StockHold[] }>(db, M.items, itemId)
    if (!again || !again.active) throw notFound('这件商品')
    const holds = again.holds ?? []
    if (holds.some((h) => h.orderId === orderId)) return 'earlier' // our own earlier attempt holds it
    const couldReturn = holds.reduce((n, h) => n + h.quantity, 0)
    if (again.stock + couldReturn < qty) throw conflict(again.stock === 0 ? '已经兑完了，下次早点来' : `库存只剩 ${again.stock} 件`)
    if (Date.now() > deadline) throw conflict('兑换的人太多了，请稍后再试')
    await pause(2 + Math.random() * 10)
  }
}

export async function redeem(ctx: UserCtx, input: z.output<typeof RedeemInput>) {
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

async function bookOrder(ctx: UserCtx, item: MallItem, orderId: string, qty: number, points: number, now: Date): Promise<{ order: MallOrder; booked: boolean }> {
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
        return { order, booked: true }
      })
    } catch (err) {
      // A pickup code collided with a live one (unique index): draw another.
      if (isDuplicateKey(err) && attempt < 3) continue
      throw err
    }
  }
}

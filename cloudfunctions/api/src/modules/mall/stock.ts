/**
 * Stock on the shelf: a redemption holds its units first, by one conditional update on the item (no
 * read-then-write, so concurrent redemptions never oversell, and the hot item document stays out of the
 * transaction), and gives the hold back when it books or fails. A hold left by a crash is resolved by the
 * timer (expire.ts `releaseStaleHolds`).
 */
import type { MallItem } from '../../../../../types/points'
import { getById, updateWhere, type Db } from '../../platform/db'
import { conflict, notFound } from '../../platform/errors'
import { M, type StockHold } from './repo'

/** Give back a hold: with the stock when no order came of it, without when the order exists. */
export async function releaseHold(db: Db, itemId: string, hold: Pick<StockHold, 'orderId' | 'quantity'>, restock: boolean) {
  const _ = db.command
  const data = restock ? { stock: _.inc(hold.quantity), holds: _.pull({ orderId: hold.orderId }) } : { holds: _.pull({ orderId: hold.orderId }) }
  await updateWhere(db, M.items, { _id: itemId, 'holds.orderId': hold.orderId }, data)
}

const HOLD_WAIT_MS = 5000
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * Take `qty` off the shelf for this order, atomically. When the shelf is empty but other redemptions
 * still hold stock (they may yet give it back), wait for them: "sold out" is said only when it is true,
 * so a rush ends with exactly as many orders as there was stock for people who could pay.
 */
export async function holdStock(db: Db, itemId: string, orderId: string, qty: number, now: Date): Promise<'taken' | 'earlier'> {
  const _ = db.command
  const deadline = Date.now() + HOLD_WAIT_MS
  for (;;) {
    const held = await updateWhere(
      db,
      M.items,
      { _id: itemId, active: true, stock: _.gte(qty), 'holds.orderId': _.neq(orderId) },
      {
        stock: _.inc(-qty),
        holds: _.push({ orderId, quantity: qty, at: now }),
      },
    )
    if (held === 1) return 'taken'
    const again = await getById<MallItem & { holds?: StockHold[] }>(db, M.items, itemId)
    if (!again || !again.active) throw notFound('这件商品')
    const holds = again.holds ?? []
    if (holds.some((h) => h.orderId === orderId)) return 'earlier' // our own earlier attempt holds it
    const couldReturn = holds.reduce((n, h) => n + h.quantity, 0)
    if (again.stock + couldReturn < qty) throw conflict(again.stock === 0 ? '已经兑完了，下次早点来' : `库存只剩 ${again.stock} 件`, 'SOLD_OUT')
    if (Date.now() > deadline) throw conflict('兑换的人太多了，请稍后再试', 'BUSY')
    await pause(2 + Math.random() * 10)
  }
}

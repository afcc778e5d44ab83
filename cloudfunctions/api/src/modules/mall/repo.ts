/** Collections of the points supermarket. Stock holds live on the item; quotas per person per item. */
import type { Page } from '../../../../../types/common'
import type { MallItem, MallOrder } from '../../../../../types/points'
import { findMany, type Db } from '../../platform/db'
import { invalid } from '../../platform/errors'
import { getMany } from '../org/repo'

export const M = {
  items: 'mall_items',
  orders: 'mall_orders',
  quotas: 'mall_quotas',
} as const

export interface StockHold {
  orderId: string
  quantity: number
  at: Date
}

const decodeCursor = (cursor: string | undefined) => {
  if (cursor === undefined) return null
  const m = /^(\d+)_([A-Za-z0-9_-]+)$/.exec(cursor)
  if (!m) throw invalid('翻页参数不正确，请刷新后重试')
  return { at: new Date(Number(m[1])), id: m[2] }
}

/** Orders matching `base`, newest first, cursor (createdAt, _id). */
export async function ordersPage(db: Db, base: Record<string, unknown>, cursor: string | undefined, limit: number): Promise<Page<MallOrder>> {
  const _ = db.command
  const c = decodeCursor(cursor)
  // `createdAt <= cursor` bounds the index scan ((…, createdAt, _id) desc) so a deep page costs what the first
  // does; the $or settles ties on createdAt by _id.
  const filter = c ? _.and([base, { createdAt: _.lte(c.at) }, _.or([{ createdAt: _.lt(c.at) }, { createdAt: c.at, _id: _.lt(c.id) }])]) : base
  const docs = await findMany<MallOrder>(db, M.orders, filter, {
    orderBy: [
      ['createdAt', 'desc'],
      ['_id', 'desc'],
    ],
    limit: limit + 1,
  })
  const items = docs.slice(0, limit)
  const last = items[items.length - 1]
  return { items, nextCursor: docs.length > limit && last ? `${new Date(last.createdAt).getTime()}_${last._id}` : null }
}

/** The items of these orders, by id (for pickup place and hours). */
export const itemsOf = (db: Db, orders: MallOrder[]) =>
  getMany<MallItem>(
    db,
    M.items,
    orders.map((o) => o.itemId),
  )

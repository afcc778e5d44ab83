/**
 * mall.cancel — the owner cancels an order not yet picked up: points refunded, stock and quota returned,
 *   all in one transaction. Outcomes: the cancelled order; NOT_FOUND for an unknown order or someone
 *   else's; CONFLICT when it is no longer open.
 * mall.myOrders — the caller's orders, newest first. mall.orders (secretary) — the community's orders.
 * mall.verify (secretary) — hand over at the counter by pickup code, exactly once: a conditional update
 *   from reserved to picked_up. Outcomes: the order; NOT_FOUND for an unknown code; CONFLICT when used,
 *   cancelled or expired.
 * closeOrder — shared by cancel and the expiry timer.
 */
import type { z } from 'zod'
import type { Page } from '../../../../../types/common'
import type { User } from '../../../../../types/org'
import type { CancelInput, OrderInput, PickupQrInput, MallItem, MallOrder, MyOrdersInput, OrdersInput, OrderView, VerifyInput } from '../../../../../types/points'
import type { UserCtx } from '../../platform/context'
import { trace } from '../../platform/audit'
import { qrDataUrl } from '../../platform/qrcode'
import { findMany, getById, runTx, txGet, type Db } from '../../platform/db'
import { conflict, invalid, notFound } from '../../platform/errors'
import { getCommunity, getMany } from '../org/repo'
import { holdsRole, listName } from '../org/rules'
import { applyTransfer, ensureAccounts, findTransfer, personLeg, systemLeg } from '../points/ledger'
import { M } from './repo'
import { canClose, isOwner, verifyRefusal } from './rules'
import { orderView } from './views'

/**
 * Close an open order as cancelled or expired, refunding everything. Idempotent: an order already closed
 * is returned as it is, with `closedNow: false`.
 */
export async function closeOrder(db: Db, orderId: string, status: 'cancelled' | 'expired', now: Date, byUserId: string | null): Promise<{ order: MallOrder; closedNow: boolean }> {
  const pre = await getById<MallOrder>(db, M.orders, orderId)
  if (!pre) throw notFound('订单')
  await ensureAccounts(db, pre.communityId, [personLeg(pre.communityId, pre.userId, 0)], now)
  return runTx(db, async (tx) => {
    const o = await txGet<MallOrder>(tx, M.orders, orderId)
    if (!o) throw notFound('订单')
    if (!canClose(o)) return { order: o, closedNow: false }
    const key = `order:${o._id}:refund`
    if (!(await findTransfer(tx, key))) {
      await applyTransfer(db, tx, {
        key, communityId: o.communityId, kind: 'refund',
        reason: status === 'expired' ? `「${o.itemName}」超时未取，积分退回` : `取消兑换「${o.itemName}」，积分退回`,
        cause: { type: 'order', id: o._id }, byUserId, sponsorId: o.sponsorId,
        legs: [systemLeg('mall', o.communityId, -o.points), personLeg(o.communityId, o.userId, o.points)],
      }, now)
    }
    const _ = db.command
    await tx.collection(M.items).doc(o.itemId).update({ data: { stock: _.inc(o.quantity), updatedAt: now } })
    await tx.collection(M.quotas).doc(`${o.itemId}_${o.userId}`).update({ data: { count: _.inc(-o.quantity), updatedAt: now } })
    await tx.collection(M.orders).doc(o._id).update({ data: { status, closedAt: now } })
    return { order: { ...o, status, closedAt: now }, closedNow: true }
  })
}

export async function cancel(ctx: UserCtx, input: z.output<typeof CancelInput>): Promise<OrderView> {
  const o = await getById<MallOrder>(ctx.db, M.orders, input.orderId)
  if (!o || o.communityId !== input.communityId || !isOwner(o, ctx.user._id)) throw notFound('订单')
  if (!canClose(o)) throw conflict(verifyRefusal(o) ?? '订单已结束，不能取消')
  const { order, closedNow } = await closeOrder(ctx.db, o._id, 'cancelled', ctx.now(), ctx.user._id)
  if (!closedNow) throw conflict(verifyRefusal(order) ?? '订单已结束，不能取消')
  return orderView(order, await getById<MallItem>(ctx.db, M.items, o.itemId))
}

const decodeCursor = (cursor: string | undefined) => {
  if (cursor === undefined) return null
  const m = /^(\d+)_([A-Za-z0-9_-]+)$/.exec(cursor)
  if (!m) throw invalid('翻页参数不正确，请刷新后重试')
  return { at: new Date(Number(m[1])), id: m[2] }
}

/** Orders matching `base`, newest first, cursor (createdAt, _id). */
async function ordersPage(db: Db, base: Record<string, unknown>, cursor: string | undefined, limit: number): Promise<Page<MallOrder>> {
  const _ = db.command
  const c = decodeCursor(cursor)
  const filter = c ? _.and([base, _.or([{ createdAt: _.lt(c.at) }, { createdAt: c.at, _id: _.lt(c.id) }])]) : base
  const docs = await findMany<MallOrder>(db, M.orders, filter, { orderBy: [['createdAt', 'desc'], ['_id', 'desc']], limit: limit + 1 })
  const items = docs.slice(0, limit)
  const last = items[items.length - 1]
  return { items, nextCursor: docs.length > limit && last ? `${new Date(last.createdAt).getTime()}_${last._id}` : null }
}

async function withItems(db: Db, orders: MallOrder[]) {
  return getMany<MallItem>(db, M.items, orders.map((o) => o.itemId))
}

export async function myOrders(ctx: UserCtx, input: z.output<typeof MyOrdersInput>): Promise<Page<OrderView>> {
  const page = await ordersPage(ctx.db, { userId: ctx.user._id, communityId: input.communityId }, input.cursor, input.limit ?? 20)
  const items = await withItems(ctx.db, page.items)
  return { items: page.items.map((o) => orderView(o, items.get(o.itemId) ?? null)), nextCursor: page.nextCursor }
}

export async function orders(ctx: UserCtx, input: z.output<typeof OrdersInput>): Promise<Page<OrderView>> {
  const base: Record<string, unknown> = { communityId: input.communityId }
  if (input.status) base.status = input.status
  const page = await ordersPage(ctx.db, base, input.cursor, input.limit ?? 20)
  const [items, people] = await Promise.all([withItems(ctx.db, page.items), getMany<User>(ctx.db, 'users', page.items.map((o) => o.userId))])
  return {
    items: page.items.map((o) => orderView(o, items.get(o.itemId) ?? null, listName(people.get(o.userId) ?? { realName: null, nickname: '' }))),
    nextCursor: page.nextCursor,
  }
}

export async function verify(ctx: UserCtx, input: z.output<typeof VerifyInput>): Promise<OrderView> {
  const { db } = ctx
  const [found] = await findMany<MallOrder>(db, M.orders, { pickupCode: input.code, communityId: input.communityId }, { limit: 1 })
  if (!found) throw notFound('这个取货码')
  const now = ctx.now()
  const res = (await db
    .collection(M.orders)
    .where({ _id: found._id, status: 'reserved' })
    .update({ data: { status: 'picked_up', closedAt: now, verifiedBy: ctx.user._id } })) as { stats: { updated: number } }
  if (res.stats.updated !== 1) {
    const latest = (await getById<MallOrder>(db, M.orders, found._id)) ?? found
    throw conflict(verifyRefusal(latest) ?? '这个取货码已经核销过了')
  }
  await trace(ctx, { communityId: input.communityId, resource: { type: 'mall_order', id: found._id }, before: { status: 'reserved' }, after: { status: 'picked_up' } })
  const [item, person] = await Promise.all([getById<MallItem>(db, M.items, found.itemId), getById<User>(db, 'users', found.userId)])
  return orderView({ ...found, status: 'picked_up', closedAt: now, verifiedBy: ctx.user._id }, item, listName(person ?? { realName: null, nickname: '' }))
}

/**
 * mall.pickupQr — the owner's pickup code as a QR image (PNG data URL) for the counter to scan.
 * Outcomes: { code, dataUrl }; NOT_FOUND for someone else's order; CONFLICT once it is closed.
 */
export async function pickupQr(ctx: UserCtx, input: z.output<typeof PickupQrInput>) {
  const o = await getById<MallOrder>(ctx.db, M.orders, input.orderId)
  if (!o || o.communityId !== input.communityId || !isOwner(o, ctx.user._id)) throw notFound('订单')
  if (!canClose(o)) throw conflict(verifyRefusal(o) ?? '订单已结束')
  const dataUrl = await qrDataUrl(o.pickupCode, { errorCorrectionLevel: 'M', margin: 2, width: 360 })
  return { code: o.pickupCode, dataUrl }
}

/**
 * mall.order — one order, for its owner (or the community's secretary, with the masked name).
 * Outcomes: the order; NOT_FOUND for anyone else.
 */
export async function order(ctx: UserCtx, input: z.output<typeof OrderInput>): Promise<OrderView> {
  const o = await getById<MallOrder>(ctx.db, M.orders, input.orderId)
  if (!o || o.communityId !== input.communityId) throw notFound('订单')
  const item = await getById<MallItem>(ctx.db, M.items, o.itemId)
  if (isOwner(o, ctx.user._id)) return orderView(o, item)
  const community = await getCommunity(ctx.db, input.communityId)
  if (!community || !holdsRole(ctx.user, community, ['secretary', 'street_admin'])) throw notFound('订单')
  const person = await getById<User>(ctx.db, 'users', o.userId)
  return orderView(o, item, listName(person ?? { realName: null, nickname: '' }))
}

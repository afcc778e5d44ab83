/**
 * mall.cancel — the owner cancels an order not yet picked up: points refunded, stock and quota returned, all
 * in one transaction (closing.ts). Outcomes: the cancelled order; NOT_FOUND for an unknown order or someone
 * else's; CONFLICT (STATE_CHANGED) when it is no longer open (picked up, cancelled or expired meanwhile).
 */
import { CancelInput, type MallItem, type MallOrder, type OrderView } from '../../../../../types/points'
import { defineAction, member, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { getById } from '../../platform/db'
import { conflict, notFound } from '../../platform/errors'
import { closeOrder } from './closing'
import { M } from './repo'
import { canClose, isOwner, verifyRefusal } from './rules'
import { orderView } from './views'

const closed = (o: MallOrder) => conflict(verifyRefusal(o) ?? '订单已结束，不能取消', 'STATE_CHANGED')

async function cancel(ctx: UserCtx, input: ActionInput<'mall.cancel'>): Promise<OrderView> {
  const o = await getById<MallOrder>(ctx.db, M.orders, input.orderId)
  if (!o || o.communityId !== input.communityId || !isOwner(o, ctx.user._id)) throw notFound('订单')
  if (!canClose(o)) throw closed(o)
  const { order, closedNow } = await closeOrder(ctx.db, o._id, 'cancelled', ctx.now(), ctx.user._id)
  if (!closedNow) throw closed(order)
  return orderView(order, await getById<MallItem>(ctx.db, M.items, o.itemId))
}

export default defineAction({ name: 'mall.cancel', input: CancelInput, access: member, writes: true, handler: cancel })

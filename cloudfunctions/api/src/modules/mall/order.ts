/**
 * mall.order — one order, for its owner (or the community's secretary, with the person's masked name).
 * Outcomes: the order; NOT_FOUND for anyone else.
 */
import type { User } from '../../../../../types/org'
import { OrderInput, type MallItem, type MallOrder, type OrderView } from '../../../../../types/points'
import { defineAction, member, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { getById } from '../../platform/db'
import { notFound } from '../../platform/errors'
import { listName } from '../org/rules'
import { M } from './repo'
import { isOwner } from './rules'
import { managesShelf, orderView } from './views'

async function order(ctx: UserCtx, input: ActionInput<'mall.order'>): Promise<OrderView> {
  const o = await getById<MallOrder>(ctx.db, M.orders, input.orderId)
  if (!o || o.communityId !== input.communityId) throw notFound('订单')
  const item = await getById<MallItem>(ctx.db, M.items, o.itemId)
  if (isOwner(o, ctx.user._id)) return orderView(o, item)
  if (!(await managesShelf(ctx, input.communityId))) throw notFound('订单')
  const person = await getById<User>(ctx.db, 'users', o.userId)
  return orderView(o, item, listName(person ?? { realName: null, nickname: '' }))
}

export default defineAction({ name: 'mall.order', input: OrderInput, access: member, writes: false, handler: order })

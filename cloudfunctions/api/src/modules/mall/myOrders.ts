/**
 * mall.myOrders — the caller's orders in a community, newest first, cursor-paged. Outcomes: a page;
 * INVALID_INPUT for a bad cursor.
 */
import type { Page } from '../../../../../types/common'
import { MyOrdersInput, type OrderView } from '../../../../../types/points'
import { defineAction, member, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { itemsOf, ordersPage } from './repo'
import { orderView } from './views'

async function myOrders(ctx: UserCtx, input: ActionInput<'mall.myOrders'>): Promise<Page<OrderView>> {
  const page = await ordersPage(ctx.db, { userId: ctx.user._id, communityId: input.communityId }, input.cursor, input.limit ?? 20)
  const items = await itemsOf(ctx.db, page.items)
  return { items: page.items.map((o) => orderView(o, items.get(o.itemId) ?? null)), nextCursor: page.nextCursor }
}

export default defineAction({ name: 'mall.myOrders', input: MyOrdersInput, access: member, writes: false, handler: myOrders })

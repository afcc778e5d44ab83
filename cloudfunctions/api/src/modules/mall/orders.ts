/**
 * mall.orders (secretary) — the community's orders, newest first, optionally of one status, with each
 * person's masked name, cursor-paged. Outcomes: a page; INVALID_INPUT for a bad cursor.
 */
import type { Page } from '../../../../../types/common'
import type { User } from '../../../../../types/org'
import { OrdersInput, type OrderView } from '../../../../../types/points'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { getMany } from '../org/repo'
import { listName } from '../org/rules'
import { itemsOf, ordersPage } from './repo'
import { orderView } from './views'

async function orders(ctx: UserCtx, input: ActionInput<'mall.orders'>): Promise<Page<OrderView>> {
  const base: Record<string, unknown> = { communityId: input.communityId }
  if (input.status) base.status = input.status
  const page = await ordersPage(ctx.db, base, input.cursor, input.limit ?? 20)
  const [items, people] = await Promise.all([
    itemsOf(ctx.db, page.items),
    getMany<User>(
      ctx.db,
      'users',
      page.items.map((o) => o.userId),
    ),
  ])
  return {
    items: page.items.map((o) => orderView(o, items.get(o.itemId) ?? null, listName(people.get(o.userId) ?? { realName: null, nickname: '' }))),
    nextCursor: page.nextCursor,
  }
}

export default defineAction({ name: 'mall.orders', input: OrdersInput, access: SECRETARY, writes: false, handler: orders })

/**
 * mall.item — one item of the shelf, with how many more the caller may take.
 * Outcomes: the item; NOT_FOUND for an unknown item, or a withdrawn one (to anyone but the secretary).
 */
import { ItemInput, type ItemView, type MallItem } from '../../../../../types/points'
import { defineAction, member, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { getById } from '../../platform/db'
import { notFound } from '../../platform/errors'
import { M } from './repo'
import { itemViews, managesShelf } from './views'

async function item(ctx: UserCtx, input: ActionInput<'mall.item'>): Promise<ItemView> {
  const doc = await getById<MallItem>(ctx.db, M.items, input.itemId)
  if (!doc || doc.communityId !== input.communityId || (!doc.active && !(await managesShelf(ctx, input.communityId)))) throw notFound('这件商品')
  return (await itemViews(ctx.db, ctx.user._id, [doc]))[0]
}

export default defineAction({ name: 'mall.item', input: ItemInput, access: member, writes: false, handler: item })

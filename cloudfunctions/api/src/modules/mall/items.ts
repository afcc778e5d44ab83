/**
 * mall.items — the supermarket shelf of a community (active items; secretaries may include withdrawn),
 * cursor-paged by id, with how many more the caller may take of each. Outcome: a page.
 */
import type { Page } from '../../../../../types/common'
import { ItemsInput, type ItemView, type MallItem } from '../../../../../types/points'
import { defineAction, member, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { findMany } from '../../platform/db'
import { M } from './repo'
import { itemViews, managesShelf } from './views'

async function items(ctx: UserCtx, input: ActionInput<'mall.items'>): Promise<Page<ItemView>> {
  const _ = ctx.db.command
  const all = input.includeInactive && (await managesShelf(ctx, input.communityId))
  const filter: Record<string, unknown> = { communityId: input.communityId }
  if (!all) filter.active = true
  if (input.kind) filter.kind = input.kind
  if (input.cursor) filter._id = _.gt(input.cursor)
  const limit = input.limit ?? 20
  const docs = await findMany<MallItem>(ctx.db, M.items, filter, { orderBy: [['_id', 'asc']], limit: limit + 1 })
  const page = docs.slice(0, limit)
  return { items: await itemViews(ctx.db, ctx.user._id, page), nextCursor: docs.length > limit ? page[page.length - 1]._id : null }
}

export default defineAction({ name: 'mall.items', input: ItemsInput, access: member, writes: false, handler: items })

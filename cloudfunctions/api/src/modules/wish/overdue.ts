/**
 * wish.overdue (secretary) — open wishes older than the community's overdue days, and claimed ones without
 * progress for as long, by id.
 * Outcomes: a page of cards; INVALID_INPUT for a cursor that is not a wish id.
 */
import { WishQueueInput } from '../../../../../types/wish'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { checkCursor } from './paging'
import { overdueWishes, settingsOf } from './repo'
import { cards } from './views'

async function overdue(ctx: UserCtx, input: ActionInput<'wish.overdue'>) {
  const settings = await settingsOf(ctx.db, input.communityId)
  const all = await overdueWishes(ctx.db, input.communityId, ctx.now(), settings.overdueDays)
  const c = checkCursor(input.cursor)
  const after = c ? all.filter((w) => w._id > c) : all
  const limit = input.limit ?? 20
  const items = after.slice(0, limit)
  return { items: await cards(ctx.db, items), nextCursor: after.length > limit ? items[items.length - 1]._id : null }
}

export default defineAction({ name: 'wish.overdue', input: WishQueueInput, access: SECRETARY, writes: false, handler: overdue })

/**
 * wish.overdue (secretary) — open wishes older than the community's overdue days, and claimed ones without
 * progress for as long, by id, a page at a time (overduePage: two indexed reads a page, however many are overdue).
 * Outcomes: a page of cards; INVALID_INPUT for a cursor that is not a wish id.
 */
import { WishQueueInput } from '../../../../../types/wish'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { checkCursor } from './paging'
import { overduePage, settingsOf } from './repo'
import { overdueCutoff } from './rules'
import { cards } from './views'

async function overdue(ctx: UserCtx, input: ActionInput<'wish.overdue'>) {
  const settings = await settingsOf(ctx.db, input.communityId)
  const page = await overduePage(ctx.db, input.communityId, overdueCutoff(ctx.now(), settings.overdueDays), checkCursor(input.cursor), input.limit ?? 20)
  return { items: await cards(ctx.db, page.items), nextCursor: page.nextCursor }
}

export default defineAction({ name: 'wish.overdue', input: WishQueueInput, access: SECRETARY, writes: false, handler: overdue })

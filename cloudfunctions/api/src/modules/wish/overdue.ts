/**
 * wish.overdue (secretary) — open wishes older than the community's overdue days, and claimed ones without
 * progress for as long, longest waiting first, a page at a time (overduePage: at most four indexed reads a page,
 * however many are overdue or claimed).
 * Outcomes: a page of cards; INVALID_INPUT for a cursor this action did not give.
 */
import { WishQueueInput } from '../../../../../types/wish'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { overdueCursor, overduePage, settingsOf } from './repo'
import { overdueCutoff } from './rules'
import { cards } from './views'

async function overdue(ctx: UserCtx, input: ActionInput<'wish.overdue'>) {
  const settings = await settingsOf(ctx.db, input.communityId)
  const page = await overduePage(ctx.db, input.communityId, overdueCutoff(ctx.now(), settings.overdueDays), overdueCursor(input.cursor), input.limit ?? 20)
  return { items: await cards(ctx.db, page.items), nextCursor: page.nextCursor }
}

export default defineAction({ name: 'wish.overdue', input: WishQueueInput, access: SECRETARY, writes: false, handler: overdue })

/**
 * wish.mine — the caller's wishes as wisher (incl. those they posted for others) or as claimer, newest first.
 * Outcomes: a page of cards; INVALID_INPUT for a cursor that is not a wish id.
 */
import { WishMineInput } from '../../../../../types/wish'
import { defineAction, member, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { wishPage } from './paging'
import { mergeNewestFirst } from './rules'

async function mine(ctx: UserCtx, input: ActionInput<'wish.mine'>) {
  const base = { communityId: input.communityId }
  const limit = input.limit ?? 20
  if (input.as === 'claimer') return wishPage(ctx.db, { ...base, claimerId: ctx.user._id }, input.cursor, limit)
  // An or over two indexed fields: fetch each side's page and merge (newest first).
  const [a, b] = await Promise.all([
    wishPage(ctx.db, { ...base, wisherId: ctx.user._id }, input.cursor, limit),
    wishPage(ctx.db, { ...base, postedById: ctx.user._id, onBehalf: true }, input.cursor, limit),
  ])
  const { items, more } = mergeNewestFirst(a.items, b.items, limit)
  const next = more || a.nextCursor !== null || b.nextCursor !== null
  return { items, nextCursor: next && items.length ? items[items.length - 1].id : null }
}

export default defineAction({ name: 'wish.mine', input: WishMineInput, access: member, writes: false, handler: mine })

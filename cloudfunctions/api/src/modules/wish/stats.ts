/**
 * wish.stats (secretary) — the community's wishes counted by status, median hours to claim and to fulfil,
 * ratings, and how many are overdue.
 * Outcomes: the figures. Reads every wish of the community (readAll, bounded at 20,000: past it the action
 * fails loudly rather than count part of them).
 */
import { WISH_STATUSES, WishStatsInput, type Wish, type WishStats } from '../../../../../types/wish'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { readAll } from '../../platform/db'
import { settingsOf, W } from './repo'
import { isOverdue, overdueCutoff, summarize } from './rules'

async function stats(ctx: UserCtx, input: ActionInput<'wish.stats'>): Promise<WishStats> {
  const [wishes, settings] = await Promise.all([
    readAll<Wish>(ctx.db, W.wishes, { communityId: input.communityId }, 20000),
    settingsOf(ctx.db, input.communityId),
  ])
  // Counted from the wishes already read, with the overdue queue's own test: no second read of them.
  const cutoff = overdueCutoff(ctx.now(), settings.overdueDays)
  return { ...summarize(wishes, WISH_STATUSES), overdue: wishes.filter((w) => isOverdue(w, cutoff)).length }
}

export default defineAction({ name: 'wish.stats', input: WishStatsInput, access: SECRETARY, writes: false, handler: stats })

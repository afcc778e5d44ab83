/**
 * wish.stats (secretary) — the community's wishes counted by status, median hours to claim and to fulfil,
 * ratings, and how many are overdue.
 * Outcomes: the figures, from the running counters (wish/counters.ts: one aggregation over the community's
 * counter documents, O(months × categories)) and the overdue wishes of each kind counted up to
 * OVERDUE_COUNTED by one indexed read of ids (community_status_opened / community_status_progress), with
 * `overdueMore` when there are more — four round trips whatever the number of wishes. The medians come from the counters' hour histograms (interpolated inside the
 * bucket holding the middle wish), so they are estimates to a fraction of their bucket.
 */
import { WISH_STATUSES, WishStatsInput, type WishStats } from '../../../../../types/wish'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { HOUR_BUCKETS, medianOf, sumCounters } from './counters'
import { findMany } from '../../platform/db'
import { settingsOf, W } from './repo'
import { overdueCutoff } from './rules'

/** Overdue wishes of each kind are counted up to this many (one read of ids each); past it the answer says so. */
export const OVERDUE_COUNTED = 100

/** How many match, up to OVERDUE_COUNTED: one indexed read of ids, never a walk of every match. */
async function countUpTo(ctx: UserCtx, filter: object): Promise<number> {
  return (await findMany<{ _id: string }>(ctx.db, W.wishes, filter, { limit: OVERDUE_COUNTED, field: { _id: true } })).length
}

async function stats(ctx: UserCtx, input: ActionInput<'wish.stats'>): Promise<WishStats> {
  const _ = ctx.db.command
  const { communityId } = input
  const settings = await settingsOf(ctx.db, communityId)
  const cutoff = overdueCutoff(ctx.now(), settings.overdueDays)
  // The overdue queue's own test (rules.ts isOverdue), as two indexed counts.
  const [sums, open, stale] = await Promise.all([
    sumCounters(ctx.db, { communityId }, null),
    countUpTo(ctx, { communityId, status: 'open', openedAt: _.lt(cutoff) }),
    countUpTo(ctx, { communityId, status: 'claimed', lastProgressAt: _.lt(cutoff) }),
  ])
  const t = sums.get('null') ?? {}
  const n = (f: string) => (t as Record<string, number>)[f] ?? 0
  const byStatus = Object.fromEntries(WISH_STATUSES.map((s) => [s, n(`s_${s}`)])) as WishStats['byStatus']
  const distribution = { '1': n('r1'), '2': n('r2'), '3': n('r3'), '4': n('r4'), '5': n('r5') }
  const rated = [1, 2, 3, 4, 5].reduce((s, k) => s + n(`r${k}`), 0)
  const stars = [1, 2, 3, 4, 5].reduce((s, k) => s + k * n(`r${k}`), 0)
  return {
    byStatus,
    posted: WISH_STATUSES.reduce((s, st) => s + byStatus[st], 0),
    medianHoursToClaim: medianOf(HOUR_BUCKETS.map((_b, i) => n(`c${i}`))),
    medianHoursToFulfil: medianOf(HOUR_BUCKETS.map((_b, i) => n(`f${i}`))),
    ratings: { count: rated, average: rated ? Math.round((stars / rated) * 10) / 10 : null, distribution },
    overdue: open + stale,
    overdueMore: open === OVERDUE_COUNTED || stale === OVERDUE_COUNTED,
  }
}

export default defineAction({ name: 'wish.stats', input: WishStatsInput, access: SECRETARY, writes: false, handler: stats })

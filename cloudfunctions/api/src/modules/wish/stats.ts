/**
 * wish.stats (secretary) — the community's wishes counted by status, median hours to claim and to fulfil,
 * ratings, and how many are overdue.
 * Outcomes: the figures, from the running counters (wish/counters.ts: one aggregation over the community's
 * counter documents, O(months × categories)) and two indexed counts of the overdue wishes — four round trips
 * whatever the number of wishes. The medians come from the counters' hour histograms (interpolated inside the
 * bucket holding the middle wish), so they are estimates to a fraction of their bucket.
 */
import { WISH_STATUSES, WishStatsInput, type WishStats } from '../../../../../types/wish'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { HOUR_BUCKETS, medianOf, sumCounters } from './counters'
import { settingsOf, W } from './repo'
import { overdueCutoff } from './rules'

async function count(ctx: UserCtx, filter: object): Promise<number> {
  const res = (await ctx.db.collection(W.wishes).where(filter).count()) as { total: number }
  return res.total
}

async function stats(ctx: UserCtx, input: ActionInput<'wish.stats'>): Promise<WishStats> {
  const _ = ctx.db.command
  const { communityId } = input
  const settings = await settingsOf(ctx.db, communityId)
  const cutoff = overdueCutoff(ctx.now(), settings.overdueDays)
  // The overdue queue's own test (rules.ts isOverdue), as two indexed counts.
  const [sums, open, stale] = await Promise.all([
    sumCounters(ctx.db, { communityId }, null),
    count(ctx, { communityId, status: 'open', openedAt: _.lt(cutoff) }),
    count(ctx, { communityId, status: 'claimed', lastProgressAt: _.lt(cutoff) }),
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
  }
}

export default defineAction({ name: 'wish.stats', input: WishStatsInput, access: SECRETARY, writes: false, handler: stats })

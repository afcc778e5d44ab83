/**
 * points.report (secretary) — issued vs redeemed vs remaining budget per sponsor and per month, with
 * warnings before a budget runs out (the scheme in seed 000 stalled when its money ran out).
 * Outcome: the report.
 */
import { ReportInput, type ReportView } from '../../../../../types/points'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { countersOf, monthOf } from './counters'
import { sponsorViews } from './views'
import { chinaMonthsBack } from '../../platform/chinaTime'

async function report(ctx: UserCtx, input: ActionInput<'points.report'>): Promise<ReportView> {
  const { db } = ctx
  const monthsBack = input.months ?? 6
  // Months are China months whatever the server's zone (functions run in UTC): the month keys from dayjs in
  // Asia/Shanghai, as the counters are kept (counters.ts). Every month's counters are read once: the months
  // shown, and all of them for the sponsors' totals (the community's SHARDS small documents, never the ledger).
  const now = ctx.now()
  const counters = await countersOf(db, input.communityId)
  const months = new Map<string, ReportView['months'][number]>()
  for (const key of chinaMonthsBack(now, monthsBack)) {
    const k = monthOf(counters, key).kinds
    months.set(key, {
      month: key,
      issued: (k.earn ?? 0) + (k.grant ?? 0) + (k.correct ?? 0),
      redeemed: 0 - (k.redeem ?? 0),
      refunded: k.refund ?? 0,
      expired: 0 - (k.expire ?? 0),
    })
  }
  const sponsors = await sponsorViews(db, input.communityId, true, counters)
  const issued = sponsors.reduce((s, x) => s + x.issued, 0)
  const redeemed = sponsors.reduce((s, x) => s + x.redeemed, 0)
  const budget = sponsors.reduce((s, x) => s + x.budget, 0)
  const warnings = sponsors
    .filter((s) => s.low)
    .map((s) => (s.budget === 0 ? `${s.name}的积分预算已用完，新的积分将无法发放` : `${s.name}的积分预算只剩 ${s.budget}，低于提醒线 ${s.warnBelow}`))
  return { sponsors, months: [...months.values()], totals: { budget, issued, redeemed, outstanding: issued - redeemed }, warnings }
}

export default defineAction({ name: 'points.report', input: ReportInput, access: SECRETARY, writes: false, handler: report })

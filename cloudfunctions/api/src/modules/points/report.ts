/**
 * points.report (secretary) — issued vs redeemed vs remaining budget per sponsor and per month, with
 * warnings before a budget runs out (the scheme in seed 000 stalled when its money ran out).
 * Outcome: the report.
 */
import { ReportInput, type ReportView } from '../../../../../types/points'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { P } from './repo'
import { sponsorViews } from './views'
import { CHINA_UTC_OFFSET_MS, chinaMonthStart, chinaMonthsBack } from '../../platform/chinaTime'

async function report(ctx: UserCtx, input: ActionInput<'points.report'>): Promise<ReportView> {
  const { db } = ctx
  const monthsBack = input.months ?? 6
  // Months are China months whatever the server's zone (functions run in UTC): the first instant of the
  // oldest month shown, and the month keys, both from dayjs in Asia/Shanghai.
  const now = ctx.now()
  const from = chinaMonthStart(now, monthsBack - 1)
  const $ = db.command.aggregate
  const res = (await db
    .collection(P.entries)
    .aggregate()
    .match({ communityId: input.communityId, at: db.command.gte(from), accountKind: db.command.in(['person']) })
    // The China month of each entry, by the database itself: shifted to China's wall clock (UTC+8, no DST;
    // chinaTime.ts), then its year and month.
    .project({ kind: 1, amount: 1, local: $.add(['$at', CHINA_UTC_OFFSET_MS]) })
    .group({ _id: { kind: '$kind', y: $.year('$local'), m: $.month('$local') }, total: $.sum('$amount') })
    .limit(1000) // aggregate answers 20 records unless told otherwise
    .end()) as { list: { _id: { kind: string; y: number; m: number }; total: number }[] }

  const months = new Map<string, ReportView['months'][number]>()
  for (const key of chinaMonthsBack(now, monthsBack)) months.set(key, { month: key, issued: 0, redeemed: 0, refunded: 0, expired: 0 })
  for (const row of res.list) {
    const m = months.get(`${row._id.y}-${String(row._id.m).padStart(2, '0')}`)
    if (!m) continue
    if (row._id.kind === 'earn' || row._id.kind === 'grant' || row._id.kind === 'correct') m.issued += row.total
    else if (row._id.kind === 'redeem') m.redeemed += -row.total
    else if (row._id.kind === 'refund') m.refunded += row.total
    else if (row._id.kind === 'expire') m.expired += -row.total
  }
  const sponsors = await sponsorViews(db, input.communityId)
  const issued = sponsors.reduce((s, x) => s + x.issued, 0)
  const redeemed = sponsors.reduce((s, x) => s + x.redeemed, 0)
  const budget = sponsors.reduce((s, x) => s + x.budget, 0)
  const warnings = sponsors
    .filter((s) => s.low)
    .map((s) => (s.budget === 0 ? `${s.name}的积分预算已用完，新的积分将无法发放` : `${s.name}的积分预算只剩 ${s.budget}，低于提醒线 ${s.warnBelow}`))
  return { sponsors, months: [...months.values()], totals: { budget, issued, redeemed, outstanding: issued - redeemed }, warnings }
}

export default defineAction({ name: 'points.report', input: ReportInput, access: SECRETARY, writes: false, handler: report })

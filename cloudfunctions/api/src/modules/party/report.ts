/**
 * party.report (secretary) — the yearly report (双报告) per verified member for their employer units: rows,
 * and optionally an .xlsx file (base64) to send to the unit. Optionally one employer unit's members.
 * Outcomes: { year, rows, file }.
 */
import type { User } from '../../../../../types/org'
import { PartyReportInput, type PartyReportView, type Registration, type ReportRow } from '../../../../../types/party'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { readAll } from '../../platform/db'
import { xlsx } from '../../platform/xlsx'
import { C, getCommunity, getMany } from '../org/repo'
import { recordOf } from './records'
import { PT } from './repo'

async function report(ctx: UserCtx, input: ActionInput<'party.report'>): Promise<PartyReportView> {
  const { db } = ctx
  const filter: Record<string, unknown> = { communityId: input.communityId, status: 'verified' }
  if (input.employerUnitId) filter.employerUnitId = input.employerUnitId
  const regs = await readAll<Registration>(db, PT.registrations, filter, 5000)
  const users = await getMany<User>(
    db,
    C.users,
    regs.map((r) => r.userId),
  )
  const rows: ReportRow[] = []
  for (const r of regs) {
    const u = users.get(r.userId)
    if (!u) continue
    const rec = await recordOf(db, u, input.communityId, input.year, { own: false, views: false })
    rows.push({
      userId: u._id,
      name: r.name,
      employerName: r.employerName,
      branch: r.branch,
      memberType: r.memberType,
      hours: rec.totalHours,
      activities: rec.activities.filter((a) => a.status === 'checked_out').length,
      wishesFulfilled: rec.wishesFulfilled,
      averageRating: rec.averageRating,
      visits: rec.visits,
      pledge: r.pledge.text,
      pledgeKept: r.pledge.done,
    })
  }
  rows.sort((a, b) => a.employerName.localeCompare(b.employerName, 'zh-Hans-CN') || b.hours - a.hours)
  let file: PartyReportView['file'] = null
  if (input.format === 'xlsx') {
    const community = await getCommunity(db, input.communityId)
    const sheet = xlsx(`${input.year}年双报告`, [
      [
        '姓名',
        '工作单位',
        '所在支部',
        '党员类型',
        '服务时长（小时）',
        '参加活动（次）',
        '完成微心愿（个）',
        '居民平均评分',
        '结对走访（次）',
        '微承诺',
        '承诺兑现',
      ],
      ...rows.map((x) => [
        x.name,
        x.employerName,
        x.branch,
        x.memberType,
        x.hours,
        x.activities,
        x.wishesFulfilled,
        x.averageRating,
        x.visits,
        x.pledge,
        x.pledgeKept,
      ]),
    ])
    file = { name: `${community?.name ?? '社区'}-${input.year}年在职党员双报告.xlsx`, base64: sheet.toString('base64') }
  }
  return { year: input.year, rows, file }
}

export default defineAction({ name: 'party.report', input: PartyReportInput, access: SECRETARY, writes: false, handler: report })

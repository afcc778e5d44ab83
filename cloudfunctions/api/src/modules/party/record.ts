/**
 * 活动记录卡 and 双报告: outcomes, not headcounts.
 * party.record — a member's record (their own, or any member's for the secretary): registrations, pledge,
 *   posts, pair visits, activities with confirmed hours, wishes fulfilled with residents' ratings.
 * party.report (secretary) — the yearly report per member for employer units, as rows and optionally an
 *   .xlsx file (base64) to send to the unit.
 * party.coverage (street admin) — verified registrations per 100 households per community, flagging
 *   empty, thin and crowded communities (扎堆 / 空白).
 */
import type { z } from 'zod'
import type { Community, User } from '../../../../../types/org'
import type {
  Activity, CoverageInput, CoverageView, MemberRecord, Pair, PartyRecordInput, PartyReportInput, PartyReportView, Post, Registration, ReportRow, Signup, Visit,
} from '../../../../../types/party'
import type { Wish } from '../../../../../types/wish'
import type { UserCtx } from '../../platform/context'
import { findMany, getById, type Db } from '../../platform/db'
import { forbidden, notFound } from '../../platform/errors'
import { xlsx } from '../../platform/xlsx'
import { C, findAll, getCommunity, getMany } from '../org/repo'
import { holdsRole } from '../org/rules'
import { registrationView } from './registration'
import { PT } from './repo'
import { coverageFlag } from './rules'
import { chinaYear } from '../../platform/chinaTime'

/** Whether a moment falls in `year` (null: any year) on the Chinese calendar: 12-31 20:00 UTC is already next year. */
const inYear = (d: Date | null, year: number | null) => !!d && (year === null || chinaYear(new Date(d)) === year)

/**
 * One member's outcomes in one community. `own`: the member themselves sees their registrations in every
 * community; anyone else (the secretary) sees only this community's. `views: false` skips the registration
 * views (the yearly report does not show them).
 */
async function recordOf(db: Db, user: User, communityId: string, year: number | null, opts: { own: boolean; views: boolean }): Promise<MemberRecord> {
  const [allRegs, posts, pairs, signups, wishes, visitLog] = await Promise.all([
    findMany<Registration>(db, PT.registrations, { userId: user._id }, { limit: 50 }),
    findMany<Post>(db, PT.posts, { communityId, holders: user._id }, { limit: 100 }),
    findMany<Pair>(db, PT.pairs, { memberId: user._id, communityId }, { limit: 100 }),
    findAll<Signup>(db, PT.signups, { userId: user._id, communityId }, 2000),
    findAll<Wish>(db, 'wishes', { communityId, claimerId: user._id }, 2000),
    findAll<Visit>(db, PT.visits, { memberId: user._id, communityId }, 5000),
  ])
  const regs = opts.own ? allRegs : allRegs.filter((r) => r.communityId === communityId)
  const acts = await getMany<Activity>(db, PT.activities, signups.map((s) => s.activityId))
  const activities = signups
    .filter((s) => s.status !== 'withdrawn')
    .map((s) => ({ s, a: acts.get(s.activityId) }))
    .filter((x): x is { s: Signup; a: Activity } => !!x.a && inYear(x.a.startAt, year))
    .map(({ s, a }) => ({ id: a._id, title: a.title, startAt: new Date(a.startAt).toISOString(), hours: s.hours, confirmedHours: s.confirmedHours, status: s.status }))
  const done = wishes.filter((w) => (w.status === 'closed' || w.status === 'fulfilled') && inYear(w.fulfilledAt, year))
  const rated = done.filter((w) => w.rating)
  const current = regs.find((r) => r.activeKey === user._id && r.communityId === communityId)
  const visits = visitLog.filter((v) => inYear(v.at, year)).length
  return {
    userId: user._id,
    name: user.realName || user.nickname,
    year,
    registrations: opts.views ? await Promise.all(regs.map((r) => registrationView(db, r))) : [],
    posts: posts.map((p) => p.title),
    pairs: pairs.filter((p) => p.active).length,
    visits,
    activities,
    totalHours: activities.reduce((n, a) => n + (a.confirmedHours ?? 0), 0),
    wishesFulfilled: done.length,
    averageRating: rated.length ? Math.round((rated.reduce((n, w) => n + w.rating!.stars, 0) / rated.length) * 10) / 10 : null,
    pledgeKept: current ? current.pledge.done : null,
  }
}

export async function record(ctx: UserCtx, input: z.output<typeof PartyRecordInput>): Promise<MemberRecord> {
  const targetId = input.userId ?? ctx.user._id
  if (targetId !== ctx.user._id) {
    const c = await getCommunity(ctx.db, input.communityId)
    if (!c || !holdsRole(ctx.user, c, ['secretary', 'street_admin'])) throw forbidden('只能查看自己的记录')
  }
  const own = targetId === ctx.user._id
  const user = own ? ctx.user : await getById<User>(ctx.db, C.users, targetId)
  if (!user) throw notFound('这位党员')
  // The secretary reads the records of those who registered in their community, nobody else's.
  if (!own && (await findMany<Registration>(ctx.db, PT.registrations, { userId: user._id, communityId: input.communityId }, { limit: 1 })).length === 0) throw notFound('这位党员')
  return recordOf(ctx.db, user, input.communityId, input.year ?? null, { own, views: true })
}

export async function report(ctx: UserCtx, input: z.output<typeof PartyReportInput>): Promise<PartyReportView> {
  const { db } = ctx
  const filter: Record<string, unknown> = { communityId: input.communityId, status: 'verified' }
  if (input.employerUnitId) filter.employerUnitId = input.employerUnitId
  const regs = await findAll<Registration>(db, PT.registrations, filter, 5000)
  const users = await getMany<User>(db, C.users, regs.map((r) => r.userId))
  const rows: ReportRow[] = []
  for (const r of regs) {
    const u = users.get(r.userId)
    if (!u) continue
    const rec = await recordOf(db, u, input.communityId, input.year, { own: false, views: false })
    rows.push({
      userId: u._id, name: r.name, employerName: r.employerName, branch: r.branch, memberType: r.memberType, hours: rec.totalHours,
      activities: rec.activities.filter((a) => a.status === 'checked_out').length, wishesFulfilled: rec.wishesFulfilled,
      averageRating: rec.averageRating, visits: rec.visits, pledge: r.pledge.text, pledgeKept: r.pledge.done,
    })
  }
  rows.sort((a, b) => a.employerName.localeCompare(b.employerName, 'zh-Hans-CN') || b.hours - a.hours)
  let file: PartyReportView['file'] = null
  if (input.format === 'xlsx') {
    const community = await getCommunity(db, input.communityId)
    const sheet = xlsx(`${input.year}年双报告`, [
      ['姓名', '工作单位', '所在支部', '党员类型', '服务时长（小时）', '参加活动（次）', '完成微心愿（个）', '居民平均评分', '结对走访（次）', '微承诺', '承诺兑现'],
      ...rows.map((x) => [x.name, x.employerName, x.branch, x.memberType, x.hours, x.activities, x.wishesFulfilled, x.averageRating, x.visits, x.pledge, x.pledgeKept]),
    ])
    file = { name: `${community?.name ?? '社区'}-${input.year}年在职党员双报告.xlsx`, base64: sheet.toString('base64') }
  }
  return { year: input.year, rows, file }
}

export async function coverage(ctx: UserCtx, input: z.output<typeof CoverageInput>): Promise<CoverageView> {
  const { db } = ctx
  if (!ctx.user.roles.some((g) => g.role === 'street_admin' && g.communityId === input.streetId)) throw forbidden('只有街道管理员可以查看')
  const communities = await findAll<Community>(db, C.communities, { streetId: input.streetId })
  const rows = await Promise.all(
    communities.map(async (c) => {
      const regs = await findAll<Registration>(db, PT.registrations, { communityId: c._id }, 20000)
      const verified = regs.filter((r) => r.status === 'verified').length
      const pending = regs.filter((r) => r.status === 'pending').length
      const perHundredHouseholds = c.householdCount ? Math.round((verified / c.householdCount) * 1000) / 10 : 0
      return { communityId: c._id, name: c.name, households: c.householdCount, verified, pending, perHundredHouseholds }
    }),
  )
  const sorted = rows.map((r) => r.perHundredHouseholds).sort((a, b) => a - b)
  const median = sorted.length ? (sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2) : 0
  return { streetId: input.streetId, median, communities: rows.map((r) => ({ ...r, flag: coverageFlag(r.perHundredHouseholds, median) })) }
}


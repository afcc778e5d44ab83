/**
 * party.report (secretary) — the yearly report (双报告) per verified member for their employer units, a page
 * of members at a time (json), or every member as an .xlsx file (base64) to send to the unit. Optionally one
 * employer unit's members.
 * Outcomes: { year, rows, nextCursor, complete, file }; INVALID_INPUT for a cursor that is not a registration.
 *
 * A page costs the same whatever the number of members and however much they did (issue 15): the page of
 * registrations (index community_status_id or community_status_unit_id), their people by id, and three
 * indexed aggregations grouped by member over the page's members — wishes fulfilled with their ratings,
 * visits, and confirmed hours and completed activities (the activity's own year, through $lookup on the
 * activity id) — seven round trips with the caller's profile. The export runs those pages one after another
 * within half the function's time; if a street ever outgrows that, it answers what it has with
 * complete: false and the cursor to carry on, and the file's name says it is part of the list.
 */
import type { User } from '../../../../../types/org'
import { PartyReportInput, type PartyReportView, type Registration, type ReportRow } from '../../../../../types/party'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import { chinaDayStart } from '../../platform/chinaTime'
import type { UserCtx } from '../../platform/context'
import { findMany, type Db } from '../../platform/db'
import { invalid } from '../../platform/errors'
import { limits } from '../../platform/limits'
import { xlsx } from '../../platform/xlsx'
import { C, getCommunity, getMany } from '../org/repo'
import { PT } from './repo'

/** Members a page (the database answers at most 100 documents a read). */
export const REPORT_PAGE = 100

type Sums = Map<string, Record<string, number>>
type Pipeline = ReturnType<ReturnType<Db['collection']>['aggregate']>

/** Runs an aggregation grouped by `key` (one group per member of the page). */
async function groupBy(pipeline: Pipeline, key: string, fields: Record<string, unknown>): Promise<Sums> {
  const res = (await pipeline
    .group({ _id: `$${key}`, ...fields })
    .limit(REPORT_PAGE + 1)
    .end()) as { list: ({ _id: string } & Record<string, number>)[] }
  return new Map(res.list.map(({ _id, ...rest }) => [_id, rest]))
}

/** The report's rows for a page of registrations: a fixed number of round trips, whatever the page holds. */
async function rowsOf(db: Db, communityId: string, year: number, regs: Registration[]): Promise<ReportRow[]> {
  if (!regs.length) return []
  const _ = db.command
  const $ = _.aggregate
  const ids = regs.map((r) => r.userId)
  const from = chinaDayStart(`${year}-01-01`)
  const to = chinaDayStart(`${year + 1}-01-01`)
  const inYear = _.gte(from).and(_.lt(to))
  const [users, wishes, visits, hours] = await Promise.all([
    getMany<User>(db, C.users, ids),
    // wishes the member fulfilled this year (closed or awaiting the wisher's confirmation), with their stars
    // (the status is checked in a second stage, so the first is served by the claimer index, community_claimer_id)
    groupBy(
      db
        .collection('wishes')
        .aggregate()
        .match({ communityId, claimerId: _.in(ids), fulfilledAt: inYear })
        .match({ status: _.in(['fulfilled', 'closed']) }),
      'claimerId',
      {
        n: $.sum(1),
        stars: $.sum($.ifNull(['$rating.stars', 0])),
        rated: $.sum($.cond([$.gt([$.ifNull(['$rating.stars', 0]), 0]), 1, 0])),
      },
    ),
    groupBy(
      db
        .collection(PT.visits)
        .aggregate()
        .match({ memberId: _.in(ids), communityId, at: inYear }),
      'memberId',
      { n: $.sum(1) },
    ),
    // sign-ups of activities held this year (the activity's start, as the record card counts them)
    groupBy(
      db
        .collection(PT.signups)
        .aggregate()
        .match({ userId: _.in(ids), communityId, status: _.neq('withdrawn') })
        .lookup({ from: PT.activities, localField: 'activityId', foreignField: '_id', as: 'a' })
        .project({ userId: 1, status: 1, confirmedHours: 1, startAt: $.arrayElemAt(['$a.startAt', 0]) })
        .match({ startAt: inYear }),
      'userId',
      { hours: $.sum($.ifNull(['$confirmedHours', 0])), done: $.sum($.cond([$.eq(['$status', 'checked_out']), 1, 0])) },
    ),
  ])
  const rows: ReportRow[] = []
  for (const r of regs) {
    const u = users.get(r.userId)
    if (!u) continue
    const w = wishes.get(u._id)
    rows.push({
      userId: u._id,
      name: r.name,
      employerName: r.employerName,
      branch: r.branch,
      memberType: r.memberType,
      hours: hours.get(u._id)?.hours ?? 0,
      activities: hours.get(u._id)?.done ?? 0,
      wishesFulfilled: w?.n ?? 0,
      averageRating: w?.rated ? Math.round((w.stars / w.rated) * 10) / 10 : null,
      visits: visits.get(u._id)?.n ?? 0,
      pledge: r.pledge.text,
      pledgeKept: r.pledge.done,
    })
  }
  return rows
}

/** One page of the community's verified registrations after `cursor`, by _id. */
async function regPage(db: Db, input: ActionInput<'party.report'>, cursor: string | null) {
  const filter: Record<string, unknown> = { communityId: input.communityId, status: 'verified' }
  if (input.employerUnitId) filter.employerUnitId = input.employerUnitId
  if (cursor) filter._id = db.command.gt(cursor)
  const docs = await findMany<Registration>(db, PT.registrations, filter, { orderBy: [['_id', 'asc']], limit: REPORT_PAGE })
  // a full page may have more after it; the next read answers an empty page then
  return { regs: docs, next: docs.length === REPORT_PAGE ? docs[docs.length - 1]._id : null }
}

const byUnitThenHours = (a: ReportRow, b: ReportRow) => a.employerName.localeCompare(b.employerName, 'zh-Hans-CN') || b.hours - a.hours

async function report(ctx: UserCtx, input: ActionInput<'party.report'>): Promise<PartyReportView> {
  const { db } = ctx
  if (input.cursor !== undefined && !/^[\w-]{1,64}$/.test(input.cursor)) throw invalid('翻页参数不正确，请刷新后重试')
  if (input.format !== 'xlsx') {
    const { regs, next } = await regPage(db, input, input.cursor ?? null)
    const rows = (await rowsOf(db, input.communityId, input.year, regs)).sort(byUnitThenHours)
    return { year: input.year, rows, nextCursor: next, complete: next === null, file: null }
  }
  const started = Date.now()
  const rows: ReportRow[] = []
  let cursor: string | null = input.cursor ?? null
  do {
    const page = await regPage(db, input, cursor)
    rows.push(...(await rowsOf(db, input.communityId, input.year, page.regs)))
    cursor = page.next
  } while (cursor && Date.now() - started < limits.timeoutMs / 2)
  rows.sort(byUnitThenHours)
  const complete = cursor === null
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
  const name = `${community?.name ?? '社区'}-${input.year}年在职党员双报告${complete ? '' : `（前 ${rows.length} 位）`}.xlsx`
  return { year: input.year, rows, nextCursor: cursor, complete, file: { name, base64: sheet.toString('base64') } }
}

export default defineAction({ name: 'party.report', input: PartyReportInput, access: SECRETARY, writes: false, handler: report })

/**
 * party.report at a community's size (issue 15): pages of members that together list every verified member
 * once with the right figures, an export that holds them all, and a member's report row that says what their
 * record card says.
 */
import * as XLSX from 'xlsx'
import { codeOf, openTestCloud, type TestCloud } from '../support/cloud'
import { P, T, seedFixtures } from '../support/fixtures'
import { activityDocs, memberDocs, memberId } from '../../bench/scale-party'
import type { PartyReportView } from '../../types/party'

let tc: TestCloud
const sec = P.secretary.openid
const c = T.c1
const N = 250

beforeAll(async () => {
  tc = await openTestCloud()
  await seedFixtures(tc.engine)
  await tc.engine.insertMany('activities', activityDocs(0, 20))
  // one activity of another year: its hours are not this year's
  await tc.engine.insertMany(
    'activities',
    activityDocs(0, 1, Date.UTC(2025, 5, 1)).map((a) => ({ ...a, _id: 'a-old' })),
  )
  for (const [coll, docs] of Object.entries(memberDocs(0, N))) await tc.engine.insertMany(coll, docs)
  const at = new Date(Date.UTC(2025, 5, 1))
  await tc.engine.insertMany('activity_signups', [
    {
      _id: `a-old_${memberId(1)}`,
      activityId: 'a-old',
      communityId: c,
      userId: memberId(1),
      status: 'checked_out',
      signedAt: at,
      checkinAt: at,
      checkoutAt: at,
      hours: 5,
      confirmedHours: 5,
      correction: null,
      confirmedAt: at,
    },
  ])
})
afterAll(async () => {
  await tc.close()
})

const want = (i: number) => ({
  hours: i % 3 === 0 ? 2 : 0,
  activities: i % 3 === 0 ? 1 : 0,
  visits: i % 10 === 0 ? 1 : 0,
  wishesFulfilled: i % 7 === 0 ? 1 : 0,
  averageRating: i % 7 === 0 ? 4 : null,
  pledgeKept: i % 4 === 0,
})

test('json pages of 100 list every verified member once, each with their figures for the year', async () => {
  const seen = new Map<string, PartyReportView['rows'][number]>()
  let cursor: string | undefined
  const sizes: number[] = []
  for (;;) {
    const page: PartyReportView = await tc.ok(sec, 'party.report', { communityId: c, year: 2026, format: 'json', ...(cursor ? { cursor } : {}) })
    sizes.push(page.rows.length)
    expect(page.file).toBeNull()
    for (const r of page.rows) {
      expect(seen.has(r.userId)).toBe(false)
      seen.set(r.userId, r)
    }
    expect(page.complete).toBe(page.nextCursor === null)
    if (!page.nextCursor) break
    cursor = page.nextCursor
  }
  // the fixtures' own verified member (P.member, if verified) may be listed too: count ours
  const ours = [...seen.values()].filter((r) => r.userId.startsWith('u-m-'))
  expect(ours).toHaveLength(N)
  expect(sizes.slice(0, 2)).toEqual([100, 100])
  for (const r of ours) expect(r).toMatchObject(want(parseInt(r.userId.slice(4), 16)))
  // another year: none of this year's figures
  const before = await tc.ok(sec, 'party.report', { communityId: c, year: 2025, format: 'json' })
  expect(before.rows.find((r) => r.userId === memberId(1))).toMatchObject({ hours: 5, activities: 1, visits: 0, wishesFulfilled: 0 })
  expect(before.rows.find((r) => r.userId === memberId(3))).toMatchObject({ hours: 0, activities: 0 })
})

test('the xlsx export holds every member (complete), by unit then hours; a row says what the record card says', async () => {
  const rep: PartyReportView = await tc.ok(sec, 'party.report', { communityId: c, year: 2026, format: 'xlsx' })
  expect(rep.complete).toBe(true)
  expect(rep.nextCursor).toBeNull()
  expect(rep.rows.filter((r) => r.userId.startsWith('u-m-'))).toHaveLength(N)
  const wb = XLSX.read(Buffer.from(rep.file!.base64, 'base64'))
  const sheet = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]], { header: 1 })
  expect(sheet.length - 1).toBe(rep.rows.length)
  expect(rep.file!.name).not.toContain('前')
  const units = rep.rows.map((r) => r.employerName)
  expect(units).toEqual([...units].sort((a, b) => a.localeCompare(b, 'zh-Hans-CN')))

  const rec = await tc.ok(sec, 'party.record', { communityId: c, userId: memberId(42), year: 2026 })
  const row = rep.rows.find((r) => r.userId === memberId(42))!
  expect({ hours: row.hours, wishes: row.wishesFulfilled, rating: row.averageRating, visits: row.visits }).toEqual({
    hours: rec.totalHours,
    wishes: rec.wishesFulfilled,
    rating: rec.averageRating,
    visits: rec.visits,
  })
  expect(rec).toMatchObject({ totalHours: 2, wishesFulfilled: 1, averageRating: 4, visits: 0 })
})

test('a cursor that is not a registration id is refused', async () => {
  expect(codeOf(await tc.call(sec, 'party.report', { communityId: c, year: 2026, cursor: '{"$gt":""}' }))).toBe('INVALID_INPUT')
})

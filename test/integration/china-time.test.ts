/**
 * The calendar is China's, whatever the server's zone (`npm run test:tz` runs this under UTC, Asia/Shanghai
 * and Pacific/Kiritimati). The clock is moved through main() (tc.setNow: context.clock) to the last minute of
 * a China month — 2026-11-30T15:59Z is 23:59 on 30 November in Shanghai, 16:00Z is 00:00 on 1 December —
 * and of a China year (2026-12-31T16:00Z is 2027 there): daily and monthly caps, the monthly report, points
 * expiry, the day-before activity reminders, the times in subscribe messages, a wish's wished-by day and the
 * record's years all turn over at China midnight, not UTC midnight.
 */
import { runAsCaller } from '../../local/cloud'
import { codeOf, openTestCloud, type TestCloud } from '../support/cloud'
import { P, T, seedFixtures } from '../support/fixtures'
import { ledgerProblems } from '../support/ledger'

let tc: TestCloud
const sec = P.secretary.openid
const res = P.resident.openid
const pm = P.member.openid
const c = T.c1
let n = 0
const k = () => `tz-key-${++n}`

beforeAll(async () => {
  tc = await openTestCloud()
})
afterEach(() => tc.resetClock())
afterAll(async () => {
  await tc.close()
})

/** Fixtures made a year before the story, a funded sponsor, wishes approved automatically. */
async function setup() {
  tc.setNow('2025-11-01T00:00:00Z')
  await seedFixtures(tc.engine, new Date('2025-11-01T00:00:00Z'))
  tc.resetLimits()
  await tc.ok(sec, 'wish.setSettings', { communityId: c, categories: ['生活帮扶'], autoApprove: true, autoCloseDays: 7, overdueDays: 7 })
  const [s] = await tc.ok(sec, 'points.setSponsor', { communityId: c, name: '青山区税务局', warnBelow: 0 })
  await tc.ok(sec, 'points.fundSponsor', { communityId: c, sponsorId: s.id, amount: 10000, note: '经费', requestKey: k() })
}

const at = (iso: string) => {
  tc.setNow(iso)
  tc.resetLimits()
}
const tick = async () => {
  const r = await tc.raw(null, { Type: 'Timer', TriggerName: 'hourly' })
  if (!r.ok) throw new Error('timer failed')
  return r.data as Record<string, Record<string, number>>
}
const balanceOf = async (openid: string) => (await tc.ok(openid, 'points.balance', { communityId: c })).balance

/** A wish claimed and fulfilled by the party member, waiting for the resident's confirmation. */
async function fulfilledWish(title: string) {
  const w = await tc.ok(res, 'wish.create', { communityId: c, title, description: '请帮忙', category: '生活帮扶', buildingId: T.b1 })
  await tc.ok(pm, 'wish.claim', { communityId: c, wishId: w.id })
  await tc.ok(pm, 'wish.fulfil', { communityId: c, wishId: w.id, proof: '已完成' })
  return w
}
/** The points the member earned by the resident's confirmation now. */
async function confirmNow(wishId: string) {
  const before = await balanceOf(pm)
  await tc.ok(res, 'wish.confirm', { communityId: c, wishId, stars: 5, thanks: '' })
  return (await balanceOf(pm)) - before
}

describe('caps', () => {
  test('a daily cap resets at China midnight, not UTC midnight; the monthly cap with the China month', async () => {
    await setup()
    await tc.ok(sec, 'points.setRule', { communityId: c, kind: 'wish_fulfilled', points: 20, dailyCap: 35, monthlyCap: 50, active: true })
    at('2026-11-29T04:00:00Z') // 29 Nov 12:00 in Shanghai
    const ws = []
    for (let i = 0; i < 5; i++) ws.push(await fulfilledWish(`心愿 ${i}`))
    expect(await confirmNow(ws[0].id)).toBe(20) // month 20
    at('2026-11-30T15:58:00Z') // 30 Nov 23:58
    expect(await confirmNow(ws[1].id)).toBe(20) // day 20, month 40
    at('2026-11-30T15:59:00Z') // 30 Nov 23:59: the month has 10 left (the day 15)
    expect(await confirmNow(ws[2].id)).toBe(10)
    at('2026-11-30T16:00:00Z') // 1 Dec 00:00 in Shanghai, still 30 Nov in UTC: a new day and a new month
    expect(await confirmNow(ws[3].id)).toBe(20)
    at('2026-11-30T16:01:00Z') // the same China day: 15 left of 35
    expect(await confirmNow(ws[4].id)).toBe(15)
    const counters = (await tc.engine.find('point_caps', {})).map((x) => String(x._id).split('_').pop()).sort()
    expect(counters).toEqual(['202611', '20261129', '20261130', '202612', '20261201'])
    expect(await ledgerProblems(tc.engine)).toEqual([])
  })
})

describe('the monthly report', () => {
  test('entries fall in their China month: the last UTC hours of November are December, those of December the next year', async () => {
    await setup()
    const grant = (amount: number) => tc.ok(sec, 'points.grant', { communityId: c, userId: P.resident.id, amount, reason: '志愿服务', requestKey: k() })
    at('2026-11-30T15:59:00Z')
    await grant(1)
    at('2026-11-30T16:00:00Z')
    await grant(10)
    at('2026-12-31T15:59:00Z')
    await grant(100)
    at('2026-12-31T16:00:00Z') // 2027-01-01 00:00 in Shanghai
    await grant(1000)
    const report = await tc.ok(sec, 'points.report', { communityId: c, months: 3 })
    expect(report.months.map((m) => [m.month, m.issued])).toEqual([
      ['2026-11', 1],
      ['2026-12', 110],
      ['2027-01', 1000],
    ])
    // A minute before the China year turns, the report ends with December.
    at('2026-12-31T15:59:30Z')
    expect((await tc.ok(sec, 'points.report', { communityId: c, months: 2 })).months.map((m) => m.month)).toEqual(['2026-11', '2026-12'])
  })
})

describe('expiry', () => {
  test('points earned on a China day expire at 00:00 Shanghai of that day N months on; the warning names that day and amount', async () => {
    await setup()
    await tc.ok(sec, 'points.setExpiry', { communityId: c, expireMonths: 12 })
    const grant = (amount: number) => tc.ok(sec, 'points.grant', { communityId: c, userId: P.resident.id, amount, reason: '志愿服务', requestKey: k() })
    at('2025-12-01T03:00:00Z') // 1 Dec 2025 11:00
    await grant(50)
    at('2025-12-01T16:30:00Z') // 2 Dec 2025 00:30 in Shanghai (1 Dec in UTC)
    await grant(30)
    at('2026-11-20T04:00:00Z')
    expect((await tc.ok(res, 'points.balance', { communityId: c })).expiring).toEqual({ amount: 50, on: '2026-12-01' })
    at('2026-11-30T15:59:00Z') // 30 Nov 23:59: nothing yet
    expect((await tick())['points.expire']).toEqual({ expired: 0, accounts: 0 })
    expect(await balanceOf(res)).toBe(80)
    at('2026-11-30T16:00:00Z') // 1 Dec 00:00: the 50 of 1 Dec 2025 go; the 30 earned a day later (China) stay
    expect((await tick())['points.expire']).toEqual({ expired: 50, accounts: 1 })
    expect(await balanceOf(res)).toBe(30)
    expect((await tc.ok(res, 'points.balance', { communityId: c })).expiring).toEqual({ amount: 30, on: '2026-12-02' })
    at('2026-11-30T17:00:00Z') // the same China day: one expiry transfer per account per day
    expect((await tick())['points.expire']).toEqual({ expired: 0, accounts: 0 })
    at('2026-12-01T15:59:00Z')
    expect((await tick())['points.expire']).toEqual({ expired: 0, accounts: 0 })
    at('2026-12-01T16:00:00Z')
    expect((await tick())['points.expire']).toEqual({ expired: 30, accounts: 1 })
    expect(await balanceOf(res)).toBe(0)
    const expired = (await tc.engine.find('point_transfers', { kind: 'expire' })).map((t) => t.key).sort()
    expect(expired).toEqual([`expire:pa_${c}_${P.resident.id}:2026-12-01`, `expire:pa_${c}_${P.resident.id}:2026-12-02`])
    // The report counts them in December (China), though the first went at 16:00 UTC on 30 November.
    expect((await tc.ok(sec, 'points.report', { communityId: c, months: 2 })).months.map((m) => [m.month, m.expired])).toEqual([
      ['2026-11', 0],
      ['2026-12', 80],
    ])
    expect(await ledgerProblems(tc.engine)).toEqual([])
  })
})

describe('activity reminders', () => {
  test('the day before in China time: from 08:00 Shanghai on the day before, once, with the China start time', async () => {
    await setup()
    at('2026-11-28T02:00:00Z')
    const activity = (title: string, startAt: string) =>
      tc.ok(sec, 'activity.upsert', {
        communityId: c,
        title,
        description: '',
        place: '1栋门口',
        capacity: 10,
        pointsPerHour: 10,
        startAt,
        endAt: new Date(new Date(startAt).getTime() + 2 * 3_600_000).toISOString(),
      })
    const early = await activity('义诊', '2026-12-01T01:00:00Z') // 1 Dec 09:00 in Shanghai
    const later = await activity('垃圾分类宣传', '2026-12-02T02:00:00Z') // 2 Dec 10:00
    // Each sign-up's tap asks for the reminder; one acceptance allows one message (WeChat's 43101 rule).
    await tc.ok(pm, 'org.subscribed', { templates: ['reminder'] })
    await tc.ok(pm, 'activity.signUp', { communityId: c, activityId: early.id })
    await tc.ok(pm, 'org.subscribed', { templates: ['reminder'] })
    await tc.ok(pm, 'activity.signUp', { communityId: c, activityId: later.id })
    const reminders = async () =>
      (await tc.engine.find('outbox', { templateId: 'local-tpl-reminder' })).map((m) => [
        m.data.thing1.value,
        m.data.thing2.value,
        new Date(m.at).toISOString(),
      ])

    at('2026-11-29T23:59:00Z') // 30 Nov 07:59: the day before 义诊, too early in the morning
    expect((await tick())['activity.remind']).toEqual({ reminded: 0 })
    at('2026-11-30T00:00:00Z') // 30 Nov 08:00
    expect((await tick())['activity.remind']).toEqual({ reminded: 1 })
    at('2026-11-30T15:59:00Z') // 30 Nov 23:59: 垃圾分类宣传 is the day after tomorrow
    expect((await tick())['activity.remind']).toEqual({ reminded: 0 })
    at('2026-11-30T16:00:00Z') // 1 Dec 00:00: it is tomorrow now, but nobody is woken at midnight
    expect((await tick())['activity.remind']).toEqual({ reminded: 0 })
    at('2026-12-01T00:00:00Z') // 1 Dec 08:00 in Shanghai (00:00 UTC: a UTC calendar would still wait)
    expect((await tick())['activity.remind']).toEqual({ reminded: 1 })
    at('2026-12-01T01:00:00Z')
    expect((await tick())['activity.remind']).toEqual({ reminded: 0 })
    expect(await reminders()).toEqual([
      ['活动提醒：义诊', '12月1日 09:00 1栋门口', expect.stringMatching(/^2026-11-30T00:00/)],
      ['活动提醒：垃圾分类宣传', '12月2日 10:00 1栋门口', expect.stringMatching(/^2026-12-01T00:00/)],
    ])
  })

  test('signed up on the day itself: reminded at the next tick, before it starts', async () => {
    await setup()
    at('2026-11-30T16:30:00Z') // 1 Dec 00:30
    const a = await tc.ok(sec, 'activity.upsert', {
      communityId: c,
      title: '早锻炼',
      description: '',
      place: '广场',
      capacity: 10,
      pointsPerHour: 0,
      startAt: '2026-11-30T22:30:00Z',
      endAt: '2026-11-30T23:30:00Z', // 1 Dec 06:30–07:30
    })
    await tc.ok(pm, 'activity.signUp', { communityId: c, activityId: a.id })
    at('2026-11-30T17:00:00Z')
    expect((await tick())['activity.remind']).toEqual({ reminded: 1 })
    at('2026-11-30T22:30:00Z') // started: no more reminders
    expect((await tick())['activity.remind']).toEqual({ reminded: 0 })
  })
})

describe('wishes', () => {
  test('message times are China wall-clock times; the wished-by day is a China day', async () => {
    await setup()
    at('2026-11-30T16:00:00Z') // 1 Dec 00:00 in Shanghai, 30 Nov in UTC
    const late = await tc.call(res, 'wish.create', {
      communityId: c,
      title: '想请人帮忙换灯泡',
      description: '厨房灯坏了',
      category: '生活帮扶',
      buildingId: T.b1,
      wishedBy: '2026-11-30',
    })
    expect(codeOf(late)).toBe('INVALID_INPUT')
    expect(
      codeOf(
        await tc.call(res, 'wish.create', {
          communityId: c,
          title: '换灯泡',
          description: '厨房灯坏了',
          category: '生活帮扶',
          buildingId: T.b1,
          wishedBy: '2026-02-30',
        }),
      ),
    ).toBe('INVALID_INPUT')
    const w = await tc.ok(res, 'wish.create', {
      communityId: c,
      title: '想请人帮忙换灯泡',
      description: '厨房灯坏了',
      category: '生活帮扶',
      buildingId: T.b1,
      wishedBy: '2026-12-01',
    })
    expect(w.wishedBy).toBe('2026-12-01')
    expect((await tc.engine.find('wishes', { _id: w.id }))[0].wishedBy).toEqual(new Date('2026-12-01T15:59:59Z'))
    await tc.ok(res, 'org.subscribed', { templates: ['wishClaimed', 'wishFulfilled'] })
    await tc.ok(pm, 'wish.claim', { communityId: c, wishId: w.id })
    at('2026-12-31T16:05:00Z')
    await tc.ok(pm, 'wish.fulfil', { communityId: c, wishId: w.id, proof: '换好了' })
    const times = (await tc.engine.find('outbox', {})).map((m) => [m.templateId, m.data.time3.value])
    expect(times).toEqual([
      ['local-tpl-wish-claimed', '2026年12月1日 00:00'],
      ['local-tpl-wish-fulfilled', '2027年1月1日 00:05'],
    ])
  })
})

describe('the record', () => {
  test("a year is China's: a visit at 16:00 UTC on 31 December counts in the next year", async () => {
    await setup()
    const code = await tc.ok(sec, 'party.registerCode', { communityId: c })
    const reg = await tc.ok(pm, 'party.register', {
      communityId: c,
      scene: code.scene,
      name: '周志刚',
      employerUnitId: 'pu-1',
      employerName: '青山区税务局',
      branch: '税务局第一党支部',
      memberType: '在职',
      homeCompoundId: T.compound1,
      homeBuildingId: T.b2,
      skills: [],
      pledge: '每月为楼里老人义务修一次电器',
    })
    await tc.ok(sec, 'party.review', { communityId: c, registrationId: reg.id, approve: true })
    await tc.ok(sec, 'pair.assign', { communityId: c, memberId: P.member.id, householdId: T.h2, needs: [], active: true })
    at('2026-12-31T15:59:00Z')
    await tc.ok(pm, 'pair.logVisit', { communityId: c, householdId: T.h2, note: '年末走访' })
    at('2026-12-31T16:00:00Z')
    await tc.ok(pm, 'pair.logVisit', { communityId: c, householdId: T.h2, note: '新年走访' })
    await tc.ok(pm, 'pair.logVisit', { communityId: c, householdId: T.h2, note: '新年第二次' })
    expect((await tc.ok(pm, 'party.record', { communityId: c, year: 2026 })).visits).toBe(1)
    expect((await tc.ok(pm, 'party.record', { communityId: c, year: 2027 })).visits).toBe(2)
  })
})

describe('the clock', () => {
  test("only the in-process caller sets it: a client cannot send one, and a timer event's Time is not the time", async () => {
    await setup()
    expect(codeOf(await tc.raw(res, { action: 'org.me', clock: '2030-01-01T00:00:00Z' }))).toBe('INVALID_INPUT')
    await tc.ok(sec, 'points.setExpiry', { communityId: c, expireMonths: 1 })
    await tc.ok(sec, 'points.grant', { communityId: c, userId: P.resident.id, amount: 5, reason: '志愿服务', requestKey: k() })
    const far = await tc.raw(null, { Type: 'Timer', TriggerName: 'hourly', Time: '2030-01-01T00:00:00Z' })
    expect(far.ok && (far.data as Record<string, unknown>)['points.expire']).toEqual({ expired: 0, accounts: 0 })
    // A clock that answers nonsense fails the call instead of running on a wrong time.
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      const bad = await runAsCaller({ OPENID: sec, APPID: 'local' }, () =>
        tc.main({ action: 'points.setExpiry', data: { communityId: c, expireMonths: 2 } }, { clock: () => 'tomorrow' }),
      )
      expect(codeOf(bad)).toBe('INTERNAL')
    } finally {
      quiet.mockRestore()
    }
    expect((await tc.ok(res, 'points.rules', { communityId: c })).expireMonths).toBe(1)
  })
})

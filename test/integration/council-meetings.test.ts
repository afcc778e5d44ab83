/**
 * Council meetings 议事会议 through the real main(): a meeting is an activity carrying `meeting`, so any
 * resident in the council's scope — not only party members and volunteers — signs up and checks in with the
 * activity actions and the rotating code, and attending pays 参与议事 once; people out of scope are told why;
 * ordinary activities keep their rules; minutes attach to the topics discussed; meeting.list pages newest first.
 */
import { codeOf, openTestCloud, type TestCloud } from '../support/cloud'
import { P, T, seedFixtures } from '../support/fixtures'
import { ledgerProblems } from '../support/ledger'
import { PRIVACY_VERSION, type User } from '../../types/org'
import type { ApiResult } from '../../types/common'
import { addDays, chinaDay } from '../../cloudfunctions/api/src/platform/chinaTime'

let tc: TestCloud
const sec = P.secretary.openid
const res = P.resident.openid
const c = T.c1
const HOUR = 3600_000
let n = 0

beforeAll(async () => {
  tc = await openTestCloud()
})
afterEach(() => tc.resetClock())
afterAll(async () => {
  await tc.close()
})

const reasonOf = (r: ApiResult<unknown>) => (r.ok ? null : (r.error.details?.reason ?? null))
const messageOf = (r: ApiResult<unknown>) => (r.ok ? null : r.error.message)

function person(id: string, over: Partial<User> = {}): User {
  const now = tc.now()
  return {
    _id: id,
    openid: `o-${id}`,
    offline: false,
    nickname: `居民${id}`,
    avatarUrl: null,
    realName: null,
    phone: null,
    householdId: `hh-${id}`,
    communityId: c,
    buildingId: T.b1,
    householdStatus: 'pending',
    roles: [],
    proxies: [],
    privacy: { version: PRIVACY_VERSION, at: now },
    elderMode: null,
    birthYear: null,
    createdAt: now,
    updatedAt: now,
    ...over,
  }
}

async function setup(people: User[] = []) {
  await seedFixtures(tc.engine)
  tc.resetLimits()
  if (people.length) await tc.engine.insertMany('users', people)
  await tc.ok(sec, 'points.setRule', { communityId: c, kind: 'council_participation', points: 5, dailyCap: 10, monthlyCap: null, active: true })
  const [s] = await tc.ok(sec, 'points.setSponsor', { communityId: c, name: '青山区税务局', warnBelow: 0 })
  await tc.ok(sec, 'points.fundSponsor', { communityId: c, sponsorId: s.id, amount: 1000, note: '经费', requestKey: `fund-meet-${++n}` })
  const [council] = await tc.ok(sec, 'council.list', { communityId: c })
  const topic = await tc.ok(res, 'topic.create', { communityId: c, title: '楼道加装扶手', description: '老人上下楼不方便，想在楼道加装扶手。' })
  return { council, topic }
}

const meeting = (councilId: string, extra: object = {}) =>
  tc.ok(sec, 'meeting.upsert', {
    communityId: c,
    councilId,
    kind: 'council_day',
    title: '十二月议事日',
    place: '党群服务中心二楼',
    startAt: new Date(tc.now().getTime() + 10 * 60_000).toISOString(),
    endAt: new Date(tc.now().getTime() + 2 * HOUR).toISOString(),
    capacity: 50,
    topicIds: [],
    ...extra,
  })

describe('a council meeting is an activity residents join', () => {
  test('a plain resident signs up and checks in with the rotating code; attending pays 参与议事 once', async () => {
    const { council, topic } = await setup()
    const m = await meeting(council.id, { topicIds: [topic.id] })
    expect(m).toMatchObject({
      councilId: council.id,
      kind: 'council_day',
      signedUp: 0,
      status: 'published',
      minutes: null,
      topics: [{ id: topic.id, title: '楼道加装扶手' }],
    })
    // 王秀英 holds only the resident role: no party member, no volunteer.
    expect(P.resident.roles).toEqual([[c, 'resident']])
    const signed = await tc.ok(res, 'activity.signUp', { communityId: c, activityId: m.id })
    expect(signed.mySignup?.status).toBe('signed')
    const code = await tc.ok(sec, 'activity.checkinCode', { communityId: c, activityId: m.id })
    const checked = await tc.ok(res, 'activity.checkin', { communityId: c, token: code.token })
    expect(checked.mySignup?.status).toBe('checked_in')
    expect(codeOf(await tc.call(res, 'activity.checkin', { communityId: c, token: code.token }))).toBe('CONFLICT')
    expect((await tc.ok(res, 'points.balance', { communityId: c })).balance).toBe(5)
    expect(await tc.engine.count('point_transfers', { key: `council:meeting:${m.id}:${P.resident.id}` })).toBe(1)
    expect(await ledgerProblems(tc.engine)).toEqual([])
    // The 6-digit code works for residents too.
    await tc.ok(P.neighbour.openid, 'activity.signUp', { communityId: c, activityId: m.id })
    const short = await tc.ok(sec, 'activity.checkinCode', { communityId: c, activityId: m.id })
    expect((await tc.ok(P.neighbour.openid, 'activity.checkin', { communityId: c, token: short.shortCode, activityId: m.id })).mySignup?.status).toBe(
      'checked_in',
    )
  })

  test('who may join: the council’s scope (a permit counts), its seats and the secretary; others are told why', async () => {
    const newcomer = person('newcomer')
    const waiting = person('waiting')
    const stranger = person('stranger', { communityId: T.c2, buildingId: T.b3, householdStatus: 'verified', roles: [{ communityId: T.c2, role: 'resident' }] })
    const { council } = await setup([newcomer, waiting, stranger])
    await tc.ok(sec, 'org.setResidency', { communityId: c, userId: newcomer._id, permitExpiresOn: addDays(chinaDay(tc.now()), 200) })
    const m = await meeting(council.id)
    // Not a member of the community (no role), but in the council's scope by the permit.
    expect((await tc.ok(newcomer.openid, 'activity.get', { communityId: c, activityId: m.id })).title).toBe('十二月议事日')
    expect(codeOf(await tc.call(newcomer.openid, 'activity.signUp', { communityId: c, activityId: m.id }))).toBe('OK')
    const w = await tc.call(waiting.openid, 'activity.signUp', { communityId: c, activityId: m.id })
    expect([codeOf(w), reasonOf(w), messageOf(w)]).toEqual(['FORBIDDEN', 'NOT_ELIGIBLE', '您家还未确认住址，确认后就能参与'])
    const s = await tc.call(stranger.openid, 'activity.signUp', { communityId: c, activityId: m.id })
    expect([codeOf(s), reasonOf(s)]).toEqual(['FORBIDDEN', 'NOT_ELIGIBLE'])
    expect(codeOf(await tc.call(sec, 'activity.signUp', { communityId: c, activityId: m.id }))).toBe('OK')
    // The same meeting named under another community does not exist there.
    expect(codeOf(await tc.call(P.otherSecretary.openid, 'activity.signUp', { communityId: T.c2, activityId: m.id }))).toBe('FORBIDDEN')

    // An ordinary activity is still for party members and volunteers only.
    const act = await tc.ok(sec, 'activity.upsert', {
      communityId: c,
      title: '清理楼道杂物',
      description: '周末一起清理楼道',
      place: '1栋',
      startAt: new Date(tc.now().getTime() + HOUR).toISOString(),
      endAt: new Date(tc.now().getTime() + 3 * HOUR).toISOString(),
      capacity: 10,
      pointsPerHour: 10,
    })
    expect(codeOf(await tc.call(res, 'activity.signUp', { communityId: c, activityId: act.id }))).toBe('FORBIDDEN')
    expect(codeOf(await tc.call(newcomer.openid, 'activity.get', { communityId: c, activityId: act.id }))).toBe('FORBIDDEN')
    expect(codeOf(await tc.call(P.member.openid, 'activity.signUp', { communityId: c, activityId: act.id }))).toBe('OK')
  })

  test('minutes attach to the topics discussed, once per change, and the author is told', async () => {
    const { council, topic } = await setup()
    for (let i = 0; i < 3; i++) await tc.ok(res, 'org.subscribed', { templates: ['topicProgress'] })
    const m = await meeting(council.id, { topicIds: [topic.id] })
    const base = {
      communityId: c,
      meetingId: m.id,
      councilId: council.id,
      kind: 'council_day' as const,
      title: m.title,
      place: m.place,
      startAt: m.startAt,
      endAt: m.endAt,
      capacity: 50,
      topicIds: [topic.id],
    }
    const withMinutes = await tc.ok(sec, 'meeting.upsert', { ...base, minutes: '同意加装扶手，由物业报价。' })
    expect(withMinutes.minutes).toBe('同意加装扶手，由物业报价。')
    await tc.ok(sec, 'meeting.upsert', { ...base, capacity: 60 }) // minutes left out: kept, nothing added
    const t = await tc.ok(res, 'topic.get', { communityId: c, topicId: topic.id })
    const entries = t.timeline.filter((e) => e.event === 'meeting')
    expect(entries).toEqual([expect.objectContaining({ to: t.status, note: '议事日「十二月议事日」纪要：同意加装扶手，由物业报价。' })])
    const told = await tc.engine.find('outbox', { templateId: 'local-tpl-topic-progress', touser: res })
    expect(told.at(-1)!.data.thing3).toEqual({ value: '议事日已讨论，纪要已公布' })
    expect(await tc.engine.count('audit_log', { action: 'meeting.upsert' })).toBe(3)
    // Only the secretary arranges meetings; topics must be this community's.
    expect(codeOf(await tc.call(res, 'meeting.upsert', base))).toBe('FORBIDDEN')
    expect(codeOf(await tc.call(sec, 'meeting.upsert', { ...base, meetingId: undefined, topicIds: ['t-nowhere'] }))).toBe('NOT_FOUND')
  })

  test('meeting.list: newest first, paged, by council; ended meetings say so', async () => {
    const { council } = await setup()
    const b = await tc.ok(sec, 'council.upsert', {
      communityId: c,
      name: '1栋议事会',
      scope: 'building',
      buildingId: T.b1,
      settings: { ...council.settings },
    })
    const made = []
    for (let i = 0; i < 5; i++) {
      tc.advance(HOUR)
      made.push(await meeting(i % 2 ? b.id : council.id, { title: `第${i + 1}次议事`, kind: i === 4 ? 'representatives' : 'council_day' }))
    }
    const first = await tc.ok(P.neighbour.openid, 'meeting.list', { communityId: c, limit: 2 })
    expect(first.items.map((x) => x.title)).toEqual(['第5次议事', '第4次议事'])
    const second = await tc.ok(P.neighbour.openid, 'meeting.list', { communityId: c, limit: 2, cursor: first.nextCursor! })
    expect(second.items.map((x) => x.title)).toEqual(['第3次议事', '第2次议事'])
    const last = await tc.ok(P.neighbour.openid, 'meeting.list', { communityId: c, limit: 2, cursor: second.nextCursor! })
    expect([last.items.map((x) => x.title), last.nextCursor]).toEqual([['第1次议事'], null])
    expect((await tc.ok(res, 'meeting.list', { communityId: c, councilId: b.id })).items.map((x) => x.title)).toEqual(['第4次议事', '第2次议事'])
    tc.advance(10 * HOUR)
    expect((await tc.ok(res, 'meeting.list', { communityId: c })).items.map((x) => x.status)).toEqual(Array(5).fill('finished'))
    expect(codeOf(await tc.call(res, 'meeting.list', { communityId: c, cursor: 'nope' }))).toBe('INVALID_INPUT')
    expect(made).toHaveLength(5)
  })

  test('the volunteer activity list leaves meetings to meeting.list, every read of it on an index', async () => {
    const { council } = await setup()
    const at = (min: number) => new Date(tc.now().getTime() + min * 60_000).toISOString()
    const activity = (title: string, from: number, to: number) =>
      tc.ok(sec, 'activity.upsert', {
        communityId: c,
        title,
        description: '一起打扫楼道',
        place: '幸福里小区 1栋',
        capacity: 10,
        pointsPerHour: 10,
        startAt: at(from),
        endAt: at(to),
      })
    // By start (ids sort by it): a volunteer activity, the meeting, another volunteer activity.
    const early = await activity('楼道清洁日', 20, 60)
    const m = await meeting(council.id, { startAt: at(40), endAt: at(120) })
    const late = await activity('垃圾分类宣传', 60, 120)
    const pm = P.member.openid
    for (const id of [early.id, m.id]) await tc.ok(pm, 'activity.signUp', { communityId: c, activityId: id })

    // Every read of activities activity.list makes, with the plan the engine chose for it.
    const engine = tc.engine as unknown as { findDocs: (...args: unknown[]) => unknown; stats: { lastPlan?: string } }
    const findDocs = engine.findDocs
    const plans: string[] = []
    const spy = jest.spyOn(engine, 'findDocs').mockImplementation(function (this: typeof engine, ...args: unknown[]) {
      const out = findDocs.apply(this, args)
      if (this.stats.lastPlan?.startsWith('activities:')) plans.push(this.stats.lastPlan)
      return out
    })
    const page = async (scope: 'upcoming' | 'past' | 'mine', cursor?: string) => {
      const p = await tc.ok(pm, 'activity.list', { communityId: c, scope, limit: 1, ...(cursor ? { cursor } : {}) })
      return { ids: p.items.map((a) => a.id), nextCursor: p.nextCursor }
    }
    try {
      const first = await page('upcoming')
      expect(first).toEqual({ ids: [early.id], nextCursor: early.id })
      expect(await page('upcoming', first.nextCursor!)).toEqual({ ids: [late.id], nextCursor: null })
      expect((await page('mine')).ids).toEqual([early.id])
      tc.advance(3 * 3600_000)
      const past = await page('past')
      expect(past).toEqual({ ids: [late.id], nextCursor: late.id })
      expect(await page('past', past.nextCursor!)).toEqual({ ids: [early.id], nextCursor: null })
    } finally {
      spy.mockRestore()
    }
    // The four pages are ranges of the two indexes (by id, the sign-ups' activities).
    const ranges = plans.filter((p) => !/^activities: IDHACK/.test(p))
    expect(ranges).toHaveLength(4)
    for (const plan of ranges) expect(plan).toMatch(/^activities: IXSCAN community_meeting_(end|id) eq\[communityId,meeting\.councilId\]x1 range/)
    // The meeting is where meetings are listed.
    expect((await tc.ok(pm, 'meeting.list', { communityId: c })).items.map((x) => x.id)).toEqual([m.id])
  })
})

/**
 * The running counters of councils, requests and services (issue 15) through the real main() on the local
 * engine: right after a rush of concurrent events (500 reports, 300 supports, 300 bookings over 15 slots), and
 * repaired by their recounts (modules/counters/registry.ts: 'council.topics', 'request.counters',
 * 'service.counters'): drift injected by hand is found, fixed, and a second run finds none; the statistics
 * answer the repaired figures.
 */
import * as cloud from 'wx-server-sdk'
import { codeOf, openTestCloud, type TestCloud } from '../support/cloud'
import { fixtureDocs, P, T } from '../support/fixtures'
import { runRecount } from '../support/recount'
import { chinaMonth } from '../../cloudfunctions/api/src/platform/chinaTime'
import { PRIVACY_VERSION } from '../../types/org'
import type { User } from '../../types/org'

let tc: TestCloud
beforeAll(async () => {
  tc = await openTestCloud()
})
afterEach(() => tc.resetClock())
afterAll(async () => {
  await tc.close()
})

const c = T.c1
const sec = P.secretary.openid!
const WORKER = { id: 'u-gw', openid: 'o-gw' }
const db = () => cloud.database({ throwOnNotFound: false } as Parameters<typeof cloud.database>[0]) as any

function person(id: string, over: Partial<User> = {}): User {
  const now = tc.now()
  return {
    _id: id,
    openid: `o-${id}`,
    offline: false,
    nickname: '居民',
    avatarUrl: null,
    realName: null,
    phone: null,
    householdId: `h-${id}`,
    communityId: c,
    buildingId: T.b1,
    householdStatus: 'verified',
    roles: [{ communityId: c, role: 'resident' }],
    proxies: [],
    privacy: { version: PRIVACY_VERSION, at: now },
    elderMode: null,
    birthYear: null,
    createdAt: now,
    updatedAt: now,
    ...over,
  }
}

/** The fixtures, a grid worker over compound 1, and `n` verified residents of building 1, each their own household. */
async function setup(n: number, prefix: string): Promise<User[]> {
  tc.setNow('2026-12-01T02:00:00Z') // 10:00 on Tuesday 1 December 2026 in China
  const docs = fixtureDocs(new Date('2026-11-01T08:00:00Z')) as Record<string, any[]>
  docs.grids = [{ _id: 'g-1', communityId: c, name: '第一网格', compoundIds: [T.compound1], workerId: WORKER.id }]
  const people = Array.from({ length: n }, (_, i) => person(`${prefix}${i}`))
  docs.users.push(person(WORKER.id, { openid: WORKER.openid, householdId: null, roles: [{ communityId: c, role: 'grid_worker' }] }), ...people)
  await tc.engine.clearAll()
  for (const [coll, list] of Object.entries(docs)) await tc.engine.insertMany(coll, list)
  tc.resetLimits()
  return people
}

describe('council counters', () => {
  test('300 supports at once: the topic counts exactly the stored supports, it moves once, and the council counters follow; drift is found and repaired', async () => {
    const people = await setup(300, 'sp')
    await tc.ok(sec, 'council.list', { communityId: c }) // the default council
    await db()
      .collection('councils')
      .doc(`cc_${c}`)
      .update({ data: { 'settings.supportThreshold': 250 } })
    const t = await tc.ok(P.resident.openid!, 'topic.create', { communityId: c, title: '小区东门加装雨棚', description: '下雨天等车没地方躲，希望加个雨棚。' })
    const answers = await Promise.all(people.map((p) => tc.call(p.openid, 'topic.support', { communityId: c, topicId: t.id })))
    const ok = answers.filter((a) => a.ok).length
    const [topic] = await tc.engine.find('topics', { _id: t.id })
    const stored = await tc.engine.count('topic_supports', { topicId: t.id })
    expect(ok).toBe(250) // the rest find it in review: CONFLICT
    expect(topic.supports).toBe(stored)
    expect(stored).toBe(250)
    expect(topic.status).toBe('review')
    expect(topic.timeline.filter((e: any) => e.event === 'threshold')).toHaveLength(1)
    const stats = await tc.ok(sec, 'council.stats', { communityId: c })
    expect(stats.byStatus).toEqual({ review: 1 })
    expect((await runRecount('council.topics', { fix: false })).drift).toEqual([])

    // Drift: the topic's supports and the community's review count changed by hand.
    await db()
      .collection('topics')
      .doc(t.id)
      .update({ data: { supports: 245 } })
    await db()
      .collection('council_counters')
      .doc(c)
      .update({ data: { 'byStatus.review': 7, passed: 2 } })
    const found = await runRecount('council.topics', { fix: false })
    expect(found.drift.map((d) => [d.counter, d.key, d.stored, d.actual, d.fixed]).sort()).toEqual(
      [
        ['council.byStatus.review', c, 7, 1, false],
        ['council.passed', c, 2, 0, false],
        ['topic.supports', t.id, 245, 250, false],
      ].sort(),
    )
    const fixed = await runRecount('council.topics', { fix: true })
    expect(fixed.drift.every((d) => d.fixed)).toBe(true)
    expect((await runRecount('council.topics', { fix: false })).drift).toEqual([])
    expect((await tc.ok(sec, 'council.stats', { communityId: c })).byStatus).toEqual({ review: 1 })
    expect((await tc.engine.find('topics', { _id: t.id }))[0].supports).toBe(250)
  }, 120_000)

  test('a community whose counters were never made (topics from before them) is counted by the recount', async () => {
    await setup(0, 'x')
    const t = await tc.ok(P.resident.openid!, 'topic.create', {
      communityId: c,
      title: '楼下装个晾衣架',
      description: '老人晒被子没地方，希望楼下加装晾衣架。',
    })
    await db().collection('council_counters').doc(c).remove()
    expect((await tc.ok(sec, 'council.stats', { communityId: c })).byStatus).toEqual({})
    const found = await runRecount('council.topics', { fix: true })
    expect(found.drift).toEqual([{ counter: `council.byStatus.${t.status}`, key: c, stored: 0, actual: 1, fixed: true }])
    expect((await tc.ok(sec, 'council.stats', { communityId: c })).byStatus).toEqual({ [t.status]: 1 })
  })
})

describe('request counters', () => {
  test('500 reports at once: the month counter counts them all; closes count on the grid; drift and a lost counter are repaired', async () => {
    const people = await setup(500, 'rq')
    const answers = await Promise.all(
      people.map((p) => tc.call(p.openid, 'request.create', { communityId: c, category: 'help', description: '楼道灯坏了，晚上看不见路' })),
    )
    expect(answers.filter((a) => !a.ok)).toEqual([])
    const month = chinaMonth(tc.now())
    const id = `${c}_${month}_help`
    expect((await tc.engine.find('request_counters', { _id: id }))[0].reported).toBe(500)

    // Three go the whole way: accepted, resolved, confirmed by the reporter (closed, on time).
    const ids = answers.slice(0, 3).map((a) => (a.ok ? (a.data as { id: string }).id : ''))
    for (const [i, requestId] of ids.entries()) {
      tc.resetLimits()
      await tc.ok(WORKER.openid, 'request.accept', { communityId: c, requestId })
      await tc.ok(WORKER.openid, 'request.resolve', { communityId: c, requestId, proof: '灯已换好', photos: ['cloud://env/proof.jpg'] })
      await tc.ok(people[i].openid!, 'request.confirm', { communityId: c, requestId, stars: 4 })
    }
    const [k] = await tc.engine.find('request_counters', { _id: id })
    expect(k).toMatchObject({ reported: 500, closed: 3, onTime: 3, late: 0, ratingSum: 12, ratings: 3 })
    expect((await tc.engine.find('request_counters', { _id: 'grid_g-1' }))[0]).toMatchObject({ closed: 3, onTime: 3, late: 0 })
    expect((await runRecount('request.counters', { fix: false, clock: tc.now })).drift).toEqual([])

    // Drift: a month counter changed by hand, a grid counter lost.
    await db()
      .collection('request_counters')
      .doc(id)
      .update({ data: { reported: 480, ratingSum: 20 } })
    await db().collection('request_counters').doc('grid_g-1').remove()
    const found = await runRecount('request.counters', { fix: false, clock: tc.now })
    expect(found.drift.map((d) => [d.counter, d.key, d.stored, d.actual]).sort()).toEqual(
      [
        ['request.month.reported', id, 480, 500],
        ['request.month.ratingSum', id, 20, 12],
        ['request.grid.closed', 'grid_g-1', 0, 3],
        ['request.grid.onTime', 'grid_g-1', 0, 3],
      ].sort(),
    )
    await runRecount('request.counters', { fix: true, clock: tc.now })
    expect((await runRecount('request.counters', { fix: false, clock: tc.now })).drift).toEqual([])
    const stats = await tc.ok(sec, 'request.stats', { communityId: c, months: 1 })
    expect(stats.months).toEqual([{ month, reported: 500, closed: 3, onTime: 3, late: 0, medianHours: expect.any(Number) }])
    expect(stats.ratingAverage).toBe(4)
    const late = await tc.ok(P.streetAdmin.openid!, 'request.lateUnits', { streetId: T.street })
    expect(late.find((r) => r.id === 'g-1')).toMatchObject({ closed: 3, onTimeRate: 1 })
  }, 120_000)
})

describe('service counters', () => {
  test('300 bookings at once over 15 slots: the shards count every booking; drift on the service and a shard is repaired', async () => {
    const people = await setup(300, 'bk')
    const s = await tc.ok(sec, 'service.upsert', {
      communityId: c,
      name: '健康义诊',
      category: 'elderly',
      description: '社区医院医生坐诊',
      provider: { kind: 'staff', userIds: [P.member.id] },
      place: '党群服务中心',
      delivery: 'slots',
      schedule: {
        weekly: [],
        dated: Array.from({ length: 15 }, (_, i) => ({
          day: '2026-12-03',
          start: `${String(8 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`,
          end: `${String(8 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '59' : '29'}`,
          capacity: 20,
        })),
        closures: [],
      },
      cutoffHours: 0,
    })
    const startOf = (i: number) => `${String(8 + Math.floor((i % 15) / 2)).padStart(2, '0')}:${(i % 15) % 2 ? '30' : '00'}`
    const answers = await Promise.all(
      people.map((p, i) => tc.call(p.openid, 'booking.create', { communityId: c, serviceId: s.id, day: '2026-12-03', start: startOf(i) })),
    )
    const refused = answers.filter((a) => !a.ok).map((a) => (a.ok ? '' : `${a.error.code} ${a.error.details?.reason}`))
    // on an instance too loaded to settle the rush within 5 s a few may be told to try again; none is lost
    expect(refused.filter((r) => r !== 'CONFLICT BUSY')).toEqual([])
    const booked = answers.length - refused.length
    expect(await tc.engine.count('bookings', { serviceId: s.id })).toBe(booked)
    const shards = await tc.engine.find('service_counters', { serviceId: s.id })
    expect(shards.length).toBeGreaterThan(1)
    expect(shards.reduce((n: number, x: any) => n + x.bookings, 0)).toBe(booked)
    const [stored] = await tc.engine.find('services', { _id: s.id })
    expect(stored.counters.bookings).toBe(0) // the service document is not written by a booking any more
    expect((await tc.ok(sec, 'service.stats', { communityId: c })).services[0]).toMatchObject({ bookings: booked })

    // A cancellation, then drift: the service's attended and a shard changed by hand.
    const first = answers.find((a) => a.ok)!
    const firstId = first.ok ? (first.data as { id: string }).id : ''
    const owner = people[answers.indexOf(first)]
    await tc.ok(owner.openid!, 'booking.cancel', { communityId: c, bookingId: firstId })
    expect((await runRecount('service.counters', { fix: false })).drift).toEqual([])
    await db()
      .collection('services')
      .doc(s.id)
      .update({ data: { 'counters.attended': 3 } })
    await db()
      .collection('service_counters')
      .doc(shards[0]._id)
      .update({ data: { bookings: db().command.inc(2) } })
    const found = await runRecount('service.counters', { fix: false })
    expect(found.drift.map((d) => [d.counter, d.stored, d.actual]).sort()).toEqual(
      [
        ['service.attended', 3, 0],
        ['service.bookings', booked + 2, booked],
      ].sort(),
    )
    await runRecount('service.counters', { fix: true })
    expect((await runRecount('service.counters', { fix: false })).drift).toEqual([])
    expect((await tc.ok(sec, 'service.stats', { communityId: c })).services[0]).toMatchObject({ bookings: booked, cancelled: 1, attended: 0 })
    expect(codeOf(await tc.call(sec, 'service.stats', { communityId: c }))).toBe('OK')
  }, 120_000)
})

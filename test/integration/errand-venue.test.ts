/**
 * 代办 errands and venues 场地开放 through the real main() on the local engine:
 * - errands: a resident's own with the documents to bring; 100 staff racing to accept one (one owner, the rest
 *   CONFLICT STATE_CHANGED, one flow entry); progress and done by the owner only, the resident told; handover
 *   recorded (the new owner owns it, the old one no longer may); a building head for an offline neighbour (told
 *   for them); a 书记接待日 booking turned into an errand with the link; toRequest through the request area with
 *   the link both ways (and a refused conversion leaving everything as it was); who sees which list;
 * - venues: the list; hours taken at once (overlap refused, off-grid and outside hours refused), the free hours
 *   in service.slots; approval by the venue unit's staff or the secretary only, with codes verified once;
 *   rejection with a reason gives the hours back; cancellation gives every hour back; audited and told;
 *   50 people racing for overlapping ranges never share an hour;
 * - the showcase (local/seed/services.ts): the menu it promises, with its visits, ratings, no-show, private,
 *   at-home and child bookings seen only by whom they should be, the venue's requests and the errands.
 */
import { codeOf, dataSnapshot, openTestCloud, type TestCloud } from '../support/cloud'
import { fixtureDocs, P, T } from '../support/fixtures'
import { PRIVACY_VERSION, type User } from '../../types/org'
import type { Role } from '../../types/common'
import type { Unit } from '../../types/requests'
import type { Booking, Errand, ServiceSlot } from '../../types/services'
import { TEMPLATES } from '../../types/templates'
import { addDays, chinaDay } from '../../cloudfunctions/api/src/platform/chinaTime'
import { DEMO, seedDemo } from '../../local/seed/demo'
import { seedScenario } from '../../local/seed/scenario'

let tc: TestCloud
const c = T.c1
const sec = P.secretary.openid
const res = P.resident.openid
const nb = P.neighbour.openid
const pm = P.member.openid // provides the errand service (a party member, not community staff)
const HALL = 'un-hall' // a partner unit whose hall opens after hours
const PROP = 'un-prop' // another unit serving the community
const HALL_STAFF = { id: 'u-hall', openid: 'o-hall', name: '税务小刘' }
const PROP_STAFF = { id: 'u-prop', openid: 'o-prop', name: '物业老周' }
const RACERS = 100
const gw = (i: number) => `o-gw${i}`
const gwId = (i: number) => `u-gw${i}`
/** Tuesday 1 December 2026, 10:00 in China. */
const NOW = new Date('2026-12-01T02:00:00Z')
const WEDNESDAY = '2026-12-02'
const THURSDAY = '2026-12-03'

function person(id: string, openid: string, name: string, roles: { communityId: string; role: Role; unitId?: string }[], now: Date): User {
  return {
    _id: id,
    openid,
    offline: false,
    nickname: name,
    avatarUrl: null,
    realName: name,
    phone: '13900000000',
    householdId: null,
    communityId: null,
    buildingId: null,
    householdStatus: null,
    roles,
    proxies: [],
    privacy: { version: PRIVACY_VERSION, at: now },
    elderMode: null,
    birthYear: null,
    createdAt: now,
    updatedAt: now,
  }
}

function unit(id: string, name: string, kind: Unit['kind'], now: Date): Unit {
  return {
    _id: id,
    streetId: T.street,
    communityId: c,
    name,
    kind,
    categories: [],
    limits: {},
    escalationAcceptMinutes: 120,
    active: true,
    onTime: 0,
    late: 0,
    createdAt: now,
    updatedAt: now,
  }
}

const ids = { errandService: '', reception: '', venue: '' }

/** The fixtures, RACERS grid workers, two units with a staff member each, and the three services published by the secretary. */
async function setup() {
  const now = new Date('2026-11-01T08:00:00Z')
  const docs = fixtureDocs(now) as Record<string, any[]>
  docs.users.push(
    // Grid workers who live in building 1 (so they may also ask for the venue as residents).
    ...Array.from({ length: RACERS }, (_, i) => ({
      ...person(
        gwId(i),
        gw(i),
        `网格员${i}`,
        [
          { communityId: c, role: 'resident' as Role },
          { communityId: c, role: 'grid_worker' as Role },
        ],
        now,
      ),
      householdId: T.h1,
      communityId: c,
      buildingId: T.b1,
      householdStatus: 'verified' as const,
    })),
    person(HALL_STAFF.id, HALL_STAFF.openid, HALL_STAFF.name, [{ communityId: c, role: 'unit_staff', unitId: HALL }], now),
    person(PROP_STAFF.id, PROP_STAFF.openid, PROP_STAFF.name, [{ communityId: c, role: 'unit_staff', unitId: PROP }], now),
  )
  docs.units = [unit(HALL, '青山区税务局', 'partner', now), unit(PROP, '安居物业', 'property', now)]
  await tc.engine.clearAll()
  for (const [coll, list] of Object.entries(docs)) await tc.engine.insertMany(coll, list)
  tc.resetLimits()
  tc.setNow(NOW)
  const base = { communityId: c, description: '说明', place: '党群服务中心' }
  ids.errandService = (
    await tc.ok(sec, 'service.upsert', {
      ...base,
      name: '社区代办',
      category: 'errand',
      provider: { kind: 'staff', userIds: [P.member.id] },
      delivery: 'walk_in',
      walkIn: '工作日 9:00-17:00 到党群服务中心',
    })
  ).id
  ids.reception = (
    await tc.ok(sec, 'service.upsert', {
      ...base,
      name: '书记接待日',
      category: 'reception',
      provider: { kind: 'staff', userIds: [P.secretary.id] },
      delivery: 'slots',
      schedule: { weekly: [{ weekday: 3, start: '09:00', end: '11:00', capacity: 10 }], dated: [], closures: [] },
    })
  ).id
  ids.venue = (
    await tc.ok(sec, 'service.upsert', {
      ...base,
      name: '税务局职工活动室',
      category: 'venue',
      place: '青山区税务局一楼',
      provider: { kind: 'unit', unitId: HALL, userIds: [] },
      delivery: 'venue',
      venue: { unitId: HALL, opens: '18:00', closes: '21:00', days: [] },
      cutoffHours: 2,
    })
  ).id
  for (const who of [res, nb, P.head.openid, sec]) for (let i = 0; i < 10; i++) await tc.ok(who, 'org.subscribed', { templates: ['reminder'] })
}

beforeAll(async () => {
  tc = await openTestCloud()
})
afterEach(() => tc.resetClock())
afterAll(async () => {
  await tc.close()
})

const errandDoc = async (id: string) => (await tc.engine.find('errands', { _id: id }))[0] as Errand
const bookingDoc = async (id: string) => (await tc.engine.find('bookings', { _id: id }))[0] as Booking
const slotTaken = async (day: string, start: string) =>
  ((await tc.engine.find('service_slots', { _id: `${ids.venue}_${day}_${start.replace(':', '')}` }))[0] as ServiceSlot | undefined)?.taken ?? 0
const outboxTo = (openid: string) => tc.engine.find('outbox', { touser: openid, templateId: TEMPLATES.reminder.id }, { sort: { at: 1 } })
const submit = (openid: string, extra: object = {}) =>
  tc.ok(openid, 'errand.create', {
    communityId: c,
    title: '代办医保报销',
    description: '住院费用报销，材料已备齐',
    documents: ['身份证', '医保卡', '住院发票'],
    ...extra,
  })
const advance = (openid: string, errandId: string, step: 'accept' | 'progress' | 'done' | 'handover' | 'toRequest', extra: object = {}) =>
  tc.call(openid, 'errand.advance', { communityId: c, errandId, step, ...extra })

describe('errands', () => {
  beforeAll(setup)
  beforeEach(() => tc.setNow(NOW))

  test('a resident’s own errand lists the documents, waits in the staff’s queue oldest first, and only staff see the queue', async () => {
    const first = await submit(res)
    tc.advance(1000)
    const second = await submit(nb, { title: '代办社保卡补办', documents: ['身份证'] })
    expect(first).toMatchObject({ status: 'submitted', documents: ['身份证', '医保卡', '住院发票'], owner: null, resident: '王*英', can: {} })
    expect((await errandDoc(first.id)).serviceId).toBe(ids.errandService) // the community's only errand service

    const open = await tc.ok(gw(0), 'errand.list', { communityId: c, view: 'open' })
    expect(open.items.map((e) => e.id).slice(0, 2)).toEqual([first.id, second.id])
    expect(open.items[0].can).toEqual({ accept: true })
    // The provider of the errand service sees its queue too; the resident does not.
    expect((await tc.ok(pm, 'errand.list', { communityId: c, view: 'open' })).items.map((e) => e.id)).toContain(first.id)
    expect(codeOf(await tc.call(res, 'errand.list', { communityId: c, view: 'open' }))).toBe('FORBIDDEN')
    expect(codeOf(await tc.call(gw(0), 'errand.list', { communityId: c, view: 'all' }))).toBe('FORBIDDEN')
    expect((await tc.ok(sec, 'errand.list', { communityId: c, view: 'all' })).items.map((e) => e.id)).toEqual([second.id, first.id])
    expect((await tc.ok(res, 'errand.list', { communityId: c, view: 'mine' })).items.map((e) => e.id)).toEqual([first.id])

    // Another resident cannot see it at all, nor can the resident take it.
    expect(codeOf(await advance(nb, first.id, 'accept'))).toBe('NOT_FOUND')
    expect(codeOf(await advance(res, first.id, 'accept'))).toBe('FORBIDDEN')
    // Someone who does not live here does not submit for themself; a neighbour is not someone one acts for.
    expect(codeOf(await tc.call(P.streetAdmin.openid, 'errand.create', { communityId: c, title: '代办', description: '代办' }))).toBe('FORBIDDEN')
    expect(codeOf(await tc.call(res, 'errand.create', { communityId: c, title: '代办', description: '代办', forUserId: P.neighbour.id }))).toBe('FORBIDDEN')
  })

  test(`of ${RACERS} staff racing to accept one errand, exactly one owns it (首问负责)`, async () => {
    const e = await submit(res, { title: '代办老年证' })
    const results = await Promise.all(Array.from({ length: RACERS }, (_, i) => advance(gw(i), e.id, 'accept')))
    const won = results.flatMap((r, i) => (r.ok ? [i] : []))
    expect(won).toHaveLength(1)
    for (const r of results) if (!r.ok) expect(r.error).toMatchObject({ code: 'CONFLICT', details: { reason: 'STATE_CHANGED' } })
    const stored = await errandDoc(e.id)
    expect(stored).toMatchObject({ status: 'accepted', ownerId: gwId(won[0]) })
    expect(stored.flow.map((f) => f.event)).toEqual(['submit', 'accept'])
    // The resident was told who took it.
    expect((await outboxTo(res)).some((m) => m.data.thing1.value === '代办：代办老年证' && m.data.thing2.value.includes('已接办'))).toBe(true)
  })

  test('progress and done by the owner only; the resident is told when it is done', async () => {
    const e = await submit(res, { title: '代办高龄补贴' })
    expect((await advance(gw(1), e.id, 'accept')).ok).toBe(true)
    expect(codeOf(await advance(gw(2), e.id, 'progress'))).toBe('FORBIDDEN')
    expect(codeOf(await advance(sec, e.id, 'done'))).toBe('FORBIDDEN')
    expect(codeOf(await advance(gw(1), e.id, 'accept'))).toBe('CONFLICT')
    const going = await tc.ok(gw(1), 'errand.advance', { communityId: c, errandId: e.id, step: 'progress', note: '材料已递交街道' })
    expect(going).toMatchObject({ status: 'in_progress', owner: '网**1', can: { progress: true, done: true, handover: true, toRequest: true } })
    const before = (await outboxTo(res)).length
    const done = await tc.ok(gw(1), 'errand.advance', { communityId: c, errandId: e.id, step: 'done', note: '补贴已批，下月起发放' })
    expect(done).toMatchObject({ status: 'done', can: {} })
    const msgs = await outboxTo(res)
    expect(msgs).toHaveLength(before + 1)
    const about = msgs.filter((m) => m.page.includes(e.id))
    expect(about.map((m) => m.data.thing2.value)).toEqual(['网**1已接办，有问题可以找TA', '补贴已批，下月起发放'])
    expect(about[1].data.thing1.value).toBe('代办：代办高龄补贴')
    expect(codeOf(await advance(gw(1), e.id, 'progress'))).toBe('CONFLICT')
    // The resident sees it done, with its owner.
    expect((await tc.ok(res, 'errand.list', { communityId: c, view: 'mine' })).items.find((x) => x.id === e.id)).toMatchObject({
      status: 'done',
      owner: '网**1',
    })
  })

  test('handover is recorded (the secretary’s audited): the new owner owns it, the old one no longer may; only staff of the errand take it over', async () => {
    const e = await submit(res, { title: '代办残疾证年审' })
    await tc.ok(gw(3), 'errand.advance', { communityId: c, errandId: e.id, step: 'accept' })
    expect(codeOf(await advance(gw(3), e.id, 'handover'))).toBe('INVALID_INPUT') // to whom?
    expect(codeOf(await advance(gw(3), e.id, 'handover', { toUserId: P.neighbour.id }))).toBe('INVALID_INPUT') // not staff
    expect(codeOf(await advance(gw(4), e.id, 'handover', { toUserId: gwId(4) }))).toBe('FORBIDDEN') // not the owner
    const handed = await tc.ok(gw(3), 'errand.advance', { communityId: c, errandId: e.id, step: 'handover', toUserId: P.member.id, note: '周志刚熟悉残联流程' })
    expect(handed).toMatchObject({ status: 'accepted', owner: '周*刚', handovers: [{ from: '网**3', to: '周*刚', note: '周志刚熟悉残联流程' }] })
    expect(codeOf(await advance(gw(3), e.id, 'progress'))).toBe('FORBIDDEN')
    // The secretary may hand it on while the owner is away.
    await tc.ok(sec, 'errand.advance', { communityId: c, errandId: e.id, step: 'handover', toUserId: gwId(5) })
    expect(await tc.engine.find('audit_log', { action: 'errand.advance', 'resource.id': e.id })).toMatchObject([
      { actorId: P.secretary.id, resource: { type: 'errand', label: '代办残疾证年审' }, before: { ownerId: P.member.id }, after: { ownerId: gwId(5) } },
    ])
    await tc.ok(gw(5), 'errand.advance', { communityId: c, errandId: e.id, step: 'done' })
    const stored = await errandDoc(e.id)
    expect(stored.handovers.map((h) => [h.fromId, h.toId])).toEqual([
      [gwId(3), P.member.id],
      [P.member.id, gwId(5)],
    ])
    expect(stored.flow.map((f) => f.event)).toEqual(['submit', 'accept', 'handover', 'handover', 'done'])
    expect((await tc.ok(gw(5), 'errand.list', { communityId: c, view: 'owned' })).items.map((x) => x.id)).toContain(e.id)
  })

  test('a building head submits for the offline neighbour they act for, and is told for them', async () => {
    await tc.ok(P.head.openid, 'org.setProxy', { communityId: c, residentId: P.elder.id, enabled: true })
    const e = await tc.ok(P.head.openid, 'errand.create', { communityId: c, title: '代办养老金认证', description: '老人腿脚不便', forUserId: P.elder.id })
    expect(e.resident).toBe('赵*兰')
    expect(codeOf(await tc.call(P.head.openid, 'errand.create', { communityId: c, title: '代办', description: '代办', forUserId: P.farElder.id }))).toBe(
      'FORBIDDEN',
    )
    await tc.ok(gw(6), 'errand.advance', { communityId: c, errandId: e.id, step: 'accept' })
    await tc.ok(gw(6), 'errand.advance', { communityId: c, errandId: e.id, step: 'done', note: '认证已完成' })
    expect((await outboxTo(P.head.openid)).some((m) => m.data.thing2.value === '认证已完成')).toBe(true)
    expect(await tc.engine.count('outbox', { touser: `offline_${P.elder.id}` })).toBe(0)
  })

  test('a 书记接待日 matter becomes an errand with one tap, keeping the link to the booking', async () => {
    const booking = await tc.ok(res, 'booking.create', { communityId: c, serviceId: ids.reception, day: WEDNESDAY, start: '09:00' })
    const e = await tc.ok(sec, 'errand.create', {
      communityId: c,
      forUserId: P.resident.id,
      bookingId: booking.id,
      title: '代办低保复核',
      description: '接待日反映的事项',
      documents: ['户口本'],
    })
    expect(await errandDoc(e.id)).toMatchObject({ bookingId: booking.id, residentId: P.resident.id, enteredById: P.secretary.id })
    expect((await errandDoc(e.id)).flow[0].note).toBe('工作人员代为登记')
    // The booking must be the resident's.
    expect(
      codeOf(await tc.call(sec, 'errand.create', { communityId: c, forUserId: P.neighbour.id, bookingId: booking.id, title: '代办', description: '代办' })),
    ).toBe('INVALID_INPUT')
  })

  test('toRequest makes a request of the request area (help), linked both ways; a refused conversion changes nothing', async () => {
    const e = await submit(res, { title: '代办房屋维修基金申请' })
    // The provider owns it but may not enter requests for residents: refused, and nothing changed.
    const taken = await tc.ok(pm, 'errand.advance', { communityId: c, errandId: e.id, step: 'accept' })
    expect(taken.can).toEqual({ progress: true, done: true, handover: true })
    const before = await dataSnapshot(tc.engine)
    expect(codeOf(await advance(pm, e.id, 'toRequest'))).toBe('FORBIDDEN')
    expect(await dataSnapshot(tc.engine)).toBe(before)

    await tc.ok(pm, 'errand.advance', { communityId: c, errandId: e.id, step: 'handover', toUserId: gwId(7) })
    const converted = await tc.ok(gw(7), 'errand.advance', { communityId: c, errandId: e.id, step: 'toRequest', note: '需要物业配合' })
    expect(converted).toMatchObject({ status: 'done' })
    expect(converted.requestId).toMatch(/^r/)
    const [request] = await tc.engine.find('requests', { _id: converted.requestId })
    expect(request).toMatchObject({ category: 'help', reporterId: P.resident.id, enteredById: gwId(7), errandId: e.id })
    expect(request.description).toContain('代办房屋维修基金申请')
    expect(request.description).toContain('需携带材料：身份证、医保卡、住院发票')
    const stored = await errandDoc(e.id)
    expect(stored).toMatchObject({ requestId: converted.requestId, status: 'done' })
    expect('converting' in stored).toBe(false)
    // The resident follows it in the request area, where it names the errand it came from.
    expect((await tc.ok(res, 'request.mine', { communityId: c })).items.map((r) => r.id)).toContain(converted.requestId)
    expect(await tc.ok(res, 'request.get', { communityId: c, requestId: converted.requestId! })).toMatchObject({ errandId: e.id, category: 'help' })
    expect(await advance(gw(7), e.id, 'toRequest')).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { reason: 'ALREADY_DONE' } } })
  })

  test('two taps of toRequest at once make one request', async () => {
    const e = await submit(res, { title: '代办公积金提取' })
    await tc.ok(gw(8), 'errand.advance', { communityId: c, errandId: e.id, step: 'accept' })
    const before = await tc.engine.count('requests', {})
    const results = await Promise.all([advance(gw(8), e.id, 'toRequest'), advance(gw(8), e.id, 'toRequest'), advance(gw(8), e.id, 'toRequest')])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(await tc.engine.count('requests', {})).toBe(before + 1)
  })
})

describe('venues', () => {
  beforeAll(setup)
  beforeEach(() => tc.setNow(NOW))

  const book = (openid: string, start: string, end: string, day = THURSDAY) =>
    tc.call(openid, 'venue.book', { communityId: c, serviceId: ids.venue, day, start, end, purpose: '社区合唱团排练' })
  const decide = (openid: string, bookingId: string, approve: boolean, reason?: string) =>
    tc.call(openid, 'venue.approve', { communityId: c, bookingId, approve, ...(reason ? { reason } : {}) })

  test('the list, hours taken at once (overlap refused), free hours in service.slots', async () => {
    const venues = await tc.ok(res, 'venue.list', { communityId: c })
    expect(venues.map((v) => [v.id, v.when])).toEqual([[ids.venue, '每天 18:00-21:00 开放']])

    const r = await book(res, '19:00', '21:00')
    expect(r.ok && r.data).toMatchObject({ status: 'pending', code: null, start: '19:00', end: '21:00' })
    expect(await book(nb, '20:00', '21:00')).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { reason: 'FULL' } } })
    expect(codeOf(await book(nb, '18:30', '19:30'))).toBe('INVALID_INPUT') // off the hour grid
    expect(codeOf(await book(nb, '20:00', '22:00'))).toBe('INVALID_INPUT') // past closing
    expect(codeOf(await book(nb, '19:00', '19:00'))).toBe('INVALID_INPUT')
    expect(codeOf(await book(res, '19:00', '21:00'))).toBe('CONFLICT')
    // The refusals gave back what they took.
    expect([await slotTaken(THURSDAY, '18:00'), await slotTaken(THURSDAY, '19:00'), await slotTaken(THURSDAY, '20:00')]).toEqual([0, 1, 1])
    const slots = await tc.ok(nb, 'service.slots', { communityId: c, serviceId: ids.venue, from: THURSDAY, days: 1 })
    expect(slots.map((s) => [s.start, s.left])).toEqual([
      ['18:00', 1],
      ['19:00', 0],
      ['20:00', 0],
    ])
    // A partner unit's staff may ask too (they need not live here).
    expect((await book(PROP_STAFF.openid, '18:00', '19:00')).ok).toBe(true)
    // Not on the day itself within the cutoff, nor on a closed-in-the-past time.
    tc.setNow(new Date('2026-12-03T10:30:00Z')) // 18:30 China on Thursday
    expect(codeOf(await book(nb, '20:00', '21:00', THURSDAY))).toBe('CONFLICT')
  })

  test('approval by the venue unit’s staff or the secretary only; the code then works once', async () => {
    const mine = await tc.ok(res, 'booking.mine', { communityId: c })
    const pending = mine.items.find((b) => b.serviceId === ids.venue && b.status === 'pending')!
    expect(pending.code).toBeNull() // nothing to show at the door until it is approved
    expect(codeOf(await decide(res, pending.id, true))).toBe('FORBIDDEN') // the one who asked
    expect(codeOf(await decide(PROP_STAFF.openid, pending.id, true))).toBe('NOT_FOUND') // another unit
    expect(codeOf(await decide(gw(0), pending.id, true))).toBe('NOT_FOUND')
    expect(codeOf(await decide(nb, pending.id, true))).toBe('NOT_FOUND')
    const approved = await tc.ok(HALL_STAFF.openid, 'venue.approve', { communityId: c, bookingId: pending.id, approve: true })
    expect(approved).toMatchObject({ status: 'booked', code: null }) // staff do not read the code out
    expect(codeOf(await decide(sec, pending.id, true))).toBe('CONFLICT')
    const seen = (await tc.ok(res, 'booking.mine', { communityId: c })).items.find((b) => b.id === pending.id)!
    expect(seen.code).toMatch(/^\d{8}$/)
    expect((await outboxTo(res)).some((m) => m.data.thing1.value.startsWith('场地预约已通过'))).toBe(true)
    const [audit] = await tc.engine.find('audit_log', { action: 'venue.approve', 'resource.id': pending.id })
    expect(audit).toMatchObject({ actorId: HALL_STAFF.id, resource: { type: 'booking' }, before: { status: 'pending' }, after: { status: 'booked' } })

    tc.setNow(new Date('2026-12-03T11:05:00Z')) // 19:05 China on Thursday
    expect(await tc.ok(HALL_STAFF.openid, 'booking.verify', { communityId: c, code: seen.code! })).toMatchObject({ status: 'attended' })
    expect(codeOf(await tc.call(HALL_STAFF.openid, 'booking.verify', { communityId: c, code: seen.code! }))).toBe('CONFLICT')
  })

  test('rejection needs a reason, gives the hours back and tells who asked; cancelling gives every hour back', async () => {
    const day = addDays(chinaDay(NOW), 5)
    const asked = await book(nb, '18:00', '20:00', day)
    expect(asked.ok).toBe(true)
    const id = asked.ok ? asked.data.id : ''
    expect(codeOf(await decide(HALL_STAFF.openid, id, false))).toBe('INVALID_INPUT')
    const rejected = await tc.ok(sec, 'venue.approve', { communityId: c, bookingId: id, approve: false, reason: '当晚单位有活动' })
    expect(rejected.status).toBe('rejected')
    expect(await bookingDoc(id)).toMatchObject({ status: 'rejected', rejectReason: '当晚单位有活动' })
    expect([await slotTaken(day, '18:00'), await slotTaken(day, '19:00')]).toEqual([0, 0])
    expect((await outboxTo(nb)).some((m) => m.data.thing2.value === '当晚单位有活动')).toBe(true)
    expect(await tc.engine.count('audit_log', { action: 'venue.approve', 'resource.id': id, 'after.status': 'rejected' })).toBe(1)

    // The hours are free again: booked, approved, then cancelled by the person — every hour back.
    const again = await tc.ok(res, 'venue.book', { communityId: c, serviceId: ids.venue, day, start: '18:00', end: '21:00', purpose: '楼栋议事会' })
    await tc.ok(HALL_STAFF.openid, 'venue.approve', { communityId: c, bookingId: again.id, approve: true })
    expect([await slotTaken(day, '18:00'), await slotTaken(day, '19:00'), await slotTaken(day, '20:00')]).toEqual([1, 1, 1])
    await tc.ok(res, 'booking.cancel', { communityId: c, bookingId: again.id })
    expect([await slotTaken(day, '18:00'), await slotTaken(day, '19:00'), await slotTaken(day, '20:00')]).toEqual([0, 0, 0])
  })

  test('50 people racing for overlapping ranges never share an hour', async () => {
    const day = addDays(chinaDay(NOW), 6)
    const ranges = [
      ['18:00', '19:00'],
      ['18:00', '20:00'],
      ['19:00', '20:00'],
      ['19:00', '21:00'],
      ['20:00', '21:00'],
      ['18:00', '21:00'],
    ]
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => book(gw(i), ranges[i % ranges.length][0], ranges[i % ranges.length][1], day)))
    for (const r of results) if (!r.ok) expect(r.error.code).toBe('CONFLICT')
    const live = (await tc.engine.find('bookings', { serviceId: ids.venue, day, status: 'pending' })) as Booking[]
    expect(live.length).toBe(results.filter((r) => r.ok).length)
    for (const hour of ['18:00', '19:00', '20:00']) {
      const holding = live.filter((b) => b.start <= hour && hour < b.end)
      expect(holding.length).toBeLessThanOrEqual(1)
      expect(await slotTaken(day, hour)).toBe(holding.length)
    }
    expect(live.length).toBeGreaterThan(0)
  })
})

describe('the showcase', () => {
  const X = DEMO.xingfuli
  const demo = (k: string) => `demo-${k}`
  beforeAll(async () => {
    await seedDemo(tc.engine)
    await seedScenario(tc.engine) // through the function at the real time (and past times), like `npm start`
  }, 300_000)
  beforeEach(() => tc.setNow(Date.now()))

  test('the menu: every kind of service, in words', async () => {
    const menu = await tc.ok(DEMO.defaultResident.openid, 'service.list', { communityId: X, limit: 50 })
    const when = Object.fromEntries(menu.items.map((s) => [s.name, s.when]))
    expect(when).toMatchObject({
      书记接待日: '每周三 9:00-11:00',
      长者食堂: '每天 10:00 前预订',
      四点半课堂: '每周一至五 16:30-18:00',
      一中体育馆: '每周一至五 18:00-21:00 开放',
      社区代办: '工作日 9:00-17:00 到党群服务中心一楼代办窗口',
    })
    expect(menu.items.find((s) => s.name === '心灵驿站')).toMatchObject({ private: true })
    expect(menu.items.find((s) => s.name === '康养上门')).toMatchObject({ delivery: 'at_home' })
    expect(menu.items.find((s) => s.name === '书记接待日')).toMatchObject({ ratingAverage: 5 })
    expect((await tc.ok(DEMO.defaultResident.openid, 'venue.list', { communityId: X })).map((v) => v.name)).toEqual(['一中体育馆'])
  })

  test('bookings in every state, each seen only by whom it should be', async () => {
    const all = (await tc.engine.find('bookings', { communityId: X })) as Booking[]
    const statuses = all.map((b) => b.status)
    for (const st of ['booked', 'attended', 'no_show', 'pending']) expect(statuses).toContain(st)
    expect(all.find((b) => b.status === 'attended')?.rating?.stars).toBe(5)
    const mine = await tc.ok(DEMO.defaultResident.openid, 'booking.mine', { communityId: X })
    expect(mine.items.map((b) => [b.serviceName, b.status])).toContainEqual(['书记接待日', 'booked'])

    const services = await tc.engine.find('services', { communityId: X })
    const idOf = (name: string) => services.find((s) => s.name === name)!._id as string
    const roster = async (openid: string, name: string) => {
      const b = all.find((x) => x.serviceId === idOf(name) && x.status === 'booked')!
      return (await tc.ok(openid, 'booking.roster', { communityId: X, serviceId: idOf(name), day: b.day })).items
    }
    // 心灵驿站: the secretary sees that a place is taken, never by whom; the counsellor sees who.
    expect((await roster(DEMO.secretaryXingfuli.openid, '心灵驿站')).map((b) => b.who)).toEqual(['预约人已隐藏'])
    expect((await roster(demo('wu-jing'), '心灵驿站')).map((b) => b.who)).toEqual(['谢*涵'])
    // 康养上门: the address only to the provider who goes there.
    expect((await roster(DEMO.secretaryXingfuli.openid, '康养上门')).map((b) => b.address)).toEqual([null])
    expect((await roster(demo('luo-zhiming'), '康养上门')).map((b) => b.address)).toEqual(['钢城新村 1 栋 2 单元 101'])
    // 四点半课堂: the child by given name and age only.
    expect((await roster(demo('ma-jun'), '四点半课堂')).map((b) => b.child)).toEqual([{ givenName: '小雨', age: 8 }])
    // 一中体育馆: the school's staff decide; one approved, one waiting.
    const gym = all.filter((b) => b.serviceId === idOf('一中体育馆'))
    expect(gym.map((b) => b.status).sort()).toEqual(['booked', 'pending'])
    const waiting = gym.find((b) => b.status === 'pending')!
    expect(codeOf(await tc.call(DEMO.propertyStaff.openid, 'venue.approve', { communityId: X, bookingId: waiting._id, approve: true }))).toBe('NOT_FOUND')
    expect(await tc.ok(DEMO.venueStaff.openid, 'venue.approve', { communityId: X, bookingId: waiting._id, approve: true })).toMatchObject({ status: 'booked' })
  })

  test('errands waiting, in hand (from the reception day) and done', async () => {
    const errands = (await tc.engine.find('errands', { communityId: X })) as Errand[]
    expect(errands.map((e) => e.status).sort()).toEqual(['done', 'in_progress', 'submitted'])
    expect(errands.find((e) => e.status === 'in_progress')).toMatchObject({ ownerId: DEMO.gridWorker.id })
    expect(errands.find((e) => e.status === 'in_progress')!.bookingId).toBeTruthy()
    const queue = await tc.ok(DEMO.gridWorker.openid, 'errand.list', { communityId: X, view: 'open' })
    expect(queue.items.map((e) => [e.title, e.resident])).toEqual([['代办养老金资格认证', '钱*兰']])
    const stats = await tc.ok(DEMO.secretaryXingfuli.openid, 'service.stats', { communityId: X })
    expect(stats.errands).toEqual({ open: 2, done: 1 })
  })
})

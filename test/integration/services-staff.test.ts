/**
 * The staff side of 服务预约 through the real main() on the local engine:
 * - providers reach their services (service.list `provided` and the cards' `provided` flag): a partner unit's
 *   staff member sees only the services of their unit, the secretary all of them;
 * - a provider of service A verifies A's codes and reads A's roster, and is refused B's (FORBIDDEN, nothing
 *   changed); private (心灵驿站) and at-home bookings answered by verify and markNoShow show who and the
 *   address only to the person and the provider — the secretary sees 预约人已隐藏 and no address;
 * - errands: the timeline (taken, handed over with its reason, turned into a request) and whom one may hand
 *   over to; the request names the errand it came from;
 * - venues: the pending requests of the venues one decides on, across days, from venue.list `pending`.
 */
import { codeOf, openTestCloud, type TestCloud } from '../support/cloud'
import { fixtureDocs, P, T } from '../support/fixtures'
import { PRIVACY_VERSION, type User } from '../../types/org'
import type { Role } from '../../types/common'
import type { Unit } from '../../types/requests'
import type { Booking } from '../../types/services'

let tc: TestCloud
const c = T.c1
const sec = P.secretary.openid
const res = P.resident.openid
const nb = P.neighbour.openid
const pm = P.member.openid // provides counselling (private) and home care (at home): a party member, not staff
const HALL = 'un-hall'
const PROP = 'un-prop'
const HALL_STAFF = { id: 'u-hall', openid: 'o-hall', name: '税务小刘' }
const PROP_STAFF = { id: 'u-prop', openid: 'o-prop', name: '物业老周' }
/** Tuesday 1 December 2026, 10:00 in China; Wednesday's slots start at 09:00. */
const NOW = new Date('2026-12-01T02:00:00Z')
const WED = '2026-12-02'
const THU = '2026-12-03'
const WED_10 = new Date('2026-12-02T02:00:00Z')

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

const ids = { law: '', reception: '', counsel: '', home: '', venue: '', errands: '' }
const weekly = { weekly: [{ weekday: 3, start: '09:00', end: '11:00', capacity: 10 }], dated: [], closures: [] }

beforeAll(async () => {
  tc = await openTestCloud()
  const now = new Date('2026-11-01T08:00:00Z')
  const docs = fixtureDocs(now) as Record<string, any[]>
  docs.users.push(
    person(HALL_STAFF.id, HALL_STAFF.openid, HALL_STAFF.name, [{ communityId: c, role: 'unit_staff', unitId: HALL }], now),
    person(PROP_STAFF.id, PROP_STAFF.openid, PROP_STAFF.name, [{ communityId: c, role: 'unit_staff', unitId: PROP }], now),
  )
  docs.units = [unit(HALL, '青山区税务局', 'partner', now), unit(PROP, '安居物业', 'property', now)]
  await tc.engine.clearAll()
  for (const [coll, list] of Object.entries(docs)) await tc.engine.insertMany(coll, list)
  tc.setNow(NOW)
  const base = { communityId: c, description: '说明', place: '党群服务中心', delivery: 'slots' as const, schedule: weekly }
  const publish = async (data: object) => (await tc.ok(sec, 'service.upsert', { ...base, ...data } as never)).id
  ids.law = await publish({ name: '税务咨询', category: 'other', provider: { kind: 'unit', unitId: HALL, userIds: [] } })
  ids.reception = await publish({ name: '书记接待日', category: 'reception', provider: { kind: 'staff', userIds: [P.secretary.id] } })
  ids.counsel = await publish({ name: '心灵驿站', category: 'counselling', private: true, provider: { kind: 'staff', userIds: [P.member.id] } })
  ids.home = await publish({ name: '康养上门', category: 'elderly', delivery: 'at_home', provider: { kind: 'staff', userIds: [P.member.id] } })
  ids.venue = await publish({
    name: '税务局职工活动室',
    category: 'venue',
    provider: { kind: 'unit', unitId: HALL, userIds: [] },
    delivery: 'venue',
    schedule: undefined,
    venue: { unitId: HALL, opens: '18:00', closes: '21:00', days: [] },
  })
  ids.errands = await publish({
    name: '社区代办',
    category: 'errand',
    provider: { kind: 'unit', unitId: PROP, userIds: [] },
    delivery: 'walk_in',
    schedule: undefined,
    walkIn: '工作日 9:00-17:00',
  })
})
afterEach(() => tc.resetClock())
afterAll(async () => {
  await tc.close()
})

const bookingDoc = async (id: string) => (await tc.engine.find('bookings', { _id: id }))[0] as Booking
const book = (openid: string, serviceId: string, extra: object = {}) =>
  tc.ok(openid, 'booking.create', { communityId: c, serviceId, day: WED, start: '09:00', ...extra })

describe('providers reach their services', () => {
  test('service.list provided: a unit’s staff see their unit’s services, the secretary every one; the menu marks what the caller provides', async () => {
    tc.setNow(NOW)
    const names = async (openid: string) => (await tc.ok(openid, 'service.list', { communityId: c, provided: true, limit: 50 })).items.map((s) => s.name).sort()
    expect(await names(HALL_STAFF.openid)).toEqual(['税务咨询', '税务局职工活动室'])
    expect(await names(PROP_STAFF.openid)).toEqual(['社区代办'])
    expect(await names(pm)).toEqual(['康养上门', '心灵驿站'])
    expect(await names(res)).toEqual([])
    expect((await names(sec)).length).toBe(6)
    const menu = await tc.ok(res, 'service.list', { communityId: c, limit: 50 })
    expect(menu.items.some((s) => s.provided)).toBe(false)
    const hers = await tc.ok(HALL_STAFF.openid, 'service.list', { communityId: c, limit: 50 })
    expect(
      hers.items
        .filter((s) => s.provided)
        .map((s) => s.id)
        .sort(),
    ).toEqual([ids.law, ids.venue].sort())
  })
})

describe('a provider acts on their own service only', () => {
  test('the unit’s staff verify a code of their service; a code, roster or no-show of another service is refused and nothing changes', async () => {
    tc.setNow(NOW)
    const law = await book(res, ids.law)
    const reception = await book(nb, ids.reception)
    tc.setNow(WED_10)
    // Another service's code: answered as a code that does not exist (an outsider learns nothing), the booking still waits.
    const foreign = await tc.call(HALL_STAFF.openid, 'booking.verify', { communityId: c, code: reception.code! })
    expect(codeOf(foreign)).toBe('NOT_FOUND')
    expect((await bookingDoc(reception.id)).status).toBe('booked')
    expect(codeOf(await tc.call(HALL_STAFF.openid, 'booking.roster', { communityId: c, serviceId: ids.reception, day: WED }))).toBe('FORBIDDEN')
    expect(codeOf(await tc.call(HALL_STAFF.openid, 'booking.markNoShow', { communityId: c, bookingId: reception.id }))).toBe('FORBIDDEN')
    expect((await bookingDoc(reception.id)).status).toBe('booked')
    // Their own: the roster, and the code verified once.
    const roster = await tc.ok(HALL_STAFF.openid, 'booking.roster', { communityId: c, serviceId: ids.law, day: WED })
    expect(roster.items.map((b) => [b.id, b.who, b.code])).toEqual([[law.id, '王*英', null]])
    const done = await tc.ok(HALL_STAFF.openid, 'booking.verify', { communityId: c, code: law.code! })
    expect(done).toMatchObject({ id: law.id, status: 'attended', who: '王*英', code: null })
    expect((await bookingDoc(law.id)).status).toBe('attended')
    // The other unit's staff provide nothing here.
    expect(codeOf(await tc.call(PROP_STAFF.openid, 'booking.roster', { communityId: c, serviceId: ids.law, day: WED }))).toBe('FORBIDDEN')
  })

  test('private and at-home: verify and markNoShow answer who and the address only to the provider; the secretary sees neither', async () => {
    tc.setNow(NOW)
    const talk = await book(res, ids.counsel, { note: '最近睡不好' })
    const talk2 = await book(nb, ids.counsel)
    const visit = await book(res, ids.home, { address: '幸福里小区1栋101' })
    const visit2 = await book(nb, ids.home, { address: '幸福里小区2栋201' })
    tc.setNow(WED_10)
    const bySecretary = await tc.ok(sec, 'booking.verify', { communityId: c, code: visit.code! })
    expect(bySecretary).toMatchObject({ status: 'attended', address: null })
    const byProvider = await tc.ok(pm, 'booking.verify', { communityId: c, code: visit2.code! })
    expect(byProvider).toMatchObject({ status: 'attended', who: '李*国', address: '幸福里小区2栋201' })
    // The unit's staff, who provide neither, are told there is no such code among their services.
    expect(codeOf(await tc.call(HALL_STAFF.openid, 'booking.verify', { communityId: c, code: talk.code! }))).toBe('NOT_FOUND')

    const hidden = await tc.ok(sec, 'booking.verify', { communityId: c, code: talk.code! })
    expect(hidden).toMatchObject({ status: 'attended', who: '预约人已隐藏', child: null, rating: null })
    const noShow = await tc.ok(sec, 'booking.markNoShow', { communityId: c, bookingId: talk2.id })
    expect(noShow).toMatchObject({ status: 'no_show', who: '预约人已隐藏' })
    expect(JSON.stringify([hidden, noShow])).not.toMatch(/王|李/)
    const roster = await tc.ok(pm, 'booking.roster', { communityId: c, serviceId: ids.counsel, day: WED })
    expect(roster.items.map((b) => b.who).sort()).toEqual(['李*国', '王*英'])
  })
})

describe('errands: timeline, handover and turning into a request', () => {
  test('taken, handed over with its reason (in the timeline, to one of its staff), turned into a request that names it', async () => {
    tc.setNow(NOW)
    const e = await tc.ok(res, 'errand.create', { communityId: c, title: '代办医保报销', description: '住院费用报销', documents: ['身份证', '医保卡'] })
    expect(e.timeline).toEqual([expect.objectContaining({ event: 'submit', by: '王*英', note: null })])
    tc.advance(60_000)
    const taken = await tc.ok(PROP_STAFF.openid, 'errand.advance', { communityId: c, errandId: e.id, step: 'accept' })
    expect(taken).toMatchObject({ status: 'accepted', owner: '物**周', can: { progress: true, done: true, handover: true } })
    // Whom it may go to: the community's secretary (staff), not its owner, not a resident.
    expect(taken.handoverTo).toEqual([{ id: P.secretary.id, name: '陈*芬' }])
    expect(e.handoverTo).toBeUndefined()
    // A handover to a resident is refused and changes nothing.
    expect(codeOf(await tc.call(PROP_STAFF.openid, 'errand.advance', { communityId: c, errandId: e.id, step: 'handover', toUserId: P.neighbour.id }))).toBe(
      'INVALID_INPUT',
    )
    tc.advance(60_000)
    const handed = await tc.ok(PROP_STAFF.openid, 'errand.advance', {
      communityId: c,
      errandId: e.id,
      step: 'handover',
      toUserId: P.secretary.id,
      note: '需要社区盖章，转书记办理',
    })
    expect(handed.owner).toBe('陈*芬')
    expect(handed.handovers).toEqual([expect.objectContaining({ from: '物**周', to: '陈*芬', note: '需要社区盖章，转书记办理' })])
    expect(handed.timeline!.map((t) => [t.event, t.by, t.note])).toEqual([
      ['submit', '王*英', null],
      ['accept', '物**周', null],
      ['handover', '物**周', '需要社区盖章，转书记办理'],
    ])
    // The old owner may no longer move it; the resident sees the same timeline in their list.
    expect(codeOf(await tc.call(PROP_STAFF.openid, 'errand.advance', { communityId: c, errandId: e.id, step: 'done' }))).toBe('FORBIDDEN')
    const mine = await tc.ok(res, 'errand.list', { communityId: c, view: 'mine' })
    expect(mine.items.find((x) => x.id === e.id)!.timeline!.length).toBe(3)

    tc.advance(60_000)
    const turned = await tc.ok(sec, 'errand.advance', { communityId: c, errandId: e.id, step: 'toRequest', note: '涉及医保政策，转诉求跟进' })
    expect(turned).toMatchObject({ status: 'done', requestId: expect.any(String), can: {} })
    expect(turned.timeline!.at(-1)).toMatchObject({ event: 'toRequest', by: '陈*芬' })
    const request = await tc.ok(res, 'request.get', { communityId: c, requestId: turned.requestId! })
    expect(request.errandId).toBe(e.id)
    expect(request.description).toContain('【社区代办转来】代办医保报销')
  })
})

describe('venues: the requests waiting across days', () => {
  test('venue.list pending lists the requests of the venues one decides on, across days, earliest first; others see none', async () => {
    tc.setNow(NOW)
    const later = await tc.ok(res, 'venue.book', { communityId: c, serviceId: ids.venue, day: '2026-12-10', start: '19:00', end: '21:00', purpose: '合唱排练' })
    const sooner = await tc.ok(nb, 'venue.book', { communityId: c, serviceId: ids.venue, day: THU, start: '18:00', end: '19:00', purpose: '楼栋议事' })
    const staffView = await tc.ok(HALL_STAFF.openid, 'venue.list', { communityId: c, pending: true })
    expect(staffView).toHaveLength(1)
    expect(staffView[0]).toMatchObject({ id: ids.venue, decides: true, venue: { opens: '18:00', closes: '21:00' } })
    expect(staffView[0].pending!.map((r) => [r.id, r.day, r.who, r.purpose, r.code])).toEqual([
      [sooner.id, THU, '李*国', '楼栋议事', null],
      [later.id, '2026-12-10', '王*英', '合唱排练', null],
    ])
    expect((await tc.ok(sec, 'venue.list', { communityId: c, pending: true }))[0].pending!.length).toBe(2)
    // Without `pending`, or for someone who does not decide: no requests.
    expect((await tc.ok(HALL_STAFF.openid, 'venue.list', { communityId: c }))[0].pending).toBeUndefined()
    const resident = await tc.ok(res, 'venue.list', { communityId: c, pending: true })
    expect(resident[0]).toMatchObject({ decides: false })
    expect(resident[0].pending).toBeUndefined()
    expect((await tc.ok(PROP_STAFF.openid, 'venue.list', { communityId: c, pending: true }))[0].pending).toBeUndefined()

    // Decided from the list: approved and rejected ones leave it.
    await tc.ok(HALL_STAFF.openid, 'venue.approve', { communityId: c, bookingId: sooner.id, approve: true })
    await tc.ok(HALL_STAFF.openid, 'venue.approve', { communityId: c, bookingId: later.id, approve: false, reason: '这天馆内有比赛' })
    expect((await tc.ok(HALL_STAFF.openid, 'venue.list', { communityId: c, pending: true }))[0].pending).toEqual([])
  })
})

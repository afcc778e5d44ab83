/**
 * Service menus and bookings through main(): a rush of 300 for 20 places books exactly 20, one per person per
 * slot; cutoffs, no-show limits and the canteen's daily cutoff on the injected clock; private and at-home
 * bookings seen only by the person and the provider; points paid and refunded exactly once; proxy and phone
 * bookings; codes verified once, wrong codes limited; ratings once; reminders only for those who accepted
 * them, once; and after every run the counters equal a recount of the bookings.
 *
 * The clock is set to absolute instants (Tuesday 1 December 2026 in China), so the suite says the same under
 * any TEST_NOW and any process zone.
 */
import * as cloud from 'wx-server-sdk'
import { codeOf, openTestCloud, type TestCloud } from '../support/cloud'
import { P, T, seedFixtures } from '../support/fixtures'
import { ledgerProblems } from '../support/ledger'
import { postTransfer, personLeg, systemLeg } from '../../cloudfunctions/api/src/modules/points/ledger'
import type { ActionInput } from '../../types/api'
import type { Booking, Service, ServiceSlot } from '../../types/services'
import { TEMPLATES } from '../../types/templates'

let tc: TestCloud
beforeAll(async () => {
  tc = await openTestCloud()
})
afterAll(async () => {
  await tc.close()
})

const c = T.c1
const sec = P.secretary.openid
const res = P.resident.openid!
const nb = P.neighbour.openid!
const provider = P.member // party member and grid worker: named as the provider of staff services
const prov = provider.openid!

/** 08:00 on Tuesday 1 December 2026 in China (00:00 UTC). */
const TUESDAY_8AM = '2026-12-01T00:00:00Z'
const WED = '2026-12-02'

beforeEach(async () => {
  tc.setNow(TUESDAY_8AM)
  await seedFixtures(tc.engine, new Date('2026-11-01T00:00:00Z'))
  tc.resetLimits()
})

type Upsert = ActionInput<'service.upsert'>
const reception = (change: Partial<Upsert> = {}): Upsert => ({
  communityId: c,
  name: '书记接待日',
  category: 'reception',
  description: '书记面对面听取居民意见，帮助解决困难',
  provider: { kind: 'staff', userIds: [provider.id] },
  place: '党群服务中心一楼',
  delivery: 'slots',
  schedule: { weekly: [{ weekday: 3, start: '09:00', end: '11:00', capacity: 20 }], dated: [], closures: [] },
  cutoffHours: 2,
  ...change,
})
const publish = async (change: Partial<Upsert> = {}) => (await tc.ok(sec, 'service.upsert', reception(change))).id

/** Residents of building 1, verified, with a WeChat identity each. */
async function residents(prefix: string, n: number): Promise<{ id: string; openid: string }[]> {
  const now = tc.now()
  const people = Array.from({ length: n }, (_, i) => ({ id: `u-${prefix}-${i}`, openid: `o-${prefix}-${i}` }))
  await tc.engine.insertMany(
    'users',
    people.map((p) => ({
      _id: p.id,
      openid: p.openid,
      offline: false,
      nickname: '居民',
      avatarUrl: null,
      realName: `刘${p.id.slice(-3)}`,
      phone: null,
      householdId: T.h1,
      communityId: c,
      buildingId: T.b1,
      householdStatus: 'verified',
      roles: [{ communityId: c, role: 'resident' }],
      proxies: [],
      privacy: null,
      elderMode: null,
      birthYear: null,
      createdAt: now,
      updatedAt: now,
    })),
  )
  return people
}

/** Counters and places agree with a recount of the stored bookings. */
async function expectCountersAgree() {
  const services: Service[] = await tc.engine.find('services', {})
  const bookings: Booking[] = await tc.engine.find('bookings', {})
  const shards: { serviceId: string; bookings: number }[] = await tc.engine.find('service_counters', {})
  for (const s of services) {
    const mine = bookings.filter((b) => b.serviceId === s._id)
    const rated = mine.filter((b) => b.rating)
    // bookings: the service's own counter plus its shards (modules/service/counters.ts)
    const booked = s.counters.bookings + shards.filter((x) => x.serviceId === s._id).reduce((n, x) => n + x.bookings, 0)
    expect({ service: s.name, ...s.counters, bookings: booked }).toEqual({
      service: s.name,
      bookings: mine.length,
      cancelled: mine.filter((b) => b.status === 'cancelled').length,
      attended: mine.filter((b) => b.status === 'attended').length,
      noShows: mine.filter((b) => b.status === 'no_show').length,
      ratings: rated.length,
      ratingSum: rated.reduce((n, b) => n + b.rating!.stars, 0),
    })
  }
  const slots: ServiceSlot[] = await tc.engine.find('service_slots', {})
  for (const slot of slots) {
    const live = bookings.filter((b) => b.slotId === slot._id && ['booked', 'attended', 'no_show', 'pending'].includes(b.status)).length
    expect({ slot: slot._id, taken: slot.taken, holds: slot.holds ?? [] }).toEqual({ slot: slot._id, taken: live, holds: [] })
  }
  expect(await ledgerProblems(tc.engine)).toEqual([])
}

describe('the menu', () => {
  test('the secretary publishes; residents list, search and ask; a search with no result and a wish are counted for the secretary', async () => {
    const id = await publish()
    await publish({
      name: '长者食堂',
      category: 'canteen',
      description: '老年人午餐，荤素搭配',
      delivery: 'daily',
      daily: { cutoff: '10:00', capacity: 40, days: [1, 2, 3, 4, 5] },
      schedule: undefined,
    })
    const list = await tc.ok(res, 'service.list', { communityId: c })
    expect(list.items.map((s) => [s.name, s.when])).toEqual([
      ['长者食堂', '每周一至五 10:00 前预订'],
      ['书记接待日', '每周三 9:00-11:00'],
    ])
    expect((await tc.ok(res, 'service.list', { communityId: c, category: 'reception' })).items.map((s) => s.id)).toEqual([id])
    expect((await tc.ok(res, 'service.list', { communityId: c, q: '书记' })).items.map((s) => s.id)).toEqual([id])
    expect((await tc.ok(res, 'service.list', { communityId: c, q: '理发' })).items).toEqual([])
    expect((await tc.ok(nb, 'service.list', { communityId: c, q: ' 理发 ' })).items).toEqual([])
    expect(await tc.ok(nb, 'service.demand', { communityId: c, words: '理发' })).toEqual({ counted: true })
    expect(codeOf(await tc.call(res, 'service.list', { communityId: c, all: true }))).toBe('FORBIDDEN')

    const detail = await tc.ok(res, 'service.get', { communityId: c, serviceId: id })
    expect(detail).toMatchObject({
      name: '书记接待日',
      provider: { kind: 'staff', name: '社区工作人员' },
      me: { canBook: true, whyNot: null, isProvider: false, canEdit: false },
    })
    expect((await tc.ok(prov, 'service.get', { communityId: c, serviceId: id })).me.isProvider).toBe(true)

    const stats = await tc.ok(sec, 'service.stats', { communityId: c })
    expect(stats.demand).toEqual([{ words: '理发', searches: 2, wants: 1 }])
    expect(stats.services.map((s) => s.name).sort()).toEqual(['书记接待日', '长者食堂'])
    expect(codeOf(await tc.call(res, 'service.stats', { communityId: c }))).toBe('FORBIDDEN')

    // Withdrawn: gone from the menu, still on the secretary's list, audited.
    await tc.ok(sec, 'service.upsert', { ...reception({ active: false }), serviceId: id })
    expect((await tc.ok(res, 'service.list', { communityId: c })).items.map((s) => s.name)).toEqual(['长者食堂'])
    expect((await tc.ok(sec, 'service.list', { communityId: c, all: true })).items).toHaveLength(2)
    expect(codeOf(await tc.call(res, 'service.get', { communityId: c, serviceId: id }))).toBe('NOT_FOUND')
    const audit = await tc.engine.find('audit_log', { 'resource.type': 'service' })
    expect(audit).toHaveLength(3)
    expect(audit[2].before).toEqual({ active: true })
    expect(audit[2].after).toEqual({ active: false })
  })

  test('a schedule and a provider are checked before anything is saved', async () => {
    const bad = async (change: Partial<Upsert>) => {
      const r = await tc.call(sec, 'service.upsert', reception(change))
      return r.ok ? 'OK' : `${r.error.code} ${r.error.details?.issues?.map((i) => i.path).join(',') ?? ''}`.trim()
    }
    expect(await bad({ schedule: { weekly: [{ weekday: 3, start: '11:00', end: '09:00', capacity: 5 }], dated: [], closures: [] } })).toBe(
      'INVALID_INPUT schedule.weekly.0.end',
    )
    expect(
      await bad({
        schedule: {
          weekly: [
            { weekday: 3, start: '09:00', end: '11:00', capacity: 5 },
            { weekday: 3, start: '10:00', end: '12:00', capacity: 5 },
          ],
          dated: [],
          closures: [],
        },
      }),
    ).toBe('INVALID_INPUT schedule.weekly.1')
    expect(await bad({ provider: { kind: 'staff', userIds: ['u-nobody'] } })).toBe('NOT_FOUND')
    expect(await bad({ provider: { kind: 'staff', userIds: [P.neighbour.id] } })).toBe('INVALID_INPUT provider.userIds.0')
    expect(await bad({ provider: { kind: 'staff', userIds: [] } })).toBe('INVALID_INPUT provider.userIds')
    expect(await bad({ provider: { kind: 'post', postId: 'post-none', userIds: [] } })).toBe('NOT_FOUND')
    expect(await bad({ provider: { kind: 'unit', unitId: 'unit-none', userIds: [] } })).toBe('NOT_FOUND')
    expect(await bad({ delivery: 'walk_in', schedule: undefined })).toBe('INVALID_INPUT walkIn')
    expect(codeOf(await tc.call(res, 'service.upsert', reception()))).toBe('FORBIDDEN')
    // A new service must name its provider.
    const { provider: _omitted, ...noProvider } = reception()
    expect(codeOf(await tc.call(sec, 'service.upsert', noProvider))).toBe('INVALID_INPUT')
    expect(await tc.engine.count('services', {})).toBe(0)
    expect(await tc.engine.count('audit_log', {})).toBe(0)
  })

  test('an update without a provider keeps the provider, privacy and child settings (the menu editor sends none)', async () => {
    const id = await publish({ private: true, forChild: true })
    const { provider: _omitted, private: _p, forChild: _c, ...edit } = reception({ name: '书记接待日（改）' })
    await tc.ok(sec, 'service.upsert', { ...edit, serviceId: id })
    const [stored] = await tc.engine.find('services', { _id: id })
    expect(stored).toMatchObject({ name: '书记接待日（改）', private: true, forChild: true, provider: { kind: 'staff', userIds: [provider.id] } })
  })

  test("the secretary's service.get answers the provider as stored (for the menu editor); nobody else gets it", async () => {
    const id = await publish({ audience: { minAge: 60, buildingIds: [T.b1] }, noShowRule: { count: 2, withinDays: 60, blockDays: 7 } })
    const mine = await tc.ok(sec, 'service.get', { communityId: c, serviceId: id })
    expect(mine.edit).toEqual({
      provider: { kind: 'staff', unitId: null, postId: null, userIds: [provider.id], people: [{ userId: provider.id, name: expect.stringContaining('*') }] },
    })
    expect(mine).toMatchObject({ audience: { minAge: 60, buildingIds: [T.b1] }, noShowRule: { count: 2, withinDays: 60, blockDays: 7 } })
    // upsert answers the same, so the editor can keep editing what it saved.
    const { provider: _omitted, ...edit } = reception({ name: '书记接待日（改）' })
    expect((await tc.ok(sec, 'service.upsert', { ...edit, serviceId: id })).edit).toEqual(mine.edit)
    expect('edit' in (await tc.ok(res, 'service.get', { communityId: c, serviceId: id }))).toBe(false)
    expect('edit' in (await tc.ok(prov, 'service.get', { communityId: c, serviceId: id }))).toBe(false)
  })
})

describe('booking', () => {
  test('300 bookings at once for 20 places: exactly 20, one per person per slot', async () => {
    const id = await publish()
    const people = await residents('rush', 250)
    // 250 people, 50 of whom tap twice.
    const taps = [...people, ...people.slice(0, 50)]
    const answers = await Promise.all(taps.map((p) => tc.call(p.openid, 'booking.create', { communityId: c, serviceId: id, day: WED, start: '09:00' })))
    const ok = answers.filter((a) => a.ok)
    expect(ok).toHaveLength(20)
    // Refused as full (or, on an instance too loaded to settle the rush within 5 s, as busy: try again).
    const refused = answers.filter((a) => !a.ok).map((a) => (a.ok ? '' : `${a.error.code} ${a.error.details?.reason}`))
    expect(refused.filter((r) => !['CONFLICT FULL', 'CONFLICT ALREADY_DONE', 'CONFLICT BUSY'].includes(r))).toEqual([])
    const stored: Booking[] = await tc.engine.find('bookings', { serviceId: id })
    expect(stored).toHaveLength(20)
    expect(new Set(stored.map((b) => b.userId)).size).toBe(20)
    expect(new Set(stored.map((b) => b.code)).size).toBe(20)
    expect(stored.every((b) => /^[1-9]\d{7}$/.test(b.code) && b.status === 'booked' && b.channel === 'online')).toBe(true)
    const [slot] = await tc.engine.find('service_slots', { serviceId: id })
    expect(slot).toMatchObject({ day: WED, start: '09:00', capacity: 20, taken: 20, holds: [] })
    const view = await tc.ok(people[0].openid, 'service.slots', { communityId: c, serviceId: id, days: 9 })
    expect(view.map((s) => [s.day, s.left, s.open, s.why])).toEqual([
      [WED, 0, false, '这个时段已经约满了'],
      ['2026-12-09', 20, true, null],
    ])
    const winner = stored[0]
    const theirs = await tc.ok(people.find((p) => p.id === winner.userId)!.openid, 'service.slots', { communityId: c, serviceId: id, days: 2 })
    expect(theirs[0].mine).toBe(winner._id)
    await expectCountersAgree()
  }, 120_000)

  test('the cutoff, to the minute: booking and cancelling close 2 hours before the start', async () => {
    const id = await publish()
    const book = (who: string) => tc.call(who, 'booking.create', { communityId: c, serviceId: id, day: WED, start: '09:00' })
    tc.setNow('2026-12-01T22:59:00Z') // 06:59 on Wednesday in China: the slot starts at 09:00
    const mine = await book(res)
    expect(codeOf(mine)).toBe('OK')
    tc.setNow('2026-12-01T23:00:00Z')
    const late = await book(nb)
    expect(late.ok ? null : [late.error.code, late.error.message]).toEqual(['CONFLICT', '已过预约截止时间'])
    const cancel = await tc.call(res, 'booking.cancel', { communityId: c, bookingId: mine.ok ? mine.data.id : '' })
    expect(cancel.ok ? null : cancel.error.code).toBe('CONFLICT')
    expect((await tc.ok(res, 'service.slots', { communityId: c, serviceId: id, days: 1 }))[0]).toMatchObject({ open: false, why: '已过预约截止时间', left: 19 })
    // Before the cutoff a cancellation frees the place, and the same person may book it again.
    tc.setNow('2026-12-01T22:00:00Z')
    const again = await tc.ok(res, 'booking.cancel', { communityId: c, bookingId: mine.ok ? mine.data.id : '' })
    expect(again).toMatchObject({ status: 'cancelled', canCancel: false })
    expect(codeOf(await tc.call(res, 'booking.cancel', { communityId: c, bookingId: again.id }))).toBe('CONFLICT')
    expect(codeOf(await book(res))).toBe('OK')
    // Closures and slots the schedule does not have.
    await tc.ok(sec, 'service.upsert', {
      ...reception({ schedule: { weekly: [{ weekday: 3, start: '09:00', end: '11:00', capacity: 20 }], dated: [], closures: ['2026-12-09'] } }),
      serviceId: id,
    })
    const closed = await tc.call(res, 'booking.create', { communityId: c, serviceId: id, day: '2026-12-09', start: '09:00' })
    expect(closed.ok ? null : closed.error.message).toBe('这一天休息，不开放预约')
    expect(codeOf(await tc.call(res, 'booking.create', { communityId: c, serviceId: id, day: '2026-12-10', start: '09:00' }))).toBe('NOT_FOUND')
    expect(codeOf(await tc.call(res, 'booking.create', { communityId: c, serviceId: id, day: WED, start: '10:00' }))).toBe('NOT_FOUND')
    await expectCountersAgree()
  })

  test("the canteen: one meal a day per person, before the day's cutoff, up to the day's capacity", async () => {
    const id = await publish({
      name: '长者食堂',
      category: 'canteen',
      delivery: 'daily',
      daily: { cutoff: '10:00', capacity: 2, days: [] },
      schedule: undefined,
    })
    const meal = (who: string, day: string) => tc.call(who, 'booking.create', { communityId: c, serviceId: id, day })
    tc.setNow('2026-12-02T01:59:00Z') // 09:59 in China
    const first = await meal(res, WED)
    expect(first.ok && [first.data.start, first.data.status]).toEqual(['10:00', 'booked'])
    const twice = await meal(res, WED)
    expect(twice.ok ? null : twice.error.details?.reason).toBe('ALREADY_DONE')
    expect(codeOf(await meal(nb, WED))).toBe('OK')
    const full = await meal(prov, WED)
    expect(full.ok ? null : full.error.details?.reason).toBe('FULL')
    tc.setNow('2026-12-02T02:00:00Z') // 10:00 in China
    const late = await meal(P.head.openid!, WED)
    expect(late.ok ? null : late.error.message).toBe('12月2日的订餐已在 10:00 截止')
    const cancel = await tc.call(res, 'booking.cancel', { communityId: c, bookingId: first.ok ? first.data.id : '' })
    expect(cancel.ok ? null : cancel.error.message).toMatch(/订餐已在 10:00 截止/)
    expect(codeOf(await meal(res, '2026-12-03'))).toBe('OK') // tomorrow's meal
    await expectCountersAgree()
  })

  test('no-shows: marked after the start by staff; repeated ones block new bookings, with the reason and the day it ends', async () => {
    const id = await publish({ noShowRule: { count: 2, withinDays: 30, blockDays: 7 } })
    const book = async (day: string) => (await tc.ok(res, 'booking.create', { communityId: c, serviceId: id, day, start: '09:00' })).id
    const first = await book(WED)
    const second = await book('2026-12-09')
    tc.setNow('2026-12-02T00:59:00Z') // 08:59 China: not yet begun
    const early = await tc.call(prov, 'booking.markNoShow', { communityId: c, bookingId: first })
    expect(early.ok ? null : early.error.code).toBe('CONFLICT')
    tc.setNow('2026-12-02T03:00:00Z')
    expect(codeOf(await tc.call(nb, 'booking.markNoShow', { communityId: c, bookingId: first }))).toBe('FORBIDDEN')
    expect((await tc.ok(prov, 'booking.markNoShow', { communityId: c, bookingId: first })).status).toBe('no_show')
    expect(codeOf(await tc.call(prov, 'booking.markNoShow', { communityId: c, bookingId: first }))).toBe('CONFLICT')
    // One no-show: still free to book.
    expect((await tc.ok(res, 'service.get', { communityId: c, serviceId: id })).me.canBook).toBe(true)
    tc.setNow('2026-12-09T03:00:00Z')
    await tc.ok(sec, 'booking.markNoShow', { communityId: c, bookingId: second })
    const me = (await tc.ok(res, 'service.get', { communityId: c, serviceId: id })).me
    expect(me).toMatchObject({ canBook: false, blockedUntil: '2026-12-16' })
    expect(me.whyNot).toBe('您近 30 天内有 2 次预约没有到场，12月16日起才能再预约这项服务')
    const blocked = await tc.call(res, 'booking.create', { communityId: c, serviceId: id, day: '2026-12-16', start: '09:00' })
    expect(blocked.ok ? null : [blocked.error.code, blocked.error.details?.reason, blocked.error.message]).toEqual(['FORBIDDEN', 'NOT_ELIGIBLE', me.whyNot])
    // Others are not blocked; on the day the block ends the person may book again.
    expect(codeOf(await tc.call(nb, 'booking.create', { communityId: c, serviceId: id, day: '2026-12-16', start: '09:00' }))).toBe('OK')
    tc.setNow('2026-12-15T16:00:00Z') // 00:00 on 16 December in China
    expect(codeOf(await tc.call(res, 'booking.create', { communityId: c, serviceId: id, day: '2026-12-23', start: '09:00' }))).toBe('OK')
    await expectCountersAgree()
  })

  test('audience: only confirmed residents of the listed buildings, of the age asked for', async () => {
    const id = await publish({ name: '康养上门', category: 'elderly', delivery: 'at_home', audience: { minAge: 60, buildingIds: [T.b1] } })
    const book = (who: string) => tc.call(who, 'booking.create', { communityId: c, serviceId: id, day: WED, start: '09:00', address: '幸福里小区1栋101' })
    const noYear = await book(res)
    expect(noYear.ok ? null : [noYear.error.code, noYear.error.details?.reason, noYear.error.message]).toEqual([
      'FORBIDDEN',
      'NOT_ELIGIBLE',
      '这项服务面向 60 岁以上的居民，请带身份证到社区登记出生年份后再预约',
    ])
    const users = (cloud.database({ throwOnNotFound: false } as Parameters<typeof cloud.database>[0]) as any).collection('users')
    await users.doc(P.resident.id).update({ data: { verifiedBirthYear: 1950 } })
    await users.doc(P.member.id).update({ data: { verifiedBirthYear: 1950 } })
    expect(codeOf(await book(res))).toBe('OK')
    const otherBuilding = await book(prov) // building 2
    expect(otherBuilding.ok ? null : otherBuilding.error.message).toMatch(/楼栋/)
    const noAddress = await tc.call(res, 'booking.create', { communityId: c, serviceId: id, day: '2026-12-09', start: '09:00' })
    expect(noAddress.ok ? null : noAddress.error.code).toBe('INVALID_INPUT')
  })
})

describe('places', () => {
  test('a place held by a booking that never finished goes back after two minutes; one whose booking exists is only released', async () => {
    const id = await publish({ schedule: { weekly: [{ weekday: 3, start: '09:00', end: '11:00', capacity: 2 }], dated: [], closures: [] } })
    const b = await tc.ok(res, 'booking.create', { communityId: c, serviceId: id, day: WED, start: '09:00' })
    // As if two bookings crashed between taking their place and writing: one never written, one written.
    const db = cloud.database({ throwOnNotFound: false } as Parameters<typeof cloud.database>[0]) as any
    const _ = db.command
    const slotId = `${id}_${WED}_0900`
    await db
      .collection('service_slots')
      .doc(slotId)
      .update({ data: { taken: _.inc(1), holds: _.push({ bookingId: 'b-crashed', at: tc.now() }) } })
    await db
      .collection('service_slots')
      .doc(slotId)
      .update({ data: { holds: _.push({ bookingId: b.id, at: tc.now() }) } })
    const full = await tc.call(nb, 'booking.create', { communityId: c, serviceId: id, day: WED, start: '09:00' })
    expect(full.ok ? null : full.error.details?.reason).toBe('BUSY') // the crashed hold might still come back
    tc.advance(3 * 60_000)
    const r = await tc.tick()
    expect(r.ok && r.data['booking.releaseStaleHolds']).toEqual({ released: 2 })
    const [slot] = await tc.engine.find('service_slots', { _id: slotId })
    expect(slot).toMatchObject({ taken: 1, holds: [] })
    expect(codeOf(await tc.call(nb, 'booking.create', { communityId: c, serviceId: id, day: WED, start: '09:00' }))).toBe('OK')
    await expectCountersAgree()
  }, 60_000)

  test('walk-in services take no bookings', async () => {
    const id = await publish({ name: '社区代办', category: 'errand', delivery: 'walk_in', walkIn: '工作日 9:00-17:00 党群服务中心', schedule: undefined })
    expect((await tc.ok(res, 'service.get', { communityId: c, serviceId: id })).me).toMatchObject({
      canBook: false,
      whyNot: '这项服务随到随办，不用预约，按时间直接去就行',
    })
    expect(await tc.ok(res, 'service.slots', { communityId: c, serviceId: id })).toEqual([])
    expect(codeOf(await tc.call(res, 'booking.create', { communityId: c, serviceId: id, day: WED }))).toBe('INVALID_INPUT')
  })
})

describe('privacy', () => {
  test('private and at-home bookings: only the person and the provider see who, the child and the address', async () => {
    const counselling = await publish({ name: '心灵驿站', category: 'counselling', private: true })
    const home = await publish({ name: '康养上门', category: 'elderly', delivery: 'at_home' })
    const lesson = await publish({ name: '四点半课堂', category: 'children', forChild: true })
    const b1 = await tc.ok(res, 'booking.create', { communityId: c, serviceId: counselling, day: WED, start: '09:00', note: '最近睡不好' })
    const b2 = await tc.ok(res, 'booking.create', { communityId: c, serviceId: home, day: WED, start: '09:00', address: '幸福里小区1栋101' })
    const b3 = await tc.ok(nb, 'booking.create', { communityId: c, serviceId: lesson, day: WED, start: '09:00', child: { givenName: '小明', age: 8 } })
    expect(b1).toMatchObject({ who: '王*英', code: expect.stringMatching(/^\d{8}$/) })
    expect(b2.address).toBe('幸福里小区1栋101')
    expect(b3.child).toEqual({ givenName: '小明', age: 8 })
    const noChild = await tc.call(nb, 'booking.create', { communityId: c, serviceId: lesson, day: '2026-12-09', start: '09:00' })
    expect(noChild.ok ? null : noChild.error.code).toBe('INVALID_INPUT')

    const roster = async (who: string, serviceId: string) => {
      const r = await tc.call(who, 'booking.roster', { communityId: c, serviceId, day: WED })
      return r.ok ? r.data.items.map((b) => ({ who: b.who, code: b.code, child: b.child, address: b.address })) : r.error.code
    }
    expect(await roster(prov, counselling)).toEqual([{ who: '王*英', code: null, child: null, address: null }])
    expect(await roster(sec, counselling)).toEqual([{ who: '预约人已隐藏', code: null, child: null, address: null }])
    expect(await roster(nb, counselling)).toBe('FORBIDDEN')
    expect(await roster(prov, home)).toEqual([{ who: '王*英', code: null, child: null, address: '幸福里小区1栋101' }])
    expect(await roster(sec, home)).toEqual([{ who: '王*英', code: null, child: null, address: null }])
    expect(await roster(sec, lesson)).toEqual([{ who: '李*国', code: null, child: { givenName: '小明', age: 8 }, address: null }])
    expect(await roster(res, home)).toBe('FORBIDDEN')
    // The person sees their own, with the code; nobody else's list shows them.
    expect((await tc.ok(res, 'booking.mine', { communityId: c })).items.map((b) => [b.serviceName, b.who, !!b.code])).toEqual([
      ['康养上门', '王*英', true],
      ['心灵驿站', '王*英', true],
    ])
    expect((await tc.ok(nb, 'booking.mine', { communityId: c })).items.map((b) => b.serviceName)).toEqual(['四点半课堂'])
    // Verified by the secretary, a private booking still hides who it was.
    tc.setNow('2026-12-02T01:30:00Z')
    const verified = await tc.ok(sec, 'booking.verify', { communityId: c, code: b1.code! })
    expect(verified).toMatchObject({ status: 'attended', who: '预约人已隐藏', code: null })
    const audit = await tc.engine.find('audit_log', { 'resource.type': 'booking' })
    expect(audit.map((a) => a.resource.label)).toEqual(['心灵驿站 12月2日'])
    // What is stored of a child: the given name and age only.
    const [stored] = await tc.engine.find('bookings', { serviceId: lesson })
    expect(stored.child).toEqual({ givenName: '小明', age: 8 })
  })
})

describe('points, proxies, codes, ratings', () => {
  const grant = async (userId: string, points: number) => {
    const db = cloud.database({ throwOnNotFound: false } as Parameters<typeof cloud.database>[0])
    await postTransfer(
      db,
      {
        key: `seed:${userId}:${points}`,
        communityId: c,
        kind: 'grant',
        reason: '志愿服务',
        cause: null,
        byUserId: null,
        legs: [systemLeg('funding', c, -points), personLeg(c, userId, points)],
      },
      tc.now(),
    )
  }
  const balance = async (userId: string) => (await tc.engine.find('point_accounts', { _id: `pa_${c}_${userId}` }))[0]?.balance ?? 0

  test('a points-priced booking is paid once and refunded once, in full, on a cancellation before the cutoff', async () => {
    const id = await publish({ name: '理疗体验', category: 'elderly', pricePoints: 10 })
    await grant(P.resident.id, 15)
    const booked = await tc.ok(res, 'booking.create', { communityId: c, serviceId: id, day: WED, start: '09:00' })
    expect(booked.pricePoints).toBe(10)
    expect(await balance(P.resident.id)).toBe(5)
    const short = await tc.call(res, 'booking.create', { communityId: c, serviceId: id, day: '2026-12-09', start: '09:00' })
    expect(short.ok ? null : short.error.details?.reason).toBe('INSUFFICIENT_POINTS')
    expect(await tc.engine.count('service_slots', { day: '2026-12-09' })).toBe(0)
    const cancelled = await tc.ok(res, 'booking.cancel', { communityId: c, bookingId: booked.id })
    expect(cancelled).toMatchObject({ status: 'cancelled', refunded: true })
    expect(await balance(P.resident.id)).toBe(15)
    expect(codeOf(await tc.call(res, 'booking.cancel', { communityId: c, bookingId: booked.id }))).toBe('CONFLICT')
    expect(await balance(P.resident.id)).toBe(15)
    expect(await tc.engine.count('point_transfers', { key: `booking:${booked.id}:pay` })).toBe(1)
    expect(await tc.engine.count('point_transfers', { key: `booking:${booked.id}:refund` })).toBe(1)
    // Booking again pays again, once.
    const again = await tc.ok(res, 'booking.create', { communityId: c, serviceId: id, day: WED, start: '09:00' })
    expect(await balance(P.resident.id)).toBe(5)
    // After the cutoff no refund.
    tc.setNow('2026-12-01T23:30:00Z')
    expect(codeOf(await tc.call(res, 'booking.cancel', { communityId: c, bookingId: again.id }))).toBe('CONFLICT')
    expect(await balance(P.resident.id)).toBe(5)
    // A rush of taps by one person who can pay for one: one booking, one payment.
    tc.setNow(TUESDAY_8AM)
    await grant(P.neighbour.id, 10)
    const taps = await Promise.all(
      Array.from({ length: 8 }, () => tc.call(nb, 'booking.create', { communityId: c, serviceId: id, day: '2026-12-09', start: '09:00' })),
    )
    expect(taps.filter((t) => t.ok)).toHaveLength(1)
    expect(await balance(P.neighbour.id)).toBe(0)
    expect(await tc.engine.count('point_transfers', { key: /^booking:.*:pay$/ })).toBe(3)
    await expectCountersAgree()
  })

  test('a building head books for an offline neighbour (proxy); staff enter a booking taken by phone', async () => {
    const id = await publish()
    await tc.ok(P.elder.openid ? P.elder.openid : sec, 'org.setProxy', { communityId: c, residentId: P.elder.id, proxyId: P.head.id, enabled: true })
    const proxy = await tc.ok(P.head.openid!, 'booking.create', { communityId: c, serviceId: id, day: WED, start: '09:00', forUserId: P.elder.id })
    expect(proxy).toMatchObject({ channel: 'proxy', who: '赵*兰', code: expect.stringMatching(/^\d{8}$/) })
    const stored = (await tc.engine.find('bookings', { _id: proxy.id }))[0]
    expect(stored).toMatchObject({ userId: P.elder.id, bookedById: P.head.id })
    // Out of the building head's scope (building 2), or not their neighbour at all.
    expect(codeOf(await tc.call(P.head.openid!, 'booking.create', { communityId: c, serviceId: id, day: WED, start: '09:00', forUserId: P.farElder.id }))).toBe(
      'FORBIDDEN',
    )
    expect(codeOf(await tc.call(nb, 'booking.create', { communityId: c, serviceId: id, day: WED, start: '09:00', forUserId: P.resident.id }))).toBe('FORBIDDEN')
    // Phone: the secretary or the provider, for anyone who lives here; not a resident.
    const phoned = await tc.ok(sec, 'booking.create', { communityId: c, serviceId: id, day: WED, start: '09:00', forUserId: P.farElder.id, channel: 'phone' })
    expect(phoned.channel).toBe('phone')
    expect(
      codeOf(await tc.call(nb, 'booking.create', { communityId: c, serviceId: id, day: WED, start: '09:00', forUserId: P.resident.id, channel: 'phone' })),
    ).toBe('FORBIDDEN')
    // The building head cancels for the neighbour; the neighbour's list (were they online) holds it.
    expect((await tc.ok(P.head.openid!, 'booking.cancel', { communityId: c, bookingId: proxy.id })).status).toBe('cancelled')
    await expectCountersAgree()
  })

  test('codes: verified once by the provider or the secretary, on the day; wrong codes are limited; ratings once after attending', async () => {
    const id = await publish()
    const b = await tc.ok(res, 'booking.create', { communityId: c, serviceId: id, day: WED, start: '09:00' })
    const other = await tc.ok(nb, 'booking.create', { communityId: c, serviceId: id, day: WED, start: '09:00' })
    const early = await tc.call(prov, 'booking.verify', { communityId: c, code: b.code! })
    expect(early.ok ? null : early.error.message).toBe('这个预约在12月2日，还没到时间')
    expect(codeOf(await tc.call(res, 'booking.rate', { communityId: c, bookingId: b.id, stars: 5 }))).toBe('CONFLICT')
    tc.setNow('2026-12-02T01:10:00Z')
    // Someone who does not serve the service cannot tell a real code from a wrong one: the same answer, a try used.
    const real = await tc.call(nb, 'booking.verify', { communityId: c, code: b.code! })
    const made = await tc.call(nb, 'booking.verify', { communityId: c, code: '19999999' })
    expect(real.ok ? null : [real.error.code, real.error.message]).toEqual(['NOT_FOUND', '您负责的服务里没有这个预约码，请核对后再输（还能输 4 次）'])
    expect(made.ok ? null : [made.error.code, made.error.message]).toEqual(['NOT_FOUND', '您负责的服务里没有这个预约码，请核对后再输（还能输 3 次）'])
    expect(((await tc.engine.find('bookings', { _id: b.id }))[0] as Booking).status).toBe('booked')
    const done = await tc.ok(prov, 'booking.verify', { communityId: c, code: b.code! })
    expect(done).toMatchObject({ status: 'attended', who: '王*英', canRate: false })
    const twice = await tc.call(sec, 'booking.verify', { communityId: c, code: b.code! })
    expect(twice.ok ? null : [twice.error.code, twice.error.details?.reason]).toEqual(['CONFLICT', 'CODE_EXPIRED'])
    // Five wrong codes, then no more tries — not even the right one — for ten minutes.
    const wrong = (n: number) => String(10_000_000 + n)
    for (let i = 0; i < 4; i++) expect(codeOf(await tc.call(prov, 'booking.verify', { communityId: c, code: wrong(i) }))).toBe('NOT_FOUND')
    const fifth = await tc.call(prov, 'booking.verify', { communityId: c, code: wrong(4) })
    expect(fifth.ok ? null : fifth.error.message).toMatch(/还能输 0 次|次数已用完/)
    const locked = await tc.call(prov, 'booking.verify', { communityId: c, code: other.code! })
    expect(locked.ok ? null : [locked.error.code, locked.error.details?.reason]).toEqual(['FORBIDDEN', 'TOO_MANY_TRIES'])
    tc.advance(10 * 60_000)
    expect((await tc.ok(prov, 'booking.verify', { communityId: c, code: other.code! })).status).toBe('attended')
    // Ratings: the person, once.
    expect(codeOf(await tc.call(nb, 'booking.rate', { communityId: c, bookingId: b.id, stars: 5 }))).toBe('FORBIDDEN')
    const rated = await tc.ok(res, 'booking.rate', { communityId: c, bookingId: b.id, stars: 4, comment: '书记很耐心' })
    expect(rated.rating).toEqual({ stars: 4, comment: '书记很耐心' })
    const again = await tc.call(res, 'booking.rate', { communityId: c, bookingId: b.id, stars: 1 })
    expect(again.ok ? null : again.error.details?.reason).toBe('ALREADY_DONE')
    await tc.ok(nb, 'booking.rate', { communityId: c, bookingId: other.id, stars: 5 })
    expect((await tc.ok(res, 'service.list', { communityId: c })).items[0].ratingAverage).toBe(4.5)
    expect((await tc.ok(sec, 'service.stats', { communityId: c })).services).toEqual([
      { id, name: '书记接待日', bookings: 2, attended: 2, noShows: 0, cancelled: 0, ratingAverage: 4.5 },
    ])
    // The day after, an unused code has expired.
    const late = await tc.ok(P.head.openid!, 'booking.create', { communityId: c, serviceId: id, day: '2026-12-09', start: '09:00' })
    tc.setNow('2026-12-10T01:00:00Z')
    const expired = await tc.call(prov, 'booking.verify', { communityId: c, code: late.code! })
    expect(expired.ok ? null : expired.error.details?.reason).toBe('CODE_EXPIRED')
    await expectCountersAgree()
  })
})

describe('reminders', () => {
  test('the day before, from 08:00 China, only to those who accepted one, once', async () => {
    const id = await publish()
    const lesson = await publish({
      name: '四点半课堂',
      category: 'children',
      forChild: true,
      schedule: { weekly: [{ weekday: 2, start: '16:30', end: '18:00', capacity: 10 }], dated: [], closures: [] },
    })
    tc.setNow('2026-11-30T10:00:00Z') // Monday 18:00 China
    await tc.ok(res, 'org.subscribed', { templates: ['bookingReminder'] })
    const b = await tc.ok(res, 'booking.create', { communityId: c, serviceId: id, day: WED, start: '09:00' })
    await tc.ok(nb, 'booking.create', { communityId: c, serviceId: id, day: WED, start: '09:00' }) // accepted nothing
    await tc.ok(P.head.openid!, 'org.setProxy', { communityId: c, residentId: P.elder.id, enabled: true })
    await tc.ok(P.head.openid!, 'org.subscribed', { templates: ['bookingReminder'] })
    await tc.ok(P.head.openid!, 'booking.create', { communityId: c, serviceId: id, day: WED, start: '09:00', forUserId: P.elder.id })
    await tc.ok(res, 'org.subscribed', { templates: ['bookingReminder'] })
    await tc.ok(res, 'booking.create', { communityId: c, serviceId: lesson, day: '2026-12-01', start: '16:30', child: { givenName: '小明', age: 8 } })

    const sent = () => tc.engine.find('outbox', { templateId: TEMPLATES.bookingReminder.id })
    const tick = async () => {
      const r = await tc.tick()
      if (!r.ok) throw new Error(JSON.stringify(r))
      return r.data['booking.remind']
    }
    // Monday evening: Tuesday's lesson is tomorrow; Wednesday is two days off.
    expect(await tick()).toMatchObject({ reminded: 1, passed: 0 })
    expect((await sent()).map((m) => m.data.thing1.value)).toEqual(['四点半课堂'])
    // Tuesday 07:50 China: a lesson booked on its own day is not reminded; Wednesday's are not due before 08:00.
    tc.setNow('2026-11-30T23:50:00Z')
    await tc.ok(prov, 'org.subscribed', { templates: ['bookingReminder'] })
    await tc.ok(prov, 'booking.create', { communityId: c, serviceId: lesson, day: '2026-12-01', start: '16:30', child: { givenName: '小红', age: 9 } })
    expect(await tick()).toMatchObject({ reminded: 0, passed: 1 })
    tc.setNow(TUESDAY_8AM)
    expect(await tick()).toMatchObject({ reminded: 2, passed: 1 })
    expect(await tick()).toMatchObject({ reminded: 0, passed: 0 })
    const out = await sent()
    expect(out.map((m) => m.touser).sort()).toEqual([P.head.openid, res, res].sort())
    // The acceptance of the one passed over is still theirs for a later message.
    expect((await tc.engine.find('subscriptions', { userId: provider.id }))[0].count).toBe(1)
    const mine = out.find((m) => m.touser === res && m.data.thing1.value === '书记接待日')!
    expect(mine.data).toEqual({
      thing1: { value: '书记接待日' },
      time2: { value: '2026年12月2日 09:00' },
      thing3: { value: '党群服务中心一楼' },
      thing4: { value: `请凭预约码${b.code}到场` },
    })
    expect(await tc.engine.count('bookings', { remindedAt: null })).toBe(0)
    expect(await tc.engine.count('message_failures', {})).toBe(0)
  })
})

/**
 * The service area's pure rules, table by table: slots expanded from weekly and dated slots and closures over
 * China days (including days whose China start falls on the previous UTC date), the canteen's daily slot and a
 * venue's hours; cutoffs to the exact minute; no-show block windows; audience; the booking lifecycle; schedule
 * problems; the menu's words. Nothing here reads the process's zone (the suite runs under several, test:tz).
 */
import type { User } from '../../types/org'
import type { Service } from '../../types/services'
import {
  audienceRefusal,
  BOOKING_TRANSITIONS,
  cancelRefusal,
  canMove,
  closesAt,
  expandSlots,
  hasStarted,
  isBeforeCutoff,
  noShowBlock,
  noShowHorizon,
  scheduleProblems,
  slotOn,
  slotRefusal,
  slotStartsAt,
  weekdayOf,
  weekdaysWords,
  whenWords,
  type BookingEvent,
  type BookingRelation,
} from '../../cloudfunctions/api/src/modules/service/rules'
import { BOOKING_STATUSES } from '../../types/vocabulary'

type S = Pick<Service, 'delivery' | 'schedule' | 'daily' | 'venue' | 'walkIn' | 'cutoffHours'>
const base: S = { delivery: 'slots', schedule: { weekly: [], dated: [], closures: [] }, daily: null, venue: null, walkIn: null, cutoffHours: 2 }
const reception: S = {
  ...base,
  schedule: {
    weekly: [
      { weekday: 3, start: '09:00', end: '11:00', capacity: 5 },
      { weekday: 3, start: '14:00', end: '16:00', capacity: 3 },
      { weekday: 5, start: '07:00', end: '08:00', capacity: 2 },
    ],
    dated: [
      { day: '2026-12-05', start: '10:00', end: '12:00', capacity: 8 },
      { day: '2026-12-09', start: '09:00', end: '11:00', capacity: 20 },
    ],
    closures: ['2026-12-16'],
  },
}
const brief = (xs: { day: string; start: string; capacity: number; closed: boolean }[]) =>
  xs.map((x) => `${x.day} ${x.start} ×${x.capacity}${x.closed ? ' closed' : ''}`)

describe('China days and weekdays', () => {
  test.each([
    ['2026-11-30', 1],
    ['2026-12-02', 3],
    ['2026-12-06', 7],
    ['2027-01-01', 5],
    ['2028-02-29', 2],
  ])('%s is weekday %i', (day, wd) => expect(weekdayOf(day)).toBe(wd))

  test.each([
    // 07:00 in Shanghai is 23:00 UTC of the day before: the slot keeps its China day.
    ['2026-12-04', '07:00', '2026-12-03T23:00:00.000Z'],
    ['2026-12-02', '09:00', '2026-12-02T01:00:00.000Z'],
    ['2026-12-31', '23:30', '2026-12-31T15:30:00.000Z'],
    ['2027-01-01', '00:00', '2026-12-31T16:00:00.000Z'],
  ])('%s %s China starts at %s', (day, start, iso) => expect(slotStartsAt(day, start).toISOString()).toBe(iso))
})

describe('slot expansion', () => {
  test.each<[string, S, string, number, string[]]>([
    [
      'weekly slots over two weeks, a dated slot, a dated slot replacing a weekly one, a closure',
      reception,
      '2026-11-30',
      21,
      [
        '2026-12-02 09:00 ×5',
        '2026-12-02 14:00 ×3',
        '2026-12-04 07:00 ×2',
        '2026-12-05 10:00 ×8',
        '2026-12-09 09:00 ×20',
        '2026-12-09 14:00 ×3',
        '2026-12-11 07:00 ×2',
        '2026-12-16 09:00 ×5 closed',
        '2026-12-16 14:00 ×3 closed',
        '2026-12-18 07:00 ×2',
      ],
    ],
    ['a range starting mid-week', reception, '2026-12-03', 2, ['2026-12-04 07:00 ×2']],
    ['nothing in a range without its weekdays', reception, '2026-12-06', 3, []],
    [
      'the canteen on weekdays: one slot a day at its cutoff',
      {
        ...base,
        delivery: 'daily',
        daily: { cutoff: '10:00', capacity: 40, days: [1, 2, 3, 4, 5] },
        schedule: { weekly: [], dated: [], closures: ['2026-12-01'] },
      },
      '2026-11-30',
      7,
      ['2026-11-30 10:00 ×40', '2026-12-01 10:00 ×40 closed', '2026-12-02 10:00 ×40', '2026-12-03 10:00 ×40', '2026-12-04 10:00 ×40'],
    ],
    [
      'the canteen every day (no days listed)',
      { ...base, delivery: 'daily', daily: { cutoff: '09:30', capacity: 10, days: [] } },
      '2026-12-05',
      2,
      ['2026-12-05 09:30 ×10', '2026-12-06 09:30 ×10'],
    ],
    [
      'a venue: hourly slots within its hours, one group each, on its days',
      { ...base, delivery: 'venue', venue: { unitId: null, opens: '18:00', closes: '21:30', days: [6, 7] } },
      '2026-12-04',
      3,
      ['2026-12-05 18:00 ×1', '2026-12-05 19:00 ×1', '2026-12-05 20:00 ×1', '2026-12-06 18:00 ×1', '2026-12-06 19:00 ×1', '2026-12-06 20:00 ×1'],
    ],
    ['walk-in has no slots', { ...base, delivery: 'walk_in', walkIn: '每周一至五 9:00-17:00' }, '2026-11-30', 7, []],
    ['at-home visits use the schedule', { ...reception, delivery: 'at_home' }, '2026-12-04', 1, ['2026-12-04 07:00 ×2']],
  ])('%s', (_name, s, from, days, want) => expect(brief(expandSlots(s, from, days))).toEqual(want))

  test('slotOn finds a slot by day and start; the canteen by day alone', () => {
    expect(slotOn(reception, '2026-12-02', '14:00')?.capacity).toBe(3)
    expect(slotOn(reception, '2026-12-02', '10:00')).toBeNull()
    expect(slotOn(reception, '2026-12-03', '09:00')).toBeNull()
    expect(slotOn(reception, '2026-12-16', '09:00')?.closed).toBe(true)
    const canteen = { ...base, delivery: 'daily' as const, daily: { cutoff: '10:00', capacity: 40, days: [1, 2, 3, 4, 5] } }
    expect(slotOn(canteen, '2026-12-02', undefined)?.start).toBe('10:00')
    expect(slotOn(canteen, '2026-12-05', undefined)).toBeNull()
  })
})

describe('cutoffs, to the minute', () => {
  const slot = { day: '2026-12-02', start: '09:00', end: '11:00', capacity: 5, closed: false }
  const canteen = { ...base, delivery: 'daily' as const, cutoffHours: 2, daily: { cutoff: '10:00', capacity: 40, days: [] } }
  const meal = { day: '2026-12-02', start: '10:00', end: '10:00', capacity: 40, closed: false }
  test.each<[string, S, typeof slot, string, boolean]>([
    ['2 hours before 09:00 China: a millisecond before', reception, slot, '2026-12-01T22:59:59.999Z', true],
    ['2 hours before 09:00 China: at the minute', reception, slot, '2026-12-01T23:00:00.000Z', false],
    ['no cutoff hours: until the start', { ...reception, cutoffHours: 0 }, slot, '2026-12-02T00:59:59.999Z', true],
    ['no cutoff hours: at the start', { ...reception, cutoffHours: 0 }, slot, '2026-12-02T01:00:00.000Z', false],
    ['the canteen: before 10:00 China on the day (cutoffHours ignored)', canteen, meal, '2026-12-02T01:59:00.000Z', true],
    ['the canteen: at 10:00 China', canteen, meal, '2026-12-02T02:00:00.000Z', false],
    ['the canteen: the evening before', canteen, meal, '2026-12-01T12:00:00.000Z', true],
  ])('%s', (_n, s, sl, at, open) => {
    const now = new Date(at)
    expect(isBeforeCutoff(s, sl, now)).toBe(open)
    expect(slotRefusal(s, sl, 0, now) === null).toBe(open)
    expect(cancelRefusal(s, sl, now) === null).toBe(open)
  })

  test('closesAt and hasStarted', () => {
    expect(closesAt(reception, slot).toISOString()).toBe('2026-12-01T23:00:00.000Z')
    expect(hasStarted(slot, new Date('2026-12-02T00:59:59.999Z'))).toBe(false)
    expect(hasStarted(slot, new Date('2026-12-02T01:00:00.000Z'))).toBe(true)
  })

  test('why a slot cannot be booked: closed, past the cutoff, full — in that order', () => {
    const early = new Date('2026-11-30T00:00:00Z')
    expect(slotRefusal(reception, { ...slot, closed: true }, 5, early)).toMatch(/休息/)
    expect(slotRefusal(reception, slot, 5, new Date('2026-12-02T00:00:00Z'))).toMatch(/截止/)
    expect(slotRefusal(reception, slot, 5, early)).toMatch(/约满/)
    expect(slotRefusal(reception, slot, 4, early)).toBeNull()
    expect(slotRefusal(canteen, meal, 0, new Date('2026-12-02T02:00:00Z'))).toBe('12月2日的订餐已在 10:00 截止')
  })
})

describe('no-show blocks', () => {
  const rule = { count: 3, withinDays: 30, blockDays: 14 }
  test.each<[string, string[], string, string | null]>([
    ['three within 30 days: blocked 14 days from the last', ['2026-11-01', '2026-11-10', '2026-11-20'], '2026-11-25', '2026-12-04'],
    ['on the day the block ends: free again', ['2026-11-01', '2026-11-10', '2026-11-20'], '2026-12-04', null],
    ['the day before it ends: still blocked', ['2026-11-01', '2026-11-10', '2026-11-20'], '2026-12-03', '2026-12-04'],
    ['two are not enough', ['2026-11-10', '2026-11-20'], '2026-11-25', null],
    ['three spread over 35 days', ['2026-10-01', '2026-10-20', '2026-11-05'], '2026-11-06', null],
    ['exactly 30 days apart is outside the window', ['2026-10-01', '2026-10-15', '2026-10-31'], '2026-11-01', null],
    ['29 days apart is inside', ['2026-10-01', '2026-10-15', '2026-10-30'], '2026-11-01', '2026-11-13'],
    ['the latest block wins', ['2026-10-01', '2026-10-02', '2026-10-03', '2026-11-01', '2026-11-02', '2026-11-03'], '2026-11-05', '2026-11-17'],
    ['unsorted input', ['2026-11-20', '2026-11-01', '2026-11-10'], '2026-11-25', '2026-12-04'],
  ])('%s', (_n, days, today, until) => expect(noShowBlock(rule, days, today)?.until ?? null).toBe(until))

  test('the oldest no-show that can matter', () => expect(noShowHorizon(rule, '2026-12-01')).toBe('2026-10-18'))
})

describe('audience', () => {
  const now = new Date('2026-11-30T16:30:00Z') // already 2026 → 2026-12-01 00:30 in China; the year is still 2026
  const person: Pick<User, 'communityId' | 'householdStatus' | 'buildingId' | 'verifiedBirthYear'> = {
    communityId: 'c-1',
    householdStatus: 'verified',
    buildingId: 'b-1',
    verifiedBirthYear: 1950,
  }
  test.each<[string, Service['audience'], Partial<typeof person>, RegExp | null]>([
    ['every confirmed resident', { minAge: null, buildingIds: [] }, {}, null],
    ['a pending household', { minAge: null, buildingIds: [] }, { householdStatus: 'pending' }, /确认住址/],
    ['another community', { minAge: null, buildingIds: [] }, { communityId: 'c-2' }, /确认住址/],
    ['in the buildings', { minAge: null, buildingIds: ['b-1', 'b-2'] }, {}, null],
    ['outside the buildings', { minAge: null, buildingIds: ['b-2'] }, {}, /楼栋/],
    ['old enough (76)', { minAge: 60, buildingIds: [] }, {}, null],
    ['exactly 60 this year', { minAge: 60, buildingIds: [] }, { verifiedBirthYear: 1966 }, null],
    ['59 this year', { minAge: 60, buildingIds: [] }, { verifiedBirthYear: 1967 }, /60 岁以上/],
    ['no verified birth year', { minAge: 60, buildingIds: [] }, { verifiedBirthYear: null }, /登记出生年份/],
  ])('%s', (_n, audience, change, want) => {
    const why = audienceRefusal(audience, { ...person, ...change }, 'c-1', now)
    if (want === null) expect(why).toBeNull()
    else expect(why).toMatch(want)
  })

  test('the China year decides the age (the first minutes of a China year)', () => {
    const newYear = new Date('2026-12-31T16:00:30Z') // 2027-01-01 00:00:30 in China
    expect(audienceRefusal({ minAge: 60, buildingIds: [] }, { ...person, verifiedBirthYear: 1967 }, 'c-1', newYear)).toBeNull()
  })
})

describe('the booking lifecycle table', () => {
  const all: BookingRelation[] = ['person', 'booker', 'provider', 'secretary', 'venueStaff']
  const allowed: Record<BookingEvent, { from: string[]; by: BookingRelation[] }> = {
    verify: { from: ['booked'], by: ['provider', 'secretary'] },
    markNoShow: { from: ['booked'], by: ['provider', 'secretary'] },
    cancel: { from: ['booked', 'pending'], by: ['person', 'booker'] },
    approve: { from: ['pending'], by: ['venueStaff', 'secretary'] },
    reject: { from: ['pending'], by: ['venueStaff', 'secretary'] },
    rate: { from: ['attended'], by: ['person', 'booker'] },
  }
  const rows = (Object.keys(BOOKING_TRANSITIONS) as BookingEvent[]).flatMap((e) => BOOKING_STATUSES.flatMap((s) => all.map((r) => [e, s, r] as const)))
  test.each(rows)('%s from %s by %s', (event, status, relation) => {
    const want = allowed[event].from.includes(status) && allowed[event].by.includes(relation)
    expect(canMove(event, { status, rating: null }, new Set([relation]))).toBe(want)
  })
  test('a rating is given once', () => {
    expect(canMove('rate', { status: 'attended', rating: { stars: 5 } }, new Set(['person']))).toBe(false)
  })
  test('where each move leads', () => {
    expect(Object.fromEntries(Object.entries(BOOKING_TRANSITIONS).map(([e, t]) => [e, t.to]))).toEqual({
      verify: 'attended',
      markNoShow: 'no_show',
      cancel: 'cancelled',
      approve: 'booked',
      reject: 'rejected',
      rate: 'attended',
    })
  })
})

describe('schedule problems', () => {
  const draft = (change: Partial<S>) => ({ ...base, ...change })
  test.each<[string, ReturnType<typeof draft>, string[]]>([
    [
      'a good weekly schedule',
      draft({
        schedule: {
          weekly: [
            { weekday: 3, start: '09:00', end: '10:00', capacity: 5 },
            { weekday: 3, start: '10:00', end: '11:00', capacity: 5 },
          ],
          dated: [],
          closures: [],
        },
      }),
      [],
    ],
    [
      'end before start',
      draft({ schedule: { weekly: [{ weekday: 3, start: '11:00', end: '09:00', capacity: 5 }], dated: [], closures: [] } }),
      ['schedule.weekly.0.end'],
    ],
    [
      'end equal to start',
      draft({ schedule: { weekly: [], dated: [{ day: '2026-12-05', start: '09:00', end: '09:00', capacity: 5 }], closures: [] } }),
      ['schedule.dated.0.end'],
    ],
    [
      'overlapping weekly slots on one day',
      draft({
        schedule: {
          weekly: [
            { weekday: 3, start: '09:00', end: '11:00', capacity: 5 },
            { weekday: 3, start: '10:30', end: '12:00', capacity: 5 },
          ],
          dated: [],
          closures: [],
        },
      }),
      ['schedule.weekly.1'],
    ],
    [
      'the same hours on different days',
      draft({
        schedule: {
          weekly: [
            { weekday: 3, start: '09:00', end: '11:00', capacity: 5 },
            { weekday: 4, start: '09:00', end: '11:00', capacity: 5 },
          ],
          dated: [],
          closures: [],
        },
      }),
      [],
    ],
    [
      'a dated slot on a day that does not exist',
      draft({ schedule: { weekly: [], dated: [{ day: '2026-02-30', start: '09:00', end: '10:00', capacity: 5 }], closures: [] } }),
      ['schedule.dated.0.day'],
    ],
    ['booked slots with no slot at all', draft({}), ['schedule']],
    ['walk-in without its words', draft({ delivery: 'walk_in' }), ['walkIn']],
    ['daily without its cutoff', draft({ delivery: 'daily' }), ['daily']],
    ['a venue open less than an hour', draft({ delivery: 'venue', venue: { unitId: null, opens: '18:00', closes: '18:30', days: [] } }), ['venue.closes']],
  ])('%s', (_n, d, paths) => expect(scheduleProblems(d).map((p) => p.path)).toEqual(paths))
})

describe('words', () => {
  test.each([
    [[3], '每周三'],
    [[1, 2, 3, 4, 5], '每周一至五'],
    [[6, 7], '每周六、日'],
    [[1, 3, 5], '每周一、三、五'],
    [[], '每天'],
    [[1, 2, 3, 4, 5, 6, 7], '每天'],
  ])('%j → %s', (days, words) => expect(weekdaysWords(days)).toBe(words))

  test('when, per kind of delivery', () => {
    expect(whenWords(reception, '2026-12-06')).toBe('每周三 9:00-11:00；每周三 14:00-16:00；每周五 7:00-8:00；12月9日 9:00-11:00')
    expect(
      whenWords({ ...base, schedule: { weekly: [{ weekday: 3, start: '09:00', end: '11:00', capacity: 5 }], dated: [], closures: [] } }, '2026-12-01'),
    ).toBe('每周三 9:00-11:00')
    expect(whenWords({ ...base, delivery: 'daily', daily: { cutoff: '10:00', capacity: 5, days: [] } }, '2026-12-01')).toBe('每天 10:00 前预订')
    expect(whenWords({ ...base, delivery: 'walk_in', walkIn: '工作日 9:00-17:00' }, '2026-12-01')).toBe('工作日 9:00-17:00')
    expect(whenWords({ ...base, delivery: 'venue', venue: { unitId: null, opens: '18:00', closes: '21:00', days: [6, 7] } }, '2026-12-01')).toBe(
      '每周六、日 18:00-21:00 开放',
    )
    expect(whenWords(base, '2026-12-01')).toBe('暂无可约时段')
  })
})

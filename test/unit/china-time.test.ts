import {
  addDays,
  addMonths,
  chinaDateTime,
  chinaDay,
  chinaDayEnd,
  chinaDayStart,
  chinaHour,
  chinaMonth,
  chinaMonthStart,
  chinaMonthsBack,
  chinaShortDateTime,
  chinaYear,
  isChinaDay,
} from '../../cloudfunctions/api/src/platform/chinaTime'
import { clockOf, systemClock } from '../../cloudfunctions/api/src/platform/clock'
import { capBuckets, expiryCutoff, expiryDay, nextExpiry } from '../../cloudfunctions/api/src/modules/points/policy'
import { reminderDue, remindHorizon } from '../../cloudfunctions/api/src/modules/party/rules'
import { nextFire } from '../../local/host/scheduler'

/** Whatever the process's TZ (npm run test:tz runs these under UTC, Asia/Shanghai and Pacific/Kiritimati). */
describe('China time, whatever the server zone', () => {
  test.each([
    ['2026-11-30T15:59:59Z', '2026-11', '2026-11-30'],
    ['2026-11-30T16:00:00Z', '2026-12', '2026-12-01'], // the last 8 UTC hours of a month are the next month in China
    ['2026-12-31T18:30:00Z', '2027-01', '2027-01-01'],
    ['2027-01-01T00:00:00Z', '2027-01', '2027-01-01'],
  ])('%s is %s / %s in Shanghai', (iso, month, day) => {
    expect(chinaMonth(new Date(iso))).toBe(month)
    expect(chinaDay(new Date(iso))).toBe(day)
  })

  test('month starts and the months shown by a report', () => {
    const now = new Date('2026-11-30T18:30:00Z') // 2026-12-01 02:30 in China
    expect(chinaMonthStart(now).toISOString()).toBe('2026-11-30T16:00:00.000Z')
    expect(chinaMonthStart(now, 5).toISOString()).toBe('2026-06-30T16:00:00.000Z')
    expect(chinaMonthsBack(now, 3)).toEqual(['2026-10', '2026-11', '2026-12'])
    expect(chinaMonthsBack(new Date('2026-03-01T00:00:00Z'), 2)).toEqual(['2026-02', '2026-03'])
  })
})

describe('China days: calendar arithmetic and their instants', () => {
  test('days, months, validity', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28')
    expect(addMonths('2028-02-29', -12)).toBe('2027-02-28')
    expect(isChinaDay('2026-02-30')).toBe(false)
    expect(isChinaDay('2028-02-29')).toBe(true)
    expect(isChinaDay('2026-1-01')).toBe(false)
  })

  test('a China day runs from 16:00 UTC the day before', () => {
    expect(chinaDayStart('2026-12-01').toISOString()).toBe('2026-11-30T16:00:00.000Z')
    expect(chinaDayEnd('2026-12-01').toISOString()).toBe('2026-12-01T15:59:59.000Z')
    expect(chinaYear(new Date('2026-12-31T15:59:59Z'))).toBe(2026)
    expect(chinaYear(new Date('2026-12-31T16:00:00Z'))).toBe(2027)
    expect(chinaHour(new Date('2026-11-30T23:59:00Z'))).toBe(7)
    expect(chinaDateTime(new Date('2026-12-31T16:05:00Z'))).toBe('2027-01-01 00:05')
    expect(chinaShortDateTime(new Date('2026-12-01T01:00:00Z'))).toBe('12-01 09:00')
  })
})

describe('points: caps and expiry by China day', () => {
  test('cap buckets turn over at China midnight', () => {
    expect(capBuckets(new Date('2026-11-30T15:59:59Z'))).toEqual({ day: '20261130', month: '202611' })
    expect(capBuckets(new Date('2026-11-30T16:00:00Z'))).toEqual({ day: '20261201', month: '202612' })
    expect(capBuckets(new Date('2026-12-31T16:00:00Z'))).toEqual({ day: '20270101', month: '202701' })
  })

  test('earned on day D, gone from 00:00 Shanghai of D + N months (month ends clamp)', () => {
    expect(expiryDay(new Date('2025-12-01T15:59:00Z'), 12)).toBe('2026-12-01')
    expect(expiryDay(new Date('2025-12-01T16:00:00Z'), 12)).toBe('2026-12-02')
    expect(expiryDay(new Date('2026-01-30T16:00:00Z'), 1)).toBe('2026-02-28') // earned 31 Jan
    // On 1 Dec 2026 everything earned before 2 Dec 2025 00:00 (China) has expired; on 30 Nov, before 1 Dec.
    expect(expiryCutoff('2026-12-01', 12).toISOString()).toBe('2025-12-01T16:00:00.000Z')
    expect(expiryCutoff('2026-11-30', 12).toISOString()).toBe('2025-11-30T16:00:00.000Z')
    // 28 Feb: 28–31 Jan all expire that day (their month has no 29th–31st in February).
    expect(expiryCutoff('2026-02-28', 1).toISOString()).toBe('2026-01-31T16:00:00.000Z')
    expect(expiryCutoff('2026-02-27', 1).toISOString()).toBe('2026-01-27T16:00:00.000Z') // 27 Jan's go on 27 Feb
    expect(expiryCutoff('2026-03-31', 1).toISOString()).toBe('2026-02-28T16:00:00.000Z')
  })

  test("the cutoff agrees with each credit's expiry day, every day of a leap and a common year", () => {
    for (const months of [1, 6, 12]) {
      for (let day = '2027-12-01'; day <= '2029-03-31'; day = addDays(day, 1)) {
        const cutoff = expiryCutoff(day, months)
        const lastIn = new Date(cutoff.getTime() - 1)
        expect([expiryDay(lastIn, months) <= day, expiryDay(cutoff, months) > day]).toEqual([true, true])
      }
    }
  })

  test('the warning names the next expiry day and exactly what goes then (FIFO)', () => {
    const e = (amount: number, iso: string) => ({ amount, at: new Date(iso) })
    const entries = [e(50, '2025-12-01T03:00:00Z'), e(30, '2025-12-01T16:30:00Z'), e(-10, '2026-01-05T00:00:00Z')]
    expect(nextExpiry(entries, 12, '2026-11-20', 30)).toEqual({ amount: 40, on: '2026-12-01' })
    expect(nextExpiry(entries, 12, '2026-10-01', 30)).toBeNull()
    expect(nextExpiry([...entries, e(-40, '2026-02-01T00:00:00Z')], 12, '2026-11-20', 30)).toEqual({ amount: 30, on: '2026-12-02' })
    expect(nextExpiry([...entries, e(-70, '2026-02-01T00:00:00Z')], 12, '2026-11-20', 30)).toBeNull()
  })
})

describe('activity reminders: the day before, in China', () => {
  const due = (start: string, now: string) => reminderDue(new Date(start), new Date(now))
  test('from 08:00 Shanghai on the day before; at once on the day; never after the start', () => {
    const start = '2026-12-02T02:00:00Z' // 2 Dec 10:00 in Shanghai
    expect(due(start, '2026-11-30T15:59:00Z')).toBe(false) // 30 Nov 23:59: two days before
    expect(due(start, '2026-11-30T16:00:00Z')).toBe(false) // 1 Dec 00:00: the day before, at night
    expect(due(start, '2026-11-30T23:59:00Z')).toBe(false) // 1 Dec 07:59
    expect(due(start, '2026-12-01T00:00:00Z')).toBe(true) // 1 Dec 08:00
    expect(due(start, '2026-12-01T17:00:00Z')).toBe(true) // 2 Dec 01:00: the day itself
    expect(due(start, '2026-12-02T02:00:00Z')).toBe(false)
    expect(remindHorizon(new Date('2026-11-30T16:00:00Z')).toISOString()).toBe('2026-12-02T16:00:00.000Z')
  })
})

describe('the clock given through main', () => {
  test('only a function, and only valid Dates', () => {
    expect(clockOf(undefined)).toBe(systemClock)
    expect(clockOf({ clock: '2030-01-01T00:00:00Z' })).toBe(systemClock)
    expect(clockOf(JSON.parse('{"clock":{"now":1}}'))).toBe(systemClock)
    const at = new Date('2026-11-30T15:59:00Z')
    expect(clockOf({ clock: () => at })()).toBe(at)
    expect(() => clockOf({ clock: () => 'tomorrow' })()).toThrow(TypeError)
    expect(() => clockOf({ clock: () => new Date('nope') })()).toThrow(TypeError)
  })
})

describe('the local timer scheduler reads cron hours in China time', () => {
  test('02:00 daily is 18:00 UTC; hourly is on the hour', () => {
    expect(nextFire('0 0 2 * * * *', new Date('2026-11-22T10:15:30Z')).toISOString()).toBe('2026-11-22T18:00:00.000Z')
    expect(nextFire('0 0 2 * * * *', new Date('2026-11-22T18:00:00Z')).toISOString()).toBe('2026-11-23T18:00:00.000Z')
    expect(nextFire('0 0 * * * * *', new Date('2026-11-30T15:59:59.500Z')).toISOString()).toBe('2026-11-30T16:00:00.000Z')
    expect(nextFire('*/20 * * * * * *', new Date('2026-11-22T10:15:30Z')).toISOString()).toBe('2026-11-22T10:15:40.000Z')
  })
})

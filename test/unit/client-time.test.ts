/**
 * The client's dates and times (src/services/time.ts) are China time whatever zone the device is in:
 * instants near China midnight land on the China day, week days are Chinese, ranges say the end's day
 * only when it differs, and the pickers' China date and time become an instant at +08:00.
 * Run under any TZ (npm run test:tz runs it under UTC, Asia/Shanghai and UTC+14).
 */
import { chinaIso, chinaToday, clock, dateTime, dayText, formatChina, isoDay, monthDay, timeRange, weekdayTime } from '../../src/services/time'
import { greeting } from '../../src/services/format'

test('an instant shows as China time, not the device zone', () => {
  // 23:59:30 on 30 Nov in Shanghai is 15:59:30 UTC.
  const nearMidnight = '2026-11-30T15:59:30Z'
  expect(isoDay(nearMidnight)).toBe('2026-11-30')
  expect(dateTime(nearMidnight)).toBe('11月30日 23:59')
  expect(monthDay(nearMidnight)).toBe('11月30日')
  expect(clock(nearMidnight)).toBe('23:59')
  // 30 seconds later it is 1 December in China.
  expect(isoDay('2026-11-30T16:00:00Z')).toBe('2026-12-01')
  expect(dateTime(new Date('2026-11-30T16:00:00Z'))).toBe('12月1日 00:00')
})

test('week days and ranges in Chinese', () => {
  // 22 Nov 2026 is a Sunday.
  expect(weekdayTime('2026-11-22T06:00:00Z')).toBe('11月22日（周日）14:00')
  expect(timeRange('2026-11-22T06:00:00Z', '2026-11-22T08:00:00Z')).toBe('11月22日（周日）14:00–16:00')
  // Ends after China midnight: the end's day is said.
  expect(timeRange('2026-11-22T14:00:00Z', '2026-11-22T17:00:00Z')).toBe('11月22日（周日）22:00–11月23日（周一）01:00')
})

test('calendar days, pickers and what is not a time', () => {
  expect(dayText('2026-12-01')).toBe('12月1日')
  expect(dayText('明天')).toBe('明天')
  expect(chinaIso('2026-11-22', '14:00')).toBe('2026-11-22T14:00:00+08:00')
  expect(isoDay(chinaIso('2026-11-22', '00:30'))).toBe('2026-11-22')
  expect(chinaToday(Date.parse('2026-12-31T16:00:00Z'))).toBe('2027-01-01')
  expect(formatChina('not a date', 'HH:mm')).toBe('not a date')
  expect(formatChina(null, 'HH:mm')).toBe('')
  expect(clock(undefined)).toBe('')
})

test('greeting by the China hour', () => {
  expect(greeting(Date.parse('2026-11-22T00:30:00Z'))).toBe('早上好') // 08:30 in China
  expect(greeting(Date.parse('2026-11-22T04:30:00Z'))).toBe('中午好') // 12:30
  expect(greeting(Date.parse('2026-11-22T13:00:00Z'))).toBe('晚上好') // 21:00
  expect(greeting(Date.parse('2026-11-22T18:00:00Z'))).toBe('夜深了') // 02:00
})

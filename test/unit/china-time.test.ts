import { chinaDay, chinaMonth, chinaMonthStart, chinaMonthsBack } from '../../cloudfunctions/api/src/platform/chinaTime'

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

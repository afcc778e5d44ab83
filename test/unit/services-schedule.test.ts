/** The secretary's editor reads weekly slots and closures written as lines (src/packages/services/schedule.ts). */
import { parseDays, parseWeekly, weeklyText } from '../../src/packages/services/schedule'

test('weekly slots: 周三 / 3 / 周日 / 周天, padded clocks, capacity; a line it cannot read is named', () => {
  expect(parseWeekly('周三 09:00-11:00 20\n\n5 9:30-10:00 4\n周日 14:00~16:00 8\n周天 8:00至9:00 1')).toEqual({
    slots: [
      { weekday: 3, start: '09:00', end: '11:00', capacity: 20 },
      { weekday: 5, start: '09:30', end: '10:00', capacity: 4 },
      { weekday: 7, start: '14:00', end: '16:00', capacity: 8 },
      { weekday: 7, start: '08:00', end: '09:00', capacity: 1 },
    ],
  })
  expect(parseWeekly('周三 上午 20')).toEqual({ bad: '周三 上午 20' })
  const slots = [{ weekday: 1, start: '09:00', end: '10:00', capacity: 3 }]
  expect(parseWeekly(weeklyText(slots))).toEqual({ slots })
})

test('closures: dates separated by lines, commas or spaces', () => {
  expect(parseDays('2026-10-01，2026-10-02\n2026-10-03')).toEqual({ days: ['2026-10-01', '2026-10-02', '2026-10-03'] })
  expect(parseDays('10月1日')).toEqual({ bad: '10月1日' })
})

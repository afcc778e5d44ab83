/**
 * China time (Asia/Shanghai) for every day, week and month boundary. Cloud functions run in UTC
 * (WeChat Cloud's runtime sets no local zone), residents live in UTC+8: "today", "this month" and
 * "the day before" are always theirs, never the server's. Everything goes through dayjs with its utc and
 * timezone plugins, so the answer does not depend on the process's TZ.
 */
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'

dayjs.extend(utc)
dayjs.extend(timezone)

export const CHINA_TZ = 'Asia/Shanghai'

/** A moment seen on a Chinese wall clock. */
export const inChina = (d: Date | string | number) => dayjs(d).tz(CHINA_TZ)

/** 'YYYY-MM' of the month the moment falls in, in China. */
export const chinaMonth = (d: Date) => inChina(d).format('YYYY-MM')

/** 'YYYY-MM-DD' of the day the moment falls in, in China. */
export const chinaDay = (d: Date) => inChina(d).format('YYYY-MM-DD')

/** The first instant of the China month `monthsAgo` months before the one `d` falls in. */
export const chinaMonthStart = (d: Date, monthsAgo = 0): Date => inChina(d).startOf('month').subtract(monthsAgo, 'month').toDate()

/** The China months from `monthsAgo` months back up to the month of `d`, oldest first, as 'YYYY-MM'. */
export function chinaMonthsBack(d: Date, count: number): string[] {
  const start = inChina(d).startOf('month')
  return Array.from({ length: count }, (_, i) => start.subtract(count - 1 - i, 'month').format('YYYY-MM'))
}

/** 'YYYY-MM-DD HH:mm' on a Chinese wall clock (subscribe-message `time` fields, notices). */
export const chinaDateTime = (d: Date) => inChina(d).format('YYYY-MM-DD HH:mm')

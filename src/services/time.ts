/**
 * Every date and time the UI shows, in China time (Asia/Shanghai) whatever the device's own zone, through
 * dayjs with the zh-cn locale. The one place the client knows about time zones: pages and areas format
 * through these helpers, never with Date getters.
 *
 * Asia/Shanghai is UTC+8 all year (no daylight saving since 1991), so a fixed offset is exact; it also
 * avoids dayjs's timezone plugin, which needs Intl time-zone data that some WeChat JS engines lack.
 * The server does the same for its day and month boundaries (cloudfunctions/api/src/platform/chinaTime.ts).
 */
import dayjs, { type Dayjs } from 'dayjs'
import utc from 'dayjs/plugin/utc'
import 'dayjs/locale/zh-cn'

dayjs.extend(utc)
dayjs.locale('zh-cn')

export const CHINA_ZONE = 'Asia/Shanghai'
/** Minutes east of UTC in Asia/Shanghai. */
export const CHINA_OFFSET_MIN = 8 * 60

type When = string | number | Date

/** The instant as a dayjs in China time, or null when it is not a time. */
export function china(when: When): Dayjs | null {
  const d = dayjs.utc(when)
  return d.isValid() ? d.utcOffset(CHINA_OFFSET_MIN) : null
}

/** Formats the instant in China time with a dayjs pattern; what is not a time comes back as given. */
export function formatChina(when: When | null | undefined, pattern: string): string {
  if (when === null || when === undefined || when === '') return ''
  return china(when)?.format(pattern) ?? String(when)
}

/** ISO → 11月22日 14:05 */
export const dateTime = (when: When | null | undefined) => formatChina(when, 'M月D日 HH:mm')
/** ISO → 11月22日（周六）14:00 */
export const weekdayTime = (when: When | null | undefined) => formatChina(when, 'M月D日（ddd）HH:mm')
/** ISO → 11月22日 */
export const monthDay = (when: When | null | undefined) => formatChina(when, 'M月D日')
/** ISO → 2026-11-22 (the China day) */
export const isoDay = (when: When | null | undefined) => formatChina(when, 'YYYY-MM-DD')
/** ISO → 14:05 */
export const clock = (when: When | null | undefined) => formatChina(when, 'HH:mm')

/** start/end → 11月22日（周六）14:00–16:00 (the end's day only when it differs). */
export function timeRange(start: When, end: When): string {
  const s = china(start)
  const e = china(end)
  if (!s || !e) return `${start} – ${end}`
  return `${weekdayTime(start)}–${s.isSame(e, 'day') ? e.format('HH:mm') : weekdayTime(end)}`
}

/** A calendar day 'YYYY-MM-DD' (no instant, no zone) → 12月1日. */
export function dayText(ymd: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd)
  return m ? `${Number(m[2])}月${Number(m[3])}日` : ymd
}

/** A China date and time from the pickers ('2026-11-22', '14:00') → '2026-11-22T14:00:00+08:00'. */
export function chinaIso(date: string, time: string): string {
  return `${date}T${time}:00+08:00`
}

/** Today's China day, 'YYYY-MM-DD'. */
export function chinaToday(now: When = Date.now()): string {
  return isoDay(now)
}

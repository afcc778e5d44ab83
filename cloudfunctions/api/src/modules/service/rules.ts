/**
 * Pure rules of the service menu and its bookings (no I/O): which slots a service has on which China days
 * (weekly and dated slots, closures, the canteen's daily slot, a venue's opening hours), when a slot stops
 * taking bookings and cancellations, who may book (audience), when repeated no-shows block new bookings, the
 * booking lifecycle as a table, a schedule's problems, and the menu's "when" in words.
 *
 *   booked ─verify (code)→ attended ─rate→ attended (rated)     booked ─markNoShow (after the start)→ no_show
 *   booked | pending ─cancel (before the cutoff)→ cancelled       pending (venue) ─approve→ booked · ─reject→ rejected
 *
 * Days are China calendar days ('YYYY-MM-DD'); their weekday is the calendar's, computed from the string in
 * plain UTC (no local zone can move it). A slot's start becomes an instant only through `slotStartsAt`
 * (00:00 Shanghai of the day, platform/chinaTime.ts, plus the wall-clock minutes: China keeps no daylight
 * saving, so a day is always 24 hours).
 */
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import type { User } from '../../../../../types/org'
import type { BookingStatus, DeliveryKind, Service, WeeklySlot } from '../../../../../types/services'
import { addDays, chinaDay, chinaDayStart, chinaYear, type ChinaDay } from '../../platform/chinaTime'
import { livesIn } from '../org/rules'

dayjs.extend(utc)

// ---------- Clock times and days ----------

/** '09:30' → 570 minutes after midnight. */
export const toMinutes = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number)
  return h * 60 + m
}
/** 570 → '09:30'. */
export const fromMinutes = (min: number): string => `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`

/** ISO weekday of a China day: 1 = Monday … 7 = Sunday (the calendar's, from the string in plain UTC). */
export const weekdayOf = (day: ChinaDay): number => {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay()
  return d === 0 ? 7 : d
}

/** The day `n` days after `day`: calendar arithmetic in plain UTC (chinaTime's addDays, without dayjs's cost per call). */
const nextDays = (day: ChinaDay, n: number): ChinaDay => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)

let todayMinute = -1
let todayDay = ''
/** Today in China: the day changes only on a minute, so the zone conversion is done once a minute. */
export function todayIn(now: Date): ChinaDay {
  const minute = Math.floor(now.getTime() / 60_000)
  if (minute !== todayMinute) {
    todayDay = chinaDay(now)
    todayMinute = minute
  }
  return todayDay
}

/**
 * 00:00 Shanghai of a day, remembered: dayjs's zone conversion costs a tenth of a millisecond or more, and a
 * slot listing asks it for every slot (a few hundred days in memory at most).
 */
const dayStarts = new Map<ChinaDay, number>()
function dayStartMs(day: ChinaDay): number {
  let ms = dayStarts.get(day)
  if (ms === undefined) {
    if (dayStarts.size > 1000) dayStarts.clear()
    ms = chinaDayStart(day).getTime()
    dayStarts.set(day, ms)
  }
  return ms
}

/** The instant a wall-clock time of a China day happens. */
export const slotStartsAt = (day: ChinaDay, hhmm: string): Date => new Date(dayStartMs(day) + toMinutes(hhmm) * 60_000)

// ---------- Slots ----------

/** A slot a service offers on a day: listed even when closed (a holiday), so the menu can say why. */
export interface SlotSpec {
  day: ChinaDay
  start: string
  end: string
  capacity: number
  /** The day is one of the service's closures. */
  closed: boolean
}

type Schedulable = Pick<Service, 'delivery' | 'schedule' | 'daily' | 'venue'>

/** Kinds of delivery a resident books with booking.create (a venue is asked for with venue.book; walk-in needs nothing). */
export const BOOKABLE: readonly DeliveryKind[] = ['slots', 'at_home', 'daily']

/** The days a daily service or a venue is open (an empty list means every day). */
const openOn = (days: number[], day: ChinaDay) => days.length === 0 || days.includes(weekdayOf(day))

/** The slots of one day, by start. Dated slots replace a weekly slot with the same start on their day. */
export function slotsOfDay(s: Schedulable, day: ChinaDay): SlotSpec[] {
  const closed = (s.schedule?.closures ?? []).includes(day)
  const out: SlotSpec[] = []
  if (s.delivery === 'slots' || s.delivery === 'at_home') {
    const dated = s.schedule.dated.filter((d) => d.day === day)
    const weekly = s.schedule.weekly.filter((w) => w.weekday === weekdayOf(day) && !dated.some((d) => d.start === w.start))
    for (const w of [...weekly, ...dated]) out.push({ day, start: w.start, end: w.end, capacity: w.capacity, closed })
  } else if (s.delivery === 'daily' && s.daily) {
    // The canteen: one slot a day that starts (for booking purposes) at the day's cutoff.
    if (openOn(s.daily.days, day)) out.push({ day, start: s.daily.cutoff, end: s.daily.cutoff, capacity: s.daily.capacity, closed })
  } else if (s.delivery === 'venue' && s.venue) {
    // A venue: hourly slots within its opening hours, one group at a time.
    if (openOn(s.venue.days, day))
      for (let m = toMinutes(s.venue.opens); m + 60 <= toMinutes(s.venue.closes); m += 60)
        out.push({ day, start: fromMinutes(m), end: fromMinutes(m + 60), capacity: 1, closed })
  }
  return out.sort((a, b) => toMinutes(a.start) - toMinutes(b.start))
}

/** The slots over `days` China days from `from`, in order. */
export function expandSlots(s: Schedulable, from: ChinaDay, days: number): SlotSpec[] {
  const out: SlotSpec[] = []
  for (let i = 0; i < days; i++) out.push(...slotsOfDay(s, nextDays(from, i)))
  return out
}

/** The slot starting at `start` on `day` (for daily services `start` may be left out), or null when the schedule has none. */
export function slotOn(s: Schedulable, day: ChinaDay, start: string | undefined): SlotSpec | null {
  const slots = slotsOfDay(s, day)
  if (s.delivery === 'daily') return slots[0] ?? null
  return slots.find((x) => x.start === start) ?? null
}

// ---------- Cutoffs ----------

type Cutoffs = Pick<Service, 'delivery' | 'cutoffHours'>

/**
 * When a slot stops taking bookings and cancellations: `cutoffHours` before its start; for the canteen, the
 * day's cutoff time itself (the slot starts then). At that very minute it is closed.
 */
export function closesAt(s: Cutoffs, slot: Pick<SlotSpec, 'day' | 'start'>): Date {
  const start = slotStartsAt(slot.day, slot.start)
  return s.delivery === 'daily' ? start : new Date(start.getTime() - s.cutoffHours * 3600_000)
}

export const isBeforeCutoff = (s: Cutoffs, slot: Pick<SlotSpec, 'day' | 'start'>, now: Date): boolean => now.getTime() < closesAt(s, slot).getTime()

/** Has the slot begun (no-shows may be marked from then on)? */
export const hasStarted = (slot: Pick<SlotSpec, 'day' | 'start'>, now: Date): boolean => now.getTime() >= slotStartsAt(slot.day, slot.start).getTime()

/** Why a slot cannot be booked now (closed, past its cutoff, full), or null when it can. */
export function slotRefusal(s: Cutoffs, slot: SlotSpec, taken: number, now: Date): string | null {
  if (slot.closed) return '这一天休息，不开放预约'
  if (!isBeforeCutoff(s, slot, now)) return s.delivery === 'daily' ? `${dayWords(slot.day)}的订餐已在 ${clockWords(slot.start)} 截止` : '已过预约截止时间'
  if (taken >= slot.capacity) return '这个时段已经约满了'
  return null
}

/** Why a booking of this slot can no longer be cancelled (past the cutoff), or null. */
export function cancelRefusal(s: Cutoffs, slot: Pick<SlotSpec, 'day' | 'start'>, now: Date): string | null {
  if (isBeforeCutoff(s, slot, now)) return null
  if (s.delivery === 'daily') return `订餐已在 ${clockWords(slot.start)} 截止，不能再取消了；来不了请告诉食堂`
  return s.cutoffHours > 0 ? `开始前 ${s.cutoffHours} 小时内不能取消了；来不了请联系服务方` : '已经开始了，不能取消了'
}

// ---------- Who may book ----------

type Person = Pick<User, 'communityId' | 'householdStatus' | 'buildingId' | 'verifiedBirthYear'>

/** Why this person may not book a service with this audience (not a confirmed resident here, another building, too young), or null. */
export function audienceRefusal(audience: Service['audience'], person: Person, communityId: string, now: Date): string | null {
  if (!livesIn(person, communityId)) return '这项服务面向本社区已确认住址的居民，请先在「我的」里确认住址'
  if (audience.buildingIds.length > 0 && !(person.buildingId && audience.buildingIds.includes(person.buildingId)))
    return '这项服务只面向部分楼栋的居民，您所在的楼栋不在服务范围内'
  if (audience.minAge !== null) {
    const born = person.verifiedBirthYear ?? null
    if (born === null) return `这项服务面向 ${audience.minAge} 岁以上的居民，请带身份证到社区登记出生年份后再预约`
    if (chinaYear(now) - born < audience.minAge) return `这项服务面向 ${audience.minAge} 岁以上的居民`
  }
  return null
}

// ---------- No-shows ----------

export interface NoShowBlock {
  /** Bookings may be made again from this China day on. */
  until: ChinaDay
  /** The no-shows that caused it, within `withinDays`. */
  count: number
}

/**
 * Whether no-shows block new bookings today: `count` no-shows (by slot day) within `withinDays` days of each
 * other block bookings for `blockDays` days from the day of the last of them. The latest block still in force
 * wins; null when none is.
 */
export function noShowBlock(rule: Service['noShowRule'], noShowDays: ChinaDay[], today: ChinaDay): NoShowBlock | null {
  const days = [...noShowDays].sort()
  let best: NoShowBlock | null = null
  for (let i = rule.count - 1; i < days.length; i++) {
    const first = days[i - rule.count + 1]
    if (addDays(first, rule.withinDays) <= days[i]) continue // not within the window
    const until = addDays(days[i], rule.blockDays)
    if (until > today && (!best || until > best.until)) best = { until, count: rule.count }
  }
  return best
}

/** The oldest slot day whose no-show can still matter today. */
export const noShowHorizon = (rule: Service['noShowRule'], today: ChinaDay): ChinaDay => addDays(today, -(rule.withinDays + rule.blockDays))

export function noShowMessage(rule: Service['noShowRule'], block: NoShowBlock): string {
  return `您近 ${rule.withinDays} 天内有 ${block.count} 次预约没有到场，${dayWords(block.until)}起才能再预约这项服务`
}

// ---------- The booking lifecycle ----------

export type BookingEvent = 'verify' | 'markNoShow' | 'cancel' | 'approve' | 'reject' | 'rate'
/** How the viewer stands to a booking: the person it is for, who made it, the service's provider, the secretary, the venue's staff. */
export type BookingRelation = 'person' | 'booker' | 'provider' | 'secretary' | 'venueStaff'

type Move = { from: readonly BookingStatus[]; to: BookingStatus; by: readonly BookingRelation[] }

export const BOOKING_TRANSITIONS: Record<BookingEvent, Move> = {
  verify: { from: ['booked'], to: 'attended', by: ['provider', 'secretary'] },
  markNoShow: { from: ['booked'], to: 'no_show', by: ['provider', 'secretary'] },
  cancel: { from: ['booked', 'pending'], to: 'cancelled', by: ['person', 'booker'] },
  approve: { from: ['pending'], to: 'booked', by: ['venueStaff', 'secretary'] },
  reject: { from: ['pending'], to: 'rejected', by: ['venueStaff', 'secretary'] },
  rate: { from: ['attended'], to: 'attended', by: ['person', 'booker'] },
}

/** May someone with these relations move a booking in this status by this event? (Time rules are checked apart.) */
export function canMove(event: BookingEvent, b: { status: BookingStatus; rating?: unknown }, relations: ReadonlySet<BookingRelation>): boolean {
  const t = BOOKING_TRANSITIONS[event]
  if (!t.from.includes(b.status)) return false
  if (!t.by.some((r) => relations.has(r))) return false
  if (event === 'rate' && b.rating) return false // once
  return true
}

/** Why an event cannot move a booking in its current status (for CONFLICT), from the person's side. */
export function moveRefusal(event: BookingEvent, status: BookingStatus): string {
  if (status === 'cancelled') return '这个预约已经取消了'
  if (status === 'rejected') return '这个预约没有通过审批'
  if (status === 'no_show') return event === 'verify' ? '这个预约已登记为未到场' : '这个预约已登记为未到场'
  if (status === 'attended') return event === 'rate' ? '您已经评价过了' : '这个预约已经核验过了'
  if (status === 'pending') return '这个预约还在等待审批'
  return event === 'rate' ? '到场后才能评价' : '这个预约的状态已经变了，请刷新后再看'
}

/** Statuses that hold a place (and keep the person's one booking in the slot). */
export const LIVE_STATUSES: readonly BookingStatus[] = ['pending', 'booked', 'attended', 'no_show']
export const isLive = (s: BookingStatus) => LIVE_STATUSES.includes(s)

// ---------- Publishing a service ----------

type Draft = Pick<Service, 'delivery' | 'walkIn' | 'daily' | 'venue'> & { schedule: Service['schedule'] }

/** What is wrong with a service's schedule for its kind of delivery, in the secretary's words (empty when nothing). */
export function scheduleProblems(d: Draft): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = []
  const slotProblems = (path: string, slots: { start: string; end: string }[], sameDay: (i: number, j: number) => boolean) => {
    slots.forEach((s, i) => {
      if (toMinutes(s.end) <= toMinutes(s.start)) out.push({ path: `${path}.${i}.end`, message: '结束时间要晚于开始时间' })
    })
    for (let i = 0; i < slots.length; i++)
      for (let j = i + 1; j < slots.length; j++)
        if (sameDay(i, j) && toMinutes(slots[i].start) < toMinutes(slots[j].end) && toMinutes(slots[j].start) < toMinutes(slots[i].end))
          out.push({ path: `${path}.${j}`, message: `与第 ${i + 1} 个时段时间重叠` })
  }
  const sch = d.schedule
  slotProblems('schedule.weekly', sch.weekly, (i, j) => sch.weekly[i].weekday === sch.weekly[j].weekday)
  slotProblems('schedule.dated', sch.dated, (i, j) => sch.dated[i].day === sch.dated[j].day)
  sch.dated.forEach((s, i) => {
    if (!dayjs.utc(s.day).isValid() || dayjs.utc(s.day).format('YYYY-MM-DD') !== s.day) out.push({ path: `schedule.dated.${i}.day`, message: '日期不正确' })
  })
  if ((d.delivery === 'slots' || d.delivery === 'at_home') && sch.weekly.length + sch.dated.length === 0)
    out.push({ path: 'schedule', message: '请至少设置一个服务时段（每周固定或指定日期）' })
  if (d.delivery === 'walk_in' && !d.walkIn) out.push({ path: 'walkIn', message: '请写明随到随办的时间和地点，如“每周一至五 9:00-17:00 在党群服务中心”' })
  if (d.delivery === 'daily' && !d.daily) out.push({ path: 'daily', message: '每日预订请设置截止时间和每天的份数' })
  if (d.delivery === 'venue') {
    if (!d.venue) out.push({ path: 'venue', message: '场地预约请设置开放时间' })
    else if (toMinutes(d.venue.closes) - toMinutes(d.venue.opens) < 60) out.push({ path: 'venue.closes', message: '闭馆时间要比开放时间晚至少 1 小时' })
  }
  return out
}

// ---------- Words ----------

const WEEKDAY_WORDS = ['', '一', '二', '三', '四', '五', '六', '日']

/** '09:00' → '9:00'. */
export const clockWords = (hhmm: string) => hhmm.replace(/^0(\d)/, '$1')

/** '2026-12-02' → '12月2日'. */
export const dayWords = (day: ChinaDay) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`

/** [1,2,3,4,5] → '周一至五', [3] → '周三', [6,7] → '周六、日', [] or all → '每天'. */
export function weekdaysWords(days: number[]): string {
  const ds = [...new Set(days)].sort((a, b) => a - b)
  if (ds.length === 0 || ds.length === 7) return '每天'
  const run = ds.length >= 3 && ds[ds.length - 1] - ds[0] === ds.length - 1
  return run ? `每周${WEEKDAY_WORDS[ds[0]]}至${WEEKDAY_WORDS[ds[ds.length - 1]]}` : `每周${ds.map((d) => WEEKDAY_WORDS[d]).join('、')}`
}

/** Weekly slots grouped by their hours: 每周三 9:00-11:00；每周一、四 14:00-16:00. */
function weeklyWords(weekly: WeeklySlot[]): string {
  const byHours = new Map<string, number[]>()
  for (const w of [...weekly].sort((a, b) => a.weekday - b.weekday || toMinutes(a.start) - toMinutes(b.start))) {
    const k = `${clockWords(w.start)}-${clockWords(w.end)}`
    byHours.set(k, [...(byHours.get(k) ?? []), w.weekday])
  }
  return [...byHours].map(([hours, days]) => `${weekdaysWords(days)} ${hours}`).join('；')
}

/** The menu's "when" in words: 每周三 9:00-11:00 / 每天 10:00 前订餐 / 随到随办 … (dated slots from `today` on). */
export function whenWords(s: Pick<Service, 'delivery' | 'schedule' | 'daily' | 'venue' | 'walkIn'>, today: ChinaDay): string {
  if (s.delivery === 'walk_in') return s.walkIn || '随到随办'
  if (s.delivery === 'daily') return s.daily ? `${weekdaysWords(s.daily.days)} ${clockWords(s.daily.cutoff)} 前预订` : '每日预订'
  if (s.delivery === 'venue') return s.venue ? `${weekdaysWords(s.venue.days)} ${clockWords(s.venue.opens)}-${clockWords(s.venue.closes)} 开放` : '场地预约'
  const parts: string[] = []
  if (s.schedule.weekly.length) parts.push(weeklyWords(s.schedule.weekly))
  const dated = s.schedule.dated.filter((d) => d.day >= today).sort((a, b) => (a.day + a.start).localeCompare(b.day + b.start))
  if (dated.length) {
    const first = `${dayWords(dated[0].day)} ${clockWords(dated[0].start)}-${clockWords(dated[0].end)}`
    parts.push(dated.length > 1 ? `${first} 等 ${dated.length} 个时段` : first)
  }
  return parts.join('；') || '暂无可约时段'
}

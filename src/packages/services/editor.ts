/**
 * The menu editor's form, without the screen (components/ServiceEditor.tsx draws it): a draft of text fields
 * made from a service (service.get, with the secretary's `edit`) or from the defaults of a new one, which parts
 * a kind of delivery shows, the checks the function makes said in Chinese before sending, the service.upsert
 * input, and the function's refusal turned into words that say where to look.
 *
 * Weekdays: the contract's `days: []` means every day; the editor shows seven chips, all on for `[]`, and sends
 * `[]` again when all seven are on.
 */
import type { ActionInput } from '@contract/api'
import type { FieldIssue } from '@contract/common'
import type { DeliveryKind, ProviderKind, ServiceCategory, ServiceDetail } from '@contract/services'
import { datedText, parseDated, parseDays, parseWeekly, weeklyText } from './schedule'

export type UpsertInput = ActionInput<'service.upsert'>

export const ALL_DAYS = [1, 2, 3, 4, 5, 6, 7]
export const WEEKDAY_NAMES = ['周一', '周二', '周三', '周四', '周五', '周六', '周日']

/** The rule a service gets when the secretary sets none (cloudfunctions/api/src/modules/service/upsert.ts DEFAULTS). */
export const DEFAULT_NO_SHOW = { count: 3, withinDays: 30, blockDays: 14 }
export const DEFAULT_CUTOFF_HOURS = 2

export interface Draft {
  name: string
  category: ServiceCategory
  delivery: DeliveryKind
  place: string
  description: string
  provider: { kind: ProviderKind; unitId: string | null; postId: string | null; userIds: string[]; people: { userId: string; name: string }[] }
  /** Whether the secretary changed the provider (an update sends it only then: otherwise it stays as it is). */
  providerChanged: boolean
  minAge: string
  buildingIds: string[]
  weekly: string
  dated: string
  closures: string
  walkIn: string
  dailyCutoff: string
  dailyCapacity: string
  dailyDays: number[]
  venueUnitId: string | null
  opens: string
  closes: string
  venueDays: number[]
  private: boolean
  forChild: boolean
  price: string
  cutoffHours: string
  noShowCount: string
  noShowWithin: string
  noShowBlock: string
  active: boolean
}

const shownDays = (days: number[]) => (days.length === 0 ? ALL_DAYS : [...days].sort((a, b) => a - b))
const sentDays = (days: number[]) => (days.length === 7 ? [] : [...days].sort((a, b) => a - b))

/** A new service's draft: the reception-like defaults, provided by the secretary themselves. */
export function newDraft(me: { userId: string; name: string }): Draft {
  return {
    name: '',
    category: 'reception',
    delivery: 'slots',
    place: '',
    description: '',
    provider: { kind: 'staff', unitId: null, postId: null, userIds: [me.userId], people: [{ userId: me.userId, name: me.name }] },
    providerChanged: true,
    minAge: '',
    buildingIds: [],
    weekly: '周三 09:00-11:00 20',
    dated: '',
    closures: '',
    walkIn: '',
    dailyCutoff: '10:00',
    dailyCapacity: '30',
    dailyDays: ALL_DAYS,
    venueUnitId: null,
    opens: '18:00',
    closes: '21:00',
    venueDays: ALL_DAYS,
    private: false,
    forChild: false,
    price: '0',
    cutoffHours: String(DEFAULT_CUTOFF_HOURS),
    noShowCount: String(DEFAULT_NO_SHOW.count),
    noShowWithin: String(DEFAULT_NO_SHOW.withinDays),
    noShowBlock: String(DEFAULT_NO_SHOW.blockDays),
    active: true,
  }
}

/** The draft of a service being changed: every setting it has. */
export function draftOf(s: ServiceDetail): Draft {
  const p = s.edit?.provider
  return {
    name: s.name,
    category: s.category,
    delivery: s.delivery,
    place: s.place,
    description: s.description,
    provider: {
      kind: s.provider.kind,
      unitId: p?.unitId ?? null,
      postId: p?.postId ?? null,
      userIds: p?.userIds ?? [],
      people: p?.people ?? [],
    },
    providerChanged: false,
    minAge: s.audience.minAge === null ? '' : String(s.audience.minAge),
    buildingIds: s.audience.buildingIds,
    weekly: weeklyText(s.schedule.weekly),
    dated: datedText(s.schedule.dated),
    closures: s.schedule.closures.join('\n'),
    walkIn: s.walkIn ?? '',
    dailyCutoff: s.daily?.cutoff ?? '10:00',
    dailyCapacity: String(s.daily?.capacity ?? 30),
    dailyDays: shownDays(s.daily?.days ?? []),
    venueUnitId: s.venue?.unitId ?? null,
    opens: s.venue?.opens ?? '18:00',
    closes: s.venue?.closes ?? '21:00',
    venueDays: shownDays(s.venue?.days ?? []),
    private: s.private,
    forChild: s.forChild,
    price: String(s.pricePoints),
    cutoffHours: String(s.cutoffHours),
    noShowCount: String(s.noShowRule.count),
    noShowWithin: String(s.noShowRule.withinDays),
    noShowBlock: String(s.noShowRule.blockDays),
    active: s.active,
  }
}

/** Which parts of the form a kind of delivery needs (a secretary sees only what matters for it). */
export function partsOf(delivery: DeliveryKind) {
  const booked = delivery !== 'walk_in'
  return {
    /** weekly and dated slots */
    slots: delivery === 'slots' || delivery === 'at_home',
    walkIn: delivery === 'walk_in',
    daily: delivery === 'daily',
    venue: delivery === 'venue',
    /** holidays: every kind that is booked by the day */
    closures: booked,
    /** who may book, the price, the no-show rule */
    booking: booked,
    /** the cutoff in hours before a slot (the canteen's cutoff is its own time of day) */
    cutoffHours: delivery === 'slots' || delivery === 'at_home' || delivery === 'venue',
    /** private and for-a-child bookings */
    privacy: delivery === 'slots' || delivery === 'at_home',
  }
}

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/
const pad = (t: string) => t.trim().padStart(5, '0')
const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5))

/** An integer within [lo, hi] from a text field, or null. */
function intIn(text: string, lo: number, hi: number): number | null {
  const t = text.trim()
  if (!/^\d+$/.test(t)) return null
  const n = Number(t)
  return n >= lo && n <= hi ? n : null
}

/** The service.upsert input, or what is wrong in the secretary's words (the first thing to fix). */
export function toInput(d: Draft, communityId: string, serviceId: string | null): { input: UpsertInput } | { problem: string } {
  const parts = partsOf(d.delivery)
  const bad = (problem: string) => ({ problem })
  if (!d.name.trim()) return bad('请填写服务名称')
  if (!d.place.trim()) return bad('请填写服务地点')
  if (!d.description.trim()) return bad('请写一写服务内容')

  const p = d.provider
  if (p.kind === 'staff' && p.userIds.length === 0) return bad('请至少选一位负责的工作人员')
  if (p.kind === 'unit' && !p.unitId) return bad('请选择提供服务的共建单位')
  if (p.kind === 'post' && !p.postId) return bad('请选择提供服务的党员服务岗')

  let minAge: number | null = null
  if (parts.booking && d.minAge.trim()) {
    minAge = intIn(d.minAge, 1, 100)
    if (minAge === null) return bad('年龄要求请填 1-100 的整数，不限年龄就空着')
  }

  const weekly = parseWeekly(parts.slots ? d.weekly : '')
  if ('bad' in weekly) return bad(`每周时段这一行看不懂：“${weekly.bad}”，请写成 周三 09:00-11:00 20`)
  const dated = parseDated(parts.slots ? d.dated : '')
  if ('bad' in dated) return bad(`指定日期这一行看不懂：“${dated.bad}”，请写成 2026-12-10 09:00-11:00 20`)
  for (const s of [...weekly.slots, ...dated.slots]) {
    const line = 'weekday' in s ? `${WEEKDAY_NAMES[s.weekday - 1]} ${s.start}-${s.end}` : `${s.day} ${s.start}-${s.end}`
    if (!CLOCK.test(s.start) || !CLOCK.test(s.end)) return bad(`“${line}”的时间不对，请写成 09:00 这样`)
    if (minutes(s.end) <= minutes(s.start)) return bad(`“${line}”的结束时间要晚于开始时间`)
    if (s.capacity < 1 || s.capacity > 1000) return bad(`“${line}”的名额请填 1-1000`)
  }
  if (parts.slots && weekly.slots.length + dated.slots.length === 0) return bad('请至少设置一个服务时段（每周固定或指定日期）')
  const closures = parseDays(parts.closures ? d.closures : '')
  if ('bad' in closures) return bad(`休息日这个日期看不懂：“${closures.bad}”，请写成 2026-10-01`)

  if (parts.walkIn && !d.walkIn.trim()) return bad('随到随办的服务，请写明什么时间来，如“每周一至五 9:00-17:00”')

  let daily: UpsertInput['daily'] = null
  if (parts.daily) {
    const cutoff = pad(d.dailyCutoff)
    if (!CLOCK.test(cutoff)) return bad('每天截止预订的时间请写成 10:00 这样')
    const capacity = intIn(d.dailyCapacity, 1, 1000)
    if (capacity === null) return bad('每天的份数请填 1-1000 的整数')
    if (d.dailyDays.length === 0) return bad('请至少选一天开放预订')
    daily = { cutoff, capacity, days: sentDays(d.dailyDays) }
  }

  let venue: UpsertInput['venue'] = null
  if (parts.venue) {
    const opens = pad(d.opens)
    const closes = pad(d.closes)
    if (!CLOCK.test(opens) || !CLOCK.test(closes)) return bad('场地的开放和关闭时间请写成 18:00 这样')
    if (minutes(closes) - minutes(opens) < 60) return bad('关闭时间要比开放时间晚至少 1 小时')
    if (d.venueDays.length === 0) return bad('请至少选一天开放场地')
    venue = { unitId: d.venueUnitId, opens, closes, days: sentDays(d.venueDays) }
  }

  const pricePoints = parts.booking ? intIn(d.price, 0, 10000) : 0
  if (pricePoints === null) return bad('所需积分请填 0-10000 的整数（0 为免费）')
  const cutoffHours = parts.cutoffHours ? intIn(d.cutoffHours, 0, 72) : (intIn(d.cutoffHours, 0, 72) ?? DEFAULT_CUTOFF_HOURS)
  if (cutoffHours === null) return bad('提前几小时截止请填 0-72 的整数')
  const count = intIn(d.noShowCount, 1, 10)
  const withinDays = intIn(d.noShowWithin, 7, 365)
  const blockDays = intIn(d.noShowBlock, 1, 90)
  if (parts.booking && count === null) return bad('未到场次数请填 1-10')
  if (parts.booking && withinDays === null) return bad('未到场的统计天数请填 7-365')
  if (parts.booking && blockDays === null) return bad('暂停预约的天数请填 1-90')

  return {
    input: {
      communityId,
      ...(serviceId ? { serviceId } : {}),
      name: d.name.trim(),
      category: d.category,
      description: d.description.trim(),
      // An update without a provider keeps the one it has (the contract): sent only when new or changed.
      ...(!serviceId || d.providerChanged
        ? { provider: { kind: p.kind, unitId: p.kind === 'unit' ? p.unitId : null, postId: p.kind === 'post' ? p.postId : null, userIds: p.userIds } }
        : {}),
      place: d.place.trim(),
      audience: { minAge, buildingIds: parts.booking ? d.buildingIds : [] },
      delivery: d.delivery,
      schedule: { weekly: weekly.slots, dated: dated.slots, closures: closures.days },
      walkIn: parts.walkIn ? d.walkIn.trim() : null,
      daily,
      venue,
      private: parts.privacy && d.private,
      forChild: parts.privacy && d.forChild,
      pricePoints,
      cutoffHours,
      noShowRule: count !== null && withinDays !== null && blockDays !== null ? { count, withinDays, blockDays } : DEFAULT_NO_SHOW,
      active: d.active,
    },
  }
}

/** Where a refused field is on the form, for the function's INVALID_INPUT issues. */
function placeOf(path: string): string {
  const [head, sub, index] = path.split('.')
  const row = index !== undefined && /^\d+$/.test(index) ? `第 ${Number(index) + 1} 行` : ''
  if (head === 'schedule' && sub === 'weekly') return `每周时段${row}`
  if (head === 'schedule' && sub === 'dated') return `指定日期时段${row}`
  if (head === 'provider') return '提供方'
  if (head === 'daily') return '每日预订'
  if (head === 'venue') return '场地开放'
  if (head === 'walkIn') return '什么时间来'
  return ''
}

/**
 * The function's refusal in words that say what to change: an INVALID_INPUT names the part of the form; a
 * unit, post or person gone asks for another provider. Null when the refusal is final (the service itself is
 * gone: the sheet offers 刷新看看).
 */
export function refusalWords(e: { code: string; message: string; details?: unknown }): { text: string; final: boolean } {
  if (e.code === 'INVALID_INPUT') {
    const issues = (e.details as { issues?: FieldIssue[] } | undefined)?.issues ?? []
    const first = issues[0]
    if (first) {
      const where = placeOf(first.path)
      return { text: where ? `${where}：${first.message}` : first.message, final: false }
    }
    return { text: e.message, final: false }
  }
  if (e.code === 'NOT_FOUND' && !e.message.startsWith('这项服务')) return { text: `${e.message}，请重新选择提供方后再保存`, final: false }
  return { text: e.message, final: e.code === 'NOT_FOUND' || e.code === 'CONFLICT' || e.code === 'FORBIDDEN' }
}

/**
 * An audit entry (org.audit) in the residents' words: who did it, what they did, to which thing, and what
 * changed — every word from types/vocabulary.ts, never a code name, an id or a JSON dump.
 *
 *   describeAudit({ actorName: '刘*芳', action: 'wish.review', resource: { type: 'wish', id: 'w1', label: '修水管' },
 *                   before: { status: 'under_review' }, after: { status: 'open', reason: null } })
 *   → { who: '刘*芳', what: '审核心愿', object: '心愿「修水管」', changes: [{ label: '状态', text: '审核中 → 待认领' }] }
 *
 * Pure (no Taro): the audit page renders it, test/unit/audit-describe.test.ts checks it value by value.
 */
import type { AuditEntry } from '@contract/org'
import {
  ACTION_LABELS,
  AUDIT_EVENT_LABELS,
  AUDIT_RESOURCE_LABELS,
  EARN_LABELS,
  FIELD_LABELS,
  HOUSEHOLD_STATUS_LABELS,
  ITEM_KIND_LABELS,
  ROLE_LABELS,
  STATUS_LABELS_BY_RESOURCE,
  STATUS_VALUE_LABELS,
} from '@contract/vocabulary'
import { dateTime } from '../../services/time'

export interface AuditChange {
  /** The field in Chinese: 状态, 开始时间, 角色. */
  label: string
  /** Old → new, or what was set: 审核中 → 待认领 · 新增「党员」 · 11月22日 14:00. */
  text: string
}

export interface AuditDescription {
  who: string
  /** The action: 审核心愿 (操作 when it has no words). */
  what: string
  /** The thing acted on: 心愿「修水管」, 居民「林*燕」, or only its kind (活动) when it has no label. */
  object: string
  changes: AuditChange[]
}

/** Longest text value shown, in characters (a description is cut with …). */
export const MAX_TEXT = 30

/** How a field's value is shown, beyond plain text, numbers and yes/no. */
type Form =
  /** bookkeeping the person did not set (ids, timestamps, counters): never shown */
  | 'hidden'
  /** an id of another record: 已指定 / 已更换 / 无 */
  | 'ref'
  /** a list of people (ids or grants): 2 人 */
  | 'people'
  /** pictures: 3 张 */
  | 'photos'
  /** a list of words: 维修、陪伴; a change says what was added and removed */
  | 'words'
  /** a list of role grants: 党员、志愿者; a change says 新增「党员」 */
  | 'roles'
  /** an instant: 11月22日 14:00 (China time) */
  | 'time'
  /** a check-in area { lat, lng, radius }: 500 米内 */
  | 'location'

interface FieldShape {
  form?: Form
  /** After a number: 30 积分, 2 小时. */
  unit?: string
  /** What an empty value means here (default 无): 不限 for a limit. */
  none?: string
  /** The field holding this one's old value when the server names it differently (confirmedHours ← hours). */
  was?: string
}

const FIELDS: Record<string, FieldShape> = {
  _id: { form: 'hidden' },
  id: { form: 'hidden' },
  communityId: { form: 'hidden' },
  createdAt: { form: 'hidden' },
  updatedAt: { form: 'hidden' },
  secret: { form: 'hidden' },
  requestId: { form: 'hidden' },
  organiserId: { form: 'hidden' },
  signedUp: { form: 'hidden' },
  holders: { form: 'hidden' },
  holderCount: { form: 'hidden' },
  // the person the entry is about is already its object (a grant's receiver, a pair's member)
  userId: { form: 'hidden' },
  memberId: { form: 'hidden' },
  // a pair's own bookkeeping, not set by pairing
  since: { form: 'hidden' },
  visits: { form: 'hidden' },
  lastVisitAt: { form: 'hidden' },

  householdId: { form: 'ref' },
  claimerId: { form: 'ref' },
  postId: { form: 'ref' },
  sponsorId: { form: 'ref' },
  partnerUnitId: { form: 'ref' },
  proxies: { form: 'people' },
  photos: { form: 'photos' },
  skills: { form: 'words' },
  categories: { form: 'words' },
  needs: { form: 'words' },
  roles: { form: 'roles' },
  startAt: { form: 'time' },
  endAt: { form: 'time' },
  location: { form: 'location', none: '不限' },

  points: { unit: '积分' },
  amount: { unit: '积分' },
  funded: { unit: '积分' },
  balance: { unit: '积分' },
  budget: { unit: '积分' },
  warnBelow: { unit: '积分' },
  price: { unit: '积分' },
  credited: { unit: '积分' },
  pointsPerHour: { unit: '积分' },
  dailyCap: { unit: '积分', none: '不限' },
  monthlyCap: { unit: '积分', none: '不限' },
  perPersonLimit: { unit: '件', none: '不限' },
  stock: { unit: '件' },
  quantity: { unit: '件' },
  capacity: { unit: '人' },
  confirmed: { unit: '人' },
  noShows: { unit: '人' },
  stillIn: { unit: '人' },
  hours: { unit: '小时' },
  confirmedHours: { unit: '小时', was: 'hours' },
  pickupDays: { unit: '天' },
  autoCloseDays: { unit: '天' },
  overdueDays: { unit: '天' },
  expireMonths: { unit: '个月', none: '永久有效' },
  minPerMember: { unit: '户' },
  maxPerMember: { unit: '户' },
}

/**
 * A field's shape: from the table, else by the server's naming habits (…Id an id, …Ids ids, …At an
 * instant), so a field added later still never shows an id.
 */
function shapeOf(field: string): FieldShape {
  const known = FIELDS[field]
  if (known) return known
  if (/[a-z]Id$/.test(field)) return { form: 'ref' }
  if (/[a-z]Ids$/.test(field)) return { form: 'people' }
  if (/[a-z]At$/.test(field)) return { form: 'time' }
  return {}
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/
const WORDISH = /[0-9A-Za-z]/

/** The action in Chinese; 操作 for one without words (never its code name). */
export function actionLabel(action: string): string {
  return (ACTION_LABELS as Record<string, string>)[action] ?? AUDIT_EVENT_LABELS[action] ?? '操作'
}

/** What a field is called; 其他信息 for one without a label (never its code name). */
export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? '其他信息'
}

/** The kind of record in Chinese (心愿, 居民); 记录 for an unknown kind. */
export function resourceLabel(type: string): string {
  return (AUDIT_RESOURCE_LABELS as Record<string, string>)[type] ?? '记录'
}

/** 心愿「修水管」: the kind and what it is called; the label alone when it already says its kind (结对设置). */
export function objectName(resource: AuditEntry['resource']): string {
  const kind = resourceLabel(resource.type)
  const label = resource.label?.trim()
  if (!label) return kind
  return label.includes(kind) ? label : `${kind}「${cut(label)}」`
}

/**
 * Text of at most `max` characters, cut on a character boundary (never inside a surrogate pair) and, when
 * the cut falls inside a run of digits or letters (a number, a date), before that run: 活动于 2026… rather
 * than 活动于 202….
 */
export function cut(text: string, max = MAX_TEXT): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim())
  if (chars.length <= max) return chars.join('')
  let end = max - 1
  if (WORDISH.test(chars[end - 1] ?? '') && WORDISH.test(chars[end] ?? '')) {
    let start = end
    while (start > 0 && WORDISH.test(chars[start - 1])) start--
    if (start > 0) end = start
  }
  return chars.slice(0, end).join('').trimEnd() + '…'
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)

/** A stored instant, as the function sends it: an ISO string, a Date, or the database's { $date }. */
function asTime(v: unknown): string | number | Date | null {
  if (v instanceof Date) return v
  if (typeof v === 'string' && ISO_TIME.test(v)) return v
  if (v && typeof v === 'object' && '$date' in v) {
    const d = (v as { $date: unknown }).$date
    if (typeof d === 'string' || typeof d === 'number') return d
  }
  return null
}

/** The role a grant (or a bare role name) is for. */
function roleOf(g: unknown): string {
  const role = typeof g === 'string' ? g : g && typeof g === 'object' ? (g as { role?: unknown }).role : undefined
  return typeof role === 'string' ? ((ROLE_LABELS as Record<string, string>)[role] ?? '其他角色') : '其他角色'
}

/** The words a coded value stands for in this field of this kind of record, if it is coded. */
function valueWords(type: string, field: string): Record<string, string> | undefined {
  if (field === 'status') return { ...STATUS_VALUE_LABELS, ...STATUS_LABELS_BY_RESOURCE[type as keyof typeof STATUS_LABELS_BY_RESOURCE] }
  if (field === 'householdStatus') return HOUSEHOLD_STATUS_LABELS
  if (field === 'kind') return type === 'point_rule' ? EARN_LABELS : ITEM_KIND_LABELS
  return undefined
}

/** One value of one field, in words. */
export function formatValue(type: string, field: string, value: unknown): string {
  const shape = shapeOf(field)
  if (isEmpty(value)) return shape.none ?? '无'
  switch (shape.form) {
    case 'ref':
      return '已指定'
    case 'people':
      return Array.isArray(value) ? `${value.length} 人` : '已指定'
    case 'photos':
      return Array.isArray(value) ? `${value.length} 张` : '已设置'
    case 'roles':
      return Array.isArray(value) ? value.map(roleOf).join('、') : roleOf(value)
    case 'words':
      return Array.isArray(value) ? cut(value.map((w) => formatValue(type, '', w)).join('、')) : formatValue(type, '', value)
    case 'location': {
      const radius = value && typeof value === 'object' ? (value as { radius?: unknown }).radius : undefined
      return typeof radius === 'number' ? `活动地点 ${radius} 米内` : '已设置'
    }
  }
  const time = asTime(value)
  if (time !== null) return dateTime(time)
  if (typeof value === 'boolean') return value ? '是' : '否'
  if (typeof value === 'number') return shape.unit ? `${value} ${shape.unit}` : String(value)
  if (typeof value === 'string') {
    const words = valueWords(type, field)
    if (words) return words[value] ?? '其他'
    return cut(value)
  }
  if (Array.isArray(value)) return `${value.length} 项`
  return '已设置'
}

/** Items of `a` not in `b`, compared by their words. */
const minus = (a: string[], b: string[]) => a.filter((x) => !b.includes(x))

/** A list change as what was added and what was taken away: 新增「党员」，撤销「志愿者」. */
function listChange(before: string[], after: string[], added: string, removed: string): string | null {
  const plus = minus(after, before).map((x) => `${added}「${cut(x)}」`)
  const less = minus(before, after).map((x) => `${removed}「${cut(x)}」`)
  return plus.length || less.length ? [...plus, ...less].join('，') : null
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/** What became of one field, or null when nothing a person would see changed. */
function fieldChange(type: string, field: string, hasBefore: boolean, before: unknown, after: unknown): string | null {
  const form = shapeOf(field).form
  if (form === 'hidden') return null
  if (!hasBefore) return isEmpty(after) ? null : formatValue(type, field, after)
  if (same(before, after)) return null
  if (form === 'roles') {
    const was = Array.isArray(before) ? before.map(roleOf) : []
    const now = Array.isArray(after) ? after.map(roleOf) : []
    return listChange(was, now, '新增', '撤销') ?? `调整「${cut(now.join('、') || '无')}」`
  }
  if (form === 'words' && Array.isArray(before) && Array.isArray(after)) {
    return listChange(before.map(String), after.map(String), '新增', '去掉') ?? '调整了顺序'
  }
  if (form === 'ref' && !isEmpty(before) && !isEmpty(after)) return '已更换'
  const from = formatValue(type, field, before)
  const to = formatValue(type, field, after)
  return from === to ? `${to}（已修改）` : `${from} → ${to}`
}

const record = (v: unknown): Record<string, unknown> | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null)

/**
 * The fields the entry changed, in the order the server wrote them: each field of `after` whose value
 * differs from `before` (old → new); what `after` sets that `before` does not record at all (something new,
 * a run's summary, a decision's reason) is said as set, and left out when empty.
 */
export function describeChanges(type: string, before: unknown, after: unknown): AuditChange[] {
  const b = record(before)
  const a = record(after)
  if (!a) return []
  const changes: AuditChange[] = []
  for (const [field, value] of Object.entries(a)) {
    const was = shapeOf(field).was
    const key = b && was && !(field in b) && was in b ? was : field
    const text = fieldChange(type, field, !!b && key in b, b?.[key], value)
    if (text !== null) changes.push({ label: fieldLabel(field), text })
  }
  return changes
}

export function describeAudit(entry: Pick<AuditEntry, 'actorName' | 'action' | 'resource' | 'before' | 'after'>): AuditDescription {
  return {
    who: entry.actorName || '系统',
    what: actionLabel(entry.action),
    object: objectName(entry.resource),
    changes: describeChanges(entry.resource.type, entry.before, entry.after),
  }
}

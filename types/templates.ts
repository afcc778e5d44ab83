/**
 * Subscribe-message templates (一次性订阅消息), machine-readable: name → { id, title, fields: { key: type } }.
 *
 * The ids are your mini-program's own: apply for templates with exactly these keys and field types in the
 * admin console (订阅消息 → 公共模板库 / 我的模板) and put their ids here before release. The client asks for
 * consent with these ids inside a tap (src/services/subscribe.ts keeps a copy of the ids), the function sends
 * with them, and the local stand-in (local/openapi) refuses any value its field type does not allow, and any
 * key the template does not have, with errcode 47003 as WeChat does.
 *
 * Field types and their rules (subscribeMessage.send, 订阅消息参数值内容限制说明):
 *   thing ≤ 20 characters of any kind · name ≤ 10 Chinese characters only, or ≤ 20 letters/symbols only ·
 *   phrase ≤ 5 Chinese characters only · character_string ≤ 32 letters/digits/symbols · number ≤ 32 digits ·
 *   letter ≤ 32 letters · symbol ≤ 5 symbols · time 24-hour time, optionally with a date · date a date,
 *   optionally with a time · amount a currency sign + ≤ 10 digits, may end in 元 · phone_number ≤ 17
 *   digits/symbols · car_number ≤ 8.
 *
 * Pure data (no zod): the client imports its types.
 */
export type FieldType =
  'thing' | 'name' | 'phrase' | 'character_string' | 'number' | 'letter' | 'symbol' | 'time' | 'date' | 'amount' | 'phone_number' | 'car_number'

export interface TemplateSpec {
  /** The template id from the admin console. */
  id: string
  /** Its title there (also how undelivered messages are named to the secretary). */
  title: string
  /** Every keyword of the template: key (e.g. thing1) → field type. */
  fields: Readonly<Record<string, FieldType>>
}

export const TEMPLATES = {
  /** 心愿审核结果通知, to the wisher: 心愿, 审核结果 (已通过 / 未通过), 说明 (what happens next, or the reason), 审核时间. */
  wishReviewed: { id: 'local-tpl-wish-reviewed', title: '心愿审核结果通知', fields: { thing1: 'thing', phrase2: 'phrase', thing3: 'thing', time4: 'time' } },
  /** 心愿认领通知, to the wisher: 心愿, 认领人 (the masked name the wall shows, so `thing`), 认领时间. */
  wishClaimed: { id: 'local-tpl-wish-claimed', title: '心愿认领通知', fields: { thing1: 'thing', thing2: 'thing', time3: 'time' } },
  /** 心愿完成通知, to the wisher: 心愿, 完成情况, 完成时间. */
  wishFulfilled: { id: 'local-tpl-wish-fulfilled', title: '心愿完成通知', fields: { thing1: 'thing', thing2: 'thing', time3: 'time' } },
  /** 心愿确认通知, to the claimer: 心愿, 评价 (非常满意 … 很不满意), 确认时间. */
  wishConfirmed: { id: 'local-tpl-wish-confirmed', title: '心愿确认通知', fields: { thing1: 'thing', phrase2: 'phrase', time3: 'time' } },
  /** 议题进展通知, to the topic's author: 议题, 当前阶段 (TOPIC_STATUS_LABELS, ≤ 5 Chinese characters), 说明, 时间. */
  topicProgress: { id: 'local-tpl-topic-progress', title: '议题进展通知', fields: { thing1: 'thing', phrase2: 'phrase', thing3: 'thing', time4: 'time' } },
  /** 表决开始通知, to the eligible who accepted it: 议题, 截止时间, 说明. */
  topicVote: { id: 'local-tpl-topic-vote', title: '表决开始通知', fields: { thing1: 'thing', time2: 'time', thing3: 'thing' } },
  /** 诉求进展通知, to the reporter: 诉求 (category + summary), 当前状态 (REQUEST_STATUS_LABELS), 说明, 时间. */
  requestProgress: { id: 'local-tpl-request-progress', title: '诉求进展通知', fields: { thing1: 'thing', phrase2: 'phrase', thing3: 'thing', time4: 'time' } },
  /** 预约提醒, to the person who booked (the day before, China time): 服务, 时间, 地点, 说明. */
  bookingReminder: { id: 'local-tpl-booking-reminder', title: '预约提醒', fields: { thing1: 'thing', time2: 'time', thing3: 'thing', thing4: 'thing' } },
  /** 待办提醒: 事项, 说明. */
  reminder: { id: 'local-tpl-reminder', title: '待办提醒', fields: { thing1: 'thing', thing2: 'thing' } },
} as const satisfies Record<string, TemplateSpec>

export type TemplateName = keyof typeof TEMPLATES
export const TEMPLATE_NAMES = Object.keys(TEMPLATES) as TemplateName[]

/** The data keys of a template, e.g. 'thing1' | 'thing2' | 'time3'. */
export type TemplateData<N extends TemplateName> = { [K in keyof (typeof TEMPLATES)[N]['fields']]: string }

/** The template an id belongs to, or null. */
export function templateById(id: string): { name: TemplateName; spec: TemplateSpec } | null {
  for (const name of TEMPLATE_NAMES) if (TEMPLATES[name].id === id) return { name, spec: TEMPLATES[name] }
  return null
}

/**
 * Subscribe-message templates (一次性订阅消息). The ids are your mini-program's own: apply for templates with
 * these fields in the admin console (订阅消息 → 公共模板库) and put their ids here before release. The client
 * asks for consent with these ids at the moment it makes sense (a tap), the function sends with them.
 * Locally, sent messages land in the outbox (/dev/outbox).
 */
export const TEMPLATES = {
  /** 心愿认领通知: thing1 心愿, name2 认领人, time3 时间 */
  wishClaimed: 'local-tpl-wish-claimed',
  /** 心愿完成通知: thing1 心愿, thing2 完成情况, time3 时间 */
  wishFulfilled: 'local-tpl-wish-fulfilled',
  /** 心愿确认通知: thing1 心愿, phrase2 评价, time3 时间 */
  wishConfirmed: 'local-tpl-wish-confirmed',
  /** 待办提醒: thing1 事项, thing2 说明 */
  reminder: 'local-tpl-reminder',
} as const
export type TemplateName = keyof typeof TEMPLATES

/**
 * Subscribe messages (module `messages`, actions under `org.`): the consent a person gave in the app, and
 * the messages that could not be delivered.
 *
 * - org.subscribed: the client reports the templates the person accepted in `requestSubscribeMessage`
 *   (a one-time subscription: one acceptance allows one message of that template).
 * - org.undelivered: a secretary (or street admin) lists the messages of their community that WeChat refused,
 *   newest first, cursor-paged, names masked.
 */
import * as z from 'zod/mini'
import { Id, PageInput } from './common'
import { TEMPLATE_NAMES, type TemplateName } from './templates'

export const TemplateNameSchema = z.enum(TEMPLATE_NAMES as [TemplateName, ...TemplateName[]], { message: '没有这个消息模板' })

/** WeChat asks for at most 3 templates at once, so at most 3 are accepted at once. */
export const SubscribedInput = z.strictObject({
  templates: z.array(TemplateNameSchema).check(
    z.minLength(1),
    z.maxLength(3),
    z.refine((t) => new Set(t).size === t.length, '模板不能重复'),
  ),
})

export const UndeliveredInput = z.strictObject({ ...PageInput.shape, communityId: Id })

/** Stored: one document per user and template (`_id` `<userId>_<template>`). */
export interface Subscription {
  _id: string
  userId: string
  openid: string
  template: TemplateName
  templateId: string
  /** Acceptances not yet used, as far as the app knows (locally the WeChat stand-in uses them up). */
  count: number
  updatedAt: Date
}

/** Stored: one document per refused send. */
export interface MessageFailure {
  _id: string
  communityId: string
  /** Who should have received it. */
  userId: string
  template: TemplateName
  templateId: string
  page: string
  errcode: number
  errmsg: string
  /** In Chinese, for the secretary: 对方没有订阅 … */
  reason: string
  at: Date
}

export interface SubscribedView {
  /** Acceptances not yet used, per template just accepted. */
  counts: Partial<Record<TemplateName, number>>
}

export interface UndeliveredItem {
  id: string
  at: string
  /** Masked: 王*英. */
  recipientName: string
  template: TemplateName
  /** 心愿认领通知 … */
  templateTitle: string
  errcode: number
  reason: string
  /** One line: 给王*英的「心愿认领通知」没有送达：对方没有订阅 */
  text: string
  /** The page the message would have opened (for a link). */
  page: string
}

/**
 * The one way the function sends a subscribe message: to a person by user id, with a template of
 * types/templates.ts and data keyed by that template's fields. A send WeChat refuses (no consent 43101,
 * a bad value 47003, …) is recorded in `message_failures` (template, recipient, community, errcode, reason in
 * Chinese, time), for the secretary's 未送达的消息 (org.undelivered). Nothing is thrown: a message must never
 * undo the action that caused it; a failure to record is logged.
 * Offline people (no WeChat) are not sent anything: callers choose who is told for them (wish/core.ts).
 */
import type { User } from '../../../../../types/org'
import type { MessageFailure } from '../../../../../types/messages'
import { TEMPLATES, type TemplateData, type TemplateName } from '../../../../../types/templates'
import type { Deps } from '../../platform/context'
import { getById, newId } from '../../platform/db'
import { C } from '../org/repo'
import { MSG } from './repo'
import { reasonFor } from './rules'

let seq = 0
/** Time-ordered ids, so a page of failures is one range of (communityId, at, _id). */
function failureId(at: Date): string {
  seq = (seq + 1) % 46656
  return 'm' + at.getTime().toString(36).padStart(9, '0') + seq.toString(36).padStart(3, '0') + newId().slice(0, 8)
}

export interface Message<N extends TemplateName> {
  communityId: string
  userId: string
  template: N
  /** The page the message opens, without a leading slash. */
  page: string
  data: TemplateData<N>
}

/** Send one message; true when WeChat took it. */
export async function sendMessage<N extends TemplateName>(deps: Pick<Deps, 'db' | 'openapi' | 'now'>, msg: Message<N>): Promise<boolean> {
  const user = await getById<User>(deps.db, C.users, msg.userId)
  if (!user || user.offline) return false
  const spec = TEMPLATES[msg.template]
  const data: Record<string, { value: string }> = {}
  for (const [k, v] of Object.entries(msg.data as Record<string, string>)) data[k] = { value: v }
  const res = await deps.openapi.notify({ touser: user.openid, templateId: spec.id, page: msg.page, data })
  if (res.ok) return true
  const at = deps.now()
  const doc: MessageFailure = {
    _id: failureId(at),
    communityId: msg.communityId,
    userId: user._id,
    template: msg.template,
    templateId: spec.id,
    page: msg.page,
    errcode: res.errcode,
    errmsg: res.errmsg,
    reason: reasonFor(res.errcode),
    at,
  }
  try {
    await deps.db.collection(MSG.failures).add({ data: doc })
  } catch (err) {
    console.error('could not record an undelivered message', { template: msg.template, userId: user._id, errcode: res.errcode, err })
  }
  return false
}

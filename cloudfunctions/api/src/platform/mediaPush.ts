/**
 * The message push of an asynchronous media check's result (security.mediaCheckAsync), and how the entry point
 * tells it from a client call. Apart from mediaChecks.ts so that a request's cold start does not load the handler.
 *
 * What WeChat pushes (JSON mode; developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/mediaCheckAsync.html,
 * and pushes quoted in the community, e.g. developers.weixin.qq.com/community/minihome/doc/0002a2b26a09f883de245df686b000):
 *   { ToUserName, FromUserName, CreateTime, MsgType: 'event', Event: 'wxa_media_check', appid, trace_id,
 *     version: 2, result: { suggest: 'pass' | 'review' | 'risky', label }, detail: [...] }
 * and, when the check itself failed, no result but `errcode` / `errmsg` (community doc 000acc0c2c03c02a661401a5661400).
 * It arrives within 30 minutes of the call, at the cloud function configured for message push.
 *
 * DEPLOY: the push reaches this function only once the console says so: 云开发控制台 → 设置 → 其他设置 → 消息推送,
 * push mode 云函数, add <消息类型 event, 事件类型 wxa_media_check> → function `api` ("云函数接收消息推送",
 * developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/functions/openapi.html). config.json has no field for it.
 *
 * Who may deliver it: never a client. A mini-program's call (wx.cloud.callFunction) always carries SOURCE
 * `wx_client` (`wx_devtools` / `wx_localdebug` from the IDE; getWXContext's documented SOURCE values), so an event
 * from such a source is never a push. What a push carries is not documented for this event; for the message push
 * WeChat documents (customer-service messages, "云函数接收消息推送" above), the function runs as the message's user:
 * its example replies to `cloud.getWXContext().OPENID`. So a push is taken when the invocation has no OPENID (as
 * a timer's: platform/timerEvent.ts), or names a source that is not a client, or runs as the user the event says
 * it is from (OPENID = FromUserName). The local stand-in pushes in that last, least telling shape (the user's
 * OPENID and no SOURCE), and every local client call carries SOURCE `wx_client` (local/cloud.ts runAsCaller).
 * Even a push that passes acts only on a traceId this function stored, and traceIds never leave the server; the
 * local host also refuses push-shaped events over HTTP, as it refuses timer events.
 */
export interface MediaCheckPushEvent {
  MsgType: 'event'
  Event: 'wxa_media_check'
  trace_id: string
  version?: number
  result?: { suggest?: unknown; label?: unknown }
  errcode?: number
  errmsg?: string
  FromUserName?: string
  CreateTime?: number
}

const CLIENT_SOURCES = ['wx_client', 'wx_devtools', 'wx_localdebug']

/** Whether an event is shaped as a media-check push (any caller: the host uses it to refuse them over HTTP). */
export function looksLikeMediaCheckPush(event: unknown): event is MediaCheckPushEvent {
  if (typeof event !== 'object' || event === null) return false
  const e = event as Record<string, unknown>
  return e.MsgType === 'event' && e.Event === 'wxa_media_check'
}

/** Whether the entry point takes this invocation as WeChat's push of a media check result. */
export function isMediaCheckPush(event: unknown, openid: string | null, source: string | undefined): event is MediaCheckPushEvent {
  if (!looksLikeMediaCheckPush(event) || 'action' in (event as object)) return false
  if (typeof event.trace_id !== 'string' || !event.trace_id) return false
  const chain = (source ?? '').split(',').map((s) => s.trim())
  if (chain.some((s) => CLIENT_SOURCES.includes(s))) return false
  if (!openid) return true
  return !!source || openid === event.FromUserName
}

/**
 * Local-only pages of the host: the demo people (the H5 切换身份 list) and the outbox of
 * subscribe messages the app "sent". Read from the engine directly, never through the function.
 */
import type { Engine } from '../engine'
import { demoUserOrder } from '../seed/demo'
import { inChina } from '../../cloudfunctions/api/src/platform/chinaTime'

export interface DevPerson {
  openid: string
  name: string
  roles: { communityId: string; role: string }[]
}

/**
 * The people one can be: users with a real openid (not offline residents, whose placeholder openid
 * WeChat never issues), in seed order (demo people as seeded; then newcomers by createdAt).
 */
export async function devPeople(engine: Engine): Promise<DevPerson[]> {
  const users = ((await engine.find('users', { offline: { $ne: true } })) as any[]).filter(
    (u) => typeof u.openid === 'string' && u.openid && !u.openid.startsWith('offline_'),
  )
  const order = demoUserOrder()
  const rank = (u: any) => order.get(u._id) ?? Number.MAX_SAFE_INTEGER
  const time = (u: any) => (u.createdAt instanceof Date ? u.createdAt.getTime() : Date.parse(u.createdAt) || 0)
  users.sort((a, b) => rank(a) - rank(b) || time(a) - time(b) || String(a._id).localeCompare(String(b._id)))
  return users.map((u) => ({
    openid: u.openid,
    name: u.realName || u.nickname || u._id,
    roles: (Array.isArray(u.roles) ? u.roles : []).map((r: any) => ({ communityId: r.communityId, role: r.role })),
  }))
}

export interface OutboxEntry {
  id: string
  at: string | null
  touser: string | null
  toName: string | null
  templateId: string | null
  page: string | null
  data: Record<string, string>
}

function timeOf(doc: any): Date | null {
  const v = doc.at ?? doc.sentAt ?? doc.createdAt ?? null
  if (v instanceof Date) return v
  if (typeof v === 'string' || typeof v === 'number') {
    const d = new Date(v)
    return Number.isNaN(d.getTime()) ? null : d
  }
  return null
}

/** Subscribe messages in the outbox, newest first, with the recipient's name resolved. */
export async function outboxEntries(engine: Engine, limit = 200): Promise<OutboxEntry[]> {
  const docs = (await engine.find('outbox', {})) as any[]
  docs.sort((a, b) => (timeOf(b)?.getTime() ?? 0) - (timeOf(a)?.getTime() ?? 0) || String(b._id).localeCompare(String(a._id)))
  const shown = docs.slice(0, limit)
  const openids = Array.from(new Set(shown.map((d) => d.touser).filter((x) => typeof x === 'string')))
  const users = openids.length ? ((await engine.find('users', { openid: { $in: openids } })) as any[]) : []
  const names = new Map(users.map((u) => [u.openid, u.realName || u.nickname]))
  return shown.map((d) => {
    const data: Record<string, string> = {}
    for (const [k, v] of Object.entries<any>(d.data && typeof d.data === 'object' ? d.data : {})) {
      data[k] = v && typeof v === 'object' && 'value' in v ? String(v.value) : String(v)
    }
    return {
      id: String(d._id),
      at: timeOf(d)?.toISOString() ?? null,
      touser: d.touser ?? null,
      toName: (d.touser && names.get(d.touser)) || null,
      templateId: d.templateId ?? d.template_id ?? null,
      page: d.page ?? null,
      data,
    }
  })
}

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/** When a message was sent, on the Chinese wall clock (as its recipient saw it), whatever this machine's zone. */
function chinaTime(iso: string | null): string {
  if (!iso) return '—'
  return inChina(iso).format('YYYY-MM-DD HH:mm:ss')
}

export function outboxHtml(entries: OutboxEntry[]): string {
  const rows = entries
    .map(
      (e) => `<tr>
  <td class="t">${esc(chinaTime(e.at))}</td>
  <td>${esc(e.toName ?? '（未知用户）')}<div class="sub">${esc(e.touser)}</div></td>
  <td><code>${esc(e.templateId)}</code></td>
  <td>${Object.entries(e.data)
    .map(([k, v]) => `<div><span class="k">${esc(k)}</span> ${esc(v)}</div>`)
    .join('')}</td>
  <td><code>${esc(e.page)}</code></td>
</tr>`,
    )
    .join('\n')
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>订阅消息发件箱 · 本地</title>
<style>
  body { font: 15px/1.6 -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; margin: 24px; color: #222; }
  h1 { font-size: 20px; margin: 0 0 4px; }
  p.note { color: #666; margin: 0 0 16px; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border-bottom: 1px solid #e5e5e5; padding: 8px 10px; text-align: left; vertical-align: top; }
  th { background: #fafafa; font-weight: 600; }
  td.t { white-space: nowrap; }
  .sub { color: #999; font-size: 12px; }
  .k { color: #c0392b; margin-right: 4px; }
  code { font-size: 13px; color: #555; }
  .empty { color: #999; padding: 24px 0; }
</style>
</head>
<body>
<h1>订阅消息发件箱</h1>
<p class="note">本地模式下，小程序“发送”的订阅消息都记录在这里（最新的在前）。共 ${entries.length} 条。<a href="/dev/outbox.json">JSON</a> · <a href="/dev/people">演示人员</a> · <a href="/">返回应用</a></p>
${
  entries.length
    ? `<table>
<thead><tr><th>时间（北京时间）</th><th>接收人</th><th>模板</th><th>内容</th><th>页面</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`
    : '<div class="empty">还没有发出任何订阅消息。</div>'
}
</body>
</html>
`
}

/**
 * The local function host: what WeChat Cloud does for the mini-program, over plain HTTP for the H5 build.
 *
 *   POST /fn/<name>                 event as JSON → the function's answer as JSON (caller from x-wx-openid)
 *   GET  /dev/people[.json]         the people one can be (local dev mode only)
 *   GET  /dev/outbox[.json]         subscribe messages the app "sent" (local dev mode only)
 *   POST /storage/upload?path=p     an image (JPEG, PNG or WebP by its bytes, ≤ 2 MB) as a known person →
 *                                   <storageDir>/p with the extension of its type, answers { fileID, url }
 *   GET  /storage/<p>               the stored image, as its type, nosniff (anything else 404)
 *   GET  /*                         the H5 build (index.html for /, SPA fallback)
 *
 * Identity: in local dev mode the `x-wx-openid` header is the caller, the way WeChat Cloud's
 * getWXContext() is. Anyone who can reach the port can be anyone, so in that mode the host refuses to
 * listen anywhere but loopback.
 *
 * Storage: an upload needs that identity and a user with that openid (401 otherwise), counts against
 * the person's write limit (60 a minute, as the function's router; 429), must be an image by its magic
 * numbers (415) of at most 2 MB (413), and never replaces an existing file (409). Only images are served
 * from storage, with `X-Content-Type-Options: nosniff`: nothing uploaded can run as a page on this origin.
 *
 * Time limit: every call runs under the function's timeout (its config.json `timeout`). A call still
 * running at the limit is answered as WeChat answers it — `{ errCode: -504003, errMsg: "…Invoking task
 * timed out after N seconds" }` (HTTP 504 here), which the app shows as a network failure — and the
 * invocation is cut off: its later database and open-API requests fail.
 *
 * Timers: WeChat alone fires timer triggers. An event that looks like one (`{ Type: 'Timer' }`) sent to
 * POST /fn/<name> is refused with 403, whoever sends it; the local scheduler (scheduler.ts) calls the
 * function's main directly. Likewise a message push (an image check's result, `{ MsgType: 'event', Event:
 * 'wxa_media_check' }`): only the open-API stand-in pushes it, calling main directly (local/openapi).
 */
import * as crypto from 'crypto'
import * as fs from 'fs'
import * as http from 'http'
import * as path from 'path'
import type { AddressInfo } from 'net'
import type { Engine } from '../engine'
import { invokeFunction, InvocationTimeout } from '../cloud'
import { devPeople, outboxEntries, outboxHtml } from './dev'
import { decodePath, safeJoin, sendStoredImage, serveStatic, sniffImage, withImageExtension } from './files'
import { FunctionRegistry } from './functions'
import { looksLikeMediaCheckPush } from '../../cloudfunctions/api/src/platform/mediaPush'
// The cloud function's own limiter class (pure, no SDK): the host applies the same rule to uploads.
import { RateLimiter } from '../../cloudfunctions/api/src/platform/rateLimit'

/** Largest request body /fn accepts (the function itself rejects events over 64 KB). */
export const MAX_FN_BODY = 1024 * 1024
/** Largest upload to local storage: a phone photo after WeChat's compression is well under it. */
export const MAX_UPLOAD_BODY = 2 * 1024 * 1024
const MAX_UPLOAD_LABEL = '2 MB'

/** Uploads per person per window: the function's write limit (router.ts: 60 writes a minute per person). */
export const UPLOAD_RATE_LIMIT = 60
export const UPLOAD_RATE_WINDOW_MS = 60_000

export const IDENTITY_HEADER = 'x-wx-openid'

export interface HostOptions {
  engine: Engine
  /** Address to bind; default 127.0.0.1. */
  host?: string
  /** 0 = ephemeral. */
  port?: number
  /** Honour the x-wx-openid header and serve /dev/*. Default true; requires a loopback host. */
  devIdentity?: boolean
  /** Folder for local cloud storage. */
  storageDir: string
  /** Folder of the H5 build to serve, or null. */
  h5Dir?: string | null
  /** Where cloud functions live (default: the project's cloudfunctions/). */
  functionsRoot?: string
  /** One line per request; false = silent. Default console.log. */
  log?: ((line: string) => void) | false
  /** Requests to functions and /dev wait for this (the local cloud being installed and seeded). */
  ready?: Promise<unknown>
  /** The time functions run on (passed to main as context.clock); default the system's. */
  clock?: () => Date
}

export interface Host {
  server: http.Server
  url: string
  port: number
  close(): Promise<void>
}

export function isLoopback(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || /^::ffff:127(\.\d{1,3}){3}$/.test(h)
}

/** Throws unless the host may run with dev identities at this address. */
export function assertSafeBinding(host: string, devIdentity: boolean): void {
  if (devIdentity && !isLoopback(host)) {
    throw new Error(
      `本地开发模式信任 ${IDENTITY_HEADER} 请求头（任何人都能冒充任何人），只能绑定本机回环地址（127.0.0.1、::1、localhost），` +
        `拒绝绑定 ${host}。Refusing to start: dev-identity mode requires a loopback address, got "${host}".`,
    )
  }
}

/**
 * Whether an event looks like a timer trigger's (`{ Type: 'Timer', TriggerName, Time }`), in any
 * spelling of the key or value: such events come from the scheduler, never over HTTP.
 */
export function looksLikeTimerEvent(event: unknown): boolean {
  if (typeof event !== 'object' || event === null) return false
  for (const [key, value] of Object.entries(event)) {
    const k = key.toLowerCase()
    if (k === 'triggername') return true
    if (k === 'type' && typeof value === 'string' && value.trim().toLowerCase() === 'timer') return true
  }
  return false
}

type Envelope = { ok: false; error: { code: string; message: string } }
const fail = (code: string, message: string): Envelope => ({ ok: false, error: { code, message } })

class BodyTooLarge extends Error {}

/** Reads the whole body up to `limit` bytes; past it, drains the rest and throws BodyTooLarge. */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'])
    let tooLarge = Number.isFinite(declared) && declared > limit
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) tooLarge = true
      if (tooLarge) {
        chunks.length = 0
        // Stop reading absurd bodies altogether.
        if (size > limit * 16) req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => (tooLarge ? reject(new BodyTooLarge()) : resolve(Buffer.concat(chunks))))
    req.on('error', reject)
    req.on('close', () => {
      if (!req.complete) reject(tooLarge ? new BodyTooLarge() : new Error('request aborted'))
    })
  })
}

/** After an early answer: discard the rest of the body, but not without end. */
function drain(req: http.IncomingMessage, limit: number): void {
  let size = 0
  req.on('data', (chunk: Buffer) => {
    size += chunk.length
    if (size > limit) req.destroy()
  })
  req.resume()
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): number {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...extra,
  })
  res.end(text)
  return status
}

function sendHtml(res: http.ServerResponse, status: number, html: string): number {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html), 'cache-control': 'no-store' })
  res.end(html)
  return status
}

const encodeStoragePath = (p: string) => p.split('/').map(encodeURIComponent).join('/')

function peopleHtml(people: Awaited<ReturnType<typeof devPeople>>, placeNames: Map<string, string>): string {
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
  const LABELS: Record<string, string> = {
    resident: '居民',
    party_member: '党员',
    volunteer: '志愿者',
    building_head: '楼栋长',
    grid_worker: '网格员',
    secretary: '社区书记',
    street_admin: '街道管理员',
  }
  const rows = people
    .map(
      (p, i) =>
        `<tr><td>${i + 1}</td><td>${esc(p.name)}</td><td>${esc(p.roles.map((r) => `${LABELS[r.role] ?? r.role}（${placeNames.get(r.communityId) ?? r.communityId}）`).join('、'))}</td><td><code>${esc(p.openid)}</code></td></tr>`,
    )
    .join('\n')
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>演示人员 · 本地</title>
<style>body{font:15px/1.6 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif;margin:24px;color:#222}table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #e5e5e5;padding:6px 10px;text-align:left}th{background:#fafafa}td:nth-child(2){white-space:nowrap}code{color:#555;font-size:13px}p{color:#666}</style>
</head><body><h1>演示人员</h1>
<p>应用里点“切换身份”即可成为其中任何一位（仅本地模式）。第一位是默认身份。共 ${people.length} 人。<a href="/dev/people.json">JSON</a> · <a href="/dev/outbox">订阅消息发件箱</a> · <a href="/">返回应用</a></p>
<table><thead><tr><th>#</th><th>姓名</th><th>角色（社区）</th><th>openid</th></tr></thead><tbody>
${rows}
</tbody></table></body></html>
`
}

export async function startHost(opts: HostOptions): Promise<Host> {
  const host = opts.host ?? '127.0.0.1'
  const devIdentity = opts.devIdentity ?? true
  assertSafeBinding(host, devIdentity)
  const log = opts.log === false ? null : (opts.log ?? ((line: string) => console.log(line)))
  const functions = new FunctionRegistry(opts.functionsRoot)
  const ready = opts.ready ?? Promise.resolve()
  const h5Dir = opts.h5Dir ?? null
  const { engine, storageDir } = opts
  const uploadLimiter = new RateLimiter(UPLOAD_RATE_LIMIT, UPLOAD_RATE_WINDOW_MS)

  /** The caller's openid from the dev identity header ('' when none is given or honoured). */
  function callerOpenid(req: http.IncomingMessage): string {
    const header = req.headers[IDENTITY_HEADER]
    const openid = devIdentity && typeof header === 'string' ? header.trim().slice(0, 128) : ''
    // Offline residents' placeholder ids are never a caller: WeChat issues no such openid, and honouring
    // one would let anyone on this machine act as an elderly resident without a phone.
    return openid.startsWith('offline_') ? '' : openid
  }

  /** A person who may upload: a user with this openid, and a real one (not an offline resident's placeholder). */
  async function isKnownPerson(openid: string): Promise<boolean> {
    if (!openid || openid.startsWith('offline_')) return false
    const [user] = (await engine.find('users', { openid }, { limit: 1 })) as { offline?: boolean }[]
    return Boolean(user) && user.offline !== true
  }

  async function handleFunction(req: http.IncomingMessage, res: http.ServerResponse, name: string, note: string[]): Promise<number> {
    if (req.method !== 'POST') return sendJson(res, 405, fail('INVALID_INPUT', '请使用 POST 调用云函数'), { allow: 'POST' })
    await ready
    const main = functions.get(name)
    if (!main) return sendJson(res, 404, fail('NOT_FOUND', `云函数 ${name} 不存在`))
    let body: Buffer
    try {
      body = await readBody(req, MAX_FN_BODY)
    } catch (err) {
      if (err instanceof BodyTooLarge) return sendJson(res, 413, fail('INVALID_INPUT', '请求内容过大'), { connection: 'close' })
      throw err
    }
    let event: unknown
    const text = body.toString('utf8')
    if (text.trim() === '') event = {}
    else {
      try {
        event = JSON.parse(text)
      } catch {
        return sendJson(res, 200, fail('INVALID_INPUT', '请求格式不正确'))
      }
    }
    if (looksLikeMediaCheckPush(event)) {
      note.push('message push refused')
      return sendJson(res, 403, fail('FORBIDDEN', '消息推送事件只能由微信平台推送，不能通过 HTTP 调用云函数'))
    }
    if (looksLikeTimerEvent(event)) {
      note.push('timer event refused')
      return sendJson(res, 403, fail('FORBIDDEN', '定时触发事件只能由平台的定时器发起，不能通过 HTTP 调用云函数'))
    }
    const openid = callerOpenid(req)
    const action =
      event && typeof event === 'object' && typeof (event as { action?: unknown }).action === 'string' ? (event as { action: string }).action : null
    if (action) note.push(action)
    note.push(openid ? `as ${openid}` : 'anonymous')
    try {
      const answer = await invokeFunction(main, event, {
        caller: { OPENID: openid, APPID: 'local' },
        clock: opts.clock,
        fn: name,
        timeoutMs: functions.timeoutMs(name),
      })
      if (answer && typeof answer === 'object' && (answer as { ok?: unknown }).ok === false) {
        note.push((answer as Envelope).error?.code ?? 'error')
      }
      return sendJson(res, 200, answer ?? null)
    } catch (err) {
      if (err instanceof InvocationTimeout) {
        note.push(`timed out after ${err.timeoutMs} ms`)
        return sendJson(res, 504, { errCode: err.errCode, errMsg: err.message })
      }
      console.error(`[host] function ${name} threw`, err)
      return sendJson(res, 500, fail('INTERNAL', '服务暂时不可用，请稍后再试'))
    }
  }

  async function handleUpload(req: http.IncomingMessage, res: http.ServerResponse, url: URL, note: string[]): Promise<number> {
    const refuse = (status: number, code: string, message: string, extra: Record<string, string> = {}) => {
      note.push(code)
      const sent = sendJson(res, status, fail(code, message), extra)
      if (!req.complete) drain(req, MAX_UPLOAD_BODY * 16)
      return sent
    }
    if (req.method !== 'POST') return refuse(405, 'INVALID_INPUT', '请使用 POST 上传文件', { allow: 'POST' })
    await ready

    // 1. Who: the same identity /fn/api runs as, and a person the app knows.
    const openid = callerOpenid(req)
    note.push(openid ? `as ${openid}` : 'anonymous')
    if (!openid) return refuse(401, 'UNAUTHENTICATED', '请先登录再上传图片')
    if (!(await isKnownPerson(openid))) return refuse(401, 'UNAUTHENTICATED', '找不到您的账号，请先登录再上传图片')

    // 2. How often: every attempt counts, as every write does in the function.
    if (!uploadLimiter.allow(openid, Date.now())) {
      return refuse(429, 'RATE_LIMITED', `上传太频繁了：每人每分钟最多上传 ${UPLOAD_RATE_LIMIT} 张图片，请稍等一会儿再试`, {
        'retry-after': String(Math.ceil(UPLOAD_RATE_WINDOW_MS / 1000)),
      })
    }

    // 3. Where, how big, and what: an image by its bytes, whatever its name or content-type say.
    const rel = url.searchParams.get('path') ?? ''
    if (!safeJoin(storageDir, rel)) return refuse(400, 'INVALID_INPUT', '文件路径不正确')
    let body: Buffer
    try {
      body = await readBody(req, MAX_UPLOAD_BODY)
    } catch (err) {
      if (err instanceof BodyTooLarge) return refuse(413, 'INVALID_INPUT', `图片太大了：不能超过 ${MAX_UPLOAD_LABEL}，请压缩后再上传`, { connection: 'close' })
      throw err
    }
    const type = sniffImage(body)
    if (!type) return refuse(415, 'INVALID_INPUT', '只能上传图片（JPEG、PNG 或 WebP 格式）')

    // 4. Stored under the extension of what it is, so it is served back as that and nothing else.
    const stored = withImageExtension(rel, type)
    const file = safeJoin(storageDir, stored)
    if (!file) return refuse(400, 'INVALID_INPUT', '文件路径不正确')
    try {
      await fs.promises.mkdir(path.dirname(file), { recursive: true })
    } catch {
      return refuse(400, 'INVALID_INPUT', '文件路径不正确')
    }
    const tmp = `${file}.${crypto.randomBytes(6).toString('hex')}.tmp`
    let exists = false
    try {
      await fs.promises.writeFile(tmp, body, { flag: 'wx' })
      // link() never replaces: one person cannot swap another's (already reviewed) photo.
      await fs.promises.link(tmp, file)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      exists = true
    } finally {
      await fs.promises.rm(tmp, { force: true })
    }
    if (exists) return refuse(409, 'CONFLICT', '同名文件已存在，请重新上传')
    note.push(type.mime)
    return sendJson(res, 200, { fileID: `cloud://local/${stored}`, url: `/storage/${encodeStoragePath(stored)}` })
  }

  async function handleStorageGet(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<number> {
    const decoded = decodePath(pathname.slice('/storage/'.length))
    const file = decoded === null ? null : safeJoin(storageDir, decoded)
    if (!file) return sendJson(res, 400, fail('INVALID_INPUT', '文件路径不正确'))
    return sendStoredImage(res, file, { head: req.method === 'HEAD' })
  }

  async function handleDev(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<number> {
    await ready
    const wantsHtml = (req.headers.accept ?? '').includes('text/html')
    switch (pathname) {
      case '/dev/people': {
        const people = await devPeople(engine)
        if (!wantsHtml) return sendJson(res, 200, people)
        const places = [...(await engine.find('communities', {})), ...(await engine.find('streets', {}))] as { _id: string; name: string }[]
        return sendHtml(res, 200, peopleHtml(people, new Map(places.map((p) => [p._id, p.name]))))
      }
      case '/dev/people.json':
        return sendJson(res, 200, await devPeople(engine))
      case '/dev/outbox':
        return sendHtml(res, 200, outboxHtml(await outboxEntries(engine)))
      case '/dev/outbox.json':
        return sendJson(res, 200, await outboxEntries(engine))
      default:
        return sendJson(res, 404, fail('NOT_FOUND', '未找到'))
    }
  }

  async function route(req: http.IncomingMessage, res: http.ServerResponse, note: string[]): Promise<number> {
    // Leading slashes collapse: '//x' would otherwise parse as a host name and throw.
    const url = new URL((req.url ?? '/').replace(/^\/+/, '/'), 'http://local')
    const { pathname } = url
    const method = req.method ?? 'GET'

    const fn = /^\/fn\/([^/]+)\/?$/.exec(pathname)
    if (fn) return handleFunction(req, res, decodePath(fn[1]) ?? '', note)
    if (pathname === '/fn' || pathname.startsWith('/fn/')) return sendJson(res, 404, fail('NOT_FOUND', '云函数不存在'))

    if (pathname === '/storage/upload') return handleUpload(req, res, url, note)
    if (pathname.startsWith('/storage/')) {
      if (method !== 'GET' && method !== 'HEAD') return sendJson(res, 405, fail('INVALID_INPUT', '不支持的请求方法'))
      return handleStorageGet(req, res, pathname)
    }

    if (pathname === '/dev' || pathname.startsWith('/dev/')) {
      if (!devIdentity) return sendJson(res, 404, fail('NOT_FOUND', '未找到'))
      if (method !== 'GET' && method !== 'HEAD') return sendJson(res, 405, fail('INVALID_INPUT', '不支持的请求方法'))
      return handleDev(req, res, pathname)
    }

    if (method !== 'GET' && method !== 'HEAD') return sendJson(res, 405, fail('INVALID_INPUT', '不支持的请求方法'))
    if (!h5Dir) {
      return sendHtml(
        res,
        404,
        '<!doctype html><meta charset="utf-8"><title>本地服务</title><p>H5 页面尚未构建：运行 <code>npm run build:h5</code> 或 <code>npm start</code>。</p>',
      )
    }
    return serveStatic(res, h5Dir, pathname, req.headers.accept ?? '', method === 'HEAD')
  }

  const server = http.createServer((req, res) => {
    const started = process.hrtime.bigint()
    const note: string[] = []
    route(req, res, note)
      .catch((err) => {
        console.error('[host] request failed', err)
        if (!res.headersSent) return sendJson(res, 500, fail('INTERNAL', '服务暂时不可用，请稍后再试'))
        res.destroy()
        return 500
      })
      .then((status) => {
        if (!log) return
        const ms = Number(process.hrtime.bigint() - started) / 1e6
        log(`[host] ${req.method} ${req.url} ${status} ${ms.toFixed(1)}ms${note.length ? ' ' + note.join(' ') : ''}`)
      })
  })
  server.keepAliveTimeout = 5000

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const port = (server.address() as AddressInfo).port
  const urlHost = host.includes(':') ? `[${host}]` : host
  return {
    server,
    port,
    url: `http://${urlHost}:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

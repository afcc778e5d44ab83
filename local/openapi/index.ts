/**
 * Local stand-ins for the WeChat open APIs the product calls through `cloud.openapi.*`.
 *
 * They answer at the SDK's own seam: wx-server-sdk encodes the call as a protobuf
 * `CommApiData` (snake_case keys, JSON-encoded values, raw bytes for media) and hands it to
 * `CloudBase#callCompatibleWxOpenApi` of @cloudbase/node-sdk, then decodes a protobuf
 * `CommOpenApiResp` (respData + contentType). We answer with such a buffer, so the SDK's own
 * decoding (errcode -> thrown error, snake_case -> camelCase, buffers -> { contentType, buffer })
 * runs unmodified.
 */
import * as crypto from 'crypto'
import * as fs from 'fs'
import * as path from 'path'
import { decodePath, safeJoin } from '../host/files'
import { qrPng } from '../../cloudfunctions/api/src/platform/qrPng'
import type { Engine } from '../engine'
import { sdkDir } from '../engine/sdk'
import { REVIEW_IMAGE_MARKER, REVIEW_WORDS, RISKY_IMAGE_MARKER, RISKY_WORDS, WordRule } from './words'
import { checkTemplateData } from './subscribe'
import { templateById, type TemplateSpec } from '../../types/templates'
import { localNow } from '../time'

export interface OpenApiStandIns {
  /** base of the URL encoded in wxacode QR images; default http://127.0.0.1:10086 */
  publicBaseUrl?: string
  /**
   * Subscribe-message templates the mini-program has, by id, beside those of types/templates.ts (which are
   * always there): what the admin console would list under 我的模板. Tests use it for every field type.
   */
  templates?: Record<string, TemplateSpec>
  /** Local cloud storage (where `cloud://local/<path>` files live): what getTempFileURL links to and mediaCheckAsync reads. */
  storageDir?: string
  /**
   * When a mediaCheckAsync result is pushed: after this many ms (the local stack: a few seconds; WeChat: within
   * 30 minutes), or null (the default) = only when `deliverPushes()` is called, so tests decide the moment.
   */
  pushDelayMs?: number | null
}

/** The message-push event of one mediaCheckAsync result, as WeChat pushes it (JSON mode). */
export interface MediaCheckPush {
  ToUserName: string
  FromUserName: string
  CreateTime: number
  MsgType: 'event'
  Event: 'wxa_media_check'
  appid: string
  trace_id: string
  version: 2
  result?: { suggest: 'pass' | 'review' | 'risky'; label: number }
  detail: { strategy: string; errcode: number; suggest?: string; label?: number; prob?: number }[]
  errcode?: number
  errmsg?: string
}

/** What receives message pushes: the cloud function configured for them (云开发控制台 → 设置 → 其他设置 → 消息推送). */
export type PushTarget = (event: MediaCheckPush) => Promise<unknown>

/** The path inside local storage a `cloud://local/<path>` fileID names, or null for any other fileID. */
export function localStoragePath(fileID: string): string | null {
  const m = /^cloud:\/\/local\/(.+)$/.exec(fileID)
  return m ? m[1] : null
}

const protobuf: any = require(require.resolve('protobufjs', { paths: [sdkDir, path.dirname(sdkDir)] }))

const root = new protobuf.Root()
root.add(
  new protobuf.Type('KeyValuePair')
    .add(new protobuf.Field('key', 1, 'string'))
    .add(new protobuf.Field('value', 2, 'bytes'))
    .add(new protobuf.Field('contenttype', 3, 'string'))
    .add(new protobuf.Field('filename', 4, 'string')),
)
root.add(new protobuf.Type('OpenApiData').add(new protobuf.Field('pairs', 1, 'KeyValuePair', 'repeated')))
root.add(
  new protobuf.Type('CommApiData')
    .add(new protobuf.Field('apiType', 1, 'int32'))
    .add(new protobuf.Field('openapiData', 2, 'OpenApiData'))
    .add(new protobuf.Field('appid', 6, 'string')),
)
root.add(
  new protobuf.Type('CommOpenApiResp')
    .add(new protobuf.Field('respData', 1, 'bytes'))
    .add(new protobuf.Field('contentType', 2, 'string'))
    .add(new protobuf.Field('errorCode', 3, 'int32'))
    .add(new protobuf.Field('httpCode', 4, 'uint32')),
)
const CommApiData = root.lookupType('CommApiData')
const CommOpenApiResp = root.lookupType('CommOpenApiResp')

export const SCENE_RE = /^[0-9a-zA-Z!#$&'()*+,/:;=?@\-._~]{1,32}$/

export interface DecodedCall {
  api: string
  params: Record<string, any>
  media: Record<string, Buffer>
}

/** Decode what wx-server-sdk sends for `cloud.openapi.<api>(data)`. */
export function decodeCall(api: string, requestData: Buffer | Uint8Array): DecodedCall {
  const msg: any = CommApiData.toObject(CommApiData.decode(requestData), { defaults: false })
  const params: Record<string, any> = {}
  const media: Record<string, Buffer> = {}
  for (const p of (msg.openapiData && msg.openapiData.pairs) || []) {
    const buf = Buffer.from(p.value || [])
    if (p.contenttype || p.filename) {
      media[p.key] = buf
      continue
    }
    try {
      params[p.key] = JSON.parse(buf.toString('utf8'))
    } catch {
      media[p.key] = buf
    }
  }
  return { api, params, media }
}

function jsonResp(obj: any): Buffer {
  return Buffer.from(
    CommOpenApiResp.encode(
      CommOpenApiResp.create({
        respData: Buffer.from(JSON.stringify(obj)),
        contentType: 'application/json; charset=utf-8',
        errorCode: 0,
        httpCode: 200,
      }),
    ).finish(),
  )
}
function bufferResp(contentType: string, data: Buffer): Buffer {
  return Buffer.from(CommOpenApiResp.encode(CommOpenApiResp.create({ respData: data, contentType, errorCode: 0, httpCode: 200 })).finish())
}
const wxErr = (errcode: number, errmsg: string) => jsonResp({ errcode, errmsg: `${errmsg} rid: ${crypto.randomBytes(4).toString('hex')}` })

export class LocalOpenApi {
  readonly publicBaseUrl: string
  private readonly extraTemplates: Record<string, TemplateSpec>
  readonly storageDir: string | null
  private readonly pushDelayMs: number | null
  constructor(
    private readonly engine: () => Engine | null,
    opts: OpenApiStandIns = {},
  ) {
    this.publicBaseUrl = (opts.publicBaseUrl || 'http://127.0.0.1:10086').replace(/\/+$/, '')
    this.extraTemplates = opts.templates ?? {}
    this.storageDir = opts.storageDir ?? null
    this.pushDelayMs = opts.pushDelayMs ?? null
  }

  /** The template of an id: the app's (types/templates.ts) or one given to the stand-in. */
  private template(id: string): { name: string; spec: TemplateSpec } | null {
    const own = templateById(id)
    if (own) return own
    return Object.prototype.hasOwnProperty.call(this.extraTemplates, id) ? { name: id, spec: this.extraTemplates[id] } : null
  }

  /** Answer one call; returns the protobuf CommOpenApiResp buffer the SDK decodes. */
  async handle(apiName: string, requestData: Buffer | Uint8Array): Promise<Buffer> {
    const call = decodeCall(apiName, requestData)
    switch (apiName) {
      case 'security.msgSecCheck':
        return this.msgSecCheck(call)
      case 'security.imgSecCheck':
        return this.imgSecCheck(call)
      case 'wxacode.getUnlimited':
        return this.getUnlimited(call)
      case 'subscribeMessage.send':
        return this.subscribeSend(call)
      case 'phonenumber.getPhoneNumber':
        return this.getPhoneNumber(call)
      case 'security.mediaCheckAsync':
        return this.mediaCheckAsync(call)
      default:
        return wxErr(-1, `local stand-in has no openapi.${apiName}`)
    }
  }

  /**
   * phonenumber.getPhoneNumber: locally a code `local-phone-<11 digits>` stands for that number (WeChat's
   * codes are opaque and single-use for 5 minutes); each code works once, anything else is 40029.
   */
  private usedPhoneCodes = new Set<string>()
  private getPhoneNumber({ params }: DecodedCall): Buffer {
    const code = String(params.code ?? '')
    const m = /^local-phone-(1\d{10})$/.exec(code)
    if (!m || this.usedPhoneCodes.has(code)) return wxErr(40029, 'invalid code')
    this.usedPhoneCodes.add(code)
    return jsonResp({
      errcode: 0,
      errmsg: 'ok',
      phone_info: {
        phoneNumber: m[1],
        purePhoneNumber: m[1],
        countryCode: '86',
        watermark: { timestamp: Math.floor(localNow().getTime() / 1000), appid: 'local' },
      },
    })
  }

  // ------------------------------------------------------------ storage links and the asynchronous media check

  /**
   * getTempFileURL of local storage: `cloud://local/<path>` → `<publicBaseUrl>/storage/<path>` (what the host
   * serves) when the file exists; otherwise the entry carries TCB's STORAGE_FILE_NONEXIST code, as the real
   * storage answers for a missing file (wx-server-sdk turns it into a per-file `status` -503003).
   */
  tempFileURLs(fileList: unknown[]): { fileList: Record<string, unknown>[]; requestId: string } {
    const out = fileList.map((entry) => {
      const fileID = typeof entry === 'string' ? entry : String((entry as { fileID?: unknown })?.fileID ?? '')
      const rel = localStoragePath(fileID)
      const file = rel && this.storageDir ? safeJoin(this.storageDir, rel) : null
      if (!rel || !file || !fs.existsSync(file)) return { fileID, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST', message: 'storage file not exists' }
      return { fileID, tempFileURL: `${this.publicBaseUrl}/storage/${rel.split('/').map(encodeURIComponent).join('/')}`, maxAge: 86400 }
    })
    return { fileList: out, requestId: crypto.randomBytes(8).toString('hex') }
  }

  private pushTarget: PushTarget | null = null
  private pending: { event: MediaCheckPush; timer: NodeJS.Timeout | null }[] = []

  /** Where pushes go: the message-push configuration of the console (the local stack and the tests set the api function). */
  setPushTarget(target: PushTarget | null): void {
    this.pushTarget = target
  }

  /** Results waiting to be pushed. */
  pendingPushes(): MediaCheckPush[] {
    return this.pending.map((p) => p.event)
  }

  /**
   * Push every pending result now, in the order the checks were asked for, each awaited (the way WeChat
   * pushes them one by one); answers what was pushed. Without a push target nothing is pushed (and they stay).
   */
  async deliverPushes(): Promise<MediaCheckPush[]> {
    const target = this.pushTarget
    if (!target) return []
    const batch = this.pending
    this.pending = []
    for (const p of batch) if (p.timer) clearTimeout(p.timer)
    for (const p of batch) await target(p.event)
    return batch.map((p) => p.event)
  }

  /**
   * security.mediaCheckAsync (v2), refused as WeChat refuses: media_type other than 1 (audio) or 2 (image) → 40004
   * "invalid media type"; a media_url that is not an http(s) URL (a cloud fileID, a temp path) → 47001 "data format
   * error" (developers.weixin.qq.com community: "mediaUrl … 需要http或者https", and 47001 for a bad body); version
   * other than 2 → 40097 (the stand-in models v2 only); no openid → 40003; scene not 1–4 → 40097. Accepted: answers
   * `{ errcode: 0, errmsg: 'ok', trace_id }` (the SDK hands it to the function as `traceId`: "https调用和云调用返回
   * 的不一样", developers.weixin.qq.com/community/minihome/doc/00080e137e4718b46b527d0806d000), and queues the result's
   * push. The verdict reads the file behind the URL as WeChat downloads it: local storage's bytes containing
   * RISKY_IMAGE_MARKER → risky (label 20002), REVIEW_IMAGE_MARKER → review, else pass. A URL that cannot be
   * downloaded (not local storage, no such file) is pushed without a result, with an errcode, as WeChat reports a
   * failed check (community thread 000acc0c2c03c02a661401a5661400 shows such a push: `detail: []`, `errcode`).
   */
  private mediaCheckAsync({ params }: DecodedCall): Buffer {
    const mediaType = Number(params.media_type)
    if (mediaType !== 1 && mediaType !== 2) return wxErr(40004, 'invalid media type')
    const url = typeof params.media_url === 'string' ? params.media_url : ''
    if (!/^https?:\/\/[^\s/]+/i.test(url)) return wxErr(47001, 'data format error')
    if (Number(params.version) !== 2) return wxErr(40097, 'invalid args: version')
    const openid = typeof params.openid === 'string' ? params.openid : ''
    if (!openid) return wxErr(40003, 'invalid openid')
    const scene = Number(params.scene)
    if (![1, 2, 3, 4].includes(scene)) return wxErr(40097, 'invalid args: scene')
    const traceId = `${crypto.randomBytes(4).toString('hex')}-${crypto.randomBytes(4).toString('hex')}-${crypto.randomBytes(4).toString('hex')}`
    const event: MediaCheckPush = {
      ToUserName: 'gh_local',
      FromUserName: openid,
      CreateTime: Math.floor(localNow().getTime() / 1000),
      MsgType: 'event',
      Event: 'wxa_media_check',
      appid: 'local',
      trace_id: traceId,
      version: 2,
      ...this.verdictOf(url),
    }
    const entry = { event, timer: null as NodeJS.Timeout | null }
    if (this.pushDelayMs !== null) {
      entry.timer = setTimeout(() => {
        this.pending = this.pending.filter((p) => p !== entry)
        this.pushTarget?.(event).catch((err) => console.error('[openapi] media check push failed', err))
      }, this.pushDelayMs)
      entry.timer.unref?.()
    }
    this.pending.push(entry)
    return jsonResp({ errcode: 0, errmsg: 'ok', trace_id: traceId })
  }

  /** What the check of the image behind `url` finds (local storage only: nothing else is downloadable here). */
  private verdictOf(url: string): Pick<MediaCheckPush, 'result' | 'detail' | 'errcode' | 'errmsg'> {
    const prefix = `${this.publicBaseUrl}/storage/`
    let bytes: Buffer | null = null
    if (url.startsWith(prefix) && this.storageDir) {
      const rel = decodePath(url.slice(prefix.length).split(/[?#]/)[0])
      const file = rel ? safeJoin(this.storageDir, rel) : null
      if (file && fs.existsSync(file)) bytes = fs.readFileSync(file)
    }
    if (!bytes) return { detail: [], errcode: 47001, errmsg: 'media download failed' }
    const suggest = bytes.includes(Buffer.from(RISKY_IMAGE_MARKER)) ? 'risky' : bytes.includes(Buffer.from(REVIEW_IMAGE_MARKER)) ? 'review' : 'pass'
    const label = suggest === 'pass' ? 100 : 20002
    return {
      result: { suggest, label },
      detail: [{ strategy: 'content_model', errcode: 0, suggest, label, prob: suggest === 'pass' ? 0 : 90 }],
      errcode: 0,
      errmsg: 'ok',
    }
  }

  /** The URL a wxacode for (page, scene) encodes locally. */
  qrUrl(page: string, scene: string): string {
    return `${this.publicBaseUrl}/#/${page}?scene=${encodeURIComponent(scene)}`
  }

  private msgSecCheck({ params }: DecodedCall): Buffer {
    const content = String(params.content ?? '')
    const version = Number(params.version || 1)
    if (version === 2) {
      if (!params.openid) return wxErr(40003, 'invalid openid')
      const scene = Number(params.scene)
      if (![1, 2, 3, 4].includes(scene)) return wxErr(40097, 'invalid args: scene')
    }
    if (content.length > 2500) return wxErr(40097, 'invalid args: content too long')
    const hit = (list: WordRule[]) => list.find((w) => content.includes(w.word))
    const risky = hit(RISKY_WORDS)
    const review = risky ? undefined : hit(REVIEW_WORDS)
    const suggest = risky ? 'risky' : review ? 'review' : 'pass'
    const label = (risky || review)?.label ?? 100
    if (version !== 2) return risky ? wxErr(87014, 'risky content') : jsonResp({ errcode: 0, errmsg: 'ok' })
    const kw = risky || review
    return jsonResp({
      errcode: 0,
      errmsg: 'ok',
      result: { suggest, label },
      detail: [
        { strategy: 'content_model', errcode: 0, suggest, label, prob: kw ? 90 : 0 },
        kw
          ? { strategy: 'keyword', errcode: 0, suggest, label, level: 20, keyword: kw.word }
          : { strategy: 'keyword', errcode: 0, suggest: 'pass', label: 100 },
      ],
      trace_id: crypto.randomBytes(12).toString('hex'),
    })
  }

  private imgSecCheck({ media, params }: DecodedCall): Buffer {
    const img = media.media || (params.media ? Buffer.from(JSON.stringify(params.media)) : undefined)
    if (!img || img.length === 0) return wxErr(41005, 'media data missing')
    if (img.length > 1024 * 1024) return wxErr(40006, 'invalid media size')
    if (img.includes(Buffer.from(RISKY_IMAGE_MARKER))) return wxErr(87014, 'risky content')
    return jsonResp({ errcode: 0, errmsg: 'ok' })
  }

  private async getUnlimited({ params }: DecodedCall): Promise<Buffer> {
    const scene = params.scene === undefined || params.scene === null ? '' : String(params.scene)
    if (!SCENE_RE.test(scene)) return wxErr(40129, 'invalid scene')
    const page = params.page === undefined ? '' : String(params.page)
    if (page.startsWith('/') || /\s/.test(page)) return wxErr(41030, 'invalid page')
    let width = Number(params.width || 430)
    width = Math.max(280, Math.min(1280, Number.isFinite(width) ? width : 430))
    const png = qrPng(this.qrUrl(page || 'pages/index/index', scene), { width, margin: 2 })
    return bufferResp('image/png', png)
  }

  /**
   * subscribeMessage.send, refused the way WeChat refuses (local/openapi/subscribe.ts has the rules and
   * their source): no touser → 40003; a template id that is not one of types/templates.ts → 40037;
   * a key the template lacks, a missing or empty value, or a value its field type does not allow → 47003;
   * no unused consent → 43101. Consent: WeChat counts, per user and template, the times the user answered
   * 'accept' to requestSubscribeMessage, and each message uses one. Locally there is no WeChat client to
   * remember that, so the app's own record stands for it: `subscriptions` (one document per user and
   * template, `count` raised by org.subscribed when the client saw 'accept'). A send uses one (a conditional
   * decrement, so two sends never share one acceptance); a refused send uses none. Delivered messages land
   * in `outbox` (/dev/outbox).
   */
  private async subscribeSend({ params }: DecodedCall): Promise<Buffer> {
    const eng = this.engine()
    if (!eng) return wxErr(-1, 'local cloud has no engine')
    const touser = typeof params.touser === 'string' ? params.touser : ''
    if (!touser) return wxErr(40003, 'invalid openid')
    const tpl = typeof params.template_id === 'string' ? this.template(params.template_id) : null
    if (!tpl) return wxErr(40037, 'invalid template_id')
    if (!params.data || typeof params.data !== 'object' || Array.isArray(params.data)) return wxErr(47003, 'argument invalid! data is empty')
    const problem = checkTemplateData(tpl.spec.fields, params.data)
    if (problem) return wxErr(47003, problem.errmsg)
    const used = await eng.handle('database.modifyDocument', {
      collectionName: 'subscriptions',
      query: JSON.stringify({ openid: touser, templateId: tpl.spec.id, count: { $gt: 0 } }),
      data: JSON.stringify({ $inc: { count: -1 } }),
      multi: false,
      merge: true,
    })
    if (!used?.data?.updated) return wxErr(43101, 'user refuse to accept the msg')
    await eng.insertMany('outbox', [{ touser, templateId: tpl.spec.id, template: tpl.name, page: params.page, data: params.data, at: localNow() }])
    return jsonResp({ errcode: 0, errmsg: 'ok' })
  }
}

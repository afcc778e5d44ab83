/**
 * The one typed client for the `api` cloud function.
 *
 *   const me = await call('org.login', {})
 *
 * Input and output types come from the contract (types/api.ts) through `import type` only:
 * zod never reaches the mini-program bundle. The transport depends on the build target:
 * weapp → wx.cloud.callFunction; H5 (local mode) → POST /fn/api with the dev identity header.
 */
import Taro from '@tarojs/taro'
import type { ActionInput, ActionName, ActionOutput } from '@contract/api'
import type { ApiResult, ErrorCode, ErrorReason } from '@contract/common'
import { devOpenid } from './devIdentity'

/**
 * An action that answered `{ ok: false }`, or a transport failure (code INTERNAL).
 * `reason` is the server's `error.details.reason` ('SOLD_OUT', 'FULL' …; types/common.ts ERROR_REASONS) when it sent one: the UI
 * branches on `code` and `reason`, never on the message text (which is for people and may be reworded).
 */
export class ApiCallError extends Error {
  readonly code: ErrorCode
  readonly reason?: ErrorReason
  readonly details?: unknown
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message)
    this.name = 'ApiCallError'
    this.code = code
    this.details = details
    const reason = typeof details === 'object' && details !== null ? (details as { reason?: unknown }).reason : undefined
    if (typeof reason === 'string') this.reason = reason as ErrorReason
    // Keep instanceof working after transpiling to ES5 classes.
    Object.setPrototypeOf(this, ApiCallError.prototype)
  }
}

export const NETWORK_MESSAGE = '网络不太好，请稍后再试'

let cloudReady = false
/** Called once at launch (weapp); call() also makes sure of it. */
export function initCloud(): void {
  if (process.env.TARO_ENV !== 'weapp' || cloudReady) return
  cloudReady = true
  // Without an env id the app uses the environment selected in DevTools / the only one the AppID has
  // (the client has no DYNAMIC_CURRENT_ENV: that is the server SDK's).
  if (CLOUD_ENV) Taro.cloud.init({ env: CLOUD_ENV, traceUser: true })
  else Taro.cloud.init({ traceUser: true })
}

let seq = 0
function requestId(): string {
  seq = (seq + 1) % 1e6
  return `${Date.now().toString(36)}-${seq.toString(36)}-${Math.random().toString(36).slice(2, 8)}`
}

interface ApiEventOut {
  action: string
  data: unknown
  requestId: string
}

async function sendH5(event: ApiEventOut): Promise<unknown> {
  const openid = await devOpenid()
  let res: Response
  try {
    res = await fetch('/fn/api', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
      body: JSON.stringify(event),
    })
  } catch {
    throw new ApiCallError('INTERNAL', NETWORK_MESSAGE)
  }
  try {
    return await res.json()
  } catch {
    throw new ApiCallError('INTERNAL', NETWORK_MESSAGE)
  }
}

async function sendWeapp(event: ApiEventOut): Promise<unknown> {
  initCloud()
  try {
    const res = await Taro.cloud.callFunction({ name: 'api', data: event as unknown as Record<string, unknown> })
    return (res as { result?: unknown }).result
  } catch {
    throw new ApiCallError('INTERNAL', NETWORK_MESSAGE)
  }
}

function isResult(x: unknown): x is ApiResult<unknown> {
  return typeof x === 'object' && x !== null && typeof (x as { ok?: unknown }).ok === 'boolean'
}

export async function call<A extends ActionName>(action: A, input: ActionInput<A>): Promise<ActionOutput<A>> {
  const event: ApiEventOut = { action, data: input ?? {}, requestId: requestId() }
  const answer = process.env.TARO_ENV === 'h5' ? await sendH5(event) : await sendWeapp(event)
  if (!isResult(answer)) throw new ApiCallError('INTERNAL', NETWORK_MESSAGE)
  if (answer.ok) return answer.data as ActionOutput<A>
  const { code, message, details } = answer.error ?? {}
  throw new ApiCallError(code ?? 'INTERNAL', message || NETWORK_MESSAGE, details)
}

/** Turns anything thrown into something the UI can show. */
export function toApiError(e: unknown): ApiCallError {
  if (e instanceof ApiCallError) return e
  return new ApiCallError('INTERNAL', NETWORK_MESSAGE)
}

/**
 * Words a page puts in place of the server's for some refusals, keyed by reason ('SOLD_OUT') or by code
 * ('CONFLICT'); the reason wins. Anything not listed keeps the server's own (Chinese) message.
 */
export type ErrorWords = Partial<Record<ErrorCode | (string & {}), string>>

/** The message to show for an error: the page's words for its reason or code, else the server's. */
export function errorText(e: unknown, words?: ErrorWords): string {
  const err = toApiError(e)
  return (err.reason !== undefined ? words?.[err.reason] : undefined) ?? words?.[err.code] ?? err.message
}

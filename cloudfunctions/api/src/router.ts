/**
 * The router: event in, envelope out. In order, and stopping at the first failure (so a bad request
 * changes nothing): the event's shape and size → the action exists → the caller has a WeChat identity
 * → not over the rate limit → the input parses with the action's schema → the caller's profile →
 * the declaration's access → the handler (each action's declaration, platform/action.ts, loaded on
 * its first call). Thrown AppErrors become their code; anything else is INTERNAL,
 * logged with the request id, and never leaks its message.
 */
import * as z from 'zod/mini'
import { zhCN } from 'zod/locales'
import { ApiEvent, MAX_EVENT_BYTES, type ApiResult, type FieldIssue } from '../../../types/common'
import type { ActionName } from '../../../types/api'
import { actions, loadAction } from './actions'
import type { Ctx, Deps, UserCtx } from './platform/context'
import { AppError, forbidden, internal, invalid, notFound, rateLimited, unauthenticated } from './platform/errors'
import { RateLimiter } from './platform/rateLimit'
import { newId } from './platform/db'
import { findUserByOpenid, getCommunity } from './modules/org/repo'
import { allows, notMemberMessage } from './modules/org/rules'

// The one locale the function speaks, imported by name: zhCN taken from z's locales namespace would bundle every locale zod ships (~100 KB).
z.config(zhCN())

/** 60 writes a minute per person per warm instance: far above any human, far below a script. */
const writeLimiter = new RateLimiter(60, 60_000)

/** For tests that make hundreds of calls as one person in a minute: start the window afresh. */
export const resetRateLimits = () => writeLimiter.reset()

const isAction = (name: string): name is ActionName => Object.prototype.hasOwnProperty.call(actions, name)

function sizeOf(event: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(event) ?? '', 'utf8')
  } catch {
    return Infinity
  }
}

/** Keys that reach an object's prototype when a handler copies or merges input: refused anywhere in `data`. */
const POISON_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

/** The path of the first poisonous key inside `value`, or null. Walks own keys only (as JSON.parse makes them). */
export function poisonPath(value: unknown, path: string[] = [], depth = 0): string | null {
  if (typeof value !== 'object' || value === null || depth > 32) return null
  for (const key of Object.keys(value)) {
    if (POISON_KEYS.has(key)) return [...path, key].join('.')
    const inner = poisonPath((value as Record<string, unknown>)[key], [...path, key], depth + 1)
    if (inner) return inner
  }
  return null
}

function describeIssues(issues: z.core.$ZodIssue[]): FieldIssue[] {
  return issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
}

export async function dispatch(event: unknown, deps: Deps): Promise<ApiResult<unknown>> {
  const requestId = (event as { requestId?: unknown })?.requestId
  try {
    const data = await route(event, deps)
    return { ok: true, data }
  } catch (err) {
    if (err instanceof AppError) return { ok: false, error: err.toApiError() }
    console.error('api internal error', { action: (event as { action?: unknown })?.action, requestId, err })
    return { ok: false, error: internal().toApiError() }
  }
}

async function route(event: unknown, deps: Deps): Promise<unknown> {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) throw invalid('请求格式不正确')
  if (sizeOf(event) > MAX_EVENT_BYTES) throw invalid('提交的内容太大了，请精简后再试')
  // Cloud functions add their own keys to the event (userInfo with appId/openId); they are not the client's.
  const { userInfo: _ignored, ...clientEvent } = event as Record<string, unknown>
  const parsed = ApiEvent.safeParse(clientEvent)
  if (!parsed.success) throw invalid('请求格式不正确', describeIssues(parsed.error.issues))
  const { action, data, requestId } = parsed.data
  if (!isAction(action)) throw invalid(`暂不支持这个操作：${action}`)
  // The raw data, not zod's copy: copying an object drops (or follows) a `__proto__` key.
  const poisoned = poisonPath(clientEvent.data)
  if (poisoned) throw invalid('提交的内容含有不允许的字段名', [{ path: poisoned, message: '不允许的字段名' }])

  if (!deps.openid) throw unauthenticated('无法识别您的微信身份，请重新打开小程序')
  const def = await loadAction(action)
  if (def.writes && !writeLimiter.allow(deps.openid, deps.now().getTime())) throw rateLimited()

  const input = (def.input as z.ZodMiniType).safeParse(data ?? {})
  if (!input.success) {
    const first = input.error.issues[0]
    const where = first?.path.length ? `${first.path.join('.')}：` : ''
    throw invalid(`填写的内容有误（${where}${first?.message ?? '格式不正确'}）`, describeIssues(input.error.issues))
  }

  const user = await findUserByOpenid(deps.db, deps.openid)
  const ctx: Ctx = { ...deps, action, requestId: requestId ?? newId('r'), user }
  const access = def.access
  if (access.who !== 'wechat') {
    if (!user) throw unauthenticated()
    if (access.who === 'roles' || access.who === 'member') {
      const communityId = (input.data as { communityId?: string }).communityId
      if (!communityId) throw forbidden()
      const community = await getCommunity(deps.db, communityId)
      if (!community) throw notFound('社区')
      const allowed = allows(access, user, community)
      if (!allowed) throw forbidden(access.who === 'member' ? notMemberMessage(user, community._id) : undefined)
      ctx.community = community
    }
  }
  const handler = def.handler as (ctx: UserCtx, input: unknown) => Promise<unknown>
  return handler(ctx as UserCtx, input.data)
}

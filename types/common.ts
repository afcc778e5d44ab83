/**
 * The contract's shared vocabulary: ids, roles, the error codes and the envelope of every answer.
 * Imported by the cloud function (runtime validation) and by the client (types only).
 */
import * as z from 'zod/mini'
import { ROLES, ROLE_LABELS } from './vocabulary'

/** The one small set of error codes every action answers with. */
export const ERROR_CODES = ['INVALID_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED', 'INTERNAL'] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

/**
 * Why an action refused, finer than its code, for the client to branch on (never on message text).
 * A reason names the situation, not the screen: the UI decides what way forward to offer.
 */
export const ERROR_REASONS = [
  'INSUFFICIENT_POINTS', // 积分不够
  'SOLD_OUT', // 兑完了 / 库存不够
  'QUOTA_REACHED', // 限兑数量已到
  'NOT_PARTY_MEMBER', // only party members may do this
  'FULL', // no places left (activity, post, slot)
  'STATE_CHANGED', // someone else moved it first: reload and look again
  'BUSY', // too many people at once: try again shortly
  'CODE_EXPIRED', // a check-in / pickup code that is no longer valid
  'TOO_MANY_TRIES', // a short code guessed too often
  'NOT_ELIGIBLE', // not in this council's scope / not a voter here: the message says why (您家还未确认住址 …)
  'ALREADY_DONE', // this person (or household) already did it: voted, supported, answered, reported
] as const
export type ErrorReason = (typeof ERROR_REASONS)[number]

/** One field that failed validation: its dotted path and a message. */
export interface FieldIssue {
  path: string
  message: string
}

export interface ApiErrorDetails {
  reason?: ErrorReason
  /** INVALID_INPUT: which fields failed, and why. */
  issues?: FieldIssue[]
}

export interface ApiError {
  code: ErrorCode
  /** A message a person understands (Chinese, shown in the UI as is). */
  message: string
  details?: ApiErrorDetails
}
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError }

/** Document ids: short, URL- and scene-safe. */
export const Id = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/, 'id 格式不正确'))

/** Roles a person holds in a community. street_admin is held at a street (its scope id is the street's id). */
export { ROLES, ROLE_LABELS }
export const Role = z.enum(ROLES)
export type Role = z.infer<typeof Role>

/**
 * A role held somewhere: communityId is a community's id, or a street's id for street_admin.
 * A building head's grant carries the buildings the secretary appointed them to (their scope): they
 * confirm households and act for residents there only, whatever their own household is.
 */
export const RoleGrant = z.strictObject({
  communityId: Id,
  role: Role,
  buildingIds: z.optional(z.array(Id).check(z.maxLength(50))),
  /** unit_staff: the unit (街道科室 / 物业 / 共建单位) the person works for; communityId is the unit's community, or the street's id for a street department. */
  unitId: z.optional(Id),
})
export type RoleGrant = z.infer<typeof RoleGrant>

/** The event a client sends to the `api` cloud function. */
export const ApiEvent = z.strictObject({
  action: z.string().check(z.regex(/^[a-z]+\.[a-zA-Z]+$/, 'action 应为 area.verb 形式')),
  data: z.optional(z.record(z.string(), z.unknown())),
  requestId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
})
export type ApiEvent = z.infer<typeof ApiEvent>

/** Largest serialized event the function accepts (WeChat allows 6 MB; nothing we do needs more than this). */
export const MAX_EVENT_BYTES = 64 * 1024

/** Cursor paging: an opaque cursor string and a page size. */
export const PageInput = z.object({
  cursor: z.optional(z.string().check(z.maxLength(200))),
  limit: z.optional(z.number().check(z.int(), z.gte(1), z.lte(50))),
})
export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

/** Trimmed, non-empty, bounded human text. */
export const Text = (max: number) => z.string().check(z.trim(), z.minLength(1, '不能为空'), z.maxLength(max, `不能超过 ${max} 个字`))

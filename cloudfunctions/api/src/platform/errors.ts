/**
 * Errors are values with a code from one small set, a message a person understands and, where the client may
 * want to offer a way forward, a reason (types/common.ts ERROR_REASONS) it can branch on.
 * Commands throw AppError; the router turns it (and anything unexpected) into the answer envelope.
 */
import type { ApiError, ApiErrorDetails, ErrorCode, ErrorReason, FieldIssue } from '../../../../types/common'

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ApiErrorDetails,
  ) {
    super(message)
    this.name = 'AppError'
  }
  get reason(): ErrorReason | undefined {
    return this.details?.reason
  }
  toApiError(): ApiError {
    return this.details === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, details: this.details }
  }
}

const withReason = (reason?: ErrorReason): ApiErrorDetails | undefined => (reason ? { reason } : undefined)

export const invalid = (message: string, issues?: FieldIssue[]) => new AppError('INVALID_INPUT', message, issues ? { issues } : undefined)
export const unauthenticated = (message = '请先登录') => new AppError('UNAUTHENTICATED', message)
export const forbidden = (message = '您没有权限进行此操作', reason?: ErrorReason) => new AppError('FORBIDDEN', message, withReason(reason))
export const notFound = (what: string) => new AppError('NOT_FOUND', `${what}不存在或已被删除`)
export const conflict = (message: string, reason?: ErrorReason) => new AppError('CONFLICT', message, withReason(reason))
export const rateLimited = () => new AppError('RATE_LIMITED', '操作太频繁了，请稍等一会儿再试')
export const internal = () => new AppError('INTERNAL', '系统开小差了，请稍后再试')

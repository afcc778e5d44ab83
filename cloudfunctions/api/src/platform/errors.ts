/**
 * Errors are values with a code from one small set and a message a person understands.
 * Commands throw AppError; the router turns it (and anything unexpected) into the answer envelope.
 */
import type { ApiError, ErrorCode } from '../../../../types/common'

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
    this.name = 'AppError'
  }
  toApiError(): ApiError {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details }
  }
}

export const invalid = (message: string, details?: unknown) => new AppError('INVALID_INPUT', message, details)
export const unauthenticated = (message = '请先登录') => new AppError('UNAUTHENTICATED', message)
export const forbidden = (message = '您没有权限进行此操作') => new AppError('FORBIDDEN', message)
export const notFound = (what: string) => new AppError('NOT_FOUND', `${what}不存在或已被删除`)
export const conflict = (message: string, details?: unknown) => new AppError('CONFLICT', message, details)
export const rateLimited = () => new AppError('RATE_LIMITED', '操作太频繁了，请稍等一会儿再试')
export const internal = () => new AppError('INTERNAL', '系统开小差了，请稍后再试')

/**
 * One write the person starts with a tap: the busy flag, an optional confirmation, the call, and what
 * happens after — a success toast, the error in the right words (a toast, or kept for the page to show
 * inline), fresh data when the server says the thing changed (CONFLICT) or is gone (NOT_FOUND).
 *
 *   const grant = useAction((role: Role) => call('org.assignRole', { communityId, userId, role }), {
 *     confirm: (role) => ({ title: '授予角色', content: `确定把${name}设为“${ROLE_LABELS[role]}”吗？` }),
 *     success: '已授予',
 *     onSuccess: (res) => detail.setData(...),
 *     reload: detail.reload,
 *   })
 *   <Button loading={grant.pending?.[0] === r} disabled={grant.busy} onClick={() => grant.run(r)}>…
 *
 * While one run is in flight another tap is ignored. `run` resolves to the call's result, or undefined when
 * it was not confirmed, ignored or failed (the failure is already shown or kept in `error`).
 */
import { useCallback, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { BRAND_RED } from '../constants'
import { ApiCallError, errorText, toApiError, type ErrorWords } from '../services/api'

export interface ActionOptions<A extends unknown[], R> {
  /** Ask first (Taro.showModal); return null to skip asking for these arguments. */
  confirm?: (...args: A) => { title: string; content: string; confirmText?: string; cancelText?: string } | null
  /** A toast after success ('已授予'); a function gets the result. */
  success?: string | ((result: R, ...args: A) => string)
  onSuccess?: (result: R, ...args: A) => void
  onError?: (error: ApiCallError, ...args: A) => void
  /** Called when the server answers CONFLICT or NOT_FOUND: what is on screen is out of date. */
  reload?: () => void
  /** The page's words for some reasons or codes (see errorText); others keep the server's message. */
  words?: ErrorWords
  /** 'toast' (default) shows the error as a toast; 'keep' only puts it in `error` for the page to show. */
  showError?: 'toast' | 'keep'
}

export interface Action<A extends unknown[], R> {
  run: (...args: A) => Promise<R | undefined>
  busy: boolean
  /** The arguments of the run in flight (to show which row is busy), else null. */
  pending: A | null
  /** The last failure (cleared when a run starts), with `message` already in the page's words. */
  error: ApiCallError | null
  clearError: () => void
}

export function useAction<A extends unknown[], R>(fn: (...args: A) => Promise<R>, options: ActionOptions<A, R> = {}): Action<A, R> {
  const [pending, setPending] = useState<A | null>(null)
  const [error, setError] = useState<ApiCallError | null>(null)
  const inFlight = useRef(false)
  const latest = useRef({ fn, options })
  latest.current = { fn, options }

  const run = useCallback(async (...args: A): Promise<R | undefined> => {
    if (inFlight.current) return undefined
    const { fn: call, options: o } = latest.current
    inFlight.current = true
    try {
      const ask = o.confirm?.(...args)
      if (ask) {
        const { confirm } = await Taro.showModal({ confirmColor: BRAND_RED, ...ask })
        if (!confirm) return undefined
      }
      setPending(args)
      setError(null)
      const result = await call(...args)
      o.onSuccess?.(result, ...args)
      const said = typeof o.success === 'function' ? o.success(result, ...args) : o.success
      if (said) Taro.showToast({ title: said, icon: 'none' })
      return result
    } catch (e) {
      const raw = toApiError(e)
      const text = errorText(raw, o.words)
      const err = text === raw.message ? raw : new ApiCallError(raw.code, text, raw.details)
      setError(err)
      if (o.showError !== 'keep') Taro.showToast({ title: text, icon: 'none' })
      if (err.code === 'CONFLICT' || err.code === 'NOT_FOUND') o.reload?.()
      o.onError?.(err, ...args)
      return undefined
    } finally {
      inFlight.current = false
      setPending(null)
    }
  }, [])

  const clearError = useCallback(() => setError(null), [])
  return { run, busy: pending !== null, pending, error, clearError }
}

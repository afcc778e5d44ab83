import { useEffect } from 'react'
import { useStore } from './useStore'
import { ensureSession, retrySession } from '../services/session'

/**
 * The current person. Starts the (shared, single) login on first use.
 * `canWrite` is false while the privacy guide is not agreed: the app stays browsable read-only.
 */
export function useSession() {
  const me = useStore((s) => s.me)
  const status = useStore((s) => s.sessionStatus)
  const error = useStore((s) => s.sessionError)
  useEffect(() => {
    ensureSession().catch(() => {
      /* shown through `error` */
    })
  }, [])
  return {
    me,
    status,
    error,
    canWrite: !!me && !me.privacy.needsConsent,
    retry: () => retrySession().catch(() => undefined),
  }
}

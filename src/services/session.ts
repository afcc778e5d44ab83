/**
 * The session: one in-flight `org.login` shared by every caller, the privacy consent and
 * profile updates. `ensureSession()` may be called by any number of pages at once; the server
 * sees one login.
 */
import Taro from '@tarojs/taro'
import type { Me } from '@contract/org'
import type { ActionInput } from '@contract/api'
import { call, toApiError } from './api'
import { getState, setState } from './store'
import { STORAGE_ELDER } from '../constants'

let inflight: Promise<Me> | null = null

function login(privacyConsentVersion?: string): Promise<Me> {
  const input = privacyConsentVersion ? { privacyConsentVersion } : {}
  if (!privacyConsentVersion && inflight) return inflight
  // A consent login waits for a plain one already under way, then sends its own.
  const before = inflight ?? Promise.resolve(null)
  const run = before
    .catch(() => null)
    .then(() => {
      setState({ sessionStatus: getState().me ? 'ready' : 'loading', sessionError: null })
      return call('org.login', input)
    })
    .then((me) => {
      applyMe(me)
      setState({ sessionStatus: 'ready', consentOpen: me.privacy.needsConsent && !getState().consentDeclined })
      return me
    })
    .catch((e: unknown) => {
      const error = toApiError(e)
      setState({ sessionStatus: getState().me ? 'ready' : 'error', sessionError: error })
      throw error
    })
    .finally(() => {
      if (inflight === run) inflight = null
    })
  inflight = run
  return run
}

/** Logs in once (shared); resolves with the current person. */
export function ensureSession(): Promise<Me> {
  const { me, sessionStatus } = getState()
  if (me && sessionStatus === 'ready') return Promise.resolve(me)
  return login()
}

/** Forget the error and try again (the 重试 button of a failed login). */
export function retrySession(): Promise<Me> {
  return login()
}

/** Replace the current person (after login or a profile update) and sync the stored elder choice. */
export function applyMe(me: Me): void {
  setState({ me })
  if (me.elderMode !== null && me.elderMode !== getState().elderLocal) {
    setState({ elderLocal: me.elderMode })
    try {
      Taro.setStorageSync(STORAGE_ELDER, me.elderMode ? 'on' : 'off')
    } catch {
      /* storage full or unavailable: the profile still holds the choice */
    }
  }
}

// ---------- privacy consent ----------

type PrivacyResolve = (r: { event: 'agree' | 'disagree'; buttonId?: string }) => void
let pendingPrivacyResolve: PrivacyResolve | null = null

/** weapp: WeChat asks us to show our consent UI before a privacy API (chooseAvatar, getPhoneNumber...). */
export function onNeedPrivacy(resolve: PrivacyResolve): void {
  pendingPrivacyResolve = resolve
  setState({ consentOpen: true })
}

export function openConsent(): void {
  setState({ consentOpen: true })
}

export async function agreeConsent(): Promise<Me> {
  if (pendingPrivacyResolve) {
    pendingPrivacyResolve({ event: 'agree', buttonId: 'privacy-agree' })
    pendingPrivacyResolve = null
  }
  setState({ consentOpen: false, consentDeclined: false })
  const current = getState().me?.privacy.current
  if (!current) {
    // Not logged in yet: log in first to learn which version of the guide is current.
    const me = await ensureSession()
    return login(me.privacy.current)
  }
  return login(current)
}

export function declineConsent(): void {
  if (pendingPrivacyResolve) {
    pendingPrivacyResolve({ event: 'disagree' })
    pendingPrivacyResolve = null
  }
  setState({ consentOpen: false, consentDeclined: true })
}

// ---------- profile ----------

export async function updateProfile(input: ActionInput<'org.updateProfile'>): Promise<Me> {
  const me = await call('org.updateProfile', input)
  applyMe(me)
  return me
}

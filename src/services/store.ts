/**
 * A tiny app-wide store (no library): the session (who I am), the privacy-consent state and
 * the elder-mode inputs. Pages read it through hooks in src/hooks; nothing else holds state
 * shared across pages.
 */
import type { Me } from '@contract/org'
import type { ApiCallError } from './api'

export interface AppState {
  me: Me | null
  sessionStatus: 'idle' | 'loading' | 'ready' | 'error'
  sessionError: ApiCallError | null
  /** The consent modal is showing. */
  consentOpen: boolean
  /** The person said 不同意 in this session: browse read-only, banner offers to agree later. */
  consentDeclined: boolean
  /** Elder mode chosen on this device (storage), null when never chosen. */
  elderLocal: boolean | null
  /** WeChat's font scale says large text (care mode / big font). */
  elderSystem: boolean
  /**
   * The community chosen with the picker by someone who may use several (a street admin), remembered on this
   * device; pages whose route names no community work on it (src/services/community.ts).
   */
  chosenCommunityId: string | null
}

let state: AppState = {
  me: null,
  sessionStatus: 'idle',
  sessionError: null,
  consentOpen: false,
  consentDeclined: false,
  elderLocal: null,
  elderSystem: false,
  chosenCommunityId: null,
}

const listeners = new Set<() => void>()

export function getState(): AppState {
  return state
}

export function setState(patch: Partial<AppState>): void {
  state = { ...state, ...patch }
  listeners.forEach((l) => l())
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

/**
 * Local mode only (H5 build served by `npm start`): who the browser pretends to be.
 * The local host trusts the `x-wx-openid` header the way WeChat Cloud trusts getWXContext().
 * The chosen openid is kept in localStorage under `dev-openid`; with none chosen, the first
 * person of GET /dev/people (the default demo resident) is used.
 * In the weapp build every branch below is dead code (TARO_ENV is a build-time constant).
 */
import type { Role } from '@contract/common'
import { STORAGE_DEV_OPENID } from '../constants'

export interface DevPerson {
  openid: string
  name: string
  roles: { communityId: string; role: Role }[]
}

let peoplePromise: Promise<DevPerson[]> | null = null

export function devPeople(): Promise<DevPerson[]> {
  if (process.env.TARO_ENV !== 'h5') return Promise.resolve([])
  if (!peoplePromise) {
    peoplePromise = fetch('/dev/people')
      .then((r) => (r.ok ? r.json() : []))
      .catch(() => [])
      .then((list: DevPerson[]) => {
        if (!Array.isArray(list) || list.length === 0) peoplePromise = null
        return Array.isArray(list) ? list : []
      })
  }
  return peoplePromise
}

export function storedDevOpenid(): string | null {
  if (process.env.TARO_ENV !== 'h5') return null
  try {
    return window.localStorage.getItem(STORAGE_DEV_OPENID)
  } catch {
    return null
  }
}

export async function devOpenid(): Promise<string> {
  const stored = storedDevOpenid()
  if (stored) return stored
  const people = await devPeople()
  return people[0]?.openid ?? 'dev-anonymous'
}

/** Switches identity: remember the choice and reload, so every page loads as the new person. */
export function switchDevIdentity(openid: string): void {
  if (process.env.TARO_ENV !== 'h5') return
  window.localStorage.setItem(STORAGE_DEV_OPENID, openid)
  window.location.reload()
}

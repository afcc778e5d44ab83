/**
 * The context every handler receives (tRPC's createContext): the db, the caller, the clock,
 * the openapi gateway and the request id. Handlers never import a db singleton or read the clock.
 */
import type { Community, User } from '../../../../types/org'
import type { Clock } from './clock'
import type { Db } from './db'
import type { OpenApi } from './openapi'

export interface Deps {
  db: Db
  /** From cloud.getWXContext().OPENID only: never from the event. */
  openid: string | null
  now: Clock
  openapi: OpenApi
}

export interface Ctx extends Deps {
  action: string
  requestId: string
  /** The caller's user document; null only for actions open to anyone with a WeChat identity. */
  user: User | null
  /**
   * The community named by the input's `communityId` when the access rule read it (access member / roles):
   * a handler may reuse it instead of reading it again (one round trip less). Absent for other access rules.
   */
  community?: Community
}

/** A context whose caller is known to be a registered user. */
export interface UserCtx extends Ctx {
  user: User
  openid: string
}

/**
 * One declaration per action: its name, its input schema (the contract's, from types/), who may call it,
 * whether it writes, and its handler — in the action's own file, `modules/<area>/<verb>.ts`:
 *
 *   export default defineAction({
 *     name: 'wish.claim',
 *     input: WishClaimInput,
 *     access: roles('party_member', 'volunteer'),
 *     writes: true,
 *     async handler(ctx, input) { ... },
 *   })
 *
 * The registry (actions.ts) loads each file on its first call, so a cold start builds only the schemas and
 * code the first request needs (`npm run bench:cold`).
 *
 * Access (default-deny; the router checks it before the handler runs):
 *   wechat — anyone WeChat identifies (has an OPENID), even before they have a profile
 *   user   — a registered person
 *   member — holds any role in the community named by the input's `communityId` (lives or serves there)
 *   roles  — holds one of these roles in the community named by the input's `communityId`
 *            (a street admin holds street_admin in every community of their street)
 * Finer rules (a building head acting only for their buildings, an organiser for their activity) are
 * predicates in each area's rules.ts, used by the handler.
 */
import type * as z from 'zod/mini'
import type { ActionName, ActionOutput, actionInputs } from '../../../../types/api'
import type { Role } from '../../../../types/common'
import type { UserCtx } from './context'

export type Access = { who: 'wechat' } | { who: 'user' } | { who: 'member' } | { who: 'roles'; roles: readonly Role[] }

export const wechat: Access = { who: 'wechat' }
export const user: Access = { who: 'user' }
export const member: Access = { who: 'member' }
export const roles = (...r: Role[]): Access => ({ who: 'roles', roles: r })
/** The community's secretary, or the street admin over it. */
export const SECRETARY = roles('secretary', 'street_admin')

export type ActionInput<A extends ActionName> = z.output<(typeof actionInputs)[A]>

export interface ActionDef<A extends ActionName = ActionName> {
  name: A
  /** The contract's schema for this action (types/api.ts actionInputs[name]: the same object). */
  input: (typeof actionInputs)[A]
  access: Access
  /** false: only reads (exempt from the write rate limit). */
  writes: boolean
  /**
   * Runs after the router has checked the input and the access. Its ctx.user is the caller's profile; only a
   * `wechat` action (org.login) may run without one, and declares its ctx as Ctx to say so.
   */
  handler: (ctx: UserCtx, input: ActionInput<A>) => Promise<ActionOutput<A>>
}

export function defineAction<A extends ActionName>(def: ActionDef<A>): ActionDef<A> {
  return def
}

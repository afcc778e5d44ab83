/**
 * org.me — the caller's own profile, roles and privacy state. Outcome: Me.
 */
import type { UserCtx } from '../../platform/context'
import { meView } from './views'

export const me = (ctx: UserCtx) => meView(ctx.db, ctx.user)

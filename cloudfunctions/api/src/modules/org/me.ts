/**
 * org.me — the caller's own profile, roles and privacy state. Outcome: Me.
 */
import { MeInput } from '../../../../../types/org'
import { defineAction, user } from '../../platform/action'
import { meView } from './views'

export default defineAction({
  name: 'org.me',
  input: MeInput,
  access: user,
  writes: false,
  handler: (ctx) => meView(ctx.db, ctx.user),
})

/**
 * party.myRegistration — the caller's current registration (any community) and their history.
 * Outcomes: { current, history }.
 */
import { MyRegistrationInput, type Registration } from '../../../../../types/party'
import { defineAction, user, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { findMany } from '../../platform/db'
import { PT } from './repo'
import { registrationView } from './views'

async function myRegistration(ctx: UserCtx, _input: ActionInput<'party.myRegistration'>) {
  const all = await findMany<Registration>(ctx.db, PT.registrations, { userId: ctx.user._id }, { orderBy: [['createdAt', 'desc']], limit: 50 })
  const active = all.find((r) => r.activeKey === ctx.user._id) ?? null
  return {
    current: active ? await registrationView(ctx.db, active) : null,
    history: await Promise.all(all.filter((r) => r !== active).map((r) => registrationView(ctx.db, r))),
  }
}

export default defineAction({ name: 'party.myRegistration', input: MyRegistrationInput, access: user, writes: false, handler: myRegistration })

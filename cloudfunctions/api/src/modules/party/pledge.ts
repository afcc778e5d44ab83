/**
 * party.pledge — the member changes their pledge (微承诺) here; it starts again as not yet kept.
 * Outcomes: the registration; NOT_FOUND without a registration here; INVALID_INPUT for unsuitable text.
 */
import { PledgeInput } from '../../../../../types/party'
import { defineAction, member, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { invalid } from '../../platform/errors'
import { myActive } from './registrations'
import { PT } from './repo'
import { registrationView } from './views'

async function pledge(ctx: UserCtx, input: ActionInput<'party.pledge'>) {
  const r = await myActive(ctx, input.communityId)
  if ((await ctx.openapi.checkText(ctx.openid, input.pledge, 1)) !== 'pass') throw invalid('承诺含有不适宜的内容，请修改')
  const p = { text: input.pledge, done: false, doneAt: null, doneNote: null }
  await ctx.db
    .collection(PT.registrations)
    .doc(r._id)
    .update({ data: { pledge: ctx.db.command.set(p) } })
  return registrationView(ctx.db, { ...r, pledge: p })
}

export default defineAction({ name: 'party.pledge', input: PledgeInput, access: member, writes: true, handler: pledge })

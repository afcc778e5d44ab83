/**
 * party.pledgeDone — the member marks their pledge kept, with a note.
 * Outcomes: the registration; NOT_FOUND without a registration here; CONFLICT before it is verified.
 */
import { PledgeDoneInput } from '../../../../../types/party'
import { defineAction, member, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { conflict } from '../../platform/errors'
import { myActive } from './registrations'
import { PT } from './repo'
import { registrationView } from './views'

async function pledgeDone(ctx: UserCtx, input: ActionInput<'party.pledgeDone'>) {
  const r = await myActive(ctx, input.communityId)
  if (r.status !== 'verified') throw conflict('报到审核通过后才能记录承诺兑现')
  const p = { ...r.pledge, done: true, doneAt: ctx.now(), doneNote: input.note }
  await ctx.db
    .collection(PT.registrations)
    .doc(r._id)
    .update({ data: { pledge: ctx.db.command.set(p) } })
  return registrationView(ctx.db, { ...r, pledge: p })
}

export default defineAction({ name: 'party.pledgeDone', input: PledgeDoneInput, access: member, writes: true, handler: pledgeDone })

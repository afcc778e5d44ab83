/**
 * party.review (secretary) — verify a pending 双报到 registration (the person is granted the party-member
 * role here, through org's grantInTx) or reject it with a reason the member sees. The decision, the grant
 * and their audit entries are one transaction.
 * Outcomes: the registration (name masked); NOT_FOUND for another community's or an unknown registration;
 * INVALID_INPUT for a rejection without a reason; CONFLICT (STATE_CHANGED) when it was already reviewed.
 */
import { PartyReviewInput, type Registration } from '../../../../../types/party'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import { recordIn } from '../../platform/audit'
import type { UserCtx } from '../../platform/context'
import { getById, runTx, txGet } from '../../platform/db'
import { conflict, invalid, notFound } from '../../platform/errors'
import { grantInTx } from '../org/grants'
import { maskName } from '../org/rules'
import { countRegistrationIn, registrationDelta } from './counters'
import { PT } from './repo'
import { registrationView } from './views'

async function review(ctx: UserCtx, input: ActionInput<'party.review'>) {
  const { db } = ctx
  const reg = await getById<Registration>(db, PT.registrations, input.registrationId)
  if (!reg || reg.communityId !== input.communityId) throw notFound('这份报到')
  if (!input.approve && !input.reason) throw invalid('请写明不通过的原因，党员会看到')
  const now = ctx.now()
  const data = input.approve
    ? { status: 'verified' as const, reviewedAt: now, reviewedBy: ctx.user._id }
    : { status: 'rejected' as const, rejectReason: input.reason ?? null, activeKey: `closed:${reg._id}`, reviewedAt: now, reviewedBy: ctx.user._id }
  await runTx(db, async (tx) => {
    const current = await txGet<Registration>(tx, PT.registrations, reg._id)
    if (!current || current.status !== 'pending') throw conflict('这份报到已经审核过了', 'STATE_CHANGED')
    await tx.collection(PT.registrations).doc(reg._id).update({ data })
    await countRegistrationIn(db, tx, reg.communityId, registrationDelta('pending', data.status))
    await recordIn(tx, ctx, {
      communityId: reg.communityId,
      resource: { type: 'party_registration', id: reg._id, label: maskName(reg.name) },
      before: { status: 'pending' },
      after: { status: data.status, reason: input.reason ?? null },
    })
    if (input.approve) await grantInTx(tx, ctx, reg.userId, { communityId: reg.communityId, role: 'party_member' })
  })
  return registrationView(db, { ...reg, ...data }, true)
}

export default defineAction({ name: 'party.review', input: PartyReviewInput, access: SECRETARY, writes: true, handler: review })

/**
 * points.setSponsor (secretary) — create or edit a sponsor 共建单位. The sponsor and its audit entry (before
 * and after) are one transaction.
 * Outcomes: the community's sponsors; NOT_FOUND for a sponsor of another community or unknown.
 */
import { SetSponsorInput, type Sponsor, type SponsorView } from '../../../../../types/points'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import { recordIn } from '../../platform/audit'
import type { UserCtx } from '../../platform/context'
import { newId, runTx, txGet } from '../../platform/db'
import { notFound } from '../../platform/errors'
import { P } from './repo'
import { sponsorViews } from './views'

async function setSponsor(ctx: UserCtx, input: ActionInput<'points.setSponsor'>): Promise<SponsorView[]> {
  const id = input.sponsorId ?? newId('sp')
  await runTx(ctx.db, async (tx) => {
    const before = input.sponsorId ? await txGet<Sponsor>(tx, P.sponsors, input.sponsorId) : null
    if (input.sponsorId && (!before || before.communityId !== input.communityId)) throw notFound('共建单位')
    const doc: Sponsor = {
      _id: id,
      communityId: input.communityId,
      name: input.name,
      partnerUnitId: input.partnerUnitId ?? before?.partnerUnitId ?? null,
      contact: input.contact ?? before?.contact ?? null,
      warnBelow: input.warnBelow,
      priority: input.priority ?? before?.priority ?? 10,
      active: input.active ?? before?.active ?? true,
      createdAt: before?.createdAt ?? ctx.now(),
    }
    const { _id, ...data } = doc
    await tx.collection(P.sponsors).doc(_id).set({ data })
    await recordIn(tx, ctx, { communityId: input.communityId, resource: { type: 'sponsor', id, label: doc.name }, before, after: doc })
  })
  return sponsorViews(ctx.db, input.communityId)
}

export default defineAction({ name: 'points.setSponsor', input: SetSponsorInput, access: SECRETARY, writes: true, handler: setSponsor })

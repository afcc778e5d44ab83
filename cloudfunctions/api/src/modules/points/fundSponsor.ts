/**
 * points.fundSponsor (secretary) — add budget to a sponsor 共建单位: a `fund` transfer from the community's
 * funding account. Idempotent by requestKey; the transfer and its audit entry are one transaction (a replay
 * records nothing).
 * Outcomes: the community's sponsors; NOT_FOUND for a sponsor of another community or unknown;
 * INVALID_INPUT for a sponsor that is not active.
 */
import { FundSponsorInput, type Sponsor, type SponsorView } from '../../../../../types/points'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import { recordIn } from '../../platform/audit'
import type { UserCtx } from '../../platform/context'
import { getById } from '../../platform/db'
import { invalid, notFound } from '../../platform/errors'
import { postTransfer, sponsorLeg, systemLeg } from './ledger'
import { P } from './repo'
import { sponsorViews } from './views'

async function fundSponsor(ctx: UserCtx, input: ActionInput<'points.fundSponsor'>): Promise<SponsorView[]> {
  const sponsor = await getById<Sponsor>(ctx.db, P.sponsors, input.sponsorId)
  if (!sponsor || sponsor.communityId !== input.communityId) throw notFound('共建单位')
  if (!sponsor.active) throw invalid('这个共建单位已停用，请先启用')
  await postTransfer(
    ctx.db,
    {
      key: `fund:${sponsor._id}:${input.requestKey}`,
      communityId: input.communityId,
      kind: 'fund',
      reason: `${sponsor.name}注入积分预算：${input.note}`,
      cause: { type: 'sponsor', id: sponsor._id },
      byUserId: ctx.user._id,
      sponsorId: sponsor._id,
      legs: [systemLeg('funding', input.communityId, -input.amount), sponsorLeg(input.communityId, sponsor._id, input.amount)],
    },
    ctx.now(),
    (tx) =>
      recordIn(tx, ctx, {
        communityId: input.communityId,
        resource: { type: 'sponsor', id: sponsor._id, label: sponsor.name },
        after: { funded: input.amount, note: input.note },
      }),
  )
  return sponsorViews(ctx.db, input.communityId)
}

export default defineAction({ name: 'points.fundSponsor', input: FundSponsorInput, access: SECRETARY, writes: true, handler: fundSponsor })

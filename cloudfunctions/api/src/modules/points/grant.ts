/**
 * points.grant (secretary) — give points to a person from a sponsor's budget, or correct downwards
 * (a negative amount returns points to the budget). A correction is a new entry; nothing is edited or
 * deleted. Idempotent by requestKey; audited with the reason.
 * Outcomes: the person's new balance; NOT_FOUND for someone not of this community or an unknown sponsor;
 * CONFLICT when the budget (or, for a correction, the person's balance) is too small.
 */
import type { z } from 'zod'
import type { GrantInput, PointAccount, Sponsor } from '../../../../../types/points'
import type { User } from '../../../../../types/org'
import type { UserCtx } from '../../platform/context'
import { trace } from '../../platform/audit'
import { getById } from '../../platform/db'
import { conflict, notFound } from '../../platform/errors'
import { getMany } from '../org/repo'
import { activeSponsors } from './earn'
import { personLeg, postTransfer, sponsorLeg } from './ledger'
import { P } from './repo'
import { accountId } from './policy'

export async function grant(ctx: UserCtx, input: z.output<typeof GrantInput>) {
  const { db } = ctx
  const target = await getById<User>(db, 'users', input.userId)
  if (!target || !target.roles.some((g) => g.communityId === input.communityId)) throw notFound('这位居民')
  let sponsor: Sponsor | null
  if (input.sponsorId) {
    sponsor = await getById<Sponsor>(db, P.sponsors, input.sponsorId)
    if (!sponsor || sponsor.communityId !== input.communityId) throw notFound('共建单位')
  } else {
    const list = await activeSponsors(db, input.communityId)
    const accounts = await getMany<PointAccount>(db, P.accounts, list.map((s) => accountId.sponsor(input.communityId, s._id)))
    sponsor = input.amount > 0 ? list.find((s) => (accounts.get(accountId.sponsor(input.communityId, s._id))?.balance ?? 0) >= input.amount) ?? null : list[0] ?? null
    if (!sponsor) throw conflict('积分预算不足，请联系社区补充共建单位预算')
  }
  const n = input.amount
  const { transfer, replayed } = await postTransfer(db, {
    key: `grant:${input.communityId}:${input.userId}:${input.requestKey}`,
    communityId: input.communityId,
    kind: n > 0 ? 'grant' : 'correct',
    reason: input.reason,
    cause: { type: 'manual', id: ctx.user._id },
    byUserId: ctx.user._id,
    sponsorId: sponsor._id,
    legs: [sponsorLeg(input.communityId, sponsor._id, -n), personLeg(input.communityId, input.userId, n)],
  }, ctx.now()).catch((err) => {
    if (err?.code === 'CONFLICT' && n < 0) throw conflict('这位居民的积分不足以扣减这么多')
    throw err
  })
  if (!replayed) await trace(ctx, { communityId: input.communityId, resource: { type: 'point_transfer', id: transfer._id }, after: { userId: input.userId, amount: n, reason: input.reason, sponsorId: sponsor._id } })
  const acc = await getById<PointAccount>(db, P.accounts, accountId.person(input.communityId, input.userId))
  return { userId: input.userId, balance: acc?.balance ?? 0, replayed }
}

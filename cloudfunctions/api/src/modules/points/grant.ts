/**
 * points.grant (secretary) — give points to a person from a sponsor's budget, or correct downwards
 * (a negative amount returns points to the budget). A correction is a new entry; nothing is edited or
 * deleted. Idempotent by requestKey; the transfer and its audit entry (with the reason) are one transaction.
 * Outcomes: the person's new balance; NOT_FOUND for someone not of this community or an unknown sponsor;
 * CONFLICT when the budget is too small, or (INSUFFICIENT_POINTS) when a correction would take more than the
 * person has. Nothing changes on failure.
 */
import { GrantInput, type PointAccount, type Sponsor } from '../../../../../types/points'
import type { User } from '../../../../../types/org'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import { recordIn } from '../../platform/audit'
import type { UserCtx } from '../../platform/context'
import { getById } from '../../platform/db'
import { AppError, conflict, notFound } from '../../platform/errors'
import { getMany } from '../org/repo'
import { listName } from '../org/rules'
import { activeSponsors } from './earn'
import { personLeg, postTransfer, sponsorLeg } from './ledger'
import { accountId } from './policy'
import { P } from './repo'

async function grant(ctx: UserCtx, input: ActionInput<'points.grant'>) {
  const { db } = ctx
  const target = await getById<User>(db, 'users', input.userId)
  if (!target || !target.roles.some((g) => g.communityId === input.communityId)) throw notFound('这位居民')
  let sponsor: Sponsor | null
  if (input.sponsorId) {
    sponsor = await getById<Sponsor>(db, P.sponsors, input.sponsorId)
    if (!sponsor || sponsor.communityId !== input.communityId) throw notFound('共建单位')
  } else {
    const list = await activeSponsors(db, input.communityId)
    const accounts = await getMany<PointAccount>(
      db,
      P.accounts,
      list.map((s) => accountId.sponsor(input.communityId, s._id)),
    )
    sponsor =
      input.amount > 0
        ? (list.find((s) => (accounts.get(accountId.sponsor(input.communityId, s._id))?.balance ?? 0) >= input.amount) ?? null)
        : (list[0] ?? null)
    if (!sponsor) throw conflict('积分预算不足，请联系社区补充共建单位预算')
  }
  const n = input.amount
  const sponsorId = sponsor._id
  const { replayed } = await postTransfer(
    db,
    {
      key: `grant:${input.communityId}:${input.userId}:${input.requestKey}`,
      communityId: input.communityId,
      kind: n > 0 ? 'grant' : 'correct',
      reason: input.reason,
      cause: { type: 'manual', id: ctx.user._id },
      byUserId: ctx.user._id,
      sponsorId,
      legs: [sponsorLeg(input.communityId, sponsorId, -n), personLeg(input.communityId, input.userId, n)],
    },
    ctx.now(),
    (tx, transfer) =>
      recordIn(tx, ctx, {
        communityId: input.communityId,
        resource: { type: 'point_transfer', id: transfer._id, label: listName(target) },
        after: { userId: input.userId, amount: n, reason: input.reason, sponsorId },
      }),
  ).catch((err) => {
    // Only the person's leg can fall short in a correction (the sponsor's goes up): say whose points.
    if (err instanceof AppError && err.reason === 'INSUFFICIENT_POINTS') throw conflict('这位居民的积分不足以扣减这么多', 'INSUFFICIENT_POINTS')
    throw err
  })
  const acc = await getById<PointAccount>(db, P.accounts, accountId.person(input.communityId, input.userId))
  return { userId: input.userId, balance: acc?.balance ?? 0, replayed }
}

export default defineAction({ name: 'points.grant', input: GrantInput, access: SECRETARY, writes: true, handler: grant })

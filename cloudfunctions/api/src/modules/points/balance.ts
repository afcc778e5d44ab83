/**
 * points.balance — the caller's balance in a community, with what will expire soon (FIFO): the next China day
 * within 30 days on which some of it expires, and how much.
 * Outcome: { communityId, balance, expiring } (0 and null for a person who never earned).
 */
import { BalanceInput, type BalanceView, type PointAccount } from '../../../../../types/points'
import { defineAction, member, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { getById } from '../../platform/db'
import { expireMonthsOf, expiringFor } from './account'
import { accountId } from './policy'
import { P } from './repo'

async function balance(ctx: UserCtx, input: ActionInput<'points.balance'>): Promise<BalanceView> {
  const id = accountId.person(input.communityId, ctx.user._id)
  const acc = await getById<PointAccount>(ctx.db, P.accounts, id)
  const months = await expireMonthsOf(ctx.db, input.communityId)
  let expiring: BalanceView['expiring'] = null
  if (months && acc && acc.balance > 0) {
    const e = await expiringFor(ctx.db, id, months, ctx.now())
    if (e) expiring = { amount: Math.min(e.amount, acc.balance), on: e.on }
  }
  return { communityId: input.communityId, balance: acc?.balance ?? 0, expiring }
}

export default defineAction({ name: 'points.balance', input: BalanceInput, access: member, writes: false, handler: balance })

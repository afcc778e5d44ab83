/**
 * points.balance — the caller's balance in a community, with what will expire soon (FIFO): the next China day
 * within 30 days on which some of it expires, and how much.
 * Outcome: { communityId, balance, expiring } (0 and null for a person who never earned). Two reads, whatever
 * the account's history: the account (with its lots, policy.ts) and the community's expiry setting.
 */
import { BalanceInput, type BalanceView, type PointAccount } from '../../../../../types/points'
import { defineAction, member, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { getById } from '../../platform/db'
import { expireMonthsOf, expiringFor } from './account'
import { accountId, nextExpiryOfLots } from './policy'
import { chinaDay } from '../../platform/chinaTime'

/** How far ahead the person is warned of points expiring. */
const WARN_DAYS = 30
import { P } from './repo'

async function balance(ctx: UserCtx, input: ActionInput<'points.balance'>): Promise<BalanceView> {
  const id = accountId.person(input.communityId, ctx.user._id)
  const [acc, months] = await Promise.all([getById<PointAccount>(ctx.db, P.accounts, id), expireMonthsOf(ctx.db, input.communityId)])
  let expiring: BalanceView['expiring'] = null
  if (months && acc && acc.balance > 0) {
    // The account's lots answer from the one document (kept with every transfer); an account from before
    // lots were kept reads its ledger until the 'points.accounts' recount writes them.
    const e = Array.isArray(acc.lots)
      ? nextExpiryOfLots(acc.lots, months, chinaDay(ctx.now()), WARN_DAYS)
      : await expiringFor(ctx.db, id, months, ctx.now(), WARN_DAYS)
    if (e) expiring = { amount: Math.min(e.amount, acc.balance), on: e.on }
  }
  return { communityId: input.communityId, balance: acc?.balance ?? 0, expiring }
}

export default defineAction({ name: 'points.balance', input: BalanceInput, access: member, writes: false, handler: balance })

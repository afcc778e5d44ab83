/**
 * Timer job: points expire `expireMonths` after they were earned, first in first out (spending uses the
 * oldest points first), by China calendar day: earned on day D, gone from 00:00 Shanghai of D + N months
 * (policy.ts `expiryCutoff` / `expiryDay`), whatever the server's zone. The person was shown the amount and
 * date in advance (points.balance `expiring`). Expired points move to the community's `expired` account as
 * an `expire` transfer; the key is per account per China day, so a repeated or racing run the same day books
 * nothing twice.
 *
 * A queue of accounts by date (platform/batches.ts), 20 accounts a batch (5 at a time), reading no history: each person
 * account carries `expiryCheckAt`, the earliest moment any of its points could expire. The job takes the
 * accounts whose moment has come (or that were never checked), and for each reads only its credits of the
 * last `expireMonths`, newest first, until they cover the balance (account.ts `recentCredits`):
 * - the balance is covered: nothing expires; the next moment is the oldest of those credits + months;
 * - it is not: balance − recent credits expire now; the next moment is the oldest recent credit + months
 *   (or now + months when none: anything earned later expires later still).
 * Spending only delays the next moment and new credits are newer, so the moment is never late; when a
 * community changes its months (points.setExpiry), every account of it is due again.
 * An expiry that loses a race with a spend (the ledger refuses: CONFLICT) writes nothing and leaves the
 * account due; it is skipped for the rest of this pass and retried on the next tick.
 */
import type { PointAccount } from '../../../../../types/points'
import type { Deps } from '../../platform/context'
import { inParallel, MAX_SKIPPED, skippedOf, type Batch, type Cursor } from '../../platform/batches'
import { findMany, updateWhere } from '../../platform/db'
import { AppError } from '../../platform/errors'
import { getMany } from '../org/repo'
import { recentCredits } from './account'
import { personLeg, postTransfer, systemLeg } from './ledger'
import { P } from './repo'
import { expiryCutoff, expiryDay } from './policy'
import { addDays, chinaDay, chinaDayStart } from '../../platform/chinaTime'

export const ACCOUNTS_PER_BATCH = 20
/** "Never" for communities whose points do not expire (points.setExpiry makes every account due again). */
export const NEVER = new Date('9999-12-31T00:00:00.000Z')

type ExpiryAccount = PointAccount

/** Person accounts due for an expiry check at `now`: never checked first, then by their date. */
async function dueAccounts(deps: Deps, now: Date, skip: string[], limit: number): Promise<ExpiryAccount[]> {
  const _ = deps.db.command
  const notSkipped = skip.length ? { _id: _.nin(skip) } : {}
  const fresh = await findMany<ExpiryAccount>(deps.db, P.accounts, { kind: 'person', expiryCheckAt: null, ...notSkipped }, { limit })
  if (fresh.length >= limit) return fresh
  const due = await findMany<ExpiryAccount>(
    deps.db,
    P.accounts,
    { kind: 'person', expiryCheckAt: _.lte(now), ...notSkipped },
    {
      orderBy: [
        ['expiryCheckAt', 'asc'],
        ['_id', 'asc'],
      ],
      limit: limit - fresh.length,
    },
  )
  return [...fresh, ...due]
}

/** Sets the account's next check, unless someone (points.setExpiry) changed it since it was read. */
async function setNextCheck(deps: Deps, acc: ExpiryAccount, next: Date): Promise<void> {
  // null matches a missing field (never checked), as in MongoDB.
  const was = acc.expiryCheckAt ? new Date(acc.expiryCheckAt) : null
  await updateWhere(deps.db, P.accounts, { _id: acc._id, expiryCheckAt: was }, { expiryCheckAt: next })
}

/** The start of the next China day, as the per-day expiry key counts days. */
const nextDay = (now: Date) => chinaDayStart(addDays(chinaDay(now), 1))
/** When points earned at `at` are gone: 00:00 Shanghai of their expiry day. */
const goneAt = (at: Date, months: number) => chinaDayStart(expiryDay(at, months))

export async function expirePoints(deps: Deps, cursor: Cursor): Promise<Batch> {
  const now = deps.now()
  const skip = skippedOf(cursor)
  const accounts = await dueAccounts(deps, now, skip, ACCOUNTS_PER_BATCH)
  const settings = await getMany<{ _id: string; expireMonths: number | null }>(deps.db, P.settings, [...new Set(accounts.map((a) => a.communityId))])
  let expired = 0
  let booked = 0
  await inParallel(accounts, 5, async (acc) => {
    const months = settings.get(acc.communityId)?.expireMonths ?? null
    if (!months) return setNextCheck(deps, acc, NEVER)
    if (acc.balance <= 0) return setNextCheck(deps, acc, goneAt(now, months))
    const recent = await recentCredits(deps.db, acc._id, expiryCutoff(chinaDay(now), months), acc.balance)
    if (recent.covered) return setNextCheck(deps, acc, goneAt(recent.oldestAt!, months))
    const amount = acc.balance - recent.sum
    const posted = await postTransfer(
      deps.db,
      {
        key: `expire:${acc._id}:${chinaDay(now)}`,
        communityId: acc.communityId,
        kind: 'expire',
        reason: `${months} 个月前获得的积分到期`,
        cause: null,
        byUserId: null,
        legs: [personLeg(acc.communityId, acc.ownerId!, -amount), systemLeg('expired', acc.communityId, amount)],
      },
      now,
    ).catch((err: unknown) => {
      // The person spent between our read and the transaction: the balance check refused; nothing was
      // written. The account stays due; the next tick recomputes from the new balance.
      if (err instanceof AppError && err.code === 'CONFLICT') return null
      throw err
    })
    if (!posted) {
      skip.push(acc._id)
      return
    }
    // Already expired once today (the key is per day): look again tomorrow.
    if (posted.replayed) return setNextCheck(deps, acc, nextDay(now))
    expired += amount
    booked++
    await setNextCheck(deps, acc, goneAt(recent.oldestAt ?? now, months))
  })
  const done = accounts.length < ACCOUNTS_PER_BATCH || skip.length >= MAX_SKIPPED
  return { counts: { expired, accounts: booked }, cursor: skip.length && !done ? { skip } : null, done }
}

/**
 * Timer job: points expire `expireMonths` after they were earned, first in first out (spending uses the
 * oldest points first), by China calendar day: earned on day D, gone from 00:00 Shanghai of D + N months
 * (rules.ts `expiryCutoff`), whatever the server's zone. The person was shown the amount and date in advance
 * (points.balance `expiring`). Expired points move to the community's `expired` account as an `expire`
 * transfer; the key is per account per China day, and a second run the same day finds nothing left to expire.
 */
import type { PointAccount, PointEntry } from '../../../../../types/points'
import type { Deps } from '../../platform/context'
import { AppError } from '../../platform/errors'
import { findAll } from '../org/repo'
import { personLeg, postTransfer, systemLeg } from './ledger'
import { P } from './repo'
import { expiringAmount, expiryCutoff } from './rules'
import { chinaDay } from '../../platform/chinaTime'

export async function expirePoints(deps: Deps): Promise<Record<string, number>> {
  const now = deps.now()
  const today = chinaDay(now)
  const settings = await findAll<{ _id: string; expireMonths: number | null }>(deps.db, P.settings, {})
  let expired = 0
  let accounts = 0
  for (const s of settings) {
    if (!s.expireMonths) continue
    const cutoff = expiryCutoff(today, s.expireMonths)
    const people = await findAll<PointAccount>(deps.db, P.accounts, { communityId: s._id, kind: 'person' }, 100000)
    for (const acc of people) {
      if (acc.balance <= 0) continue
      const entries = await findAll<PointEntry>(deps.db, P.entries, { accountId: acc._id }, 100000)
      const amount = Math.min(acc.balance, expiringAmount(entries.map((e) => ({ amount: e.amount, at: new Date(e.at) })), cutoff))
      if (amount <= 0) continue
      const posted = await postTransfer(deps.db, {
        key: `expire:${acc._id}:${today}`, communityId: s._id, kind: 'expire', reason: `${s.expireMonths} 个月前获得的积分到期`,
        cause: null, byUserId: null, legs: [personLeg(s._id, acc.ownerId!, -amount), systemLeg('expired', s._id, amount)],
      }, now).catch((err: unknown) => {
        // The person spent between our read and the transaction: the balance check refused; nothing was
        // written. The next tick recomputes from the new balance; the other accounts go on now.
        if (err instanceof AppError && err.code === 'CONFLICT') return null
        throw err
      })
      if (posted && !posted.replayed) {
        expired += amount
        accounts++
      }
    }
  }
  return { expired, accounts }
}

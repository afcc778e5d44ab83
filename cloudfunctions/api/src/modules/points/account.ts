/**
 * Reading one account (support of points.balance, points.statement and the expiry timer): the community's
 * expiry months, the next expiry to warn of, the recent credits that cover a balance, a statement page.
 */
import type { Page } from '../../../../../types/common'
import type { PointEntry, StatementLine } from '../../../../../types/points'
import { findMany, getById, readAll, type Db } from '../../platform/db'
import { invalid } from '../../platform/errors'
import { P } from './repo'
import { nextExpiry } from './policy'
import { chinaDay } from '../../platform/chinaTime'

export async function expireMonthsOf(db: Db, communityId: string): Promise<number | null> {
  const s = await getById<{ expireMonths: number | null }>(db, P.settings, communityId)
  return s?.expireMonths ?? null
}

/** The next expiry to warn of (policy.ts `nextExpiry`): within `warnDays` China days of now. */
export async function expiringFor(db: Db, account: string, months: number, now: Date, warnDays = 30) {
  // Reads the account's whole history (bounded: past it readAll fails loudly). Only credits not yet spent
  // matter, so reading recent credits newest first until they cover the balance, as `recentCredits` does
  // for the timer, would do.
  const entries = await readAll<PointEntry>(db, P.entries, { accountId: account }, 100000)
  return nextExpiry(
    entries.map((e) => ({ amount: e.amount, at: new Date(e.at) })),
    months,
    chinaDay(now),
    warnDays,
  )
}

/** The smallest entry id minted at or after `at` (entry ids begin with their time: ledger.ts). */
export const entryIdFloor = (at: Date) => 'e' + at.getTime().toString(36).padStart(9, '0')

/**
 * Credits to `account` earned at or after `since`, read newest first and only until they add up to
 * `enough`: FIFO means the newest credits are the unspent ones, so
 *   points expiring by `since` = balance − credits since `since` (when positive),
 * and nothing expires once recent credits cover the balance. Reads only entries younger than `since`
 * (the ids are time-ordered), a page of 100 at a time, usually one page: never the account's history.
 * `oldestAt` is the time of the oldest credit read (null when none): no point can expire before
 * `oldestAt + months`, since everything older is already spent or expired.
 */
export async function recentCredits(db: Db, account: string, since: Date, enough: number): Promise<{ sum: number; covered: boolean; oldestAt: Date | null }> {
  const _ = db.command
  let sum = 0
  let oldestAt: Date | null = null
  let before: string | null = null
  for (;;) {
    const ids: unknown = before ? _.and(_.gte(entryIdFloor(since)), _.lt(before)) : _.gte(entryIdFloor(since))
    const page = await findMany<PointEntry>(
      db,
      P.entries,
      { accountId: account, _id: ids, at: _.gte(since), amount: _.gt(0) },
      {
        orderBy: [['_id', 'desc']],
        limit: 100,
        field: { _id: true, amount: true, at: true },
      },
    )
    for (const e of page) {
      sum += e.amount
      const at = new Date(e.at)
      if (!oldestAt || at < oldestAt) oldestAt = at
      if (sum >= enough) return { sum, covered: true, oldestAt }
    }
    if (page.length < 100) return { sum, covered: false, oldestAt }
    before = page[page.length - 1]._id
  }
}

export const lineOf = (e: PointEntry): StatementLine => ({
  id: e._id,
  at: new Date(e.at).toISOString(),
  amount: e.amount,
  kind: e.kind,
  reason: e.reason,
  cause: e.cause,
})

/** Entries of one account, newest first, after a cursor (entry ids are time-ordered). */
export async function entriesPage(db: Db, account: string, cursor: string | undefined, limit: number): Promise<Page<PointEntry>> {
  if (cursor !== undefined && !/^e[0-9a-z]{9}[0-9a-f]{12}\d$/.test(cursor)) throw invalid('翻页参数不正确，请刷新后重试')
  const _ = db.command
  const filter = cursor ? { accountId: account, _id: _.lt(cursor) } : { accountId: account }
  const docs = await findMany<PointEntry>(db, P.entries, filter, { orderBy: [['_id', 'desc']], limit: limit + 1 })
  const items = docs.slice(0, limit)
  return { items, nextCursor: docs.length > limit ? items[items.length - 1]._id : null }
}

/**
 * points.balance — the caller's balance in a community, with what will expire soon (FIFO): the next China day
 * within 30 days on which some of it expires, and how much.
 * points.statement — every entry of the caller's account, newest first, cursor-paged (每一笔: when,
 * why, linked to its cause). Outcomes: the balance / a page; INVALID_INPUT for a bad cursor.
 */
import type { z } from 'zod'
import type { Page } from '../../../../../types/common'
import type { BalanceInput, BalanceView, PointAccount, PointEntry, StatementInput, StatementLine } from '../../../../../types/points'
import type { UserCtx } from '../../platform/context'
import { findMany, getById, type Db } from '../../platform/db'
import { invalid } from '../../platform/errors'
import { P } from './repo'
import { findAll } from '../org/repo'
import { accountId, nextExpiry } from './policy'
import { chinaDay } from '../../platform/chinaTime'

export async function expireMonthsOf(db: Db, communityId: string): Promise<number | null> {
  const s = await getById<{ expireMonths: number | null }>(db, P.settings, communityId)
  return s?.expireMonths ?? null
}

/** The next expiry to warn of (policy.ts `nextExpiry`): within `warnDays` China days of now. */
export async function expiringFor(db: Db, account: string, months: number, now: Date, warnDays = 30) {
  const entries = await findAll<PointEntry>(db, P.entries, { accountId: account }, 100000)
  return nextExpiry(entries.map((e) => ({ amount: e.amount, at: new Date(e.at) })), months, chinaDay(now), warnDays)
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
    const page = await findMany<PointEntry>(db, P.entries, { accountId: account, _id: ids, at: _.gte(since), amount: _.gt(0) }, {
      orderBy: [['_id', 'desc']],
      limit: 100,
      field: { _id: true, amount: true, at: true },
    })
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


export async function balance(ctx: UserCtx, input: z.output<typeof BalanceInput>): Promise<BalanceView> {
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

export async function statement(ctx: UserCtx, input: z.output<typeof StatementInput>): Promise<Page<StatementLine>> {
  const page = await entriesPage(ctx.db, accountId.person(input.communityId, ctx.user._id), input.cursor, input.limit ?? 20)
  return { items: page.items.map(lineOf), nextCursor: page.nextCursor }
}

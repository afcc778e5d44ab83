/**
 * Pure rules of the ledger: account ids, what a valid transfer is, which accounts may go below zero,
 * earning caps, and which points expire first (FIFO). No I/O. (Named policy.ts, not rules.ts: `points.rules`
 * is an action, and its file is rules.ts.)
 */
import { createHash } from 'crypto'
import type { AccountKind, PointRule } from '../../../../../types/points'
import { addDays, addMonths, chinaDay, chinaDayStart, inChina, type ChinaDay } from '../../platform/chinaTime'

/** Account ids are derived, so "the account of X" needs no lookup and is created at most once. */
export const accountId = {
  person: (communityId: string, userId: string) => `pa_${communityId}_${userId}`,
  sponsor: (communityId: string, sponsorId: string) => `sa_${communityId}_${sponsorId}`,
  mall: (communityId: string) => `ma_${communityId}`,
  expired: (communityId: string) => `xa_${communityId}`,
  /** Where sponsor money enters the ledger: its balance is minus everything ever funded. */
  funding: (communityId: string) => `fa_${communityId}`,
}

/** Only the funding account runs negative: it stands for money pledged from outside. */
export const mayGoNegative = (kind: AccountKind | 'funding') => kind === 'funding'

/** Person and sponsor balances are cached on the account (checked against their entries); system accounts are summed. */
export const cachesBalance = (kind: AccountKind | 'funding') => kind === 'person' || kind === 'sponsor'

/** A transfer id from its idempotency key: the same cause always maps to the same document. */
export function transferId(key: string): string {
  return 't' + createHash('sha256').update(key).digest('hex').slice(0, 31)
}

/** Entries sum to zero, every amount is a non-zero integer, no account appears twice. */
export function validEntries(entries: { accountId: string; amount: number }[]): boolean {
  if (entries.length < 2) return false
  const ids = new Set(entries.map((e) => e.accountId))
  if (ids.size !== entries.length) return false
  if (!entries.every((e) => Number.isInteger(e.amount) && e.amount !== 0)) return false
  return entries.reduce((s, e) => s + e.amount, 0) === 0
}

/** How much of `wanted` may still be earned today and this month under the rule's caps. */
export function allowedUnderCaps(rule: Pick<PointRule, 'dailyCap' | 'monthlyCap'>, wanted: number, earnedToday: number, earnedThisMonth: number): number {
  let allowed = wanted
  if (rule.dailyCap !== null) allowed = Math.min(allowed, rule.dailyCap - earnedToday)
  if (rule.monthlyCap !== null) allowed = Math.min(allowed, rule.monthlyCap - earnedThisMonth)
  return Math.max(0, allowed)
}

/**
 * Points that have expired once the `cutoff` instant is reached, under first-in-first-out: everything credited
 * before the cutoff, less everything ever spent, expired or taken back (spending uses the oldest points first).
 */
export function expiringAmount(entries: { amount: number; at: Date }[], cutoff: Date): number {
  let oldCredits = 0
  let debits = 0
  for (const e of entries) {
    if (e.amount > 0 && e.at < cutoff) oldCredits += e.amount
    if (e.amount < 0) debits += -e.amount
  }
  return Math.max(0, oldCredits - debits)
}

/**
 * Expiry is by China calendar day: points earned on day D with an expiry of N months are gone from the start
 * (00:00 Shanghai) of day D + N months (a day past the month's end is its last day: earned 01-31, one month →
 * gone from 02-28). `expiryDay` is that day.
 */
export const expiryDay = (earnedAt: Date, months: number): ChinaDay => addMonths(chinaDay(earnedAt), months)

/**
 * The instant before which points earned have expired on `today` (a China day): the start of the first day
 * D whose expiry day D + N months is after today. D + N months never decreases as D grows, so every day
 * before D has expired and D itself has not; starting from today − N months, at most three steps find it.
 */
export function expiryCutoff(today: ChinaDay, months: number): Date {
  return chinaDayStart(expiryCutoffDay(today, months))
}

/** The China day of `expiryCutoff`: points earned before this day have expired on `today`. */
export function expiryCutoffDay(today: ChinaDay, months: number): ChinaDay {
  let d = addMonths(today, -months)
  while (addMonths(d, months) <= today) d = addDays(d, 1)
  return d
}

/**
 * The next expiry the person should be warned of: the earliest expiry day of a credit still unspent (FIFO)
 * and how many points go on that day, if that day is at most `warnDays` after `today`. A credit whose day has
 * already come (the hourly timer has not reached it yet) is reported for its own day.
 */
export function nextExpiry(
  entries: { amount: number; at: Date }[],
  months: number,
  today: ChinaDay,
  warnDays: number,
): { amount: number; on: ChinaDay } | null {
  const credits = entries.filter((e) => e.amount > 0).sort((a, b) => a.at.getTime() - b.at.getTime())
  let debits = entries.reduce((s, e) => (e.amount < 0 ? s - e.amount : s), 0)
  const oldest = credits.find((c) => {
    if (debits >= c.amount) {
      debits -= c.amount
      return false
    }
    return true
  })
  if (!oldest) return null
  const on = expiryDay(oldest.at, months)
  if (on > addDays(today, warnDays)) return null
  // Everything expiring on that day: credits earned before the cutoff of the day `on`.
  const amount = expiringAmount(entries, expiryCutoff(on, months))
  return amount > 0 ? { amount, on } : null
}

/** Day and month buckets for caps, in China time: a resident's day begins at midnight in Shanghai. */
export function capBuckets(at: Date): { day: string; month: string } {
  const t = inChina(at)
  return { day: t.format('YYYYMMDD'), month: t.format('YYYYMM') }
}

/**
 * A person's unspent points by the China day they were earned, oldest first (`PointAccount.lots`): what the
 * ledger's FIFO leaves of its credits (`nextExpiry`), kept on the account in the same transaction as every
 * transfer so that the balance page reads one document, not the account's history. Their sum is the balance.
 */
export interface Lot {
  day: ChinaDay
  amount: number
}

/**
 * The lots after one leg on `day`: a credit joins the lot of its day (in day order), a debit consumes the
 * oldest lots first (FIFO, as `nextExpiry` counts). Answers null when the debit is more than the lots hold
 * (the ledger refuses that before: a person's balance never goes below zero).
 */
export function applyToLots(lots: readonly Lot[], day: ChinaDay, amount: number): Lot[] | null {
  const out = lots.filter((l) => l.amount > 0).map((l) => ({ ...l }))
  if (amount > 0) {
    const same = out.find((l) => l.day === day)
    if (same) same.amount += amount
    else {
      // Normally the newest; a transaction stamped just before midnight may commit after one stamped after.
      const at = out.findIndex((l) => l.day > day)
      out.splice(at < 0 ? out.length : at, 0, { day, amount })
    }
    return out
  }
  let debit = -amount
  while (debit > 0 && out.length) {
    const take = Math.min(debit, out[0].amount)
    out[0].amount -= take
    debit -= take
    if (out[0].amount === 0) out.shift()
  }
  return debit > 0 ? null : out
}

/**
 * The lots of an account from its credits read newest first (`credits`) and its balance: FIFO leaves the
 * newest credits unspent, the oldest of them in part. Answers null when the credits do not cover the balance
 * (more must be read).
 */
export function lotsFromCredits(creditsNewestFirst: { amount: number; at: Date }[], balance: number): Lot[] | null {
  if (balance <= 0) return []
  const byDay = new Map<ChinaDay, number>()
  let left = balance
  for (const c of creditsNewestFirst) {
    if (c.amount <= 0) continue
    const take = Math.min(left, c.amount)
    const day = chinaDay(c.at)
    byDay.set(day, (byDay.get(day) ?? 0) + take)
    left -= take
    if (left === 0) break
  }
  if (left > 0) return null
  return [...byDay.entries()].map(([day, amount]) => ({ day, amount })).sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0))
}

export const sameLots = (a: readonly Lot[] | undefined, b: readonly Lot[]) =>
  !!a && a.length === b.length && a.every((l, i) => l.day === b[i].day && l.amount === b[i].amount)

/** `nextExpiry` from the lots: the same answer, reading no entries. */
export function nextExpiryOfLots(lots: readonly Lot[], months: number, today: ChinaDay, warnDays: number): { amount: number; on: ChinaDay } | null {
  const oldest = lots.find((l) => l.amount > 0)
  if (!oldest) return null
  const on = addMonths(oldest.day, months)
  if (on > addDays(today, warnDays)) return null
  const cutoff = expiryCutoffDay(on, months)
  const amount = lots.reduce((s, l) => (l.day < cutoff ? s + l.amount : s), 0)
  return amount > 0 ? { amount, on } : null
}

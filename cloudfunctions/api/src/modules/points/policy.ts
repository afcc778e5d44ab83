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
  let d = addMonths(today, -months)
  while (addMonths(d, months) <= today) d = addDays(d, 1)
  return chinaDayStart(d)
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

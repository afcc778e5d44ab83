/**
 * Pure rules of the ledger: account ids, what a valid transfer is, which accounts may go below zero,
 * earning caps, and which points expire first (FIFO). No I/O.
 */
import { createHash } from 'crypto'
import type { AccountKind, PointRule } from '../../../../../types/points'

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
 * Points that expire by `cutoff` under first-in-first-out: everything credited before the cutoff,
 * less everything ever spent, expired or taken back (spending uses the oldest points first).
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

/** Day and month buckets for caps, in China time (UTC+8), which is when residents' days begin. */
export function capBuckets(at: Date): { day: string; month: string } {
  const t = new Date(at.getTime() + 8 * 3600_000)
  const iso = t.toISOString()
  return { day: iso.slice(0, 10).replace(/-/g, ''), month: iso.slice(0, 7).replace(/-/g, '') }
}

/**
 * The wish lifecycle as a table you can read: event → (from states, to state, who may). Commands and
 * the UI's buttons use `can()`; nothing else decides who may do what to a wish.
 *
 *   under_review ─approve→ open ─claim/dispatch→ claimed ─fulfil→ fulfilled ─confirm/autoclose→ closed
 *        └─reject→ rejected        ↑ └──release──┘ (progress keeps it claimed)
 *   under_review | open | claimed ─withdraw→ withdrawn
 *   under_review | open ─convert→ converted (the secretary made it a request: wish.convert)
 */
import type { RoleGrant } from '../../../../../types/common'
import type { Wish, WishEvent, WishStats, WishStatus } from '../../../../../types/wish'

/** How the viewer stands to a wish. */
export type Relation = 'wisher' | 'claimer' | 'member' | 'secretary' | 'timer'

type Move = { from: readonly WishStatus[]; to: WishStatus; by: readonly Relation[] }

export const TRANSITIONS: Record<Exclude<WishEvent, 'post' | 'remind'>, Move> = {
  approve: { from: ['under_review'], to: 'open', by: ['secretary'] },
  reject: { from: ['under_review'], to: 'rejected', by: ['secretary'] },
  claim: { from: ['open'], to: 'claimed', by: ['member'] },
  dispatch: { from: ['open'], to: 'claimed', by: ['secretary'] },
  release: { from: ['claimed'], to: 'open', by: ['claimer'] },
  progress: { from: ['claimed'], to: 'claimed', by: ['claimer'] },
  fulfil: { from: ['claimed'], to: 'fulfilled', by: ['claimer'] },
  confirm: { from: ['fulfilled'], to: 'closed', by: ['wisher'] },
  autoclose: { from: ['fulfilled'], to: 'closed', by: ['timer'] },
  withdraw: { from: ['under_review', 'open', 'claimed'], to: 'withdrawn', by: ['wisher'] },
  // Not once claimed: a volunteer has taken it on (they release it first, or it is met as a wish).
  convert: { from: ['under_review', 'open'], to: 'converted', by: ['secretary'] },
}
export type Move_ = keyof typeof TRANSITIONS

export function can(event: Move_, status: WishStatus, relations: ReadonlySet<Relation>): boolean {
  const t = TRANSITIONS[event]
  if (!t.from.includes(status)) return false
  if (!t.by.some((r) => relations.has(r))) return false
  // Nobody claims their own wish.
  if (event === 'claim' && relations.has('wisher')) return false
  return true
}

/** Relations of a user to a wish, from facts the caller gathered. */
export function relationsOf(
  wish: { wisherId: string; postedById: string; claimerId: string | null },
  userId: string,
  facts: { isMember: boolean; isSecretary: boolean },
): Set<Relation> {
  const r = new Set<Relation>()
  if (wish.wisherId === userId || wish.postedById === userId) r.add('wisher')
  if (wish.claimerId === userId) r.add('claimer')
  if (facts.isMember) r.add('member')
  if (facts.isSecretary) r.add('secretary')
  return r
}

/** Who sees the wisher's full name, phone and door: the claimer, the secretary, the wisher's side. */
export const seesContact = (relations: ReadonlySet<Relation>) => relations.has('claimer') || relations.has('secretary') || relations.has('wisher')

/** Statuses anyone in the community may see on the wall. */
export const PUBLIC_STATUSES: readonly WishStatus[] = ['open', 'claimed', 'fulfilled', 'closed']

/** Median of numbers (hours), or null. */
export function median(values: number[]): number | null {
  if (!values.length) return null
  const s = [...values].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

/** Why `event` is not possible now: FORBIDDEN (wrong person) or CONFLICT (wrong state), in words; null if it is. */
export function refusal(event: Move_, status: WishStatus, relations: ReadonlySet<Relation>): { code: 'FORBIDDEN' | 'CONFLICT'; message: string } | null {
  if (can(event, status, relations)) return null
  if (!TRANSITIONS[event].by.some((r) => relations.has(r))) {
    if (event === 'release' || event === 'progress' || event === 'fulfil') return { code: 'FORBIDDEN', message: '只有认领人可以这样做' }
    if (event === 'confirm' || event === 'withdraw') return { code: 'FORBIDDEN', message: '只有许愿人可以这样做' }
    if (event === 'claim') return { code: 'FORBIDDEN', message: '党员和志愿者才能认领心愿' }
    return { code: 'FORBIDDEN', message: '您没有权限进行此操作' }
  }
  if (event === 'claim' && relations.has('wisher')) return { code: 'FORBIDDEN', message: '不能认领自己的心愿' }
  const race = RACE_MESSAGES[event]
  return { code: 'CONFLICT', message: race && status !== 'open' && event !== 'confirm' ? race : `心愿现在是「${STATUS_WORDS[status]}」，不能这样做` }
}

/** What a person is told when someone else moved the wish first. */
export const RACE_MESSAGES: Partial<Record<Move_, string>> = {
  claim: '这个心愿刚刚被别人认领了',
  dispatch: '这个心愿刚刚被认领了，请刷新',
  confirm: '这个心愿已经确认过了',
}
export const raceMessage = (event: Move_) => RACE_MESSAGES[event] ?? '心愿状态刚刚变了，请刷新后再试'

const STATUS_WORDS: Record<WishStatus, string> = {
  under_review: '审核中',
  open: '待认领',
  claimed: '已认领',
  fulfilled: '已完成待确认',
  closed: '已圆梦',
  rejected: '未通过',
  withdrawn: '已撤回',
  converted: '已转为诉求',
}

/** Who may be given a wish (claim it, or be dispatched it): a party member or volunteer of that community. */
export const takesWishes = (roles: readonly RoleGrant[], communityId: string) =>
  roles.some((g) => g.communityId === communityId && (g.role === 'party_member' || g.role === 'volunteer'))

/**
 * Does a new wish go on the wall at once? Only clean text (verdict `pass`), in a community with
 * auto-approval, without photos (no automated image check yet); anything else waits for the secretary.
 */
export const opensAtOnce = (verdict: 'pass' | 'review' | 'risky', autoApprove: boolean, photoCount: number) =>
  verdict === 'pass' && autoApprove && photoCount === 0

/** A wall cursor is a wish id: `w`, 9 base-36 time digits, 12 hex (repo.ts newWishId). */
export const isWishCursor = (c: string) => /^w[0-9a-z]{9}[0-9a-f]{12}$/.test(c)

/** Two newest-first pages of cards merged into one: newest first, each wish once, at most `limit`. */
export function mergeNewestFirst<T extends { id: string }>(a: readonly T[], b: readonly T[], limit: number): { items: T[]; more: boolean } {
  const merged = [...a, ...b].sort((x, y) => (x.id < y.id ? 1 : x.id > y.id ? -1 : 0))
  const unique = merged.filter((w, i) => i === 0 || merged[i - 1].id !== w.id)
  return { items: unique.slice(0, limit), more: unique.length > limit }
}

const hoursBetween = (a: Date | null, b: Date | null) => (a && b ? (new Date(b).getTime() - new Date(a).getTime()) / 3600_000 : null)
const oneDecimal = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10)

/** Wishes waiting since before this instant are overdue (the community's overdue days before `now`). */
export const overdueCutoff = (now: Date, overdueDays: number) => new Date(now.getTime() - overdueDays * 86400_000)

/** Overdue: open since before the cutoff, or claimed without progress since before it. The same test as the queue's queries. */
export function isOverdue(w: Pick<Wish, 'status' | 'openedAt' | 'lastProgressAt'>, cutoff: Date): boolean {
  const before = (d: Date | null) => d !== null && new Date(d).getTime() < cutoff.getTime()
  return (w.status === 'open' && before(w.openedAt)) || (w.status === 'claimed' && before(w.lastProgressAt))
}

/** The figures of wish.stats from a community's wishes (all but the overdue count). */
export function summarize(
  wishes: readonly Pick<Wish, 'status' | 'openedAt' | 'claimedAt' | 'fulfilledAt' | 'rating'>[],
  statuses: readonly WishStatus[],
): Omit<WishStats, 'overdue' | 'overdueMore'> {
  const byStatus = Object.fromEntries(statuses.map((s) => [s, 0])) as WishStats['byStatus']
  const toClaim: number[] = []
  const toFulfil: number[] = []
  const distribution = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 }
  let stars = 0
  let rated = 0
  for (const w of wishes) {
    byStatus[w.status]++
    const c = hoursBetween(w.openedAt, w.claimedAt)
    if (c !== null) toClaim.push(c)
    const f = hoursBetween(w.openedAt, w.fulfilledAt)
    if (f !== null) toFulfil.push(f)
    if (w.rating) {
      distribution[String(w.rating.stars) as keyof typeof distribution]++
      stars += w.rating.stars
      rated++
    }
  }
  return {
    byStatus,
    posted: wishes.length,
    medianHoursToClaim: oneDecimal(median(toClaim)),
    medianHoursToFulfil: oneDecimal(median(toFulfil)),
    ratings: { count: rated, average: rated ? oneDecimal(stars / rated) : null, distribution },
  }
}

/** Subscribe-message `thing` values are at most 20 characters (the rule lives with the other message rules). */
export { thing } from '../messages/rules'

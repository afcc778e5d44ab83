/**
 * The wish lifecycle as a table you can read: event → (from states, to state, who may). Commands and
 * the UI's buttons use `can()`; nothing else decides who may do what to a wish.
 *
 *   under_review ─approve→ open ─claim/dispatch→ claimed ─fulfil→ fulfilled ─confirm/autoclose→ closed
 *        └─reject→ rejected        ↑ └──release──┘ (progress keeps it claimed)
 *   under_review | open | claimed ─withdraw→ withdrawn
 */
import type { WishEvent, WishStatus } from '../../../../../types/wish'

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

/** Subscribe-message `thing` values are at most 20 characters (the rule lives with the other message rules). */
export { thing } from '../messages/rules'

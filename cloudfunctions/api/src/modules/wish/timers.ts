/**
 * Timer jobs of the wish module (idempotent):
 * - autoClose: fulfilled wishes the wisher has not confirmed within the community's days close without a
 *   rating, and the claimer is paid.
 * - payOwed: closed wishes whose points were owed (no budget then) are paid when a budget can.
 * - remindOverdue: claimers of wishes without progress for N days are reminded, at most once per N days.
 */
import type { Wish } from '../../../../../types/wish'
import type { Deps } from '../../platform/context'
import { findMany } from '../../platform/db'
import { findAll } from '../org/repo'
import { awardPoints } from './close'
import { move, notify } from './core'
import { overdueWishes } from './queries'
import { settingsOf, W } from './repo'
import { thing } from './rules'

export async function autoClose(deps: Deps): Promise<Record<string, number>> {
  const now = deps.now()
  let closed = 0
  const fulfilled = await findAll<Wish>(deps.db, W.wishes, { status: 'fulfilled' }, 5000)
  for (const w of fulfilled) {
    const s = await settingsOf(deps.db, w.communityId)
    if (!w.fulfilledAt || new Date(w.fulfilledAt).getTime() + s.autoCloseDays * 86400_000 > now.getTime()) continue
    try {
      const after = await move(deps, w, 'autoclose', null, { note: `${s.autoCloseDays} 天未确认，自动结束`, set: { closedAt: now } })
      await awardPoints(deps, after)
      closed++
    } catch {
      // Someone confirmed it meanwhile: nothing to do.
    }
  }
  return { closed }
}

export async function payOwed(deps: Deps): Promise<Record<string, number>> {
  const owed = await findMany<Wish>(deps.db, W.wishes, { pointsPending: true }, { limit: 100 })
  for (const w of owed) await awardPoints(deps, w)
  return { retried: owed.length }
}

export async function remindOverdue(deps: Deps): Promise<Record<string, number>> {
  const now = deps.now()
  const communities = await findAll<{ _id: string }>(deps.db, 'communities', {})
  let reminded = 0
  for (const c of communities) {
    const s = await settingsOf(deps.db, c._id)
    const due = await overdueWishes(deps.db, c._id, now, s.overdueDays)
    for (const w of due) {
      if (w.status !== 'claimed' || !w.claimerId) continue
      if (w.remindedAt && new Date(w.remindedAt).getTime() > now.getTime() - s.overdueDays * 86400_000) continue
      await deps.db.collection(W.wishes).doc(w._id).update({ data: { remindedAt: now } })
      await notify(deps, w.claimerId, 'reminder', w, { thing1: thing(`心愿待跟进：${w.title}`), thing2: thing('许愿人在等您的消息') })
      reminded++
    }
  }
  return { reminded }
}

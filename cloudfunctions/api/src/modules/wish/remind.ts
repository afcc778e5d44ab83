/**
 * wish.remind (secretary) — remind the claimer of a claimed wish by subscribe message; recorded in its story.
 * Outcomes: the detail; CONFLICT (STATE_CHANGED) when the wish is not claimed, or its claimer changed
 * meanwhile. A refused message is recorded for the secretary (org.undelivered), not an error.
 */
import { WishRemindInput, type Wish, type WishHistoryEntry } from '../../../../../types/wish'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { updateWhere } from '../../platform/db'
import { conflict } from '../../platform/errors'
import { thing } from '../messages/rules'
import { loadWish, notify } from './core'
import { W } from './repo'
import { detail } from './views'

async function remind(ctx: UserCtx, input: ActionInput<'wish.remind'>) {
  const { wish, relations } = await loadWish(ctx, input.communityId, input.wishId)
  if (wish.status !== 'claimed' || !wish.claimerId) throw conflict('只有已认领的心愿可以提醒认领人', 'STATE_CHANGED')
  const now = ctx.now()
  const entry: WishHistoryEntry = { at: now, event: 'remind', byId: ctx.user._id, from: 'claimed', to: 'claimed', note: '社区提醒认领人跟进' }
  const _ = ctx.db.command
  const updated = await updateWhere(
    ctx.db,
    W.wishes,
    { _id: wish._id, status: 'claimed', claimerId: wish.claimerId },
    { remindedAt: now, history: _.push(entry) },
  )
  if (updated !== 1) throw conflict('心愿状态刚刚变了，请刷新后再试', 'STATE_CHANGED')
  await notify(ctx, wish.claimerId, 'reminder', wish, { thing1: thing(`心愿待跟进：${wish.title}`), thing2: thing('社区提醒您尽快联系许愿人') })
  const after: Wish = { ...wish, remindedAt: now, history: [...wish.history, entry] }
  return detail(ctx.db, after, ctx.user._id, relations)
}

export default defineAction({ name: 'wish.remind', input: WishRemindInput, access: SECRETARY, writes: true, handler: remind })

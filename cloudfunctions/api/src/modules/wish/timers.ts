/**
 * Timer jobs of the wish module, in bounded batches from a cursor (platform/batches.ts; idempotent):
 * - autoClose: fulfilled wishes the wisher has not confirmed within the community's days close without a
 *   rating, and the claimer is paid. A walk over fulfilled wishes by _id (index status_id), 50 read and
 *   at most 10 closed a batch.
 * - payOwed: closed wishes whose points were owed (no budget then) are paid when a budget can. A walk
 *   by _id, 10 a batch: a wish no budget can pay yet is passed over until the next pass, not retried in a loop.
 * - remindOverdue: claimers of wishes without progress for N days are reminded, at most once per N days.
 *   A walk over claimed wishes by _id (index status_id), 50 read and at most 20 reminded a batch.
 */
import type { Wish } from '../../../../../types/wish'
import type { Deps } from '../../platform/context'
import { afterIdOf, type Batch, type Cursor } from '../../platform/batches'
import { findMany, updateWhere } from '../../platform/db'
import { awardPoints } from './award'
import { move, notify } from './core'
import { settingsOf, W } from './repo'
import { thing } from './rules'

/** The fewest days a community may set (types/wish.ts WishSettingsInput): nothing younger is ever due. */
const MIN_DAYS = 1
export const WISHES_READ_PER_BATCH = 50
export const CLOSES_PER_BATCH = 10
export const PAYS_PER_BATCH = 10
export const REMINDERS_PER_BATCH = 20

type Settings = Awaited<ReturnType<typeof settingsOf>>

/** Community settings, read once per batch. */
function settingsCache(deps: Deps): (communityId: string) => Promise<Settings> {
  const cache = new Map<string, Promise<Settings>>()
  return (id) => {
    let s = cache.get(id)
    if (!s) cache.set(id, (s = settingsOf(deps.db, id)))
    return s
  }
}

/**
 * One batch of a walk by _id over wishes in `status` whose `field` is older than `MIN_DAYS`: `act` is
 * called for each (answering whether it acted) until `maxActs` acts; the cursor is the last wish looked at.
 */
async function walk(
  deps: Deps,
  cursor: Cursor,
  status: Wish['status'],
  field: 'fulfilledAt' | 'lastProgressAt',
  maxActs: number,
  act: (w: Wish) => Promise<boolean>,
): Promise<{ acted: number; batch: Omit<Batch, 'counts'> }> {
  const _ = deps.db.command
  const after = afterIdOf(cursor)
  const oldest = new Date(deps.now().getTime() - MIN_DAYS * 86400_000)
  const page = await findMany<Wish>(
    deps.db,
    W.wishes,
    { status, ...(after ? { _id: _.gt(after) } : {}), [field]: _.lt(oldest) },
    {
      orderBy: [['_id', 'asc']],
      limit: WISHES_READ_PER_BATCH,
    },
  )
  let acted = 0
  for (let i = 0; i < page.length; i++) {
    if (await act(page[i])) acted++
    if (acted >= maxActs && i < page.length - 1) return { acted, batch: { cursor: { after: page[i]._id }, done: false } }
  }
  if (page.length < WISHES_READ_PER_BATCH) return { acted, batch: { cursor: null, done: true } }
  return { acted, batch: { cursor: { after: page[page.length - 1]._id }, done: false } }
}

export async function autoClose(deps: Deps, cursor: Cursor): Promise<Batch> {
  const now = deps.now()
  const settings = settingsCache(deps)
  const { acted, batch } = await walk(deps, cursor, 'fulfilled', 'fulfilledAt', CLOSES_PER_BATCH, async (w) => {
    const s = await settings(w.communityId)
    if (!w.fulfilledAt || new Date(w.fulfilledAt).getTime() + s.autoCloseDays * 86400_000 > now.getTime()) return false
    try {
      const after = await move(deps, w, 'autoclose', null, { note: `${s.autoCloseDays} 天未确认，自动结束`, set: { closedAt: now } })
      await awardPoints(deps, after)
      return true
    } catch {
      // Someone confirmed it meanwhile: nothing to do.
      return false
    }
  })
  return { counts: { closed: acted }, ...batch }
}

export async function payOwed(deps: Deps, cursor: Cursor): Promise<Batch> {
  const after = afterIdOf(cursor)
  const owed = await findMany<Wish>(
    deps.db,
    W.wishes,
    { pointsPending: true, ...(after ? { _id: deps.db.command.gt(after) } : {}) },
    { orderBy: [['_id', 'asc']], limit: PAYS_PER_BATCH },
  )
  for (const w of owed) await awardPoints(deps, w)
  const done = owed.length < PAYS_PER_BATCH
  return { counts: { retried: owed.length }, cursor: done ? null : { after: owed[owed.length - 1]._id }, done }
}

export async function remindOverdue(deps: Deps, cursor: Cursor): Promise<Batch> {
  const now = deps.now()
  const settings = settingsCache(deps)
  const { acted, batch } = await walk(deps, cursor, 'claimed', 'lastProgressAt', REMINDERS_PER_BATCH, async (w) => {
    const s = await settings(w.communityId)
    const cutoff = now.getTime() - s.overdueDays * 86400_000
    if (!w.claimerId || !w.lastProgressAt || new Date(w.lastProgressAt).getTime() >= cutoff) return false
    if (w.remindedAt && new Date(w.remindedAt).getTime() > cutoff) return false
    // Claimed once: a racing tick finds remindedAt set and sends nothing.
    if ((await updateWhere(deps.db, W.wishes, { _id: w._id, remindedAt: w.remindedAt ? new Date(w.remindedAt) : null }, { remindedAt: now })) !== 1)
      return false
    await notify(deps, w.claimerId, 'reminder', w, { thing1: thing(`心愿待跟进：${w.title}`), thing2: thing('许愿人在等您的消息') })
    return true
  })
  return { counts: { reminded: acted }, ...batch }
}

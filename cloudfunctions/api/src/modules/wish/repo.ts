/**
 * Collections and queries of the wish module. Wish ids are time-ordered (`w` + time + random), so the wall pages
 * newest-first by `_id` on the (communityId, status, _id) indexes.
 */
import type { Wish, WishSettings } from '../../../../../types/wish'
import { DEFAULT_WISH_CATEGORIES } from '../../../../../types/wish'
import { findMany, getById, newId, type Db } from '../../platform/db'

export const W = { wishes: 'wishes', settings: 'wish_settings' } as const

export const newWishId = (now: Date) => 'w' + now.getTime().toString(36).padStart(9, '0') + newId().slice(0, 12)

export const getWish = (db: Db, id: string) => getById<Wish>(db, W.wishes, id)

export async function settingsOf(db: Db, communityId: string): Promise<WishSettings> {
  const s = await getById<WishSettings>(db, W.settings, communityId)
  return s ?? defaultSettings(communityId)
}

/** What applies until the secretary sets the community's settings. */
export const defaultSettings = (communityId: string): WishSettings => ({
  _id: communityId,
  categories: [...DEFAULT_WISH_CATEGORIES],
  autoApprove: false,
  autoCloseDays: 7,
  overdueDays: 7,
})

/**
 * One page of a community's overdue wishes by id (open since before `cutoff`, and claimed without progress
 * since before it): each kind is one indexed read of at most `limit + 1` after the cursor, and the two are
 * merged, so a page costs the same however many wishes are overdue.
 */
export async function overduePage(
  db: Db,
  communityId: string,
  cutoff: Date,
  after: string | undefined,
  limit: number,
): Promise<{ items: Wish[]; nextCursor: string | null }> {
  const _ = db.command
  const read = (filter: object) =>
    findMany<Wish>(db, W.wishes, after ? { ...filter, _id: _.gt(after) } : filter, { orderBy: [['_id', 'asc']], limit: limit + 1 })
  const [open, stale] = await Promise.all([
    read({ communityId, status: 'open', openedAt: _.lt(cutoff) }),
    read({ communityId, status: 'claimed', lastProgressAt: _.lt(cutoff) }),
  ])
  const merged = [...open, ...stale].sort((a, b) => (a._id < b._id ? -1 : 1))
  const items = merged.slice(0, limit)
  return { items, nextCursor: merged.length > limit ? items[items.length - 1]._id : null }
}

/**
 * Collections and queries of the wish module. Wish ids are time-ordered (`w` + time + random), so the wall pages
 * newest-first by `_id` on the (communityId, status, _id) indexes.
 */
import type { Wish, WishSettings } from '../../../../../types/wish'
import { DEFAULT_WISH_CATEGORIES } from '../../../../../types/wish'
import { getById, newId, readAll, type Db } from '../../platform/db'

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
 * The overdue wishes of a community at `now`: open ones older than `overdueDays`, and claimed ones without
 * progress for as long; by id. Bounded (readAll throws past it): a community with thousands overdue needs a
 * paged queue, not this.
 */
export async function overdueWishes(db: Db, communityId: string, now: Date, overdueDays: number): Promise<Wish[]> {
  const _ = db.command
  const cutoff = new Date(now.getTime() - overdueDays * 86400_000)
  const [open, stale] = await Promise.all([
    readAll<Wish>(db, W.wishes, { communityId, status: 'open', openedAt: _.lt(cutoff) }, 2000),
    readAll<Wish>(db, W.wishes, { communityId, status: 'claimed', lastProgressAt: _.lt(cutoff) }, 2000),
  ])
  return [...open, ...stale].sort((a, b) => (a._id < b._id ? -1 : 1))
}

/**
 * Collections of the wish module. Wish ids are time-ordered (`w` + time + random), so the wall pages
 * newest-first by `_id` on the (communityId, status, _id) indexes.
 */
import type { Wish, WishSettings } from '../../../../../types/wish'
import { DEFAULT_WISH_CATEGORIES } from '../../../../../types/wish'
import { getById, newId, type Db } from '../../platform/db'

export const W = { wishes: 'wishes', settings: 'wish_settings' } as const

export const newWishId = (now: Date) => 'w' + now.getTime().toString(36).padStart(9, '0') + newId().slice(0, 12)

export const getWish = (db: Db, id: string) => getById<Wish>(db, W.wishes, id)

export async function settingsOf(db: Db, communityId: string): Promise<WishSettings> {
  const s = await getById<WishSettings>(db, W.settings, communityId)
  return s ?? { _id: communityId, categories: [...DEFAULT_WISH_CATEGORIES], autoApprove: false, autoCloseDays: 7, overdueDays: 7 }
}

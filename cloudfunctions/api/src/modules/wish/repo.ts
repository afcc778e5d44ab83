/**
 * Collections and queries of the wish module. Wish ids are time-ordered (`w` + time + random), so the wall pages
 * newest-first by `_id` on the (communityId, status, _id) indexes.
 */
import type { Wish, WishSettings } from '../../../../../types/wish'
import { DEFAULT_WISH_CATEGORIES } from '../../../../../types/wish'
import { pageAfter, type TimeKey } from '../../platform/batches'
import { getById, newId, type Db } from '../../platform/db'
import { invalid } from '../../platform/errors'

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

/** An overdue page's cursor: `<ms>_<wish id>`, the (waiting since, id) of the last wish shown. */
const OVERDUE_CURSOR = /^(\d{1,15})_(w[0-9a-z]{1,40})$/

/** The cursor as a (time, id) key, or INVALID_INPUT for one this action did not give. */
export function overdueCursor(cursor: string | undefined): TimeKey | null {
  if (cursor === undefined) return null
  const m = OVERDUE_CURSOR.exec(cursor)
  if (!m) throw invalid('翻页参数不正确，请刷新后重试')
  return { at: new Date(Number(m[1])).toISOString(), id: m[2] }
}

/**
 * One page of a community's overdue wishes, longest waiting first: open since before `cutoff` (by openedAt),
 * and claimed without progress since before it (by lastProgressAt), ties by id. Each kind is read from its
 * index in that order (community_status_opened / community_status_progress, ending in _id) after the cursor —
 * at most two reads of `limit + 1` each (platform/batches.ts pageAfter) — and the two are merged, so a page
 * costs the same however many wishes are overdue or claimed.
 */
export async function overduePage(
  db: Db,
  communityId: string,
  cutoff: Date,
  after: TimeKey | null,
  limit: number,
): Promise<{ items: Wish[]; nextCursor: string | null }> {
  const _ = db.command
  const since = (w: Wish) => new Date((w.status === 'open' ? w.openedAt : w.lastProgressAt)!).getTime()
  const [open, stale] = await Promise.all([
    pageAfter<Wish>(db, W.wishes, { communityId, status: 'open' }, 'openedAt', _.lt(cutoff), after, limit + 1),
    pageAfter<Wish>(db, W.wishes, { communityId, status: 'claimed' }, 'lastProgressAt', _.lt(cutoff), after, limit + 1),
  ])
  const merged = [...open, ...stale].sort((a, b) => since(a) - since(b) || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))
  const items = merged.slice(0, limit)
  const last = items[items.length - 1]
  return { items, nextCursor: merged.length > limit ? `${since(last)}_${last._id}` : null }
}

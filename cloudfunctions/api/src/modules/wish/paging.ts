/** One page of wish cards by the time-ordered id (newest first on the wall, oldest first in queues). */
import type { Page } from '../../../../../types/common'
import type { Wish, WishCard } from '../../../../../types/wish'
import { findMany, type Db } from '../../platform/db'
import { invalid } from '../../platform/errors'
import { W } from './repo'
import { isWishCursor } from './rules'
import { cards } from './views'

/** The cursor as given, or INVALID_INPUT for one that is not a wish id. */
export function checkCursor(c: string | undefined): string | undefined {
  if (c !== undefined && !isWishCursor(c)) throw invalid('翻页参数不正确，请刷新后重试')
  return c
}

export async function wishPage(
  db: Db,
  filter: Record<string, unknown>,
  cursor: string | undefined,
  limit: number,
  dir: 'asc' | 'desc' = 'desc',
): Promise<Page<WishCard>> {
  const _ = db.command
  const c = checkCursor(cursor)
  const where = c ? { ...filter, _id: dir === 'desc' ? _.lt(c) : _.gt(c) } : filter
  const docs = await findMany<Wish>(db, W.wishes, where, { orderBy: [['_id', dir]], limit: limit + 1 })
  const items = docs.slice(0, limit)
  return { items: await cards(db, items), nextCursor: docs.length > limit ? items[items.length - 1]._id : null }
}

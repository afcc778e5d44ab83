/**
 * Pages of requests in deadline order: (dueAt, _id) ascending on the *_open_due indexes, with an opaque cursor
 * `<dueAt ms>_<id>` so requests due in the same millisecond are neither lost nor repeated. The deadline order is
 * the queue's order: overdue (red) first, then by time left. Requests waiting on nobody's clock (dueAt null:
 * resolved, waiting for the reporter) are outside every deadline page (`dueAt >= epoch` excludes null).
 */
import type { Page } from '../../../../../types/common'
import type { Request, RequestCard } from '../../../../../types/requests'
import { findMany, type Db } from '../../platform/db'
import { invalid } from '../../platform/errors'
import { RQ } from './repo'
import { cards } from './views'

const CURSOR = /^(\d{1,15})_([A-Za-z0-9_-]{1,64})$/

export function parseCursor(cursor: string | undefined): { at: Date; id: string } | null {
  if (cursor === undefined) return null
  const m = CURSOR.exec(cursor)
  if (!m) throw invalid('翻页参数不正确，请刷新后重试')
  return { at: new Date(Number(m[1])), id: m[2] }
}

/** The epoch: `dueAt >= EPOCH` is every request with a deadline (null never matches a range). */
export const EPOCH = new Date(0)

/** A range of deadlines: from `gte` (EPOCH: every request with a deadline), before `lt` when given. */
export interface DueRange {
  gte: Date
  lt?: Date
}

/** One page of requests matching `filter` with `dueAt` in `due`, by deadline, and its cards. */
export async function duePage(
  db: Db,
  filter: Record<string, unknown>,
  due: DueRange,
  cursor: string | undefined,
  limit: number,
  now: Date,
): Promise<Page<RequestCard>> {
  const { items, nextCursor } = await dueDocs(db, filter, due, cursor, limit)
  return { items: await cards(db, items, now), nextCursor }
}

/**
 * The documents of a deadline page. After a cursor, two reads that are each one index range (as platform/batches.ts
 * pageAfter): the rest of the cursor's millisecond by _id, then the later deadlines — never an `$or`, which an index
 * cannot serve as one range, and one lower bound only (the cursor's, or the range's), so a deep page costs what the
 * first one does.
 */
export async function dueDocs(
  db: Db,
  filter: Record<string, unknown>,
  due: DueRange,
  cursor: string | undefined,
  limit: number,
): Promise<{ items: Request[]; nextCursor: string | null }> {
  const _ = db.command
  const c = parseCursor(cursor)
  const byDeadline = { orderBy: [['dueAt', 'asc'] as [string, 'asc'], ['_id', 'asc'] as [string, 'asc']], limit: limit + 1 }
  const docs: Request[] = []
  if (c) docs.push(...(await findMany<Request>(db, RQ.requests, { ...filter, dueAt: c.at, _id: _.gt(c.id) }, { orderBy: [['_id', 'asc']], limit: limit + 1 })))
  if (docs.length <= limit) {
    const lower = c && c.at.getTime() >= due.gte.getTime() ? _.gt(c.at) : _.gte(due.gte)
    const later = due.lt ? lower.and(_.lt(due.lt)) : lower
    docs.push(...(await findMany<Request>(db, RQ.requests, { ...filter, dueAt: later }, { ...byDeadline, limit: limit + 1 - docs.length })))
  }
  const items = docs.slice(0, limit)
  const last = items[items.length - 1]
  return { items, nextCursor: docs.length > limit ? `${new Date(last.dueAt!).getTime()}_${last._id}` : null }
}

/** One page newest first by the time-ordered id (the reporter's list, a status list). */
export async function newestPage(db: Db, filter: Record<string, unknown>, cursor: string | undefined, limit: number, now: Date): Promise<Page<RequestCard>> {
  const _ = db.command
  if (cursor !== undefined && !/^r[0-9a-z]{9}[0-9a-f]{12}$/.test(cursor)) throw invalid('翻页参数不正确，请刷新后重试')
  const docs = await findMany<Request>(db, RQ.requests, cursor ? { ...filter, _id: _.lt(cursor) } : filter, { orderBy: [['_id', 'desc']], limit: limit + 1 })
  const items = docs.slice(0, limit)
  return { items: await cards(db, items, now), nextCursor: docs.length > limit ? items[items.length - 1]._id : null }
}

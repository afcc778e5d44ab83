/**
 * wish.list — the wish wall: public statuses only, filtered by status, category, compound or building,
 *   newest first, cursor-paged by the time-ordered id.
 * wish.get — one wish with its whole story; contact details only for those who need them.
 *   Outcomes: the detail; NOT_FOUND for an unknown wish or one still in review / rejected / withdrawn
 *   (to anyone but the wisher's side and the secretary).
 * wish.mine — the caller's wishes as wisher (incl. posted for others) or as claimer.
 * wish.reviewQueue (secretary) — wishes waiting for review, oldest first.
 * wish.overdue (secretary) — open wishes older than N days and claimed ones without progress for N days.
 * wish.stats (secretary) — counts, median hours to claim and to fulfil, ratings.
 */
import type { z } from 'zod'
import type { Page } from '../../../../../types/common'
import { WISH_STATUSES, type Wish, type WishCard, type WishGetInput, type WishListInput, type WishMineInput, type WishQueueInput, type WishStats, type WishStatsInput } from '../../../../../types/wish'
import type { UserCtx } from '../../platform/context'
import { findMany, type Db } from '../../platform/db'
import { invalid, notFound } from '../../platform/errors'
import { findAll } from '../org/repo'
import { loadWish } from './core'
import { settingsOf, W } from './repo'
import { median, PUBLIC_STATUSES } from './rules'
import { cards, detail } from './views'

const checkCursor = (c: string | undefined) => {
  if (c !== undefined && !/^w[0-9a-z]{9}[0-9a-f]{12}$/.test(c)) throw invalid('翻页参数不正确，请刷新后重试')
  return c
}

async function page(db: Db, filter: Record<string, unknown>, cursor: string | undefined, limit: number, dir: 'asc' | 'desc' = 'desc'): Promise<Page<WishCard>> {
  const _ = db.command
  const c = checkCursor(cursor)
  const where = c ? { ...filter, _id: dir === 'desc' ? _.lt(c) : _.gt(c) } : filter
  const docs = await findMany<Wish>(db, W.wishes, where, { orderBy: [['_id', dir]], limit: limit + 1 })
  const items = docs.slice(0, limit)
  return { items: await cards(db, items), nextCursor: docs.length > limit ? items[items.length - 1]._id : null }
}

export async function list(ctx: UserCtx, input: z.output<typeof WishListInput>): Promise<Page<WishCard>> {
  const filter: Record<string, unknown> = input.status ? { communityId: input.communityId, status: input.status } : { communityId: input.communityId, onWall: true }
  if (input.category) filter.category = input.category
  if (input.buildingId) filter.buildingId = input.buildingId
  else if (input.compoundId) filter.compoundId = input.compoundId
  return page(ctx.db, filter, input.cursor, input.limit ?? 20)
}

export async function get(ctx: UserCtx, input: z.output<typeof WishGetInput>) {
  const { wish, relations } = await loadWish(ctx, input.communityId, input.wishId)
  const visible = PUBLIC_STATUSES.includes(wish.status) || relations.has('wisher') || relations.has('secretary') || relations.has('claimer')
  if (!visible) throw notFound('这个心愿')
  return detail(ctx.db, wish, ctx.user._id, relations)
}

export async function mine(ctx: UserCtx, input: z.output<typeof WishMineInput>): Promise<Page<WishCard>> {
  const base = { communityId: input.communityId }
  if (input.as === 'wisher') {
    // An or over two indexed fields: fetch each side's page and merge (newest first).
    const [a, b] = await Promise.all([
      page(ctx.db, { ...base, wisherId: ctx.user._id }, input.cursor, input.limit ?? 20),
      page(ctx.db, { ...base, postedById: ctx.user._id, onBehalf: true }, input.cursor, input.limit ?? 20),
    ])
    const merged = [...a.items, ...b.items].sort((x, y) => (x.id < y.id ? 1 : -1))
    const limit = input.limit ?? 20
    const items = merged.filter((w, i) => merged.findIndex((v) => v.id === w.id) === i).slice(0, limit)
    const more = a.nextCursor !== null || b.nextCursor !== null || merged.length > limit
    return { items, nextCursor: more && items.length ? items[items.length - 1].id : null }
  }
  return page(ctx.db, { ...base, claimerId: ctx.user._id }, input.cursor, input.limit ?? 20)
}

export async function reviewQueue(ctx: UserCtx, input: z.output<typeof WishQueueInput>): Promise<Page<WishCard>> {
  return page(ctx.db, { communityId: input.communityId, status: 'under_review' }, input.cursor, input.limit ?? 20, 'asc')
}

/** The overdue wishes of a community at `now`. */
export async function overdueWishes(db: Db, communityId: string, now: Date, overdueDays: number): Promise<Wish[]> {
  const _ = db.command
  const cutoff = new Date(now.getTime() - overdueDays * 86400_000)
  const [open, stale] = await Promise.all([
    findAll<Wish>(db, W.wishes, { communityId, status: 'open', openedAt: _.lt(cutoff) }, 2000),
    findAll<Wish>(db, W.wishes, { communityId, status: 'claimed', lastProgressAt: _.lt(cutoff) }, 2000),
  ])
  return [...open, ...stale].sort((a, b) => (a._id < b._id ? -1 : 1))
}

export async function overdue(ctx: UserCtx, input: z.output<typeof WishQueueInput>): Promise<Page<WishCard>> {
  const settings = await settingsOf(ctx.db, input.communityId)
  const all = await overdueWishes(ctx.db, input.communityId, ctx.now(), settings.overdueDays)
  const c = checkCursor(input.cursor)
  const after = c ? all.filter((w) => w._id > c) : all
  const limit = input.limit ?? 20
  const items = after.slice(0, limit)
  return { items: await cards(ctx.db, items), nextCursor: after.length > limit ? items[items.length - 1]._id : null }
}

export async function stats(ctx: UserCtx, input: z.output<typeof WishStatsInput>): Promise<WishStats> {
  const wishes = await findAll<Wish>(ctx.db, W.wishes, { communityId: input.communityId }, 20000)
  const byStatus = Object.fromEntries(WISH_STATUSES.map((s) => [s, 0])) as WishStats['byStatus']
  const hours = (a: Date | null, b: Date | null) => (a && b ? (new Date(b).getTime() - new Date(a).getTime()) / 3600_000 : null)
  const toClaim: number[] = []
  const toFulfil: number[] = []
  const dist = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 }
  let stars = 0
  let rated = 0
  for (const w of wishes) {
    byStatus[w.status]++
    const c = hours(w.openedAt, w.claimedAt)
    if (c !== null) toClaim.push(c)
    const f = hours(w.openedAt, w.fulfilledAt)
    if (f !== null) toFulfil.push(f)
    if (w.rating) {
      dist[String(w.rating.stars) as keyof typeof dist]++
      stars += w.rating.stars
      rated++
    }
  }
  const settings = await settingsOf(ctx.db, input.communityId)
  const round = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10)
  return {
    byStatus,
    posted: wishes.length,
    medianHoursToClaim: round(median(toClaim)),
    medianHoursToFulfil: round(median(toFulfil)),
    ratings: { count: rated, average: rated ? Math.round((stars / rated) * 10) / 10 : null, distribution: dist },
    overdue: (await overdueWishes(ctx.db, input.communityId, ctx.now(), settings.overdueDays)).length,
  }
}

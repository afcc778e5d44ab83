/**
 * mall.items — the supermarket shelf of a community (active items; secretaries may include withdrawn),
 *   cursor-paged, with how many more the caller may take of each.
 * mall.item — one item. Outcomes: the item; NOT_FOUND for unknown or withdrawn (to non-secretaries).
 * mall.upsertItem (secretary) — create or edit an item; stock changes by a delta (never overwritten, so
 *   sales in between stay counted) and never below zero. Audited.
 */
import type { z } from 'zod'
import type { Page } from '../../../../../types/common'
import type { ItemInput, ItemsInput, ItemView, MallItem, Sponsor, UpsertItemInput } from '../../../../../types/points'
import type { UserCtx } from '../../platform/context'
import { trace } from '../../platform/audit'
import { findMany, getById, newId, type Db } from '../../platform/db'
import { conflict, invalid, notFound } from '../../platform/errors'
import { getCommunity, getMany } from '../org/repo'
import { holdsRole } from '../org/rules'
import { P } from '../points/repo'
import { M } from './repo'
import { remainingUnderLimit } from './rules'
import { itemView } from './views'

async function isSecretary(ctx: UserCtx, communityId: string) {
  const c = await getCommunity(ctx.db, communityId)
  return !!c && holdsRole(ctx.user, c, ['secretary', 'street_admin'])
}

async function views(db: Db, userId: string, items: MallItem[]): Promise<ItemView[]> {
  const [sponsors, quotas] = await Promise.all([
    getMany<Sponsor>(db, P.sponsors, items.map((i) => i.sponsorId).filter((x): x is string => !!x)),
    getMany<{ _id: string; count: number }>(db, M.quotas, items.map((i) => `${i._id}_${userId}`)),
  ])
  return items.map((i) => itemView(i, i.sponsorId ? sponsors.get(i.sponsorId)?.name ?? null : null, remainingUnderLimit(i.perPersonLimit, quotas.get(`${i._id}_${userId}`)?.count ?? 0)))
}

export async function items(ctx: UserCtx, input: z.output<typeof ItemsInput>): Promise<Page<ItemView>> {
  const _ = ctx.db.command
  const all = input.includeInactive && (await isSecretary(ctx, input.communityId))
  const filter: Record<string, unknown> = { communityId: input.communityId }
  if (!all) filter.active = true
  if (input.kind) filter.kind = input.kind
  if (input.cursor) filter._id = _.gt(input.cursor)
  const limit = input.limit ?? 20
  const docs = await findMany<MallItem>(ctx.db, M.items, filter, { orderBy: [['_id', 'asc']], limit: limit + 1 })
  const page = docs.slice(0, limit)
  return { items: await views(ctx.db, ctx.user._id, page), nextCursor: docs.length > limit ? page[page.length - 1]._id : null }
}

export async function item(ctx: UserCtx, input: z.output<typeof ItemInput>): Promise<ItemView> {
  const doc = await getById<MallItem>(ctx.db, M.items, input.itemId)
  if (!doc || doc.communityId !== input.communityId || (!doc.active && !(await isSecretary(ctx, input.communityId)))) throw notFound('这件商品')
  return (await views(ctx.db, ctx.user._id, [doc]))[0]
}

export async function upsertItem(ctx: UserCtx, input: z.output<typeof UpsertItemInput>): Promise<ItemView> {
  const { db } = ctx
  const _ = db.command
  const now = ctx.now()
  if (input.sponsorId) {
    const s = await getById<Sponsor>(db, P.sponsors, input.sponsorId)
    if (!s || s.communityId !== input.communityId) throw notFound('共建单位')
  }
  const fields = {
    name: input.name, kind: input.kind, description: input.description, photos: input.photos, price: input.price,
    perPersonLimit: input.perPersonLimit, pickupPlace: input.pickupPlace, pickupHours: input.pickupHours,
    pickupDays: input.pickupDays, sponsorId: input.sponsorId, active: input.active, updatedAt: now,
  }
  if (!input.itemId) {
    if (input.stockDelta < 0) throw invalid('新商品的库存不能为负数')
    const doc: MallItem & { holds: [] } = { _id: newId('it'), communityId: input.communityId, ...fields, stock: input.stockDelta, createdAt: now, holds: [] }
    await db.collection(M.items).add({ data: doc })
    await trace(ctx, { communityId: input.communityId, resource: { type: 'mall_item', id: doc._id }, after: { ...fields, stock: doc.stock } })
    return (await views(db, ctx.user._id, [doc]))[0]
  }
  const before = await getById<MallItem>(db, M.items, input.itemId)
  if (!before || before.communityId !== input.communityId) throw notFound('这件商品')
  const cond: Record<string, unknown> = { _id: before._id }
  if (input.stockDelta < 0) cond.stock = _.gte(-input.stockDelta)
  const res = (await db
    .collection(M.items)
    .where(cond)
    .update({ data: { ...fields, photos: _.set(input.photos), stock: _.inc(input.stockDelta) } })) as { stats: { updated: number } }
  if (res.stats.updated !== 1) throw conflict('库存不够减这么多')
  const after = (await getById<MallItem>(db, M.items, before._id))!
  const { stock: s0, ...b } = before
  await trace(ctx, { communityId: input.communityId, resource: { type: 'mall_item', id: before._id }, before: { ...b, stock: s0 }, after: { ...fields, stock: after.stock } })
  return (await views(db, ctx.user._id, [after]))[0]
}

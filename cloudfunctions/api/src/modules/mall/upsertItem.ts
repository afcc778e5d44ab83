/**
 * mall.upsertItem (secretary) — create or edit an item of the shelf. Stock changes by a delta (never
 * overwritten, so redemptions in between stay counted) and never below zero. The item and its audit entry
 * (before and after) are one transaction: a redemption that takes stock meanwhile makes it run again on the
 * new stock (snapshot isolation), so the check and the change agree.
 * Outcomes: the item; NOT_FOUND for an unknown item or sponsor of another community; INVALID_INPUT for a new
 * item with negative stock; CONFLICT (SOLD_OUT) when the stock is smaller than the decrease. Nothing changes
 * on failure.
 */
import { UpsertItemInput, type ItemView, type MallItem, type Sponsor } from '../../../../../types/points'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import { recordIn } from '../../platform/audit'
import type { UserCtx } from '../../platform/context'
import { getById, newId, runTx, txGet } from '../../platform/db'
import { conflict, invalid, notFound } from '../../platform/errors'
import { P } from '../points/repo'
import { M } from './repo'
import { itemViews } from './views'

async function upsertItem(ctx: UserCtx, input: ActionInput<'mall.upsertItem'>): Promise<ItemView> {
  const { db } = ctx
  const _ = db.command
  const now = ctx.now()
  if (input.sponsorId) {
    const s = await getById<Sponsor>(db, P.sponsors, input.sponsorId)
    if (!s || s.communityId !== input.communityId) throw notFound('共建单位')
  }
  const fields = {
    name: input.name,
    kind: input.kind,
    description: input.description,
    photos: input.photos,
    price: input.price,
    perPersonLimit: input.perPersonLimit,
    pickupPlace: input.pickupPlace,
    pickupHours: input.pickupHours,
    pickupDays: input.pickupDays,
    sponsorId: input.sponsorId,
    active: input.active,
    updatedAt: now,
  }
  const itemId = input.itemId
  if (!itemId) {
    if (input.stockDelta < 0) throw invalid('新商品的库存不能为负数')
    const doc: MallItem & { holds: [] } = { _id: newId('it'), communityId: input.communityId, ...fields, stock: input.stockDelta, createdAt: now, holds: [] }
    await runTx(db, async (tx) => {
      await tx.collection(M.items).add({ data: doc })
      await recordIn(tx, ctx, {
        communityId: input.communityId,
        resource: { type: 'mall_item', id: doc._id, label: doc.name },
        after: { ...fields, stock: doc.stock },
      })
    })
    return (await itemViews(db, ctx.user._id, [doc]))[0]
  }
  const after = await runTx(db, async (tx) => {
    const before = await txGet<MallItem & { holds?: unknown }>(tx, M.items, itemId)
    if (!before || before.communityId !== input.communityId) throw notFound('这件商品')
    if (before.stock + input.stockDelta < 0) throw conflict(`库存只剩 ${before.stock} 件，不够减这么多`, 'SOLD_OUT')
    await tx
      .collection(M.items)
      .doc(itemId)
      .update({ data: { ...fields, photos: _.set(input.photos), stock: _.inc(input.stockDelta) } })
    const { holds: _holds, ...shown } = before
    const next: MallItem = { ...before, ...fields, stock: before.stock + input.stockDelta }
    await recordIn(tx, ctx, {
      communityId: input.communityId,
      resource: { type: 'mall_item', id: itemId, label: next.name },
      before: shown,
      after: { ...fields, stock: next.stock },
    })
    return next
  })
  return (await itemViews(db, ctx.user._id, [after]))[0]
}

export default defineAction({ name: 'mall.upsertItem', input: UpsertItemInput, access: SECRETARY, writes: true, handler: upsertItem })

/**
 * mall.verify (secretary) — hand over at the counter by pickup code, exactly once: one transaction reads the
 * order, checks it is still reserved, marks it picked up and writes the audit entry. Two counters scanning the
 * same code at once: one commits, the other runs again on the new state and is refused.
 * Outcomes: the order (with the person's masked name); NOT_FOUND for an unknown code; CONFLICT
 * (CODE_EXPIRED) when the code was used, or its order cancelled or expired.
 */
import type { User } from '../../../../../types/org'
import { VerifyInput, type MallItem, type MallOrder, type OrderView } from '../../../../../types/points'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import { recordIn } from '../../platform/audit'
import type { UserCtx } from '../../platform/context'
import { findMany, getById, runTx, txGet } from '../../platform/db'
import { conflict, notFound } from '../../platform/errors'
import { listName } from '../org/rules'
import { M } from './repo'
import { canClose, verifyRefusal } from './rules'
import { orderView } from './views'

async function verify(ctx: UserCtx, input: ActionInput<'mall.verify'>): Promise<OrderView> {
  const { db } = ctx
  const [found] = await findMany<MallOrder>(db, M.orders, { pickupCode: input.code, communityId: input.communityId }, { limit: 1 })
  if (!found) throw notFound('这个取货码')
  const now = ctx.now()
  const [person, item] = await Promise.all([getById<User>(db, 'users', found.userId), getById<MallItem>(db, M.items, found.itemId)])
  const userName = listName(person ?? { realName: null, nickname: '' })
  const order = await runTx(db, async (tx) => {
    const o = await txGet<MallOrder>(tx, M.orders, found._id)
    if (!o) throw notFound('这个取货码')
    if (!canClose(o)) throw conflict(verifyRefusal(o) ?? '这个取货码已经核销过了', 'CODE_EXPIRED')
    const change = { status: 'picked_up' as const, closedAt: now, verifiedBy: ctx.user._id }
    await tx.collection(M.orders).doc(o._id).update({ data: change })
    await recordIn(tx, ctx, {
      communityId: input.communityId,
      resource: { type: 'mall_order', id: o._id, label: `${o.itemName}（${userName}）` },
      before: { status: o.status },
      after: { status: 'picked_up' },
    })
    return { ...o, ...change }
  })
  return orderView(order, item, userName)
}

export default defineAction({ name: 'mall.verify', input: VerifyInput, access: SECRETARY, writes: true, handler: verify })

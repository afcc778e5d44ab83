/**
 * TRANSITIONAL: the old three tables (handlers here, access in permissions.ts, inputs in types/api.ts) for the
 * actions not yet moved to their own file with one declaration (platform/action.ts). Each area's move
 * deletes its lines here and in permissions.ts; when none are left, this file and permissions.ts go.
 */
import type { z } from 'zod'
import type { ActionName, ActionOutput } from '../../../types/api'
import type { Ctx, UserCtx } from './platform/context'
import { balance, statement } from './modules/points/account'
import { grant } from './modules/points/grant'
import { report } from './modules/points/report'
import { rules, setExpiry, setRule } from './modules/points/settings'
import { fundSponsor, setSponsor, sponsors } from './modules/points/sponsors'
import { item, items, upsertItem } from './modules/mall/items'
import { cancel, myOrders, order, orders, pickupQr, verify } from './modules/mall/orders'
import { redeem } from './modules/mall/redeem'
import { claim, dispatch, release, remind } from './modules/wish/claim'
import { confirm, withdraw } from './modules/wish/close'
import { create } from './modules/wish/create'
import { get, list, mine, overdue, reviewQueue, stats } from './modules/wish/queries'
import { review } from './modules/wish/review'
import { setSettings, settings } from './modules/wish/settings'
import { fulfil, progress } from './modules/wish/work'

import { actionInputs as inputs } from '../../../types/api'
import { permissions, READ_ONLY } from './permissions'
import type { ActionDef } from './platform/action'

type Input<A extends ActionName> = z.output<(typeof inputs)[A]>
/** Actions open to a caller without a profile get Ctx; all others get a UserCtx. */
export type Handler<A extends ActionName> = (ctx: UserCtx, input: Input<A>) => Promise<ActionOutput<A>>

export const handlers: { readonly [A in LegacyAction]?: Handler<A> } = {
  'points.balance': balance,
  'points.statement': statement,
  'points.rules': rules,
  'points.setRule': setRule,
  'points.setExpiry': setExpiry,
  'points.grant': grant,
  'points.sponsors': sponsors,
  'points.setSponsor': setSponsor,
  'points.fundSponsor': fundSponsor,
  'points.report': report,
  'mall.items': items,
  'mall.item': item,
  'mall.upsertItem': upsertItem,
  'mall.redeem': redeem,
  'mall.cancel': cancel,
  'mall.order': order,
  'mall.pickupQr': pickupQr,
  'mall.myOrders': myOrders,
  'mall.verify': verify,
  'mall.orders': orders,
  'wish.create': create,
  'wish.list': list,
  'wish.get': get,
  'wish.mine': mine,
  'wish.review': review,
  'wish.reviewQueue': reviewQueue,
  'wish.claim': claim,
  'wish.remind': remind,
  'wish.dispatch': dispatch,
  'wish.release': release,
  'wish.progress': progress,
  'wish.fulfil': fulfil,
  'wish.confirm': confirm,
  'wish.withdraw': withdraw,
  'wish.overdue': overdue,
  'wish.stats': stats,
  'wish.settings': settings,
  'wish.setSettings': setSettings,
}

export type LegacyAction = ActionName

/** A declaration assembled from the old tables. */
export function legacy<A extends ActionName>(name: A): Promise<{ default: ActionDef<A> }> {
  const handler = handlers[name]
  if (!handler) throw new Error(`no legacy handler for ${name}`)
  const def = { name, input: inputs[name], access: permissions[name], writes: !READ_ONLY.has(name), handler } as unknown as ActionDef<A>
  return Promise.resolve({ default: def })
}

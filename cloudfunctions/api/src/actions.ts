/**
 * The action registry: every action's declaration, by name, loaded on its first call. An action `area.verb`
 * lives in `modules/<area>/<verb>.ts`, whose default export is its declaration (platform/action.ts: input
 * schema, access, writes, handler). Typed over every action of the contract (types/api.ts), so none can be
 * missing and each file's declaration must be for its own name.
 *
 * Loading on demand keeps a cold start small: esbuild turns each `import()` into a lazily initialised module
 * in the one-file bundle, so the first request builds only its own area's schemas and code.
 */
import type { ActionName } from '../../../types/api'
import type { ActionDef } from './platform/action'

export type Registry = { readonly [A in ActionName]: () => Promise<{ default: ActionDef<A> }> }

export const actions: Registry = {
  'org.login': () => import('./modules/org/login'),
  'org.me': () => import('./modules/org/me'),
  'org.updateProfile': () => import('./modules/org/updateProfile'),
  'org.communities': () => import('./modules/org/communities'),
  'org.tree': () => import('./modules/org/tree'),
  'org.households': () => import('./modules/org/households'),
  'org.assignRole': () => import('./modules/org/assignRole'),
  'org.revokeRole': () => import('./modules/org/revokeRole'),
  'org.members': () => import('./modules/org/members'),
  'org.member': () => import('./modules/org/member'),
  'org.setProxy': () => import('./modules/org/setProxy'),
  'org.audit': () => import('./modules/org/audit'),
  'org.householdQueue': () => import('./modules/org/householdQueue'),
  'org.confirmHousehold': () => import('./modules/org/confirmHousehold'),
  'org.subscribed': () => import('./modules/org/subscribed'),
  'org.undelivered': () => import('./modules/org/undelivered'),
  'org.street': () => import('./modules/org/street'),
  'points.balance': () => import('./modules/points/balance'),
  'points.statement': () => import('./modules/points/statement'),
  'points.rules': () => import('./modules/points/rules'),
  'points.setRule': () => import('./modules/points/setRule'),
  'points.setExpiry': () => import('./modules/points/setExpiry'),
  'points.grant': () => import('./modules/points/grant'),
  'points.sponsors': () => import('./modules/points/sponsors'),
  'points.setSponsor': () => import('./modules/points/setSponsor'),
  'points.fundSponsor': () => import('./modules/points/fundSponsor'),
  'points.report': () => import('./modules/points/report'),
  'mall.items': () => import('./modules/mall/items'),
  'mall.item': () => import('./modules/mall/item'),
  'mall.upsertItem': () => import('./modules/mall/upsertItem'),
  'mall.redeem': () => import('./modules/mall/redeem'),
  'mall.cancel': () => import('./modules/mall/cancel'),
  'mall.order': () => import('./modules/mall/order'),
  'mall.pickupQr': () => import('./modules/mall/pickupQr'),
  'mall.myOrders': () => import('./modules/mall/myOrders'),
  'mall.verify': () => import('./modules/mall/verify'),
  'mall.orders': () => import('./modules/mall/orders'),
  'wish.create': () => import('./modules/wish/create'),
  'wish.list': () => import('./modules/wish/list'),
  'wish.get': () => import('./modules/wish/get'),
  'wish.mine': () => import('./modules/wish/mine'),
  'wish.review': () => import('./modules/wish/review'),
  'wish.reviewQueue': () => import('./modules/wish/reviewQueue'),
  'wish.claim': () => import('./modules/wish/claim'),
  'wish.remind': () => import('./modules/wish/remind'),
  'wish.dispatch': () => import('./modules/wish/dispatch'),
  'wish.release': () => import('./modules/wish/release'),
  'wish.progress': () => import('./modules/wish/progress'),
  'wish.fulfil': () => import('./modules/wish/fulfil'),
  'wish.confirm': () => import('./modules/wish/confirm'),
  'wish.withdraw': () => import('./modules/wish/withdraw'),
  'wish.overdue': () => import('./modules/wish/overdue'),
  'wish.stats': () => import('./modules/wish/stats'),
  'wish.settings': () => import('./modules/wish/settings'),
  'wish.setSettings': () => import('./modules/wish/setSettings'),
  'party.registerCode': () => import('./modules/party/registerCode'),
  'party.resolveScene': () => import('./modules/party/resolveScene'),
  'party.register': () => import('./modules/party/register'),
  'party.myRegistration': () => import('./modules/party/myRegistration'),
  'party.review': () => import('./modules/party/review'),
  'party.members': () => import('./modules/party/members'),
  'party.pledge': () => import('./modules/party/pledge'),
  'party.pledgeDone': () => import('./modules/party/pledgeDone'),
  'post.list': () => import('./modules/post/list'),
  'post.upsert': () => import('./modules/post/upsert'),
  'post.claim': () => import('./modules/post/claim'),
  'post.leave': () => import('./modules/post/leave'),
  'pair.assign': () => import('./modules/pair/assign'),
  'pair.mine': () => import('./modules/pair/mine'),
  'pair.list': () => import('./modules/pair/list'),
  'pair.logVisit': () => import('./modules/pair/logVisit'),
  'pair.settings': () => import('./modules/pair/settings'),
  'pair.setSettings': () => import('./modules/pair/setSettings'),
  'activity.list': () => import('./modules/activity/list'),
  'activity.get': () => import('./modules/activity/get'),
  'activity.upsert': () => import('./modules/activity/upsert'),
  'activity.cancel': () => import('./modules/activity/cancel'),
  'activity.signUp': () => import('./modules/activity/signUp'),
  'activity.withdraw': () => import('./modules/activity/withdraw'),
  'activity.checkinCode': () => import('./modules/activity/checkinCode'),
  'activity.checkin': () => import('./modules/activity/checkin'),
  'activity.checkout': () => import('./modules/activity/checkout'),
  'activity.confirmHours': () => import('./modules/activity/confirmHours'),
  'party.record': () => import('./modules/party/record'),
  'party.report': () => import('./modules/party/report'),
  'party.coverage': () => import('./modules/party/coverage'),
}

/** The declaration of one action. */
export async function loadAction<A extends ActionName>(name: A): Promise<ActionDef<A>> {
  return (await actions[name]()).default as ActionDef<A>
}

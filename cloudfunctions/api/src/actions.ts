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
  'points.balance': () => import('./legacy').then((m) => m.legacy('points.balance')),
  'points.statement': () => import('./legacy').then((m) => m.legacy('points.statement')),
  'points.rules': () => import('./legacy').then((m) => m.legacy('points.rules')),
  'points.setRule': () => import('./legacy').then((m) => m.legacy('points.setRule')),
  'points.setExpiry': () => import('./legacy').then((m) => m.legacy('points.setExpiry')),
  'points.grant': () => import('./legacy').then((m) => m.legacy('points.grant')),
  'points.sponsors': () => import('./legacy').then((m) => m.legacy('points.sponsors')),
  'points.setSponsor': () => import('./legacy').then((m) => m.legacy('points.setSponsor')),
  'points.fundSponsor': () => import('./legacy').then((m) => m.legacy('points.fundSponsor')),
  'points.report': () => import('./legacy').then((m) => m.legacy('points.report')),
  'mall.items': () => import('./legacy').then((m) => m.legacy('mall.items')),
  'mall.item': () => import('./legacy').then((m) => m.legacy('mall.item')),
  'mall.upsertItem': () => import('./legacy').then((m) => m.legacy('mall.upsertItem')),
  'mall.redeem': () => import('./legacy').then((m) => m.legacy('mall.redeem')),
  'mall.cancel': () => import('./legacy').then((m) => m.legacy('mall.cancel')),
  'mall.order': () => import('./legacy').then((m) => m.legacy('mall.order')),
  'mall.pickupQr': () => import('./legacy').then((m) => m.legacy('mall.pickupQr')),
  'mall.myOrders': () => import('./legacy').then((m) => m.legacy('mall.myOrders')),
  'mall.verify': () => import('./legacy').then((m) => m.legacy('mall.verify')),
  'mall.orders': () => import('./legacy').then((m) => m.legacy('mall.orders')),
  'wish.create': () => import('./legacy').then((m) => m.legacy('wish.create')),
  'wish.list': () => import('./legacy').then((m) => m.legacy('wish.list')),
  'wish.get': () => import('./legacy').then((m) => m.legacy('wish.get')),
  'wish.mine': () => import('./legacy').then((m) => m.legacy('wish.mine')),
  'wish.review': () => import('./legacy').then((m) => m.legacy('wish.review')),
  'wish.reviewQueue': () => import('./legacy').then((m) => m.legacy('wish.reviewQueue')),
  'wish.claim': () => import('./legacy').then((m) => m.legacy('wish.claim')),
  'wish.remind': () => import('./legacy').then((m) => m.legacy('wish.remind')),
  'wish.dispatch': () => import('./legacy').then((m) => m.legacy('wish.dispatch')),
  'wish.release': () => import('./legacy').then((m) => m.legacy('wish.release')),
  'wish.progress': () => import('./legacy').then((m) => m.legacy('wish.progress')),
  'wish.fulfil': () => import('./legacy').then((m) => m.legacy('wish.fulfil')),
  'wish.confirm': () => import('./legacy').then((m) => m.legacy('wish.confirm')),
  'wish.withdraw': () => import('./legacy').then((m) => m.legacy('wish.withdraw')),
  'wish.overdue': () => import('./legacy').then((m) => m.legacy('wish.overdue')),
  'wish.stats': () => import('./legacy').then((m) => m.legacy('wish.stats')),
  'wish.settings': () => import('./legacy').then((m) => m.legacy('wish.settings')),
  'wish.setSettings': () => import('./legacy').then((m) => m.legacy('wish.setSettings')),
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

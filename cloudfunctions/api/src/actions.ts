/**
 * The action table: every action's handler, by name. Inputs come from types/api.ts, access from
 * permissions.ts; the router joins the three. Typed over every action, so none can be forgotten.
 */
import type { z } from 'zod'
import type { ActionName, ActionOutput, actionInputs } from '../../../types/api'
import type { Ctx, UserCtx } from './platform/context'
import { auditList } from './modules/org/auditList'
import { communities, households, tree } from './modules/org/communities'
import { login } from './modules/org/login'
import { me } from './modules/org/me'
import { member, members } from './modules/org/members'
import { assignRole, revokeRole } from './modules/org/roles'
import { setProxy } from './modules/org/setProxy'
import { confirmHousehold, householdQueue } from './modules/org/households'
import { updateProfile } from './modules/org/updateProfile'
import { subscribed } from './modules/messages/subscribed'
import { undelivered } from './modules/messages/undelivered'
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
import * as registration from './modules/party/registration'
import * as posts from './modules/party/posts'
import * as pairs from './modules/party/pairs'
import * as activities from './modules/party/activities'
import * as checkin from './modules/party/checkin'
import * as record from './modules/party/record'

type Input<A extends ActionName> = z.output<(typeof actionInputs)[A]>
/** Actions open to a caller without a profile get Ctx; all others get a UserCtx. */
export type Handler<A extends ActionName> = (ctx: UserCtx, input: Input<A>) => Promise<ActionOutput<A>>

export const handlers: { readonly [A in ActionName]: Handler<A> } = {
  'org.login': (ctx: Ctx, input) => login(ctx, input),
  'org.me': me,
  'org.updateProfile': updateProfile,
  'org.communities': communities,
  'org.tree': tree,
  'org.households': households,
  'org.assignRole': assignRole,
  'org.revokeRole': revokeRole,
  'org.members': members,
  'org.member': member,
  'org.setProxy': setProxy,
  'org.audit': auditList,
  'org.householdQueue': householdQueue,
  'org.confirmHousehold': confirmHousehold,
  'org.subscribed': subscribed,
  'org.undelivered': undelivered,
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
  'party.registerCode': registration.registerCode,
  'party.resolveScene': registration.resolveScene,
  'party.register': registration.register,
  'party.myRegistration': registration.myRegistration,
  'party.review': registration.review,
  'party.members': registration.members,
  'party.pledge': registration.pledge,
  'party.pledgeDone': registration.pledgeDone,
  'post.list': posts.list,
  'post.upsert': posts.upsert,
  'post.claim': posts.claim,
  'post.leave': posts.leave,
  'pair.assign': pairs.assign,
  'pair.mine': pairs.mine,
  'pair.list': pairs.list,
  'pair.logVisit': pairs.logVisit,
  'pair.settings': pairs.settings,
  'pair.setSettings': pairs.setSettings,
  'activity.list': activities.list,
  'activity.get': activities.get,
  'activity.upsert': activities.upsert,
  'activity.cancel': activities.cancel,
  'activity.signUp': activities.signUp,
  'activity.withdraw': activities.withdraw,
  'activity.checkinCode': checkin.checkinCode,
  'activity.checkin': checkin.checkin,
  'activity.checkout': checkin.checkout,
  'activity.confirmHours': checkin.confirmHours,
  'party.record': record.record,
  'party.report': record.report,
  'party.coverage': record.coverage,
}

/**
 * The one permission table: for every action, who may call it. Default-deny: an action missing here
 * does not compile (the table is typed over every action name), and the router refuses what it
 * does not list. Finer rules (e.g. a building head acting only for residents of their building) are
 * predicates in each module's rules.ts, used by the commands.
 *
 *   wechat — anyone WeChat identifies (has an OPENID), even before they have a profile
 *   user   — a registered person
 *   member — holds any role in the community named by the input's `communityId` (lives or serves there)
 *   roles  — holds one of these roles in the community named by the input's `communityId`
 *            (a street admin holds street_admin in every community of their street)
 */
import type { ActionName } from '../../../types/api'
import type { Role } from '../../../types/common'

export type Access = { who: 'wechat' } | { who: 'user' } | { who: 'member' } | { who: 'roles'; roles: readonly Role[] }

const wechat: Access = { who: 'wechat' }
const user: Access = { who: 'user' }
const member: Access = { who: 'member' }
const roles = (...r: Role[]): Access => ({ who: 'roles', roles: r })

const SECRETARY = roles('secretary', 'street_admin')

export const permissions: { readonly [A in ActionName]?: Access } = {
  'points.balance': member,
  'points.statement': member,
  'points.rules': member,
  'points.setRule': SECRETARY,
  'points.setExpiry': SECRETARY,
  'points.grant': SECRETARY,
  'points.sponsors': SECRETARY,
  'points.setSponsor': SECRETARY,
  'points.fundSponsor': SECRETARY,
  'points.report': SECRETARY,
  'mall.items': member,
  'mall.item': member,
  'mall.upsertItem': SECRETARY,
  'mall.redeem': member,
  'mall.cancel': member,
  'mall.order': member,
  'mall.pickupQr': member,
  'mall.myOrders': member,
  'mall.verify': SECRETARY,
  'mall.orders': SECRETARY,
  // Wishes: who may move a wish is the state machine's table (modules/wish/rules.ts); here, who may ask.
  'wish.create': member,
  'wish.list': member,
  'wish.get': member,
  'wish.mine': member,
  'wish.review': SECRETARY,
  'wish.reviewQueue': SECRETARY,
  'wish.claim': roles('party_member', 'volunteer'),
  'wish.remind': SECRETARY,
  'wish.dispatch': SECRETARY,
  'wish.release': member,
  'wish.progress': member,
  'wish.fulfil': member,
  'wish.confirm': member,
  'wish.withdraw': member,
  'wish.overdue': SECRETARY,
  'wish.stats': SECRETARY,
  'wish.settings': member,
  'wish.setSettings': SECRETARY,
}

/** Actions that only read: exempt from the write rate limit. */
export const READ_ONLY: ReadonlySet<ActionName> = new Set<ActionName>([
  'points.balance',
  'points.statement',
  'points.rules',
  'points.sponsors',
  'points.report',
  'mall.items',
  'mall.item',
  'mall.myOrders',
  'mall.pickupQr',
  'mall.order',
  'mall.orders',
  'wish.list',
  'wish.get',
  'wish.mine',
  'wish.reviewQueue',
  'wish.overdue',
  'wish.stats',
  'wish.settings',
])

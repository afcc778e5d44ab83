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
  // Party: organisers are checked by the commands (secretary, or the member who published the activity);
  // party.coverage is checked against the caller's street_admin grant for the street asked about.
  'party.registerCode': SECRETARY,
  'party.resolveScene': user,
  'party.register': user,
  'party.myRegistration': user,
  'party.review': SECRETARY,
  'party.members': SECRETARY,
  'party.pledge': member,
  'party.pledgeDone': member,
  'post.list': member,
  'post.upsert': SECRETARY,
  'post.claim': roles('party_member'),
  'post.leave': member,
  'pair.assign': SECRETARY,
  'pair.mine': member,
  'pair.list': SECRETARY,
  'pair.logVisit': member,
  'pair.settings': SECRETARY,
  'pair.setSettings': SECRETARY,
  'activity.list': member,
  'activity.get': member,
  'activity.upsert': member,
  'activity.cancel': member,
  'activity.signUp': roles('party_member', 'volunteer'),
  'activity.withdraw': member,
  'activity.checkinCode': member,
  'activity.checkin': member,
  'activity.checkout': member,
  'activity.confirmHours': member,
  'party.record': member,
  'party.report': SECRETARY,
  'party.coverage': user,
}

/** Actions that only read: exempt from the write rate limit. */
export const READ_ONLY: ReadonlySet<ActionName> = new Set<ActionName>([
  'party.resolveScene',
  'party.myRegistration',
  'party.members',
  'post.list',
  'pair.mine',
  'pair.list',
  'pair.settings',
  'activity.list',
  'activity.get',
  'activity.checkinCode',
  'party.record',
  'party.report',
  'party.coverage',
])

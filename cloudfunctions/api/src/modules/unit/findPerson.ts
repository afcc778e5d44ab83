/**
 * unit.findPerson — the secretary (or, for a street department, the street admin) finds the person to appoint as
 * a unit's staff by their whole mobile number: the property company's manager or a department's clerk, who
 * usually does not live in the community and so is not in the member search.
 *
 * Why a phone number and not an invite code: the number on a profile is the one WeChat verified (org.updateProfile
 * takes only a getPhoneNumber code, never a typed number), the secretary already has the staff member's number,
 * and it needs nothing from that person but to have opened the mini-program once — an invite code would need its
 * own collection, a redeem step on the other side and would work for whoever got hold of it.
 * Why it stays safe: exact match on all 11 digits only (never a partial search that lists people), only for a unit
 * the caller may staff (the same rule as unit.setStaff), masked names only (the caller typed the number), offline
 * residents never (they cannot sign in), at most 5, under the write rate limit, and every lookup is in the audit log
 * (trace: who looked, for which unit, the number masked, how many were found). The appointment itself is
 * unit.setStaff, audited as before.
 * Outcomes: { people }; NOT_FOUND for a unit that does not serve this community; FORBIDDEN for a secretary looking
 * for a street department's staff; INVALID_INPUT for anything but a whole mobile number.
 */
import type { User } from '../../../../../types/org'
import { UnitFindPersonInput, type FoundPerson } from '../../../../../types/requests'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import { trace } from '../../platform/audit'
import type { UserCtx } from '../../platform/context'
import { findMany } from '../../platform/db'
import { forbidden, notFound } from '../../platform/errors'
import { getCommunity } from '../org/repo'
import { holdsRole, listName } from '../org/rules'
import { getUnit } from '../request/repo'
import { servesCommunity, U } from './repo'

const MAX_FOUND = 5

async function findPerson(ctx: UserCtx, input: ActionInput<'unit.findPerson'>): Promise<{ people: FoundPerson[] }> {
  const { db } = ctx
  const [community, unit] = await Promise.all([getCommunity(db, input.communityId), getUnit(db, input.unitId)])
  if (!community) throw notFound('社区')
  if (!unit || !servesCommunity(unit, community)) throw notFound('这个单位')
  if (unit.communityId === null && !holdsRole(ctx.user, community, ['street_admin'])) throw forbidden('街道科室的工作人员由街道管理员设置')
  // Served by the users index `phone`.
  const found = (await findMany<User>(db, U.users, { phone: input.phone }, { limit: MAX_FOUND + 5 })).filter((u) => !u.offline).slice(0, MAX_FOUND)
  await trace(ctx, {
    communityId: unit.communityId ?? unit.streetId,
    resource: { type: 'unit', id: unit._id, label: unit.name },
    after: { phone: `${input.phone.slice(0, 3)}****${input.phone.slice(7)}`, matches: found.length },
  })
  return {
    people: found.map((u) => ({
      userId: u._id,
      name: listName(u),
      staff: u.roles.some((g) => g.role === 'unit_staff' && g.unitId === unit._id),
    })),
  }
}

export default defineAction({ name: 'unit.findPerson', input: UnitFindPersonInput, access: SECRETARY, writes: true, handler: findPerson })

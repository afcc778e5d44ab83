/**
 * unit.setStaff — appoint a person as staff of a unit (they sign in and see the unit's queue), or take them
 * off it. The secretary appoints the staff of the community's own units, the street admin those of the
 * street's departments. The grant is `unit_staff` naming the unit (RoleGrant.unitId), held in the unit's
 * community or, for a street department, at the street (like street_admin), made through org's grantInTx /
 * revokeInTx (with its own audit entry on the person) in ONE transaction with the unit's audit entry (its
 * staff, masked, before and after). Staff need not live in the community (a property company's staff rarely
 * do); they must have a profile and WeChat (not an offline resident).
 * Outcomes: UnitView; NOT_FOUND for a unit that does not serve this community or an unknown person;
 * FORBIDDEN for a secretary appointing to a street department; INVALID_INPUT for an offline resident;
 * CONFLICT when the person already is (or is not) staff of the unit.
 */
import { UnitSetStaffInput, type UnitView } from '../../../../../types/requests'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import { recordIn } from '../../platform/audit'
import type { UserCtx } from '../../platform/context'
import { runTx } from '../../platform/db'
import { conflict, forbidden, invalid, notFound } from '../../platform/errors'
import { grantInTx, revokeInTx } from '../org/grants'
import { getCommunity, getUser } from '../org/repo'
import { holdsRole, listName } from '../org/rules'
import { getUnit } from '../request/repo'
import { servesCommunity, staffOfUnits, staffScopeOf } from './repo'
import { unitView } from './views'

async function setStaff(ctx: UserCtx, input: ActionInput<'unit.setStaff'>): Promise<UnitView> {
  const { db } = ctx
  const [community, unit, person] = await Promise.all([getCommunity(db, input.communityId), getUnit(db, input.unitId), getUser(db, input.userId)])
  if (!community) throw notFound('社区')
  if (!unit || !servesCommunity(unit, community)) throw notFound('这个单位')
  if (unit.communityId === null && !holdsRole(ctx.user, community, ['street_admin'])) throw forbidden('街道科室的工作人员由街道管理员设置')
  if (!person) throw notFound('这位居民')
  if (input.staff && person.offline) throw invalid('单位工作人员需要用微信登录小程序，请选择能用手机的人')

  const grant = { communityId: staffScopeOf(unit), role: 'unit_staff' as const, unitId: unit._id }
  const names = (people: { _id: string; realName: string | null; nickname: string }[]) => people.map((p) => listName(p)).sort()
  const current = (await staffOfUnits(db, [unit._id])).get(unit._id) ?? []
  await runTx(db, async (tx) => {
    const changed = input.staff ? await grantInTx(tx, ctx, person._id, grant) : await revokeInTx(tx, ctx, person._id, grant)
    if (!changed) throw conflict(input.staff ? '这位已经是这个单位的工作人员了' : '这位不是这个单位的工作人员')
    const others = current.filter((p) => p._id !== person._id)
    await recordIn(tx, ctx, {
      communityId: grant.communityId,
      resource: { type: 'unit', id: unit._id, label: unit.name },
      before: { staff: names(current) },
      after: { staff: names(input.staff ? [...others, person] : others) },
    })
  })
  const staff = (await staffOfUnits(db, [unit._id])).get(unit._id) ?? []
  return unitView(unit, staff, true)
}

export default defineAction({ name: 'unit.setStaff', input: UnitSetStaffInput, access: SECRETARY, writes: true, handler: setStaff })

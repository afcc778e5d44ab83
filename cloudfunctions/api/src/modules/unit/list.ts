/**
 * unit.list — the units that act on the community's requests: its own (property company, partner units) and
 * its street's departments, each with its staff and its on-time rate (from the unit's running counters, never
 * a recount). For the community's people (any role here, or the street admin) and the staff of units serving
 * it. Staff names are full for the secretary and the street admin, masked for everyone else.
 * Outcomes: UnitView[] (street departments last, each group by name); NOT_FOUND for an unknown community;
 * FORBIDDEN for anyone else.
 */
import { UnitListInput, type UnitView } from '../../../../../types/requests'
import { defineAction, user, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { forbidden, notFound } from '../../platform/errors'
import { getCommunity } from '../org/repo'
import { holdsRole, isMemberOf } from '../org/rules'
import { unitsFor } from '../request/repo'
import { staffOfUnits } from './repo'
import { unitView } from './views'

async function list(ctx: UserCtx, input: ActionInput<'unit.list'>): Promise<UnitView[]> {
  const community = await getCommunity(ctx.db, input.communityId)
  if (!community) throw notFound('社区')
  if (!isMemberOf(ctx.user, community) && !holdsRole(ctx.user, community, ['unit_staff'])) throw forbidden('只有本社区的居民和工作人员可以查看责任单位')
  const units = await unitsFor(ctx.db, community)
  const staff = await staffOfUnits(
    ctx.db,
    units.map((u) => u._id),
  )
  const full = holdsRole(ctx.user, community, ['secretary', 'street_admin'])
  return units
    .sort((a, b) => Number(a.communityId === null) - Number(b.communityId === null) || a.name.localeCompare(b.name, 'zh-Hans-CN'))
    .map((u) => unitView(u, staff.get(u._id) ?? [], full))
}

export default defineAction({ name: 'unit.list', input: UnitListInput, access: user, writes: false, handler: list })

/**
 * org.households — the doors of one building, for choosing "my home" (我的门牌).
 * Outcomes: HouseholdOption[] ordered by unit and room; NOT_FOUND for an unknown building.
 */
import { HouseholdsInput, type Building, type Household, type HouseholdOption } from '../../../../../types/org'
import { defineAction, user, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { getById, readAll } from '../../platform/db'
import { notFound } from '../../platform/errors'
import { C } from './repo'

async function households(ctx: UserCtx, input: ActionInput<'org.households'>): Promise<HouseholdOption[]> {
  const building = await getById<Building>(ctx.db, C.buildings, input.buildingId)
  if (!building) throw notFound('楼栋')
  const list = await readAll<Household>(ctx.db, C.households, { buildingId: building._id })
  return list
    .sort((a, b) => a.unit - b.unit || a.room.localeCompare(b.room, 'zh-Hans-CN', { numeric: true }))
    .map((h) => ({ id: h._id, unit: h.unit, room: h.room, label: `${h.unit}单元 ${h.room}` }))
}

export default defineAction({ name: 'org.households', input: HouseholdsInput, access: user, writes: false, handler: households })

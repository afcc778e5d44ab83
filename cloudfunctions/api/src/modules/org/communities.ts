/**
 * org.communities — the communities people can choose from, with their street. Outcome: CommunityView[].
 * org.tree — one community's compounds with buildings, grids (with the grid worker's masked name) and
 * partner units. Outcomes: TreeView; NOT_FOUND for an unknown community.
 */
import type { z } from 'zod'
import type { Building, Community, CommunityView, Household, HouseholdOption, HouseholdsInput, Street, TreeInput, TreeView, User } from '../../../../../types/org'
import { getById } from '../../platform/db'
import type { UserCtx } from '../../platform/context'
import { notFound } from '../../platform/errors'
import { C, communityTree, findAll, getCommunity, getMany, getStreet } from './repo'
import { listName } from './rules'

function communityView(c: Community, street: Street | null | undefined): CommunityView {
  return {
    id: c._id,
    name: c.name,
    address: c.address,
    streetId: c.streetId,
    streetName: street?.name ?? '',
    householdCount: c.householdCount,
    population: c.population,
  }
}

export async function communities(ctx: UserCtx): Promise<CommunityView[]> {
  const list = await findAll<Community>(ctx.db, C.communities, {})
  const streets = await getMany<Street>(ctx.db, C.streets, list.map((c) => c.streetId))
  return list.map((c) => communityView(c, streets.get(c.streetId)))
}

export async function tree(ctx: UserCtx, input: z.output<typeof TreeInput>): Promise<TreeView> {
  const community = await getCommunity(ctx.db, input.communityId)
  if (!community) throw notFound('社区')
  const [street, parts] = await Promise.all([getStreet(ctx.db, community.streetId), communityTree(ctx.db, community._id)])
  const workers = await getMany<User>(ctx.db, C.users, parts.grids.map((g) => g.workerId).filter((x): x is string => !!x))
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'zh-Hans-CN', { numeric: true })
  return {
    community: communityView(community, street),
    compounds: parts.compounds.sort(byName).map((cp) => ({
      id: cp._id,
      name: cp.name,
      address: cp.address,
      gridId: cp.gridId,
      buildings: parts.buildings
        .filter((b) => b.compoundId === cp._id)
        .sort(byName)
        .map((b) => ({ id: b._id, name: b.name, units: b.units })),
    })),
    grids: parts.grids.map((g) => {
      const w = g.workerId ? workers.get(g.workerId) : undefined
      return { id: g._id, name: g.name, compoundIds: g.compoundIds, workerName: w ? listName(w) : null }
    }),
    partnerUnits: parts.partners.map((p) => ({ id: p._id, name: p.name, kind: p.kind })),
  }
}

/**
 * org.households — the doors of one building, for choosing "my home" (我的门牌).
 * Outcomes: HouseholdOption[] ordered by unit and room; NOT_FOUND for an unknown building.
 */
export async function households(ctx: UserCtx, input: z.output<typeof HouseholdsInput>): Promise<HouseholdOption[]> {
  const building = await getById<Building>(ctx.db, C.buildings, input.buildingId)
  if (!building) throw notFound('楼栋')
  const list = await findAll<Household>(ctx.db, C.households, { buildingId: building._id })
  return list
    .sort((a, b) => a.unit - b.unit || a.room.localeCompare(b.room, 'zh-Hans-CN', { numeric: true }))
    .map((h) => ({ id: h._id, unit: h.unit, room: h.room, label: `${h.unit}单元 ${h.room}` }))
}

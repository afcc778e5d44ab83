/**
 * org.tree — one community's compounds with buildings, grids (their compounds and single buildings, the grid
 * worker's id and masked name: what the 网格 board and the grid editor need) and partner units. Outcomes: TreeView; NOT_FOUND for an unknown community.
 */
import { TreeInput, type TreeView, type User } from '../../../../../types/org'
import { defineAction, user, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { notFound } from '../../platform/errors'
import { C, communityTree, getCommunity, getMany, getStreet } from './repo'
import { listName } from './rules'
import { communityView } from './views'

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'zh-Hans-CN', { numeric: true })

async function tree(ctx: UserCtx, input: ActionInput<'org.tree'>): Promise<TreeView> {
  const community = await getCommunity(ctx.db, input.communityId)
  if (!community) throw notFound('社区')
  const [street, parts] = await Promise.all([getStreet(ctx.db, community.streetId), communityTree(ctx.db, community._id)])
  const workers = await getMany<User>(
    ctx.db,
    C.users,
    parts.grids.map((g) => g.workerId).filter((x): x is string => !!x),
  )
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
      return { id: g._id, name: g.name, compoundIds: g.compoundIds, buildingIds: g.buildingIds ?? [], workerId: g.workerId, workerName: w ? listName(w) : null }
    }),
    partnerUnits: parts.partners.map((p) => ({ id: p._id, name: p.name, kind: p.kind })),
  }
}

export default defineAction({ name: 'org.tree', input: TreeInput, access: user, writes: false, handler: tree })

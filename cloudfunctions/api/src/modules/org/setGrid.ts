/**
 * org.setGrid — the secretary (or street admin) draws a grid 网格 over compounds and/or single buildings of
 * the community and appoints its worker 网格员. A building belongs to one grid: a layout in which a building
 * would belong to two is refused, naming the building and the grid that has it. The worker must live here
 * (verified household) or be registered here (双报到); they gain the grid_worker role here, and a previous
 * worker who keeps no other grid of the community loses it (org's grantInTx / revokeInTx, each with its own
 * audit entry). The grid, its compounds' `gridId`, the role changes and the grid's audit entry (resource grid)
 * are ONE transaction.
 *
 * Concurrency: the transaction first reads the community (its snapshot starts there), then reads the
 * community's grids and compounds as committed, and raises the community's `gridsVersion`. Two secretaries
 * changing grids of one community at once therefore write the same document: one commits, the other
 * conflicts, runs again on the new layout, and is refused if it now overlaps. (A write that changes nothing
 * takes no lock, in the cloud as in the local engine: hence a counter, not the compounds' unchanged gridId.)
 *
 * New requests are dispatched by the new layout (gridOfBuilding); requests the previous worker already
 * holds stay with them until the secretary reassigns them (request.reassign).
 * Outcomes: GridView; NOT_FOUND for another community's grid or an unknown worker (or one who neither lives
 * nor registered here); INVALID_INPUT for compounds or buildings of another community, or a worker without
 * WeChat (offline); CONFLICT for an overlap (the message names the building and the grid).
 */
import { SetGridInput, type GridView } from '../../../../../types/requests'
import type { Community, Grid } from '../../../../../types/org'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import { recordIn } from '../../platform/audit'
import type { UserCtx } from '../../platform/context'
import { newId, runTx, txGet } from '../../platform/db'
import { conflict, invalid, notFound } from '../../platform/errors'
import { belongsTo } from './belongs'
import { grantInTx, revokeInTx } from './grants'
import { compoundGrids, gridView, overlapOf } from './gridLayout'
import { C, communityTree, getCommunity, getUser } from './repo'

const audited = (g: Pick<Grid, 'name' | 'compoundIds' | 'buildingIds' | 'workerId'>) => ({
  name: g.name,
  compoundIds: g.compoundIds,
  buildingIds: g.buildingIds ?? [],
  workerId: g.workerId,
})

async function setGrid(ctx: UserCtx, input: ActionInput<'org.setGrid'>): Promise<GridView> {
  const { db } = ctx
  const community = await getCommunity(db, input.communityId)
  if (!community) throw notFound('社区')
  const worker = input.workerId ? await getUser(db, input.workerId) : null
  if (input.workerId) {
    if (!worker || !(await belongsTo(db, worker, community._id))) throw notFound('这位居民')
    if (worker.offline) throw invalid('网格员需要用微信登录小程序，请选择能用手机的人')
  }
  const compoundIds = [...new Set(input.compoundIds)]

  const grid = await runTx(db, async (tx) => {
    // The snapshot starts here; everything committed before it is in the reads below.
    const current = await txGet<Community>(tx, C.communities, community._id)
    if (!current) throw notFound('社区')
    const { compounds, buildings, grids } = await communityTree(db, community._id)
    const before = input.gridId ? (grids.find((g) => g._id === input.gridId) ?? null) : null
    if (input.gridId && !before) throw notFound('这个网格')
    if (compoundIds.some((id) => !compounds.some((c) => c._id === id))) throw invalid('请选择本社区的小区')
    const extra = [...new Set(input.buildingIds ?? [])]
    if (extra.some((id) => !buildings.some((b) => b._id === id))) throw invalid('请选择本社区的楼栋')
    // A building of a compound the grid already covers is the grid's anyway: it is not listed twice.
    const buildingIds = extra.filter((id) => !compoundIds.includes(buildings.find((b) => b._id === id)!.compoundId))
    const next: Grid = {
      _id: before?._id ?? `gr_${newId()}`,
      communityId: community._id,
      name: input.name,
      compoundIds,
      buildingIds,
      workerId: input.workerId,
    }
    const overlap = overlapOf(next, grids, compounds, buildings)
    if (overlap) throw conflict(overlap)

    if (before) {
      await tx
        .collection(C.grids)
        .doc(next._id)
        .update({ data: { name: next.name, compoundIds: db.command.set(compoundIds), buildingIds: db.command.set(buildingIds), workerId: next.workerId } })
    } else {
      await tx.collection(C.grids).add({ data: next })
    }
    await tx
      .collection(C.communities)
      .doc(community._id)
      .update({ data: { gridsVersion: (current.gridsVersion ?? 0) + 1 } })
    const layout = compoundGrids([...grids.filter((g) => g._id !== next._id), next], compounds)
    for (const c of compounds) {
      const gridId = layout.get(c._id) ?? null
      if (c.gridId !== gridId) await tx.collection(C.compounds).doc(c._id).update({ data: { gridId } })
    }
    if (next.workerId) await grantInTx(tx, ctx, next.workerId, { communityId: community._id, role: 'grid_worker' })
    const previous = before?.workerId
    if (previous && previous !== next.workerId && !grids.some((g) => g._id !== next._id && g.workerId === previous)) {
      await revokeInTx(tx, ctx, previous, { communityId: community._id, role: 'grid_worker' })
    }
    await recordIn(tx, ctx, {
      communityId: community._id,
      resource: { type: 'grid', id: next._id, label: next.name },
      before: before ? audited(before) : null,
      after: audited(next),
    })
    return next
  })
  return gridView(grid, worker)
}

export default defineAction({ name: 'org.setGrid', input: SetGridInput, access: SECRETARY, writes: true, handler: setGrid })

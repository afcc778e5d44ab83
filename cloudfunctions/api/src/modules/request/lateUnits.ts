/**
 * request.lateUnits — the street admin's view of who is late (units, not only items): every unit of the street
 * (its departments and its communities' own units) and every grid of its communities, each with its on-time
 * rate from the counters kept with each move (a unit's `onTime` / `late`; a grid's `grid_<id>` counter), and
 * how many requests it holds open past their deadline now — ONE aggregation over the street's overdue requests
 * (street_open_due) grouped by holder (a unit's `unit_<id>`, a grid worker's `u_<id>`) and grid, never a count
 * per unit and grid (a street has hundreds of grids).
 * Flagged `lagging` below the street's line (80 %) or when holding anything overdue; lagging ones first, then
 * the lowest rates.
 * Outcomes: LateUnitView[]; FORBIDDEN for anyone but that street's admin; NOT_FOUND for an unknown street.
 */
import type { Community, Grid, Street } from '../../../../../types/org'
import { RequestLateUnitsInput, type LateUnitView } from '../../../../../types/requests'
import { defineAction, user, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { getById, readAll } from '../../platform/db'
import { forbidden, notFound } from '../../platform/errors'
import { C, getMany } from '../org/repo'
import { unitsOfStreet } from '../unit/repo'
import { onTimeRate } from '../unit/views'
import { gridCounterId, type GridCounter } from './counters'
import { EPOCH } from './paging'
import { RQ } from './repo'
import { isLagging } from './rules'

async function lateUnits(ctx: UserCtx, input: ActionInput<'request.lateUnits'>): Promise<LateUnitView[]> {
  const { db } = ctx
  const _ = db.command
  if (!ctx.user.roles.some((g) => g.role === 'street_admin' && g.communityId === input.streetId)) throw forbidden('只有街道管理员可以查看单位按时率')
  const street = await getById<Street>(db, C.streets, input.streetId)
  if (!street) throw notFound('街道')
  const now = ctx.now()
  const [communities, units] = await Promise.all([readAll<Community>(db, C.communities, { streetId: street._id }, 500), unitsOfStreet(db, street._id)])
  const grids = communities.length ? await readAll<Grid>(db, C.grids, { communityId: _.in(communities.map((c) => c._id)) }, 2000) : []
  const counters = await getMany<GridCounter>(
    db,
    RQ.counters,
    grids.map((g) => gridCounterId(g._id)),
  )
  const communityName = new Map(communities.map((c) => [c._id, c.name]))

  // Overdue now, by holder and grid: ONE aggregation over the street's overdue requests (street_open_due), not a
  // count per unit and grid (a street has hundreds of grids).
  const $ = _.aggregate
  const held = (await db
    .collection(RQ.requests)
    .aggregate()
    .match({ streetId: street._id, open: true, dueAt: _.gte(EPOCH).and(_.lt(now)) })
    .group({ _id: { holderKey: '$holderKey', gridId: '$gridId' }, n: $.sum(1) })
    .limit(100_000) // aggregate answers 20 groups unless told otherwise
    .end()) as { list: { _id: { holderKey: string; gridId?: string | null }; n: number }[] }
  const byHolder = new Map<string, number>()
  const byHolderGrid = new Map<string, number>()
  for (const g of held.list) {
    byHolder.set(g._id.holderKey, (byHolder.get(g._id.holderKey) ?? 0) + g.n)
    const k = `${g._id.holderKey}|${g._id.gridId ?? ''}`
    byHolderGrid.set(k, (byHolderGrid.get(k) ?? 0) + g.n)
  }
  const unitOverdue = units.map((u) => byHolder.get(`unit_${u._id}`) ?? 0)
  const gridOverdue = grids.map((g) => (g.workerId ? (byHolderGrid.get(`u_${g.workerId}|${g._id}`) ?? 0) : 0))

  const rows: LateUnitView[] = [
    ...units.map((u, i) => {
      const rate = onTimeRate(u.onTime, u.late)
      return {
        kind: 'unit' as const,
        id: u._id,
        name: u.name,
        communityName: u.communityId ? (communityName.get(u.communityId) ?? null) : null,
        onTimeRate: rate,
        closed: u.onTime + u.late,
        overdueNow: unitOverdue[i],
        lagging: isLagging(rate, unitOverdue[i]),
      }
    }),
    ...grids.map((g, i) => {
      const k = counters.get(gridCounterId(g._id))
      const rate = onTimeRate(k?.onTime ?? 0, k?.late ?? 0)
      return {
        kind: 'grid' as const,
        id: g._id,
        name: g.name,
        communityName: communityName.get(g.communityId) ?? null,
        onTimeRate: rate,
        closed: k?.closed ?? 0,
        overdueNow: gridOverdue[i],
        lagging: isLagging(rate, gridOverdue[i]),
      }
    }),
  ]
  return rows.sort(
    (a, b) =>
      Number(b.lagging) - Number(a.lagging) ||
      (a.onTimeRate ?? 2) - (b.onTimeRate ?? 2) ||
      b.overdueNow - a.overdueNow ||
      a.name.localeCompare(b.name, 'zh-Hans-CN'),
  )
}

export default defineAction({ name: 'request.lateUnits', input: RequestLateUnitsInput, access: user, writes: false, handler: lateUnits })

/**
 * request.lateUnits — the street admin's view of who is late (units, not only items): every unit of the street
 * (its departments and its communities' own units) and every grid of its communities, each with its on-time
 * rate from the counters kept with each move (a unit's `onTime` / `late`; a grid's `grid_<id>` counter), and
 * how many requests it holds open past their deadline now — ONE indexed count each (a unit: holder_open_due on
 * `unit_<id>`; a grid: holder_open_due on its worker's `u_<id>`, within the grid), never a walk over requests.
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
import { RQ, totalOf } from './repo'
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

  const overdue = (filter: object) => totalOf(db.collection(RQ.requests).where({ ...filter, open: true, dueAt: _.lt(now) }))
  const [unitOverdue, gridOverdue] = await Promise.all([
    Promise.all(units.map((u) => overdue({ holderKey: `unit_${u._id}` }))),
    Promise.all(grids.map((g) => (g.workerId ? overdue({ holderKey: `u_${g.workerId}`, gridId: g._id }) : Promise.resolve(0)))),
  ])

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

/**
 * What leaves the function about units: UnitView (staff by name — full for the secretary and the street
 * admin, masked for everyone else — and the on-time rate from the unit's running counters).
 */
import type { User } from '../../../../../types/org'
import type { Unit, UnitView } from '../../../../../types/requests'
import { listName } from '../org/rules'

/** Closed on time / all closed, from counters kept with each move; null before anything closed. */
export const onTimeRate = (onTime: number, late: number): number | null => (onTime + late > 0 ? Math.round((onTime / (onTime + late)) * 1000) / 1000 : null)

export function unitView(unit: Unit, staff: User[], fullNames: boolean): UnitView {
  return {
    id: unit._id,
    name: unit.name,
    kind: unit.kind,
    communityId: unit.communityId,
    categories: unit.categories,
    escalationAcceptMinutes: unit.escalationAcceptMinutes,
    active: unit.active,
    staff: staff
      .map((p) => ({ userId: p._id, name: fullNames ? p.realName || p.nickname : listName(p) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN')),
    onTimeRate: onTimeRate(unit.onTime, unit.late),
    late: unit.late,
  }
}

/** What the audit log keeps of a unit's set-up (staff are audited as role grants, and by unit.setStaff). */
export const auditedUnit = (u: Pick<Unit, 'name' | 'kind' | 'categories' | 'limits' | 'escalationAcceptMinutes' | 'active'>) => ({
  name: u.name,
  kind: u.kind,
  categories: u.categories,
  limits: u.limits,
  escalationAcceptMinutes: u.escalationAcceptMinutes,
  active: u.active,
})

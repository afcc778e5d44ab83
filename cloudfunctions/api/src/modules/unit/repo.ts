/**
 * Units that act on requests (责任单位: street departments, the property company, partner units) and their
 * staff, beyond what the request area reads of them (request/repo.ts getUnit, unitsFor, staffOf). Queries are
 * served by database.json: units by `street_id`, the staff of many units at once by the users index
 * `roles_unit_id` (a unit_staff grant carries the unit's id).
 */
import type { Community, User } from '../../../../../types/org'
import type { Unit } from '../../../../../types/requests'
import { newId, readAll, type Db } from '../../platform/db'

export const U = {
  units: 'units',
  users: 'users',
} as const

export const newUnitId = () => `un_${newId()}`

/** Every unit of a street: its departments and all its communities' own units (index street_id). */
export const unitsOfStreet = (db: Db, streetId: string) => readAll<Unit>(db, U.units, { streetId }, 1000)

/** Is this unit one the community may use: its own, or a department of its street? */
export const servesCommunity = (unit: Pick<Unit, 'communityId' | 'streetId'>, community: Pick<Community, '_id' | 'streetId'>) =>
  unit.communityId === community._id || (unit.communityId === null && unit.streetId === community.streetId)

/** Where a unit's staff grants are held: the unit's community, or the street's id for a street department. */
export const staffScopeOf = (unit: Pick<Unit, 'communityId' | 'streetId'>) => unit.communityId ?? unit.streetId

/** The people holding a unit_staff grant for any of these units (index roles_unit_id), by unit id. */
export async function staffOfUnits(db: Db, unitIds: string[]): Promise<Map<string, User[]>> {
  const out = new Map<string, User[]>(unitIds.map((id) => [id, []]))
  if (!unitIds.length) return out
  const people = await readAll<User>(db, U.users, { 'roles.unitId': db.command.in(unitIds) }, 2000)
  for (const p of people) {
    for (const g of p.roles) if (g.role === 'unit_staff' && g.unitId && out.has(g.unitId) && !out.get(g.unitId)!.includes(p)) out.get(g.unitId)!.push(p)
  }
  return out
}

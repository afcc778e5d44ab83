/**
 * Collections and lookups of the request area. Request ids are time-ordered (`r` + 9 base-36 time digits + 12
 * hex), so the reporter's list pages newest-first by `_id` on community_reporter_id; the queues and the board
 * page by (dueAt, _id) on the *_open_due indexes of database.json. A community's settings are one document by
 * its id (defaults until the secretary sets them); units are read per community and per street (a handful each).
 */
import type { Building, Community, Compound, Grid, User } from '../../../../../types/org'
import type { Request, RequestSettings, Unit } from '../../../../../types/requests'
import { findMany, getById, newId, readAll, type Db } from '../../platform/db'
import { C } from '../org/repo'
import { defaultRequestSettings } from './rules'

export const RQ = {
  requests: 'requests',
  settings: 'request_settings',
  units: 'units',
  counters: 'request_counters',
} as const

export const newRequestId = (now: Date) => 'r' + now.getTime().toString(36).padStart(9, '0') + newId().slice(0, 12)

export const getRequest = (db: Db, id: string) => getById<Request>(db, RQ.requests, id)
export const getUnit = (db: Db, id: string) => getById<Unit>(db, RQ.units, id)

/** The community's settings, or the defaults until the secretary sets them. */
export async function settingsOf(db: Db, communityId: string): Promise<RequestSettings> {
  const s = await getById<RequestSettings>(db, RQ.settings, communityId)
  return s ? { ...defaultRequestSettings(communityId), ...s } : defaultRequestSettings(communityId)
}

/** Many communities' settings at once (a street department's queue spans the street's communities). */
export async function settingsOfMany(db: Db, communityIds: string[]): Promise<Map<string, RequestSettings>> {
  const ids = [...new Set(communityIds)]
  const out = new Map<string, RequestSettings>()
  for (let i = 0; i < ids.length; i += 100) {
    const chunk = ids.slice(i, i + 100)
    const docs = await findMany<RequestSettings>(db, RQ.settings, { _id: db.command.in(chunk) }, { limit: 100 })
    for (const d of docs) out.set(d._id, { ...defaultRequestSettings(d._id), ...d })
  }
  for (const id of ids) if (!out.has(id)) out.set(id, defaultRequestSettings(id))
  return out
}

/** A community has a handful of units and a street a handful of departments: past this, fail loudly. */
export const MAX_UNITS = 200

/**
 * The units that may take a community's requests: its own (property company, partner units) and the street's
 * departments (communityId null). Two indexed reads (units.community_id, units.street_id).
 */
export async function unitsFor(db: Db, community: Pick<Community, '_id' | 'streetId'>): Promise<Unit[]> {
  const [own, street] = await Promise.all([
    readAll<Unit>(db, RQ.units, { communityId: community._id }, MAX_UNITS),
    readAll<Unit>(db, RQ.units, { streetId: community.streetId, communityId: null }, MAX_UNITS),
  ])
  return [...own, ...street]
}

/** The community's grids (tens at most). */
export const gridsOf = (db: Db, communityId: string) => readAll<Grid>(db, C.grids, { communityId }, 500)

/**
 * The grid a building belongs to: a grid that lists the building in its buildingIds, else its compound's grid
 * (the compound's gridId, or the grid listing the compound). Null when none does.
 */
export function gridOfBuilding(grids: readonly Grid[], building: Pick<Building, '_id' | 'compoundId'>, compound: Pick<Compound, 'gridId'> | null): Grid | null {
  const listed = grids.find((g) => g.buildingIds?.includes(building._id))
  if (listed) return listed
  if (compound?.gridId) {
    const g = grids.find((x) => x._id === compound.gridId)
    if (g) return g
  }
  return grids.find((g) => g.compoundIds.includes(building.compoundId)) ?? null
}

/** The grid of a building by id (three reads by id / community); null without a building. */
export async function gridForBuilding(db: Db, communityId: string, buildingId: string | null): Promise<Grid | null> {
  if (!buildingId) return null
  const building = await getById<Building>(db, C.buildings, buildingId)
  if (!building || building.communityId !== communityId) return null
  const [compound, grids] = await Promise.all([getById<Compound>(db, C.compounds, building.compoundId), gridsOf(db, communityId)])
  return gridOfBuilding(grids, building, compound)
}

/** Is the user staff of the unit (a unit_staff grant naming it)? */
export const isStaffOf = (user: Pick<User, 'roles'>, unitId: string) => user.roles.some((g) => g.role === 'unit_staff' && g.unitId === unitId)

/**
 * A unit's staff (to tell them): unit_staff grants are on the unit's community, or the street for a street
 * department, so this is one read on users.roles_community (a unit has a few staff; 100 at most are told).
 */
export async function staffOf(db: Db, unit: Pick<Unit, '_id' | 'communityId' | 'streetId'>): Promise<User[]> {
  const users = await findMany<User>(db, C.users, { 'roles.communityId': unit.communityId ?? unit.streetId, 'roles.unitId': unit._id }, { limit: 100 })
  return users.filter((u) => isStaffOf(u, unit._id))
}

/** The community's secretaries (to tell them): one read on users.roles_community. */
export async function secretariesOf(db: Db, communityId: string): Promise<User[]> {
  const users = await findMany<User>(db, C.users, { 'roles.communityId': communityId, 'roles.role': 'secretary' }, { limit: 20 })
  return users.filter((u) => u.roles.some((g) => g.role === 'secretary' && g.communityId === communityId))
}

/** The total of a `where(…)` query's count(): one count request, no document read. */
export async function totalOf(query: { count(): unknown }): Promise<number> {
  return ((await query.count()) as { total: number }).total
}

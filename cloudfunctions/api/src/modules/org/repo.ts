/**
 * Collection access of the org module. Every query here is served by an index in database.json
 * (users.openid, users.roles.communityId, *.communityId, …) or is by _id.
 */
import type { Building, Community, Compound, Grid, Household, PartnerUnit, Street, User } from '../../../../../types/org'
import { findMany, getById, readAll, type Db } from '../../platform/db'

export const C = {
  streets: 'streets',
  communities: 'communities',
  compounds: 'compounds',
  buildings: 'buildings',
  households: 'households',
  grids: 'grids',
  partnerUnits: 'partner_units',
  users: 'users',
} as const

export const getUser = (db: Db, id: string) => getById<User>(db, C.users, id)
export const getCommunity = (db: Db, id: string) => getById<Community>(db, C.communities, id)
export const getStreet = (db: Db, id: string) => getById<Street>(db, C.streets, id)
export const getHousehold = (db: Db, id: string) => getById<Household>(db, C.households, id)

export async function findUserByOpenid(db: Db, openid: string): Promise<User | null> {
  const [u] = await findMany<User>(db, C.users, { openid }, { limit: 1 })
  return u ?? null
}

/** Many documents by id, in one query per 100 ids. */
export async function getMany<T extends { _id: string }>(db: Db, collection: string, ids: string[]): Promise<Map<string, T>> {
  const unique = [...new Set(ids)]
  const out = new Map<string, T>()
  for (let i = 0; i < unique.length; i += 100) {
    const chunk = unique.slice(i, i + 100)
    const docs = await findMany<T>(db, collection, { _id: db.command.in(chunk) }, { limit: 100 })
    for (const d of docs) out.set(d._id, d)
  }
  return out
}

/** Everything under one community (a community has tens of compounds and hundreds of buildings at most). */
export async function communityTree(db: Db, communityId: string) {
  const [compounds, buildings, grids, partners] = await Promise.all([
    readAll<Compound>(db, C.compounds, { communityId }),
    readAll<Building>(db, C.buildings, { communityId }),
    readAll<Grid>(db, C.grids, { communityId }),
    readAll<PartnerUnit>(db, C.partnerUnits, { communityId }),
  ])
  return { compounds, buildings, grids, partners }
}

/** "幸福里小区 3栋 2单元 501" for a household. */
export async function householdLabel(db: Db, h: Household): Promise<string> {
  const [compound, building] = await Promise.all([getById<Compound>(db, C.compounds, h.compoundId), getById<Building>(db, C.buildings, h.buildingId)])
  return labelOf(h, compound, building)
}

const labelOf = (h: Household, compound: Compound | null | undefined, building: Building | null | undefined) =>
  `${compound?.name ?? ''} ${building?.name ?? ''} ${h.unit}单元 ${h.room}`.trim()

/** The labels of a page's households: one query for their compounds and one for their buildings (`_.in`). */
export async function householdLabels(db: Db, households: Household[]): Promise<Map<string, string>> {
  const [compounds, buildings] = await Promise.all([
    getMany<Compound>(
      db,
      C.compounds,
      households.map((h) => h.compoundId),
    ),
    getMany<Building>(
      db,
      C.buildings,
      households.map((h) => h.buildingId),
    ),
  ])
  return new Map(households.map((h) => [h._id, labelOf(h, compounds.get(h.compoundId), buildings.get(h.buildingId))]))
}

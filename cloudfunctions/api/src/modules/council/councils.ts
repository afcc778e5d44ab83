/**
 * What the council.* actions share: loading a council of a community, the place a building or compound
 * council sits in (checked against the community), and the CouncilView projection — seats with masked names
 * (full names only for the community's secretary), the caller's seat and whether the caller could vote in it
 * today (standing.ts votingStanding: verified data only, the why in Chinese when not).
 */
import type { Building, Community, Compound, User } from '../../../../../types/org'
import type { Council, CouncilScope, CouncilView } from '../../../../../types/council'
import type { UserCtx } from '../../platform/context'
import { getById, readAll, type Db } from '../../platform/db'
import { invalid, notFound } from '../../platform/errors'
import { C, getMany } from '../org/repo'
import { holdsRole, listName } from '../org/rules'
import { getCouncil, K } from './repo'
import { seatOf, votingStanding } from './standing'

/** A community has its default council, a few groups and at most a council per building: read them all. */
export const MAX_COUNCILS = 500
/** Seats of one council (council.setSeat refuses the 101st). */
export const MAX_SEATS = 100

/** The council, if it is this community's; NOT_FOUND otherwise. */
export async function loadCouncil(db: Db, communityId: string, councilId: string): Promise<Council> {
  const council = await getCouncil(db, councilId)
  if (!council || council.communityId !== communityId) throw notFound('这个议事会')
  return council
}

/** Every council of the community, oldest first (the default council's id sorts where it sorts). */
export const councilsOf = (db: Db, communityId: string) => readAll<Council>(db, K.councils, { communityId }, MAX_COUNCILS)

/**
 * The place a council of this scope sits in: building councils name a building of the community (their
 * compound follows from it), compound councils a compound of the community; the others sit in the whole
 * community. INVALID_INPUT for a missing place, NOT_FOUND for another community's.
 */
export async function councilPlace(
  db: Db,
  communityId: string,
  scope: CouncilScope,
  input: { compoundId?: string | null; buildingId?: string | null },
): Promise<{ compoundId: string | null; buildingId: string | null }> {
  if (scope === 'building') {
    if (!input.buildingId) throw invalid('楼栋议事会需要选择楼栋')
    const b = await getById<Building>(db, C.buildings, input.buildingId)
    if (!b || b.communityId !== communityId) throw notFound('这栋楼')
    return { compoundId: b.compoundId, buildingId: b._id }
  }
  if (scope === 'compound') {
    if (!input.compoundId) throw invalid('小区议事会需要选择小区')
    const cp = await getById<Compound>(db, C.compounds, input.compoundId)
    if (!cp || cp.communityId !== communityId) throw notFound('这个小区')
    return { compoundId: cp._id, buildingId: null }
  }
  return { compoundId: null, buildingId: null }
}

/** The councils as the caller sees them (one read of the places and one of the seat holders for all). */
export async function councilViews(ctx: UserCtx, community: Pick<Community, '_id' | 'streetId'>, councils: Council[]): Promise<CouncilView[]> {
  const { db, user } = ctx
  const secretary = holdsRole(user, community, ['secretary', 'street_admin'])
  const [buildings, compounds, people] = await Promise.all([
    getMany<Building>(
      db,
      C.buildings,
      councils.map((c) => c.buildingId).filter((x): x is string => !!x),
    ),
    getMany<Compound>(
      db,
      C.compounds,
      councils.map((c) => c.compoundId).filter((x): x is string => !!x),
    ),
    getMany<User>(
      db,
      C.users,
      councils.flatMap((c) => c.seats.map((s) => s.userId)),
    ),
  ])
  const now = ctx.now()
  return Promise.all(
    councils.map(async (c): Promise<CouncilView> => {
      const standing = await votingStanding(db, c, user, now)
      const building = c.buildingId ? buildings.get(c.buildingId) : undefined
      const compound = c.compoundId ? compounds.get(c.compoundId) : undefined
      const placeName = building ? `${compound?.name ?? ''} ${building.name}`.trim() : compound ? compound.name : '本社区'
      return {
        id: c._id,
        communityId: c.communityId,
        name: c.name,
        scope: c.scope,
        compoundId: c.compoundId,
        buildingId: c.buildingId,
        placeName,
        settings: c.settings,
        seats: c.seats.map((s) => {
          const p = people.get(s.userId)
          return {
            userId: s.userId,
            name: p ? (secretary ? p.realName || p.nickname : listName(p)) : '**',
            seat: s.seat,
            since: new Date(s.since).toISOString(),
          }
        }),
        active: c.active,
        isDefault: c.isDefault,
        mySeat: seatOf(c, user._id),
        myEligibility: standing.ok ? { canVote: true, why: null } : { canVote: false, why: standing.why },
      }
    }),
  )
}

export async function councilView(ctx: UserCtx, community: Pick<Community, '_id' | 'streetId'>, council: Council): Promise<CouncilView> {
  return (await councilViews(ctx, community, [council]))[0]
}

/**
 * Gathering the facts eligibility is decided from (rules.ts inScope / voterStanding): the person as stored
 * (verified fields only count), the compound of their building when the council is a compound's, their
 * seat on the council, and today's date in China. One read at most (the building), none for most councils.
 */
import type { Building, User } from '../../../../../types/org'
import type { Council, SeatKind } from '../../../../../types/council'
import type { Db } from '../../platform/db'
import { getById } from '../../platform/db'
import { chinaDay } from '../../platform/chinaTime'
import { inScope, voterStanding, type EligibilityFacts, type Standing } from './rules'

export const seatOf = (council: Pick<Council, 'seats'>, userId: string): SeatKind | null => council.seats.find((s) => s.userId === userId)?.seat ?? null

export async function factsFor(db: Db, council: Council, user: User, now: Date): Promise<EligibilityFacts> {
  let compoundId: string | null = null
  if (council.scope === 'compound' && user.buildingId) compoundId = (await getById<Building>(db, 'buildings', user.buildingId))?.compoundId ?? null
  return { user, compoundId, seat: seatOf(council, user._id), today: chinaDay(now) }
}

/** May this person take part (support, comment) in the council's topics? */
export async function participation(db: Db, council: Council, user: User, now: Date): Promise<Standing> {
  return inScope(council, await factsFor(db, council, user, now))
}

/** May this person vote under the council's current settings (or a topic's frozen terms), and as whom? */
export async function votingStanding(db: Db, council: Council, user: User, now: Date, eligibility = council.settings.eligibility): Promise<Standing> {
  return voterStanding(council, eligibility, await factsFor(db, council, user, now))
}

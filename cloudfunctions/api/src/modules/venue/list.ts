/**
 * venue.list — the community's venues open to book (场地开放: a partner unit's hall after hours), as menu cards
 * with their opening hours, and whether the caller decides on their requests (the venue unit's staff, the
 * secretary). Their free hours come from service.slots, like any service's.
 * With `pending`, each venue the caller decides on carries its requests waiting for a decision across days,
 * earliest day first: one indexed read per such venue (bookings.service_status_day_id: serviceId, status
 * 'pending', ordered by day then `_id`), at most PENDING_MAX each — a venue has a handful waiting at a time.
 * Outcomes: the cards (newest first); NOT_FOUND for an unknown community.
 */
import { VenueListInput, type Booking, type Service, type VenueCard, type VenueRequest } from '../../../../../types/services'
import type { User } from '../../../../../types/org'
import { defineAction, member, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { findMany } from '../../platform/db'
import { holdsRole } from '../org/rules'
import { C, getMany } from '../org/repo'
import { loadCommunity, postOf, isProvider } from '../service/core'
import { K } from '../service/repo'
import { isVenueStaff, venueBookingView, venueRelations, venuesOf } from '../service/venues'
import { serviceCard } from '../service/views'

/** The pending requests one venue shows at most (more wait their turn; the deciders are told of each). */
export const PENDING_MAX = 50

async function list(ctx: UserCtx, input: ActionInput<'venue.list'>): Promise<VenueCard[]> {
  const { db, user } = ctx
  const community = await loadCommunity(db, input.communityId)
  const now = ctx.now()
  const isSecretary = holdsRole(user, community, ['secretary', 'street_admin'])
  const venues = (await venuesOf(db, input.communityId)).filter((s) => !!s.venue).sort((a, b) => (a._id < b._id ? 1 : -1))
  return Promise.all(
    venues.map(async (s): Promise<VenueCard> => {
      const decides = isSecretary || isVenueStaff(user, s)
      const card: VenueCard = { ...serviceCard(s, now), venue: s.venue!, decides }
      if (!input.pending || !decides) return card
      const waiting = await findMany<Booking>(
        db,
        K.bookings,
        { serviceId: s._id, status: 'pending' },
        {
          orderBy: [
            ['day', 'asc'],
            ['_id', 'asc'],
          ],
          limit: PENDING_MAX,
        },
      )
      return { ...card, pending: await requestViews(ctx, s, waiting, isSecretary) }
    }),
  )
}

async function requestViews(ctx: UserCtx, s: Service, waiting: Booking[], isSecretary: boolean): Promise<VenueRequest[]> {
  const people = await getMany<User>(
    ctx.db,
    C.users,
    waiting.map((b) => b.userId),
  )
  const st = { isSecretary, isProvider: isProvider(ctx.user, s, await postOf(ctx.db, s)) }
  const now = ctx.now()
  return waiting.map((b) => ({
    ...venueBookingView(b, s, venueRelations(b, ctx.user, s, st), people.get(b.userId) ?? null, now),
    purpose: b.note ?? '',
  }))
}

export default defineAction({ name: 'venue.list', input: VenueListInput, access: member, writes: false, handler: list })

/**
 * venue.list — the community's venues open to book (场地开放: a partner unit's hall after hours), as menu cards
 * with their opening hours in words. Their free hours come from service.slots, like any service's.
 * Outcomes: the cards (newest first); NOT_FOUND for an unknown community.
 */
import { VenueListInput } from '../../../../../types/services'
import { defineAction, member, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { loadCommunity } from '../service/core'
import { venuesOf } from '../service/venues'
import { serviceCard } from '../service/views'

async function list(ctx: UserCtx, input: ActionInput<'venue.list'>) {
  await loadCommunity(ctx.db, input.communityId)
  const now = ctx.now()
  const venues = await venuesOf(ctx.db, input.communityId)
  return venues.sort((a, b) => (a._id < b._id ? 1 : -1)).map((s) => serviceCard(s, now))
}

export default defineAction({ name: 'venue.list', input: VenueListInput, access: member, writes: false, handler: list })

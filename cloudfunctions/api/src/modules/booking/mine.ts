/**
 * booking.mine — the caller's own bookings in a community, newest first (index community_user_id; ids are
 * time-ordered), with their codes, what can still be done (cancel before the cutoff, rate after attending).
 * Outcome: a page of bookings.
 */
import { BookingMineInput, type BookingView } from '../../../../../types/services'
import type { Page } from '../../../../../types/common'
import { defineAction, member, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { bookingsPage } from '../service/repo'
import type { BookingRelation } from '../service/rules'
import { bookingViews } from '../service/views'

async function mine(ctx: UserCtx, input: ActionInput<'booking.mine'>): Promise<Page<BookingView>> {
  const page = await bookingsPage(ctx.db, { communityId: input.communityId, userId: ctx.user._id }, 'desc', input.cursor, input.limit ?? 20)
  const me = ctx.user._id
  const relations = (b: { userId: string; bookedById: string }) => {
    const r = new Set<BookingRelation>(['person'])
    if (b.bookedById === me) r.add('booker')
    return r
  }
  return { items: await bookingViews(ctx.db, page.items, relations, ctx.now()), nextCursor: page.nextCursor }
}

export default defineAction({ name: 'booking.mine', input: BookingMineInput, access: member, writes: false, handler: mine })

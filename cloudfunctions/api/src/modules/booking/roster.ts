/**
 * booking.roster — a service's bookings on a day, in the order they were made (index service_day_id), for its
 * provider or the secretary: who (masked), child, channel, status, what to verify. Private services (心灵驿站):
 * only the provider sees who booked; the secretary sees the places and statuses with 预约人已隐藏. At-home
 * addresses only to the provider. Codes never (staff verify the code the person shows).
 * Outcomes: a page of bookings; NOT_FOUND for an unknown service; FORBIDDEN for anyone else.
 */
import { BookingRosterInput, type BookingView } from '../../../../../types/services'
import type { Page } from '../../../../../types/common'
import { defineAction, member, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { forbidden } from '../../platform/errors'
import { bookingRelations, loadService, standingOf } from '../service/core'
import { bookingsPage } from '../service/repo'
import { bookingViews } from '../service/views'

async function roster(ctx: UserCtx, input: ActionInput<'booking.roster'>): Promise<Page<BookingView>> {
  const s = await loadService(ctx.db, input.communityId, input.serviceId, true)
  const st = await standingOf(ctx, s)
  if (!st.isProvider && !st.isSecretary) throw forbidden('只有服务提供方和社区书记可以查看预约名单')
  const page = await bookingsPage(ctx.db, { serviceId: s._id, day: input.day }, 'asc', input.cursor, input.limit ?? 50)
  const items = await bookingViews(ctx.db, page.items, (b) => bookingRelations(b, ctx.user._id, st), ctx.now(), new Map([[s._id, s]]))
  return { items, nextCursor: page.nextCursor }
}

export default defineAction({ name: 'booking.roster', input: BookingRosterInput, access: member, writes: false, handler: roster })

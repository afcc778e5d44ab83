/**
 * service.slots — the slots of a service over the next days (China; default 14 from today, never before
 * today): each with its places left, whether it can be booked now and, if not, why (a closure, past its
 * cutoff, full), and the caller's own booking in it. Slots come from the schedule (rules.ts expandSlots); the
 * places taken from the slot documents made by bookings (index service_day: one range); the caller's bookings
 * by their liveKeys (index live_unique). Walk-in services have no slots (an empty list).
 * Outcomes: the slots in order; NOT_FOUND for an unknown or inactive service.
 */
import { ServiceSlotsInput, type Booking, type ServiceSlot, type SlotView } from '../../../../../types/services'
import { defineAction, member, type ActionInput } from '../../platform/action'
import { addDays } from '../../platform/chinaTime'
import type { UserCtx } from '../../platform/context'
import { findMany, readAll } from '../../platform/db'
import { loadService } from './core'
import { K, liveKeyOf, slotId } from './repo'
import { expandSlots, todayIn } from './rules'
import { slotView } from './views'

async function slots(ctx: UserCtx, input: ActionInput<'service.slots'>): Promise<SlotView[]> {
  const { db } = ctx
  const _ = db.command
  const s = await loadService(db, input.communityId, input.serviceId)
  const now = ctx.now()
  const today = todayIn(now)
  const from = input.from && input.from > today ? input.from : today
  const days = input.days ?? 14
  const specs = expandSlots(s, from, days)
  if (specs.length === 0) return []
  const ids = specs.map((x) => slotId(s._id, x.day, x.start))
  const [docs, mine] = await Promise.all([
    readAll<ServiceSlot>(db, K.slots, { serviceId: s._id, day: _.and(_.gte(from), _.lte(addDays(from, days - 1))) }, 2000),
    myBookings(ctx, ids),
  ])
  const taken = new Map(docs.map((d) => [d._id, d.taken]))
  return specs.map((x, i) => slotView(s, x, taken.get(ids[i]) ?? 0, now, mine.get(ids[i]) ?? null))
}

/** The caller's live bookings in these slots, by slot id. */
async function myBookings(ctx: UserCtx, slotIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  for (let i = 0; i < slotIds.length; i += 100) {
    const keys = slotIds.slice(i, i + 100).map((id) => liveKeyOf(id, ctx.user._id))
    const found = await findMany<Booking>(ctx.db, K.bookings, { liveKey: ctx.db.command.in(keys) }, { limit: 100, field: { _id: true, slotId: true } })
    for (const b of found) out.set(b.slotId, b._id)
  }
  return out
}

export default defineAction({ name: 'service.slots', input: ServiceSlotsInput, access: member, writes: false, handler: slots })

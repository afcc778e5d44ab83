/**
 * Venues 场地开放 (a partner unit's hall after hours, 错时开放): what venue.list / venue.book / venue.approve share.
 *
 * A venue's hours are one-hour slots within its opening hours (rules.ts slotsOfDay), each a slot document of
 * capacity 1 — the same documents service.slots reads, so the menu shows which hours are taken. A request for a
 * range of hours takes every hour of it, one conditional update each with a hold (core.ts takePlace), at once
 * when asked: overlapping requests and approved bookings are refused (FULL) and no hour is ever held twice. The
 * booking waits `pending` for the venue's staff; approval makes it `booked` (its code then counts), a rejection
 * or a cancellation gives every hour back (core.ts closeBooking reads `slotIds`).
 *
 * Who decides: the staff of the venue's unit (unit_staff grants naming `venue.unitId`) or the secretary.
 */
import type { Community, User } from '../../../../../types/org'
import type { Booking, BookingView, Service } from '../../../../../types/services'
import type { Deps, UserCtx } from '../../platform/context'
import { isChinaDay } from '../../platform/chinaTime'
import { getById, readAll, type Db } from '../../platform/db'
import { conflict, invalid } from '../../platform/errors'
import { getUser } from '../org/repo'
import { isStaffOf, secretariesOf, staffOf, getUnit } from '../request/repo'
import { sendMessage } from '../messages/send'
import { thing } from '../messages/rules'
import { bookingRelations, releaseHold, takePlace, type Standing } from './core'
import { K, slotId } from './repo'
import { clockWords, dayWords, fromMinutes, slotsOfDay, toMinutes, type BookingRelation, type SlotSpec } from './rules'
import { bookingView } from './views'

/** A community has a handful of services of each kind: past this, fail loudly. */
const MAX_SERVICES = 500

/** The community's active venues (services.community_active_id, then by delivery). */
export async function venuesOf(db: Db, communityId: string): Promise<Service[]> {
  const active = await readAll<Service>(db, K.services, { communityId, active: true }, MAX_SERVICES)
  return active.filter((s) => s.delivery === 'venue')
}

/** Is the user staff of the venue's unit? */
export const isVenueStaff = (user: Pick<User, 'roles'>, s: Pick<Service, 'venue'>) => !!s.venue?.unitId && isStaffOf(user, s.venue.unitId)

/** Does the user work for a unit serving this community (a partner unit's staff may ask for a venue)? */
export const worksForUnitHere = (user: Pick<User, 'roles'>, community: Pick<Community, '_id' | 'streetId'>) =>
  user.roles.some((g) => g.role === 'unit_staff' && !!g.unitId && (g.communityId === community._id || g.communityId === community.streetId))

/** How the caller stands to a venue booking (core.ts bookingRelations, plus the venue's staff). */
export function venueRelations(
  b: Pick<Booking, 'userId' | 'bookedById'>,
  user: User,
  s: Service,
  st: Pick<Standing, 'isSecretary' | 'isProvider'>,
): Set<BookingRelation> {
  const r = bookingRelations(b, user._id, st)
  if (isVenueStaff(user, s)) r.add('venueStaff')
  return r
}

/**
 * The hours of a request `start`–`end` on `day`: every hour must be one of the venue's slots that day (on the
 * hour grid from its opening, within its hours, not a closure). Throws INVALID_INPUT / CONFLICT with the words.
 */
export function hoursOf(s: Service, day: string, start: string, end: string): SlotSpec[] {
  if (!isChinaDay(day)) throw invalid('日期不正确', [{ path: 'day', message: '日期不正确' }])
  const from = toMinutes(start)
  const to = toMinutes(end)
  if (to <= from) throw invalid('结束时间要晚于开始时间', [{ path: 'end', message: '结束时间要晚于开始时间' }])
  const slots = slotsOfDay(s, day)
  if (slots.length === 0) throw conflict('场地这一天不开放')
  if (slots[0].closed) throw conflict('场地这一天休息，不开放预约')
  const hours: SlotSpec[] = []
  for (let m = from; m < to; m += 60) {
    const slot = slots.find((x) => x.start === fromMinutes(m))
    if (!slot || toMinutes(slot.end) > to) {
      const v = s.venue!
      throw invalid(`请按整点预约开放时间内的时段（${clockWords(v.opens)}-${clockWords(v.closes)}）`, [
        { path: slot ? 'end' : 'start', message: '不在开放时间内或不是整点时段' },
      ])
    }
    hours.push(slot)
  }
  return hours
}

/**
 * Take every hour for the booking (in order; capacity 1 each). When one is taken already, the hours taken so far
 * are given back and the answer is CONFLICT FULL. Returns the slot document ids, held by `bookingId`.
 */
export async function takeHours(db: Db, s: Service, hours: SlotSpec[], bookingId: string, now: Date): Promise<string[]> {
  const held: string[] = []
  try {
    for (const h of hours) held.push(await takePlace(db, { ...h, serviceId: s._id, communityId: s.communityId }, bookingId, now))
  } catch (err) {
    for (const id of held) await releaseHold(db, id, bookingId, true)
    const e = err as { reason?: string }
    if (e.reason === 'FULL') throw conflict('这段时间已经有人预约了，请换个时间', 'FULL')
    throw err
  }
  return held
}

export const hourSlotIds = (s: Pick<Service, '_id'>, hours: SlotSpec[]) => hours.map((h) => slotId(s._id, h.day, h.start))

/** A venue booking as the caller sees it (views.ts: the code only once it is approved). */
export const venueBookingView = (b: Booking, s: Service, relations: ReadonlySet<BookingRelation>, person: User | null, now: Date): BookingView =>
  bookingView(b, s, relations, person, now)

/** The people who decide on a venue's requests: its unit's staff, else the community's secretaries. */
export async function deciders(db: Db, s: Service): Promise<User[]> {
  const unit = s.venue?.unitId ? await getUnit(db, s.venue.unitId) : null
  const staff = unit ? await staffOf(db, unit) : []
  return staff.length ? staff : secretariesOf(db, s.communityId)
}

const when = (b: Pick<Booking, 'day' | 'start' | 'end'>) => `${dayWords(b.day)} ${clockWords(b.start)}-${clockWords(b.end)}`

/** The page a venue's messages open. */
export const venuePage = (b: Pick<Booking, '_id' | 'communityId'>) => `packages/services/pages/index/index?booking=${b._id}&c=${b.communityId}`

/** Tell the deciders that a request waits (待办提醒). */
export async function tellDeciders(deps: Pick<Deps, 'db' | 'openapi' | 'now'>, s: Service, b: Booking): Promise<void> {
  for (const u of await deciders(deps.db, s))
    await sendMessage(deps, {
      communityId: s.communityId,
      userId: u._id,
      template: 'reminder',
      page: venuePage(b),
      data: { thing1: thing(`场地预约待审批：${s.name}`), thing2: thing(when(b)) },
    })
}

/** Tell who asked what was decided (待办提醒): approved with the time, or not, with the reason. */
export async function tellBooker(deps: Pick<Deps, 'db' | 'openapi' | 'now'>, s: Service, b: Booking, approved: boolean, reason: string | null): Promise<void> {
  const who = await getUser(deps.db, b.bookedById)
  if (!who || who.offline) return
  await sendMessage(deps, {
    communityId: s.communityId,
    userId: who._id,
    template: 'reminder',
    page: venuePage(b),
    data: {
      thing1: thing(`场地预约${approved ? '已通过' : '未通过'}：${s.name}`),
      thing2: thing(approved ? `${when(b)}，凭预约码使用` : reason || '时间冲突或场地另有安排'),
    },
  })
}

/** A venue booking of this community, with its service; null when it is not one. */
export async function loadVenueBooking(ctx: UserCtx, communityId: string, bookingId: string): Promise<{ booking: Booking; service: Service } | null> {
  const booking = await getById<Booking>(ctx.db, K.bookings, bookingId)
  if (!booking || booking.communityId !== communityId) return null
  const service = await getById<Service>(ctx.db, K.services, booking.serviceId)
  if (!service || service.delivery !== 'venue') return null
  return { booking, service }
}

/**
 * Service menus and bookings 服务菜单 / 社区秘书: what the community offers, booked, walked into, delivered at
 * home, privately, for a child, daily (the canteen) or as a venue after hours; bookings with codes, reminders,
 * attendance, no-shows and ratings; 代办 errands owned by whoever takes them first (首问负责); and what
 * residents looked for but could not find.
 *
 * Booking lifecycle (cloudfunctions/api/src/modules/service/rules.ts is the table):
 *   booked ─verify (code)→ attended ─rate→ (rated)     booked ─markNoShow→ no_show
 *   booked ─cancel (before the cutoff)→ cancelled       pending (venue) ─approve→ booked · ─reject→ rejected
 * Errand: submitted ─accept (first taker owns it)→ accepted ─progress→ in_progress ─done→ done; handover keeps the state.
 */
import * as z from 'zod/mini'
import { Id, PageInput, Text } from './common'
import { BOOKING_CHANNELS, BOOKING_STATUSES, DELIVERY_KINDS, ERRAND_STATUSES, PROVIDER_KINDS, SERVICE_CATEGORIES } from './vocabulary'

export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number]
export type DeliveryKind = (typeof DELIVERY_KINDS)[number]
export type ProviderKind = (typeof PROVIDER_KINDS)[number]
export type BookingStatus = (typeof BOOKING_STATUSES)[number]
export type BookingChannel = (typeof BOOKING_CHANNELS)[number]
export type ErrandStatus = (typeof ERRAND_STATUSES)[number]

// ---------- Stored documents ----------

/** A weekly slot: weekday 1 (Monday) – 7 (Sunday), China time. */
export interface WeeklySlot {
  weekday: number
  start: string // 'HH:mm'
  end: string
  capacity: number
}
export interface DatedSlot {
  day: string // 'YYYY-MM-DD'
  start: string
  end: string
  capacity: number
}

export interface Service {
  _id: string
  communityId: string
  name: string
  category: ServiceCategory
  description: string
  /** Who provides it: community staff, a partner unit (its staff), a party-member post (its holders). */
  provider: { kind: ProviderKind; unitId: string | null; postId: string | null; userIds: string[] }
  place: string
  /** Who may book: every verified resident, or residents of some buildings / only the elderly (verified birth year). */
  audience: { minAge: number | null; buildingIds: string[] }
  delivery: DeliveryKind
  /** booked slots: weekly and dated slots, closures (holidays). */
  schedule: { weekly: WeeklySlot[]; dated: DatedSlot[]; closures: string[] }
  /** just come: the fixed time and place in words (nothing to book). */
  walkIn: string | null
  /** daily (the canteen): one booking a day, booked before the cutoff of that day, up to the capacity. */
  daily: { cutoff: string; capacity: number; days: number[] } | null
  /** venue: hourly slots within opening hours, approved by the unit's staff. */
  venue: { unitId: string | null; opens: string; closes: string; days: number[] } | null
  /** Only the person and the provider ever see a booking (counselling). */
  private: boolean
  /** A parent books for a child: only the child's given name and age are kept. */
  forChild: boolean
  /** 0 = free; else points paid through the ledger per booking (refunded once on a cancellation before the cutoff). */
  pricePoints: number
  /** Bookings and cancellations close this many hours before a slot starts. */
  cutoffHours: number
  /** No-shows within `withinDays` that block new bookings for `blockDays`. */
  noShowRule: { count: number; withinDays: number; blockDays: number }
  active: boolean
  /** Running counters kept with each booking move (never recounted for statistics). */
  counters: { bookings: number; cancelled: number; attended: number; noShows: number; ratingSum: number; ratings: number }
  createdAt: Date
  updatedAt: Date
}

/** A slot's capacity document, made on its first booking: `_id` `${serviceId}_${day}_${start}`. */
export interface ServiceSlot {
  _id: string
  serviceId: string
  communityId: string
  day: string
  start: string
  end: string
  capacity: number
  taken: number
  /** Places taken by bookings still being written (given back if none came of them; the timer resolves a crash's). */
  holds?: { bookingId: string; at: Date }[]
}

export interface Booking {
  _id: string
  serviceId: string
  communityId: string
  slotId: string
  day: string
  start: string
  end: string
  /** The person it is for (the resident; a parent for a child booking). */
  userId: string
  bookedById: string
  channel: BookingChannel
  status: BookingStatus
  /** 8 digits, shown with a QR; verified once by staff. */
  code: string
  child: { givenName: string; age: number } | null
  /** At-home visits: the address, shown only to the assigned provider. */
  address: string | null
  note: string | null
  /** Points paid for it (the ledger transfer's id), and whether they were refunded. */
  paid: { points: number; transferId: string; refunded: boolean } | null
  rating: { stars: number; comment: string; at: Date } | null
  /** When the day-before reminder was dealt with: sent, or passed over (no reminder accepted, booked on the day). */
  remindedAt: Date | null
  /** `${slotId}_${userId}` while the booking holds its place (unique: one per person per slot); `x_<id>` once freed. */
  liveKey?: string
  /** Every slot it holds when more than one: a venue booking over several hours (absent: just `slotId`). */
  slotIds?: string[]
  /** A venue request turned down: the reason given (venue.approve). */
  rejectReason?: string | null
  createdAt: Date
  updatedAt: Date
}

export interface Errand {
  _id: string
  communityId: string
  serviceId: string | null
  residentId: string
  enteredById: string
  title: string
  description: string
  /** What the resident must bring (身份证, 户口本 …). */
  documents: string[]
  status: ErrandStatus
  ownerId: string | null
  handovers: { fromId: string; toId: string; at: Date; note: string }[]
  /** Where it came from / went: a reception-day booking, or a request it became. */
  bookingId: string | null
  requestId: string | null
  flow: { at: Date; event: string; byId: string | null; note: string | null }[]
  createdAt: Date
  updatedAt: Date
  /**
   * A toRequest in flight (added for errand.advance toRequest, optional for compatibility): taken by a conditional
   * update before the request is made, cleared with the link, so a double tap makes one request. One older than a
   * minute is a crash's leftover and blocks nothing.
   */
  converting?: { byId: string; at: Date } | null
}

/** 我想要这样的服务 and searches with no result, counted per community × month × words (`service_demand`). */
export interface DemandCounter {
  _id: string
  communityId: string
  month: string
  words: string
  searches: number
  wants: number
}

// ---------- Inputs ----------

const Community = { communityId: Id }
const Clock = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 09:00'))
const Day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2026-12-01'))
const Weekday = z.number().check(z.int(), z.gte(1), z.lte(7))
const Capacity = z.number().check(z.int(), z.gte(1, '名额至少 1 个'), z.lte(1000))

export const ServiceListInput = z.strictObject({
  ...PageInput.shape,
  ...Community,
  category: z.optional(z.enum(SERVICE_CATEGORIES)),
  /** Words to look for; a search with no result is counted for the secretary. */
  q: z.optional(z.string().check(z.trim(), z.maxLength(20))),
  /** Secretary: include inactive services. */
  all: z.optional(z.boolean()),
  /**
   * Only the services the caller provides (named, staff of the providing unit, holder of the providing post),
   * active or not; the secretary: every service. For the staff desk (核验预约码 · 今日名单). Added with the staff
   * pages, optional.
   */
  provided: z.optional(z.boolean()),
})
export const ServiceGetInput = z.strictObject({ ...Community, serviceId: Id })
export const ServiceUpsertInput = z.strictObject({
  ...Community,
  serviceId: z.optional(Id),
  name: Text(20),
  category: z.enum(SERVICE_CATEGORIES),
  description: Text(500),
  /** Required for a new service; absent on an update: the provider stays as it is. */
  provider: z.optional(
    z.strictObject({
      kind: z.enum(PROVIDER_KINDS),
      unitId: z.optional(z.nullable(Id)),
      postId: z.optional(z.nullable(Id)),
      userIds: z.array(Id).check(z.maxLength(20)),
    }),
  ),
  place: Text(50),
  audience: z.optional(
    z.strictObject({ minAge: z.nullable(z.number().check(z.int(), z.gte(1), z.lte(100))), buildingIds: z.array(Id).check(z.maxLength(200)) }),
  ),
  delivery: z.enum(DELIVERY_KINDS),
  schedule: z.optional(
    z.strictObject({
      weekly: z.array(z.strictObject({ weekday: Weekday, start: Clock, end: Clock, capacity: Capacity })).check(z.maxLength(30)),
      dated: z.array(z.strictObject({ day: Day, start: Clock, end: Clock, capacity: Capacity })).check(z.maxLength(60)),
      closures: z.array(Day).check(z.maxLength(60)),
    }),
  ),
  walkIn: z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(50)))),
  daily: z.optional(z.nullable(z.strictObject({ cutoff: Clock, capacity: Capacity, days: z.array(Weekday).check(z.maxLength(7)) }))),
  venue: z.optional(z.nullable(z.strictObject({ unitId: z.nullable(Id), opens: Clock, closes: Clock, days: z.array(Weekday).check(z.maxLength(7)) }))),
  private: z.optional(z.boolean()),
  forChild: z.optional(z.boolean()),
  pricePoints: z.optional(z.number().check(z.int(), z.gte(0), z.lte(10000))),
  cutoffHours: z.optional(z.number().check(z.int(), z.gte(0), z.lte(72))),
  noShowRule: z.optional(
    z.strictObject({
      count: z.number().check(z.int(), z.gte(1), z.lte(10)),
      withinDays: z.number().check(z.int(), z.gte(7), z.lte(365)),
      blockDays: z.number().check(z.int(), z.gte(1), z.lte(90)),
    }),
  ),
  active: z.optional(z.boolean()),
})
/** The slots of a service over the next days (China), with places left. */
export const ServiceSlotsInput = z.strictObject({
  ...Community,
  serviceId: Id,
  from: z.optional(Day),
  days: z.optional(z.number().check(z.int(), z.gte(1), z.lte(31))),
})
export const ServiceStatsInput = z.strictObject(Community)
/** 我想要这样的服务: a resident says what they wanted (counted, with the words, for the secretary). */
export const ServiceDemandInput = z.strictObject({ ...Community, words: Text(30) })

export const BookingCreateInput = z.strictObject({
  ...Community,
  serviceId: Id,
  /** The slot's day and start (booked slots, venue hours), or the day (daily). */
  day: Day,
  start: z.optional(Clock),
  /** Venue: the end hour of the booked range. */
  end: z.optional(Clock),
  /** A building head for an offline neighbour they act for; staff for a resident who phoned. */
  forUserId: z.optional(Id),
  channel: z.optional(z.enum(['phone'])),
  child: z.optional(z.strictObject({ givenName: Text(10), age: z.number().check(z.int(), z.gte(1), z.lte(17)) })),
  address: z.optional(z.string().check(z.trim(), z.maxLength(100))),
  note: z.optional(z.string().check(z.trim(), z.maxLength(200))),
})
export const BookingCancelInput = z.strictObject({ ...Community, bookingId: Id, reason: z.optional(z.string().check(z.trim(), z.maxLength(100))) })
export const BookingMineInput = z.strictObject({ ...PageInput.shape, ...Community })
/** Staff: a service's bookings for a day (private services: only the provider sees who). */
export const BookingRosterInput = z.strictObject({ ...PageInput.shape, ...Community, serviceId: Id, day: Day })
export const BookingVerifyInput = z.strictObject({ ...Community, code: z.string().check(z.regex(/^\d{8}$/, '请输入 8 位预约码')) })
export const BookingMarkNoShowInput = z.strictObject({ ...Community, bookingId: Id })
export const BookingRateInput = z.strictObject({
  ...Community,
  bookingId: Id,
  stars: z.number().check(z.int(), z.gte(1, '请打 1-5 星'), z.lte(5, '请打 1-5 星')),
  comment: z.optional(z.string().check(z.trim(), z.maxLength(200))),
})

export const ErrandCreateInput = z.strictObject({
  ...Community,
  serviceId: z.optional(Id),
  /** Staff entering it for a resident (a reception-day matter), or a building head for a neighbour. */
  forUserId: z.optional(Id),
  title: Text(30),
  description: Text(500),
  documents: z.optional(z.array(Text(20)).check(z.maxLength(10))),
  bookingId: z.optional(Id),
})
export const ErrandListInput = z.strictObject({
  ...PageInput.shape,
  ...Community,
  /** mine: the resident's own; open: staff's queue of untaken ones; owned: the caller's as owner. */
  view: z.enum(['mine', 'open', 'owned', 'all']),
})
export const ErrandAdvanceInput = z.strictObject({
  ...Community,
  errandId: Id,
  step: z.enum(['accept', 'progress', 'done', 'handover', 'toRequest']),
  note: z.optional(z.string().check(z.trim(), z.maxLength(200))),
  /** handover: to which staff member. */
  toUserId: z.optional(Id),
})

export const VenueListInput = z.strictObject({
  ...Community,
  /**
   * With each venue the caller decides on (its unit's staff, the secretary), its pending requests across days,
   * earliest day first (bookings.service_status_day). Added with the venue page, optional.
   */
  pending: z.optional(z.boolean()),
})
export const VenueBookInput = z.strictObject({
  ...Community,
  serviceId: Id,
  day: Day,
  start: Clock,
  end: Clock,
  purpose: Text(100),
})
export const VenueApproveInput = z.strictObject({
  ...Community,
  bookingId: Id,
  approve: z.boolean(),
  reason: z.optional(z.string().check(z.trim(), z.maxLength(100))),
})

// ---------- Outputs ----------

export interface ServiceCard {
  id: string
  name: string
  category: ServiceCategory
  delivery: DeliveryKind
  place: string
  /** In words: 每周三 9:00-11:00 / 每天 11:30 前订餐 / 随到随办 …. */
  when: string
  pricePoints: number
  private: boolean
  forChild: boolean
  active: boolean
  ratingAverage: number | null
  /** The caller provides it (service.list; added with the staff pages, present only when true). */
  provided?: boolean
}

export interface ServiceDetail extends ServiceCard {
  communityId: string
  description: string
  provider: { kind: ProviderKind; name: string }
  walkIn: string | null
  cutoffHours: number
  audience: { minAge: number | null; buildingIds: string[] }
  schedule: Service['schedule']
  daily: Service['daily']
  venue: Service['venue']
  noShowRule: Service['noShowRule']
  /** Whether the caller may book now, and why not (blocked after no-shows until …, not in the audience …). */
  me: { canBook: boolean; whyNot: string | null; blockedUntil: string | null; isProvider: boolean; canEdit: boolean }
  /**
   * Only to the secretary (me.canEdit), for the menu editor: the provider as stored (the unit, the post, the
   * people named, with their list names). Absent for everyone else (added later; optional for compatibility).
   */
  edit?: ServiceEditView
}

/** What the menu editor needs beyond the detail (service.get / service.upsert answer it to the secretary). */
export interface ServiceEditView {
  provider: Service['provider'] & { people: { userId: string; name: string }[] }
}

export interface SlotView {
  day: string
  start: string
  end: string
  capacity: number
  left: number
  /** Past its cutoff, closed (holiday), or full. */
  open: boolean
  why: string | null
  /** The caller's booking in this slot, if any. */
  mine: string | null
}

export interface BookingView {
  id: string
  serviceId: string
  serviceName: string
  day: string
  start: string
  end: string
  status: BookingStatus
  /** The code only to the person who booked (and who booked for them). */
  code: string | null
  channel: BookingChannel
  /** The person's masked name; hidden (预约人已隐藏) in private services for all but the provider. */
  who: string
  child: { givenName: string; age: number } | null
  /** At-home: only to the provider. */
  address: string | null
  pricePoints: number
  refunded: boolean
  rating: { stars: number; comment: string } | null
  canCancel: boolean
  canRate: boolean
}

export interface ErrandView {
  id: string
  title: string
  description: string
  documents: string[]
  status: ErrandStatus
  resident: string
  owner: string | null
  handovers: { from: string; to: string; at: string; note: string }[]
  requestId: string | null
  createdAt: string
  can: Partial<Record<'accept' | 'progress' | 'done' | 'handover' | 'toRequest', boolean>>
  /** Its timeline: submitted, taken, progress, handovers (with the reason), done, turned into a request (added with the errand screens, optional). */
  timeline?: { at: string; event: 'submit' | 'accept' | 'progress' | 'done' | 'handover' | 'toRequest'; by: string | null; note: string | null }[]
  /** When the caller may hand it over: the staff it may go to (the community's staff and its service's providers, not its owner). */
  handoverTo?: { id: string; name: string }[]
}

/** A pending venue request as its deciders see it: who (masked), when, and what for. */
export interface VenueRequest extends BookingView {
  purpose: string
}

/** venue.list: a venue card with its opening hours; with `pending`, the requests waiting for the caller's decision. */
export interface VenueCard extends ServiceCard {
  venue: NonNullable<Service['venue']>
  /** The caller decides on its requests (its unit's staff, the secretary). */
  decides: boolean
  /** With `pending` and `decides`: its requests waiting for a decision, earliest first (at most 50). */
  pending?: VenueRequest[]
}

export interface ServiceStats {
  /** Per service, from its counters. */
  services: { id: string; name: string; bookings: number; attended: number; noShows: number; cancelled: number; ratingAverage: number | null }[]
  /** What residents looked for and could not find, and asked for (this month and last). */
  demand: { words: string; searches: number; wants: number }[]
  errands: { open: number; done: number }
}

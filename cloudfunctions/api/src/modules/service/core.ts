/**
 * What the service actions share: loading a service and how the caller stands to it (secretary, provider),
 * a slot's places (taken by a conditional update with a hold, given back when no booking came of it), and a
 * booking written — or closed — in one transaction with its points and the service's counters.
 *
 * Capacity: the slot document (`service_slots`, made on the first booking) is the hot document, so it stays out
 * of transactions on the way in. One conditional update (`taken < capacity`, no hold of this booking yet) takes
 * a place and records a hold `{ bookingId, at }` in the same write; one transaction then writes the booking
 * (unique `liveKey`: one per person per slot; unique code per community), pays its points through the ledger
 * (`booking:<id>:pay`) and raises the service's counters; the hold is then dropped — with the place given
 * back if the transaction refused. A hold left by a crash is resolved by the timer (`releaseStaleHolds`).
 * While a slot is full but holds are pending, a booking waits for them (bounded), so "full" is said only when
 * true and a rush books exactly the capacity.
 * Closing (cancel, reject) is rare: the booking, its refund (`booking:<id>:refund`, once), the counters and
 * the place given back are one transaction.
 */
import type { Community, User } from '../../../../../types/org'
import type { Post } from '../../../../../types/party'
import type { Booking, DemandCounter, Service, ServiceSlot } from '../../../../../types/services'
import { chinaMonth } from '../../platform/chinaTime'
import type { Deps, UserCtx } from '../../platform/context'
import { ensureDoc, findMany, getById, isDuplicateKey, runTx, txGet, updateWhere, type Db, type Tx } from '../../platform/db'
import { conflict, forbidden, notFound } from '../../platform/errors'
import { applyTransfer, ensureAccounts, findTransfer, personLeg, systemLeg } from '../points/ledger'
import { getCommunity } from '../org/repo'
import { holdsRole } from '../org/rules'
import { PT } from '../party/repo'
import { countBookingIn } from './counters'
import { demandId, demandWords, freedKeyOf, K, newBookingCode, slotId as slotIdOf } from './repo'
import {
  audienceRefusal,
  canMove,
  moveRefusal,
  noShowBlock,
  noShowHorizon,
  noShowMessage,
  todayIn,
  type BookingEvent,
  type BookingRelation,
  type NoShowBlock,
  type SlotSpec,
} from './rules'

// ---------- Loading ----------

/** The service, in this community; NOT_FOUND otherwise (and for an inactive one unless `inactiveToo`). */
export async function loadService(db: Db, communityId: string, serviceId: string, inactiveToo = false): Promise<Service> {
  const s = await getById<Service>(db, K.services, serviceId)
  if (!s || s.communityId !== communityId || (!s.active && !inactiveToo)) throw notFound('这项服务')
  return s
}

export async function loadCommunity(db: Db, communityId: string): Promise<Community> {
  const c = await getCommunity(db, communityId)
  if (!c) throw notFound('社区')
  return c
}

/** The party post that provides a service (its holders are its providers), if it is a post's. */
export const postOf = async (db: Db, s: Pick<Service, 'provider'>): Promise<Post | null> =>
  s.provider.kind === 'post' && s.provider.postId ? getById<Post>(db, PT.posts, s.provider.postId) : null

/**
 * Does the user provide this service: named among its providers, staff of its unit (a unit_staff grant
 * naming the unit), or a holder of its post?
 */
export function isProvider(user: Pick<User, '_id' | 'roles'>, s: Pick<Service, 'provider'>, post: Pick<Post, 'holders'> | null): boolean {
  if (s.provider.userIds.includes(user._id)) return true
  if (s.provider.kind === 'unit' && s.provider.unitId) return user.roles.some((g) => g.role === 'unit_staff' && g.unitId === s.provider.unitId)
  if (s.provider.kind === 'post' && post) return post.holders.includes(user._id)
  return false
}

export interface Standing {
  community: Community
  isSecretary: boolean
  isProvider: boolean
}

/** How the caller stands to a service: the community's secretary (or street admin), a provider. */
export async function standingOf(ctx: UserCtx, s: Service): Promise<Standing> {
  const [community, post] = await Promise.all([loadCommunity(ctx.db, s.communityId), postOf(ctx.db, s)])
  return { community, isSecretary: holdsRole(ctx.user, community, ['secretary', 'street_admin']), isProvider: isProvider(ctx.user, s, post) }
}

/** How a user stands to a booking, given their standing to its service. */
export function bookingRelations(
  b: Pick<Booking, 'userId' | 'bookedById'>,
  userId: string,
  st: Pick<Standing, 'isSecretary' | 'isProvider'>,
): Set<BookingRelation> {
  const r = new Set<BookingRelation>()
  if (b.userId === userId) r.add('person')
  if (b.bookedById === userId) r.add('booker')
  if (st.isProvider) r.add('provider')
  if (st.isSecretary) r.add('secretary')
  return r
}

/** FORBIDDEN when these relations may not do `event` at all; CONFLICT (STATE_CHANGED) when the status forbids it. */
export function ensureMove(event: BookingEvent, b: Booking, relations: ReadonlySet<BookingRelation>, forbiddenWords: string): void {
  if (canMove(event, b, relations)) return
  if (canMove(event, { status: 'booked' }, relations) || canMove(event, { status: 'pending' }, relations) || canMove(event, { status: 'attended' }, relations))
    throw conflict(moveRefusal(event, b.status), event === 'rate' && b.rating ? 'ALREADY_DONE' : 'STATE_CHANGED')
  throw forbidden(forbiddenWords)
}

// ---------- Places in a slot ----------

export interface SlotRef extends SlotSpec {
  serviceId: string
  communityId: string
}

const HOLD_WAIT_MS = 5000
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * Take a place in the slot for this booking, atomically (the slot document is made on its first booking, so
 * the usual case is one conditional update).
 * Capacity is the schedule's now, so a secretary's change applies at once. When the slot is full but other
 * bookings hold places they may yet give back, wait for them: FULL only when it is true.
 */
export async function takePlace(db: Db, slot: SlotRef, bookingId: string, now: Date): Promise<string> {
  const _ = db.command
  const id = slotIdOf(slot.serviceId, slot.day, slot.start)
  const fresh: ServiceSlot = {
    _id: id,
    serviceId: slot.serviceId,
    communityId: slot.communityId,
    day: slot.day,
    start: slot.start,
    end: slot.end,
    capacity: slot.capacity,
    taken: 0,
    holds: [],
  }
  const deadline = Date.now() + HOLD_WAIT_MS
  for (let attempt = 0; ; attempt++) {
    const took = await updateWhere(
      db,
      K.slots,
      { _id: id, taken: _.lt(slot.capacity), 'holds.bookingId': _.neq(bookingId) },
      { taken: _.inc(1), capacity: slot.capacity, holds: _.push({ bookingId, at: now }) },
    )
    if (took === 1) return id
    const again = await getById<ServiceSlot>(db, K.slots, id)
    if (!again) {
      // The slot's first booking makes its document (a racing first booking may make it first).
      await ensureDoc(db, K.slots, fresh)
      continue
    }
    const holds = again.holds ?? []
    if (holds.some((h) => h.bookingId === bookingId)) return id
    if (again.taken - holds.length >= slot.capacity) throw conflict('这个时段已经约满了，请换个时间', 'FULL')
    if (Date.now() > deadline) throw conflict('预约的人太多了，请稍后再试', 'BUSY')
    // Waiting for holders: back off (up to ~100 ms), so a crowd of waiters does not slow the holders down.
    await pause(2 + Math.random() * Math.min(100, 8 * 2 ** Math.min(attempt, 4)))
  }
}

/** Drop a booking's hold on its slot: with its place given back when no booking came of it. */
export async function releaseHold(db: Db, slotDocId: string, bookingId: string, giveBack: boolean): Promise<void> {
  const _ = db.command
  const data = giveBack ? { taken: _.inc(-1), holds: _.pull({ bookingId }) } : { holds: _.pull({ bookingId }) }
  await updateWhere(db, K.slots, { _id: slotDocId, 'holds.bookingId': bookingId }, data)
}

/** Inside a transaction: give one place of the slot back (a cancellation). Nothing if the slot was never made. */
export async function givePlaceIn(db: Db, tx: Tx, slotDocId: string): Promise<void> {
  const slot = await txGet<ServiceSlot>(tx, K.slots, slotDocId)
  if (slot && slot.taken > 0)
    await tx
      .collection(K.slots)
      .doc(slotDocId)
      .update({ data: { taken: db.command.inc(-1) } })
}

// ---------- Counters ----------

export type CounterName = keyof Service['counters']

/** The update of a service's counters (same write as the event's). */
export function counterUpdate(db: Db, inc: Partial<Record<CounterName, number>>, now: Date): Record<string, unknown> {
  const data: Record<string, unknown> = { updatedAt: now }
  for (const [k, v] of Object.entries(inc)) if (v) data[`counters.${k}`] = db.command.inc(v)
  return data
}

export async function bumpCountersIn(db: Db, tx: Tx, serviceId: string, inc: Partial<Record<CounterName, number>>, now: Date): Promise<void> {
  await tx
    .collection(K.services)
    .doc(serviceId)
    .update({ data: counterUpdate(db, inc, now) })
}

export const ZERO_COUNTERS: Service['counters'] = { bookings: 0, cancelled: 0, attended: 0, noShows: 0, ratingSum: 0, ratings: 0 }

// ---------- Writing a booking ----------

/** The ledger key of a booking's payment and of its refund (one each, ever). */
export const payKey = (bookingId: string) => `booking:${bookingId}:pay`
export const refundKey = (bookingId: string) => `booking:${bookingId}:refund`

/**
 * Write a new booking in one transaction: its points paid (one transfer, `booking:<id>:pay`), the booking
 * itself (a fresh code; the unique liveKey refuses a second live booking of the person in the slot) and the
 * service's `bookings` counter. A code that collides with another of the community is drawn again; a live
 * booking already there answers CONFLICT (ALREADY_DONE). `booking.code` is overwritten; `paid` is filled in.
 */
export async function writeBooking(ctx: Pick<Deps, 'db'>, s: Service, draft: Booking, now: Date): Promise<Booking> {
  const { db } = ctx
  const points = s.pricePoints
  if (points > 0) await ensureAccounts(db, s.communityId, [personLeg(s.communityId, draft.userId, 0)], now)
  for (let attempt = 0; ; attempt++) {
    const booking: Booking = { ...draft, code: newBookingCode() }
    try {
      return await runTx(db, async (tx) => {
        if (points > 0) {
          const t = await applyTransfer(
            db,
            tx,
            {
              key: payKey(booking._id),
              communityId: s.communityId,
              kind: 'redeem',
              reason: `预约「${s.name}」`,
              cause: { type: 'booking', id: booking._id },
              byUserId: draft.bookedById,
              legs: [personLeg(s.communityId, draft.userId, -points), systemLeg('mall', s.communityId, points)],
            },
            now,
          )
          booking.paid = { points, transferId: t._id, refunded: false }
        }
        await tx.collection(K.bookings).add({ data: booking })
        await countBookingIn(db, tx, s, booking._id)
        return booking
      })
    } catch (err) {
      if (!isDuplicateKey(err)) throw err
      // Either the person's live booking in this slot exists (liveKey), or the code collided: draw another.
      if (draft.liveKey && (await liveBooking(db, draft.liveKey))) throw conflict('您已经预约了这个时段，请在「我的预约」里查看', 'ALREADY_DONE')
      if (attempt >= 3) throw err
    }
  }
}

/** The live booking holding this key, if any (index live_unique). */
export async function liveBooking(db: Db, liveKey: string): Promise<Booking | null> {
  const res = (await db.collection(K.bookings).where({ liveKey }).limit(1).get()) as unknown as { data: Booking[] }
  return res.data[0] ?? null
}

/**
 * Close a live booking as cancelled or rejected in one transaction: the status (checked again inside), its
 * place given back, its points refunded in full once (`booking:<id>:refund`), the liveKey freed (the person
 * may book the slot again), the `cancelled` counter for a cancellation, and `alongside` (an audit entry).
 * `check` runs on the booking as read inside (throws to refuse). Answers the booking as it now is.
 */
export async function closeBooking(
  ctx: Pick<Deps, 'db'>,
  bookingId: string,
  to: 'cancelled' | 'rejected',
  now: Date,
  byUserId: string | null,
  check: (b: Booking) => void,
  alongside?: (tx: Tx, b: Booking) => Promise<void>,
): Promise<Booking> {
  const { db } = ctx
  const pre = await getById<Booking>(db, K.bookings, bookingId)
  if (!pre) throw notFound('这个预约')
  if (pre.paid) await ensureAccounts(db, pre.communityId, [personLeg(pre.communityId, pre.userId, 0)], now)
  return runTx(db, async (tx) => {
    const b = await txGet<Booking>(tx, K.bookings, bookingId)
    if (!b) throw notFound('这个预约')
    check(b)
    let paid = b.paid
    if (paid && !paid.refunded) {
      const key = refundKey(b._id)
      if (!(await findTransfer(tx, key)))
        await applyTransfer(
          db,
          tx,
          {
            key,
            communityId: b.communityId,
            kind: 'refund',
            reason: to === 'rejected' ? '场地预约未通过，积分退回' : '取消预约，积分退回',
            cause: { type: 'booking', id: b._id },
            byUserId,
            legs: [systemLeg('mall', b.communityId, -paid.points), personLeg(b.communityId, b.userId, paid.points)],
          },
          now,
        )
      paid = { ...paid, refunded: true }
    }
    if (b.status === 'booked' || b.status === 'pending') for (const id of b.slotIds ?? [b.slotId]) await givePlaceIn(db, tx, id)
    const change = { status: to, paid, liveKey: freedKeyOf(b._id), updatedAt: now }
    await tx.collection(K.bookings).doc(b._id).update({ data: change })
    if (to === 'cancelled') await bumpCountersIn(db, tx, b.serviceId, { cancelled: 1 }, now)
    const after = { ...b, ...change }
    if (alongside) await alongside(tx, after)
    return after
  })
}

// ---------- What residents look for ----------

/** Count a search with no result (`searches`) or a 我想要这样的服务 (`wants`) for the words, this China month. */
export async function countDemand(db: Db, communityId: string, words: string, what: 'searches' | 'wants', now: Date): Promise<void> {
  const month = chinaMonth(now)
  const _id = demandId(communityId, month, words)
  const doc: DemandCounter = { _id, communityId, month, words: demandWords(words), searches: 0, wants: 0 }
  await ensureDoc(db, K.demand, doc)
  await db
    .collection(K.demand)
    .doc(_id)
    .update({ data: { [what]: db.command.inc(1) } })
}

// ---------- Who may book ----------

/** The no-show block on this person for this service today, if any (index user_status_day: their no-shows in the window). */
export async function noShowBlockOf(db: Db, s: Service, userId: string, now: Date): Promise<NoShowBlock | null> {
  const today = todayIn(now)
  const _ = db.command
  const noShows = await findMany<Pick<Booking, 'day' | 'serviceId'>>(
    db,
    K.bookings,
    { userId, status: 'no_show', day: _.gte(noShowHorizon(s.noShowRule, today)) },
    { limit: 100, field: { day: true, serviceId: true } },
  )
  return noShowBlock(
    s.noShowRule,
    noShows.filter((b) => b.serviceId === s._id).map((b) => b.day),
    today,
  )
}

/**
 * Why this person may not book the service now — inactive, nothing to book, not in its audience, blocked after
 * no-shows (with the day it ends) — or null. Used by service.get (me) and booking.create (the refusal).
 */
export async function bookingRefusal(
  db: Db,
  s: Service,
  person: User,
  now: Date,
): Promise<{ why: string; reason: 'NOT_ELIGIBLE' | 'STATE_CHANGED'; blockedUntil: string | null } | null> {
  if (!s.active) return { why: '这项服务已暂停', reason: 'STATE_CHANGED', blockedUntil: null }
  if (s.delivery === 'walk_in') return { why: '这项服务随到随办，不用预约，按时间直接去就行', reason: 'NOT_ELIGIBLE', blockedUntil: null }
  const audience = audienceRefusal(s.audience, person, s.communityId, now)
  if (audience) return { why: audience, reason: 'NOT_ELIGIBLE', blockedUntil: null }
  const block = await noShowBlockOf(db, s, person._id, now)
  if (block) return { why: noShowMessage(s.noShowRule, block), reason: 'NOT_ELIGIBLE', blockedUntil: block.until }
  return null
}

/**
 * Projections of services, slots and bookings: what may leave the function (never raw documents, openids or
 * another person's details).
 *
 * Privacy of bookings:
 * - private services (心灵驿站): who booked, the child and the note are seen only by the person (and whoever
 *   booked for them) and the service's provider; everyone else — the secretary included — sees 预约人已隐藏;
 * - at-home visits: the address only to the provider (and the person whose address it is);
 * - the code only to the person and whoever booked for them (staff verify it, they do not read it out), and
 *   for a venue request only once it is approved;
 * - child bookings carry only the child's given name and age.
 */
import { PROVIDER_LABELS } from '../../../../../types/vocabulary'
import type { User } from '../../../../../types/org'
import type { Booking, BookingView, Service, ServiceCard, ServiceDetail, ServiceEditView, SlotView } from '../../../../../types/services'
import { getById, type Db } from '../../platform/db'
import { C, getMany } from '../org/repo'
import { listName } from '../org/rules'
import { PT } from '../party/repo'
import { K } from './repo'
import { canMove, cancelRefusal, slotRefusal, todayIn, whenWords, type BookingRelation, type SlotSpec } from './rules'

export const HIDDEN_PERSON = '预约人已隐藏'

export const ratingAverage = (c: Service['counters']): number | null => (c.ratings > 0 ? Math.round((c.ratingSum / c.ratings) * 10) / 10 : null)

export function serviceCard(s: Service, now: Date): ServiceCard {
  return {
    id: s._id,
    name: s.name,
    category: s.category,
    delivery: s.delivery,
    place: s.place,
    when: whenWords(s, todayIn(now)),
    pricePoints: s.pricePoints,
    private: s.private,
    forChild: s.forChild,
    active: s.active,
    ratingAverage: ratingAverage(s.counters),
  }
}

/** The provider's name: the unit's or the post's, else the words for community staff. */
export async function providerName(db: Db, s: Service): Promise<string> {
  if (s.provider.kind === 'unit' && s.provider.unitId) {
    const u = await getById<{ name: string }>(db, K.units, s.provider.unitId)
    if (u) return u.name
  }
  if (s.provider.kind === 'post' && s.provider.postId) {
    const p = await getById<{ title: string }>(db, PT.posts, s.provider.postId)
    if (p) return p.title
  }
  return PROVIDER_LABELS[s.provider.kind]
}

/** The secretary's extra for the menu editor: the provider as stored, with the named people's list names. */
export async function editView(db: Db, s: Service): Promise<ServiceEditView> {
  const people = await getMany<User>(db, C.users, s.provider.userIds)
  return {
    provider: {
      ...s.provider,
      people: s.provider.userIds.map((userId) => {
        const u = people.get(userId)
        return { userId, name: u ? listName(u) : '（已不在册）' }
      }),
    },
  }
}

export function serviceDetail(s: Service, now: Date, provider: string, me: ServiceDetail['me'], edit?: ServiceEditView): ServiceDetail {
  return {
    ...serviceCard(s, now),
    communityId: s.communityId,
    description: s.description,
    provider: { kind: s.provider.kind, name: provider },
    walkIn: s.walkIn,
    cutoffHours: s.cutoffHours,
    audience: s.audience,
    schedule: s.schedule,
    daily: s.daily,
    venue: s.venue,
    noShowRule: s.noShowRule,
    me,
    ...(edit ? { edit } : {}),
  }
}

/** A slot with its places left and, when it cannot be booked now, why. */
export function slotView(s: Pick<Service, 'delivery' | 'cutoffHours'>, slot: SlotSpec, taken: number, now: Date, mine: string | null): SlotView {
  const why = slotRefusal(s, slot, taken, now)
  return {
    day: slot.day,
    start: slot.start,
    end: slot.end,
    capacity: slot.capacity,
    left: Math.max(0, slot.capacity - taken),
    open: why === null,
    why,
    mine,
  }
}

/** How the viewer stands to one booking, and so what they see. */
export function bookingView(
  b: Booking,
  s: Pick<Service, 'name' | 'private' | 'delivery' | 'cutoffHours'>,
  relations: ReadonlySet<BookingRelation>,
  person: Pick<User, 'realName' | 'nickname'> | null,
  now: Date,
): BookingView {
  const own = relations.has('person') || relations.has('booker')
  const provider = relations.has('provider')
  const seesWho = !s.private || own || provider
  return {
    id: b._id,
    serviceId: b.serviceId,
    serviceName: s.name,
    day: b.day,
    start: b.start,
    end: b.end,
    status: b.status,
    code: own && b.status !== 'pending' ? b.code : null, // a venue request's code counts once approved
    channel: b.channel,
    who: seesWho && person ? listName(person) : HIDDEN_PERSON,
    child: seesWho ? b.child : null,
    address: own || provider ? b.address : null,
    pricePoints: b.paid?.points ?? 0,
    refunded: b.paid?.refunded ?? false,
    rating: b.rating && seesWho ? { stars: b.rating.stars, comment: b.rating.comment } : null,
    canCancel: canMove('cancel', b, relations) && cancelRefusal(s, b, now) === null,
    canRate: canMove('rate', b, relations),
  }
}

/**
 * Views of many bookings for one viewer: `relationsOf` says how the viewer stands to each (their service's
 * standing decides provider/secretary). Persons' names are read only for bookings the viewer may see them in.
 */
export async function bookingViews(
  db: Db,
  bookings: Booking[],
  relationsOf: (b: Booking, s: Service) => ReadonlySet<BookingRelation>,
  now: Date,
  services?: Map<string, Service>,
): Promise<BookingView[]> {
  const byId =
    services ??
    (await getMany<Service>(
      db,
      K.services,
      bookings.map((b) => b.serviceId),
    ))
  const visible = bookings.filter((b) => {
    const s = byId.get(b.serviceId)
    if (!s) return false
    const r = relationsOf(b, s)
    return !s.private || r.has('person') || r.has('booker') || r.has('provider')
  })
  const people = await getMany<User>(
    db,
    C.users,
    visible.map((b) => b.userId),
  )
  return bookings.flatMap((b) => {
    const s = byId.get(b.serviceId)
    if (!s) return []
    return [bookingView(b, s, relationsOf(b, s), people.get(b.userId) ?? null, now)]
  })
}

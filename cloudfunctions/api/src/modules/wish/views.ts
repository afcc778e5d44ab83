/** Projections of wishes: cards for the wall, the detail with its story, contact only for those who need it. */
import type { Building, Compound, Household, User } from '../../../../../types/org'
import { WISH_STATUS_LABELS, type Wish, type WishCard, type WishDetail } from '../../../../../types/wish'
import type { Db } from '../../platform/db'
import { C, getMany, householdLabel } from '../org/repo'
import { listName } from '../org/rules'
import { can, seesContact, type Relation } from './rules'
import { chinaDay } from '../../platform/chinaTime'

export async function cards(db: Db, wishes: Wish[]): Promise<WishCard[]> {
  const [people, compounds, buildings] = await Promise.all([
    getMany<User>(
      db,
      C.users,
      wishes.flatMap((w) => [w.wisherId, ...(w.claimerId ? [w.claimerId] : [])]),
    ),
    getMany<Compound>(
      db,
      C.compounds,
      wishes.map((w) => w.compoundId),
    ),
    getMany<Building>(
      db,
      C.buildings,
      wishes.map((w) => w.buildingId),
    ),
  ])
  const nameOf = (id: string | null) => (id ? listName(people.get(id) ?? { realName: null, nickname: '' }) : null)
  return wishes.map((w) => ({
    id: w._id,
    title: w.title,
    category: w.category,
    status: w.status,
    statusLabel: WISH_STATUS_LABELS[w.status],
    place: `${compounds.get(w.compoundId)?.name ?? ''} ${buildings.get(w.buildingId)?.name ?? ''}`.trim(),
    wisherName: nameOf(w.wisherId) ?? '',
    onBehalf: w.onBehalf,
    claimerName: nameOf(w.claimerId),
    photo: w.photos[0] ?? null,
    createdAt: new Date(w.createdAt).toISOString(),
    wishedBy: w.wishedBy ? chinaDay(new Date(w.wishedBy)) : null,
  }))
}

export async function detail(db: Db, w: Wish, viewerId: string, relations: Set<Relation>): Promise<WishDetail> {
  const [card] = await cards(db, [w])
  const people = await getMany<User>(
    db,
    C.users,
    w.history.map((h) => h.byId).filter((x): x is string => !!x),
  )
  let contact: WishDetail['contact'] = null
  if (seesContact(relations)) {
    const [wisher] = (await getMany<User>(db, C.users, [w.wisherId])).values()
    const household = wisher?.householdId ? (await getMany<Household>(db, C.households, [wisher.householdId])).get(wisher.householdId) : undefined
    contact = {
      name: wisher?.realName || wisher?.nickname || '',
      phone: wisher?.phone ?? null,
      address: household ? await householdLabel(db, household) : card.place,
    }
  }
  const iso = (d: Date) => new Date(d).toISOString()
  return {
    ...card,
    communityId: w.communityId,
    description: w.description,
    photos: w.photos,
    history: w.history.map((h) => ({
      at: iso(h.at),
      event: h.event,
      byName: h.byId ? listName(people.get(h.byId) ?? { realName: null, nickname: '' }) : '系统',
      to: h.to,
      note: h.note,
      photos: h.photos ?? [],
    })),
    proof: w.proof ? { text: w.proof.text, photos: w.proof.photos, at: iso(w.proof.at) } : null,
    rating: w.rating ? { stars: w.rating.stars, note: w.rating.note, at: iso(w.rating.at) } : null,
    rejectReason: relations.has('wisher') || relations.has('secretary') ? w.rejectReason : null,
    contact,
    can: {
      claim: can('claim', w.status, relations),
      release: can('release', w.status, relations),
      progress: can('progress', w.status, relations),
      fulfil: can('fulfil', w.status, relations),
      confirm: can('confirm', w.status, relations),
      withdraw: can('withdraw', w.status, relations),
      review: can('approve', w.status, relations),
      dispatch: can('dispatch', w.status, relations),
      convert: can('convert', w.status, relations),
    },
    requestId: w.requestId ?? null,
    isMine: relations.has('wisher'),
    isClaimer: w.claimerId === viewerId,
  }
}

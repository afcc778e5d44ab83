/** Projections of items and orders, and what a viewer may see of them. */
import { ITEM_KIND_LABELS, type ItemView, type MallItem, type MallOrder, type OrderView, type Sponsor } from '../../../../../types/points'
import type { UserCtx } from '../../platform/context'
import type { Db } from '../../platform/db'
import { getCommunity, getMany } from '../org/repo'
import { holdsRole } from '../org/rules'
import { P } from '../points/repo'
import { M } from './repo'
import { remainingUnderLimit } from './rules'

/** Does the caller run this community's shelf (sees withdrawn items, any order, people's masked names)? */
export async function managesShelf(ctx: UserCtx, communityId: string): Promise<boolean> {
  const c = await getCommunity(ctx.db, communityId)
  return !!c && holdsRole(ctx.user, c, ['secretary', 'street_admin'])
}

/** Items as `userId` sees them: with their sponsor's name and how many more this person may take. */
export async function itemViews(db: Db, userId: string, items: MallItem[]): Promise<ItemView[]> {
  const [sponsors, quotas] = await Promise.all([
    getMany<Sponsor>(
      db,
      P.sponsors,
      items.map((i) => i.sponsorId).filter((x): x is string => !!x),
    ),
    getMany<{ _id: string; count: number }>(
      db,
      M.quotas,
      items.map((i) => `${i._id}_${userId}`),
    ),
  ])
  return items.map((i) =>
    itemView(
      i,
      i.sponsorId ? (sponsors.get(i.sponsorId)?.name ?? null) : null,
      remainingUnderLimit(i.perPersonLimit, quotas.get(`${i._id}_${userId}`)?.count ?? 0),
    ),
  )
}

export function itemView(item: MallItem, sponsorName: string | null, myRemaining: number | null): ItemView {
  return {
    id: item._id,
    name: item.name,
    kind: item.kind,
    kindLabel: ITEM_KIND_LABELS[item.kind],
    description: item.description,
    photos: item.photos,
    price: item.price,
    stock: item.stock,
    perPersonLimit: item.perPersonLimit,
    pickupPlace: item.pickupPlace,
    pickupHours: item.pickupHours,
    pickupDays: item.pickupDays,
    sponsorId: item.sponsorId,
    sponsorName,
    active: item.active,
    myRemaining,
  }
}

/** The pickup code is shown only while it can still be used. */
export function orderView(o: MallOrder, item: Pick<MallItem, 'pickupPlace' | 'pickupHours'> | null, userName?: string): OrderView {
  return {
    id: o._id,
    itemId: o.itemId,
    itemName: o.itemName,
    quantity: o.quantity,
    points: o.points,
    status: o.status,
    pickupCode: o.status === 'reserved' ? o.pickupCode : null,
    pickupPlace: item?.pickupPlace ?? null,
    pickupHours: item?.pickupHours ?? null,
    deadline: new Date(o.deadline).toISOString(),
    createdAt: new Date(o.createdAt).toISOString(),
    closedAt: o.closedAt ? new Date(o.closedAt).toISOString() : null,
    ...(userName !== undefined ? { userName } : {}),
  }
}

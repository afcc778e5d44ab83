/** Projections of items and orders. */
import { ITEM_KIND_LABELS, type ItemView, type MallItem, type MallOrder, type OrderView } from '../../../../../types/points'

export function itemView(item: MallItem, sponsorName: string | null, myRemaining: number | null): ItemView {
  return {
    id: item._id, name: item.name, kind: item.kind, kindLabel: ITEM_KIND_LABELS[item.kind], description: item.description,
    photos: item.photos, price: item.price, stock: item.stock, perPersonLimit: item.perPersonLimit,
    pickupPlace: item.pickupPlace, pickupHours: item.pickupHours, pickupDays: item.pickupDays,
    sponsorId: item.sponsorId, sponsorName, active: item.active, myRemaining,
  }
}

/** The pickup code is shown only while it can still be used. */
export function orderView(o: MallOrder, item: Pick<MallItem, 'pickupPlace' | 'pickupHours'> | null, userName?: string): OrderView {
  return {
    id: o._id, itemId: o.itemId, itemName: o.itemName, quantity: o.quantity, points: o.points, status: o.status,
    pickupCode: o.status === 'reserved' ? o.pickupCode : null,
    pickupPlace: item?.pickupPlace ?? null, pickupHours: item?.pickupHours ?? null,
    deadline: new Date(o.deadline).toISOString(), createdAt: new Date(o.createdAt).toISOString(),
    closedAt: o.closedAt ? new Date(o.closedAt).toISOString() : null,
    ...(userName !== undefined ? { userName } : {}),
  }
}

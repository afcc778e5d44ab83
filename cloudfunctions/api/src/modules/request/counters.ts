/**
 * Running counters kept in the same transaction as the move that changes them, so statistics read a handful
 * of small documents and never the requests:
 *
 *   request_counters `<communityId>_<YYYY-MM>_<category>` (RequestCounter): reported in the China month a request
 *     was made; closed, on time / late, handling hours (sum + histogram) and rating in the month it closed.
 *   request_counters `grid_<gridId>` (GridCounter, month '*': never inside a month range): closed / on time / late
 *     of requests a grid worker held when they closed.
 *   units/<unitId> `onTime` / `late`: the same for requests a unit held when they closed (an escalated one on the
 *     unit's own clock: rules.ts unitCloseCount; a late 吹哨 report is counted by request.unitAccept).
 *
 * Only two moves change counters: a report (create) and a close (confirm, autoclose). Each is a transaction
 * (runTx) that reads the counter documents by id, then writes the request and the increments together.
 */
import type { Request, RequestCategory, RequestCounter, Unit } from '../../../../../types/requests'
import { chinaMonth } from '../../platform/chinaTime'
import { txGet, type Command, type Tx } from '../../platform/db'
import { RQ } from './repo'
import { unitCloseCount } from './rules'

/** Upper bounds (hours) of the handling-time histogram buckets; the last is open-ended. */
export const HOUR_BUCKETS = [1, 2, 4, 8, 12, 24, 48, 72, 120, 168, 336, Infinity] as const

export const bucketOf = (hours: number) => HOUR_BUCKETS.findIndex((b) => hours <= b)

export const counterId = (communityId: string, month: string, category: RequestCategory) => `${communityId}_${month}_${category}`
export const gridCounterId = (gridId: string) => `grid_${gridId}`

/** Closed requests a grid worker held at closing: the grid's on-time rate (request.lateUnits reads it). */
export interface GridCounter {
  _id: string
  communityId: string
  gridId: string
  /** '*': kept outside every month range of the community_month index. */
  month: '*'
  closed: number
  onTime: number
  late: number
}

export const emptyCounter = (communityId: string, month: string, category: RequestCategory): RequestCounter => ({
  _id: counterId(communityId, month, category),
  communityId,
  month,
  category,
  reported: 0,
  closed: 0,
  onTime: 0,
  late: 0,
  hoursSum: 0,
  hoursBuckets: HOUR_BUCKETS.map(() => 0),
  ratingSum: 0,
  ratings: 0,
})

/** Handling hours of a closed request: from the report to the (last) resolution. */
export const handlingHours = (r: Pick<Request, 'createdAt' | 'resolvedAt' | 'closedAt'>) =>
  Math.max(0, (new Date(r.resolvedAt ?? r.closedAt ?? r.createdAt).getTime() - new Date(r.createdAt).getTime()) / 3600_000)

/** The numeric increments of one counter document. */
type Incs = Partial<Record<'reported' | 'closed' | 'onTime' | 'late' | 'hoursSum' | 'ratingSum' | 'ratings', number>> & { bucket?: number }

/** Apply increments to a counter document inside the transaction: create it if it is not there yet. */
async function bump(tx: Tx, _: Command, communityId: string, month: string, category: RequestCategory, incs: Incs): Promise<void> {
  const id = counterId(communityId, month, category)
  const current = await txGet<RequestCounter>(tx, RQ.counters, id)
  const { bucket, ...nums } = incs
  if (!current) {
    const doc = emptyCounter(communityId, month, category)
    for (const [k, v] of Object.entries(nums)) (doc as unknown as Record<string, number>)[k] += v
    if (bucket !== undefined) doc.hoursBuckets[bucket] += 1
    const { _id, ...rest } = doc
    await tx.collection(RQ.counters).doc(_id).set({ data: rest })
    return
  }
  const data: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(nums)) if (v) data[k] = _.inc(v)
  if (bucket !== undefined) data[`hoursBuckets.${bucket}`] = _.inc(1)
  if (Object.keys(data).length) await tx.collection(RQ.counters).doc(id).update({ data })
}

/** A new request: reported+1 in the month it was made. */
export async function countReported(tx: Tx, _: Command, r: Pick<Request, 'communityId' | 'category' | 'createdAt'>): Promise<void> {
  await bump(tx, _, r.communityId, chinaMonth(new Date(r.createdAt)), r.category, { reported: 1 })
}

/**
 * A request closing (`after` as it will be stored, closedAt set): closed+1, on time or late, its handling hours
 * and rating in the month it closed; and the holder's on-time counter (its unit, or its grid worker's grid).
 */
export async function countClosed(tx: Tx, _: Command, after: Request): Promise<void> {
  const closedAt = new Date(after.closedAt ?? after.updatedAt)
  const hours = handlingHours(after)
  await bump(tx, _, after.communityId, chinaMonth(closedAt), after.category, {
    closed: 1,
    onTime: after.late ? 0 : 1,
    late: after.late ? 1 : 0,
    hoursSum: hours,
    bucket: bucketOf(hours),
    ...(after.rating ? { ratingSum: after.rating.stars, ratings: 1 } : {}),
  })
  const a = after.assignee
  const field = after.late ? 'late' : 'onTime'
  if (a?.kind === 'unit') {
    // An escalated request is judged on the unit's own clock (rules.ts unitCloseCount).
    const unitField = unitCloseCount(after)
    const unit = unitField ? await txGet<Unit>(tx, RQ.units, a.unitId) : null
    if (unit && unitField)
      await tx
        .collection(RQ.units)
        .doc(a.unitId)
        .update({ data: { [unitField]: _.inc(1) } })
  } else if (a?.kind === 'worker' && a.gridId) {
    const id = gridCounterId(a.gridId)
    const current = await txGet<GridCounter>(tx, RQ.counters, id)
    if (!current) {
      const doc: Omit<GridCounter, '_id'> = { communityId: after.communityId, gridId: a.gridId, month: '*', closed: 1, onTime: 0, late: 0 }
      doc[field] = 1
      await tx.collection(RQ.counters).doc(id).set({ data: doc })
    } else
      await tx
        .collection(RQ.counters)
        .doc(id)
        .update({ data: { closed: _.inc(1), [field]: _.inc(1) } })
  }
}

/** The median of a histogram: the upper bound of the bucket holding the middle request (null when empty). */
export function medianHours(buckets: readonly number[], hoursSum: number, closed: number): number | null {
  const n = buckets.reduce((s, x) => s + x, 0)
  if (!n) return null
  const half = n / 2
  let seen = 0
  for (let i = 0; i < buckets.length; i++) {
    seen += buckets[i]
    if (seen >= half) return Number.isFinite(HOUR_BUCKETS[i]) ? HOUR_BUCKETS[i] : Math.round(hoursSum / Math.max(1, closed))
  }
  return null
}

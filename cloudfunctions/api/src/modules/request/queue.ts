/**
 * request.queue — what the caller must act on, most pressing first: the open requests they hold, ordered by
 * deadline (dueAt ascending) on the holder_open_due index — one index range whatever the number of requests.
 *
 * Whose queue: with `unitId`, the unit's (its staff only: a unit_staff grant naming it) — for a street
 * department this spans the street's communities, as its holderKey does; without it, a grid worker's own
 * (`u_<userId>`), or for the secretary the requests the community's secretary holds (feedback, nobody to route to).
 *
 * "By colour, then time left" follows from the deadline order: every red request (dueAt < now) sorts before
 * every request still within its time, and among those the order is time left. Yellow and green are not two
 * blocks when limits differ (a long-limit request may turn yellow with more time left than a short-limit green
 * one): the queue puts the one that runs out first first, which is what a worker should do next; the colour on
 * each card says how far along its own clock it is. Resolved requests wait for the reporter (no deadline) and
 * are not in the queue.
 * Outcomes: a page of cards; FORBIDDEN for a unit the caller is not staff of, or a caller who holds no queue here.
 */
import { RequestQueueInput } from '../../../../../types/requests'
import { defineAction, user, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { forbidden, notFound } from '../../platform/errors'
import { getCommunity } from '../org/repo'
import { holdsRole } from '../org/rules'
import { duePage, EPOCH } from './paging'
import { isStaffOf } from './repo'

async function queue(ctx: UserCtx, input: ActionInput<'request.queue'>) {
  let holderKey: string
  if (input.unitId) {
    if (!isStaffOf(ctx.user, input.unitId)) throw forbidden('您不是这个单位的工作人员')
    holderKey = `unit_${input.unitId}`
  } else {
    const community = await getCommunity(ctx.db, input.communityId)
    if (!community) throw notFound('社区')
    if (holdsRole(ctx.user, community, ['grid_worker'])) holderKey = `u_${ctx.user._id}`
    else if (holdsRole(ctx.user, community, ['secretary', 'street_admin'])) holderKey = `sec_${community._id}`
    else throw forbidden('只有网格员、责任单位和社区书记有待办诉求')
  }
  return duePage(ctx.db, { holderKey, open: true }, { gte: EPOCH }, input.cursor, input.limit ?? 20, ctx.now())
}

export default defineAction({ name: 'request.queue', input: RequestQueueInput, access: user, writes: false, handler: queue })

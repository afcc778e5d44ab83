/**
 * request.reassign — the secretary hands a request to someone else (a reason): a grid worker of the community
 * (`userId`) or an active unit serving it (`unitId`: its own units, the street's departments). → dispatched with
 * the new holder, the limit in force for it and a fresh respond clock. Audited, in one transaction with the move
 * (applied only if the status and holder are still what was read). The new holder and the reporter are told.
 * Outcomes: the detail; INVALID_INPUT unless exactly one of userId / unitId names someone who may hold it, or for
 * the current holder; FORBIDDEN for anyone but the secretary; CONFLICT STATE_CHANGED once resolved or closed.
 */
import { RequestReassignInput, type Assignee } from '../../../../../types/requests'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { invalid } from '../../platform/errors'
import { getUser } from '../org/repo'
import { holdsRole } from '../org/rules'
import { shortChinaTime } from '../messages/rules'
import { ensureMove, holdersOf, loadRequest, moveRequestAudited, notifyReporter, remindPeople, requestResource } from './core'
import { gridsOf, unitsFor } from './repo'
import { addMinutes, holderKeyOf, limitFor } from './rules'
import { detailAfter } from './views'

async function reassign(ctx: UserCtx, input: ActionInput<'request.reassign'>) {
  if (!!input.userId === !!input.unitId) throw invalid('请选择一位网格员或一个责任单位')
  const loaded = await loadRequest(ctx, input.communityId, input.requestId)
  const { request, community, settings } = loaded
  ensureMove('reassign', request, loaded.relations)
  let assignee: Assignee
  let unit = null
  if (input.userId) {
    const [worker, grids] = await Promise.all([getUser(ctx.db, input.userId), gridsOf(ctx.db, community._id)])
    if (!worker || !holdsRole(worker, community, ['grid_worker'])) throw invalid('请选择本社区的网格员')
    const own = grids.find((g) => g.workerId === worker._id && g._id === request.gridId) ?? grids.find((g) => g.workerId === worker._id)
    assignee = { kind: 'worker', userId: worker._id, gridId: own?._id ?? null }
  } else {
    unit = (await unitsFor(ctx.db, community)).find((u) => u._id === input.unitId && u.active) ?? null
    if (!unit) throw invalid('请选择为本社区服务的责任单位')
    assignee = { kind: 'unit', unitId: unit._id }
  }
  if (holderKeyOf(assignee, community._id) === request.holderKey) throw invalid('已经由这位承办人办理')
  const now = ctx.now()
  const limit = limitFor(settings, request.category, request.urgency, unit)
  const respondBy = addMinutes(now, limit.respondMinutes)
  const after = await moveRequestAudited(ctx, request, 'reassign', {
    note: input.reason,
    assignee,
    set: { limit, respondBy, resolveBy: null, ownerId: null, acceptedAt: null },
    yellowShare: settings.yellowShare,
    audit: (a) => ({
      communityId: community._id,
      resource: requestResource(a),
      before: { assignee: request.assignee, status: request.status },
      after: { assignee: a.assignee, status: a.status, reason: input.reason },
    }),
  })
  await remindPeople(ctx, after, await holdersOf(ctx, after), `社区改派给您，请在${shortChinaTime(respondBy)}前受理`)
  await notifyReporter(ctx, after, '社区已改派承办人')
  return detailAfter(ctx, loaded, after)
}

export default defineAction({ name: 'request.reassign', input: RequestReassignInput, access: SECRETARY, writes: true, handler: reassign })

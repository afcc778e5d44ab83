/**
 * request.escalate — 吹哨: the secretary hands a request the community cannot settle (overdue, reopened,
 * or beyond the community: the reason says which) to a street department or another unit serving the
 * community. The unit must accept (report, 报到) within its own limit: escalation.acceptBy = now + the unit's
 * escalationAcceptMinutes, which is the request's clock (stage 'escalation') until it does. The unit becomes the
 * holder (holderKey `unit_<id>`, its staff's queue); whoever held it before no longer does. The move, its
 * flow entry and the audit entry are one transaction, applied only if the status and holder are still what
 * was read. The unit's staff are told by the requestProgress message (sent to each; WeChat refuses those who
 * did not accept it, recorded for the secretary), and so is the reporter.
 * What the record shows at the time: whether it was overdue then and how often it was reopened (audit `after`).
 * If the unit does not report in time, nothing here waits for it: the clock turns red when read, and the timer
 * job request.clocks (request/timers.ts) warns the unit's staff and the secretaries once and marks the request
 * late — up to one tick later: WeChat allows one timer trigger per function, a cron in cloudfunctions/api/config.json
 * (`0 *\/10 * * * * *`, every 10 minutes; developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/guide/
 * functions/triggers.html).
 * Outcomes: RequestDetail; NOT_FOUND for a request or unit that is not this community's (a unit serves the
 * community: its own, or its street's department); FORBIDDEN for anyone but the secretary (and street admin);
 * INVALID_INPUT for an inactive unit or the unit already holding it; CONFLICT (STATE_CHANGED) for a request not
 * in a status that can be escalated, or one that moved meanwhile.
 */
import { RequestEscalateInput, type RequestDetail } from '../../../../../types/requests'
import { REQUEST_CATEGORY_LABELS, REQUEST_STATUS_LABELS } from '../../../../../types/vocabulary'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { invalid, notFound } from '../../platform/errors'
import { shortChinaTime, thing, timeValue } from '../messages/rules'
import { sendMessage } from '../messages/send'
import { servesCommunity } from '../unit/repo'
import { checkText, ensureMove, loadRequest, moveRequestAudited, notifyReporter, relationsFor, requestPage, requestResource, summaryOf } from './core'
import { getUnit, staffOf } from './repo'
import { addMinutes } from './rules'
import { detail } from './views'

async function escalate(ctx: UserCtx, input: ActionInput<'request.escalate'>): Promise<RequestDetail> {
  const { request, relations, community, settings } = await loadRequest(ctx, input.communityId, input.requestId)
  ensureMove('escalate', request, relations)
  const unit = await getUnit(ctx.db, input.unitId)
  if (!unit || !servesCommunity(unit, community)) throw notFound('这个单位')
  if (!unit.active) throw invalid(`「${unit.name}」已停用，请选择其他单位`)
  if (request.assignee?.kind === 'unit' && request.assignee.unitId === unit._id) throw invalid(`这条诉求已经由「${unit.name}」办理`)
  await checkText(ctx, input.reason)

  const now = ctx.now()
  const overdue = !!request.dueAt && new Date(request.dueAt).getTime() < now.getTime()
  const escalation = {
    unitId: unit._id,
    reason: input.reason,
    at: now,
    byId: ctx.user._id,
    acceptBy: addMinutes(now, unit.escalationAcceptMinutes),
    acceptedAt: null,
    acceptedById: null,
  }
  const after = await moveRequestAudited(ctx, request, 'escalate', {
    note: input.reason,
    assignee: { kind: 'unit', unitId: unit._id },
    // Overdue now is late now (the timer would mark it so at its next tick).
    set: { escalation, ownerId: null, late: request.late || overdue },
    yellowShare: settings.yellowShare,
    audit: (a) => ({
      communityId: community._id,
      resource: requestResource(a),
      before: { status: request.status, assignee: request.assignee },
      after: { status: a.status, assignee: a.assignee, unitId: unit._id, reason: input.reason, overdue, reopened: request.reopened },
    }),
  })

  // Tell the unit's staff (the 哨 they must answer) and the reporter; a refused message never undoes the move.
  const what = thing(`${REQUEST_CATEGORY_LABELS[after.category]}：${summaryOf(after.description)}`)
  for (const staff of await staffOf(ctx.db, unit))
    await sendMessage(ctx, {
      communityId: after.communityId,
      userId: staff._id,
      template: 'requestProgress',
      page: requestPage(after),
      data: {
        thing1: what,
        phrase2: REQUEST_STATUS_LABELS.escalated,
        thing3: thing(`请于${shortChinaTime(escalation.acceptBy)}前接单`),
        time4: timeValue(now),
      },
    })
  await notifyReporter(ctx, after, `社区已吹哨，由${unit.name}接手办理`)
  return detail(ctx.db, after, relationsFor(after, ctx.user, community), settings, now)
}

export default defineAction({ name: 'request.escalate', input: RequestEscalateInput, access: SECRETARY, writes: true, handler: escalate })

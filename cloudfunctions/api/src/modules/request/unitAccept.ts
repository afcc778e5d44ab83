/**
 * request.unitAccept — 报到: a staff member of the unit a request was escalated to takes it. Allowed within or
 * past the unit's accept limit (escalation.acceptBy): a late report marks the request late and is counted on
 * the unit's counters (`late` +1) in the same transaction as the move (so the street's view of late units
 * needs no recount); an on-time report is judged when the request closes, on the unit's own resolve clock
 * (rules.ts unitCloseCount). The unit now owns it: accepted, the staff member its owner, the unit's own limit
 * for the category in force and a fresh resolve clock. The move is conditional on the status and holder read,
 * so of many staff tapping at once exactly one becomes the owner (the others: CONFLICT STATE_CHANGED). The
 * report is written to the community's audit log (the department's answer to the 哨 is on record), and the
 * reporter is told.
 * Outcomes: RequestDetail; NOT_FOUND for a request of another community or one the caller has nothing to do
 * with; FORBIDDEN for staff of another unit; CONFLICT (STATE_CHANGED) when it is not escalated (any more).
 */
import { RequestUnitAcceptInput, type RequestDetail, type Unit } from '../../../../../types/requests'
import { defineAction, roles, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { txGet } from '../../platform/db'
import { notFound } from '../../platform/errors'
import { ensureMove, loadRequest, moveRequestAudited, notifyReporter, relationsFor, requestResource } from './core'
import { getUnit, RQ } from './repo'
import { addMinutes, limitFor } from './rules'
import { detail } from './views'

async function unitAccept(ctx: UserCtx, input: ActionInput<'request.unitAccept'>): Promise<RequestDetail> {
  const { request, relations, community, settings } = await loadRequest(ctx, input.communityId, input.requestId)
  ensureMove('unitAccept', request, relations)
  const e = request.escalation!
  const unit = await getUnit(ctx.db, e.unitId)
  if (!unit) throw notFound('这个单位')
  const now = ctx.now()
  const late = now.getTime() > new Date(e.acceptBy).getTime()
  const limit = limitFor(settings, request.category, request.urgency, unit)
  const after = await moveRequestAudited(ctx, request, 'unitAccept', {
    note: late ? '超时接单' : null,
    set: {
      escalation: { ...e, acceptedAt: now, acceptedById: ctx.user._id },
      ownerId: ctx.user._id,
      acceptedAt: now,
      limit,
      resolveBy: addMinutes(now, limit.resolveMinutes),
      late: request.late || late,
    },
    yellowShare: settings.yellowShare,
    also: async (tx) => {
      if (!late) return
      if (!(await txGet<Unit>(tx, RQ.units, unit._id))) return
      await tx
        .collection(RQ.units)
        .doc(unit._id)
        .update({ data: { late: ctx.db.command.inc(1) } })
    },
    audit: (a) => ({
      communityId: community._id,
      resource: requestResource(a),
      before: { status: request.status },
      after: { status: a.status, unitId: unit._id, late },
    }),
  })
  await notifyReporter(ctx, after, `${unit.name}已接单，正在办理`)
  return detail(ctx.db, after, relationsFor(after, ctx.user, community), settings, now)
}

export default defineAction({ name: 'request.unitAccept', input: RequestUnitAcceptInput, access: roles('unit_staff'), writes: true, handler: unitAccept })

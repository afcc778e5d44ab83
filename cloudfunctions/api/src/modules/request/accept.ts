/**
 * request.accept — the holder (the assigned grid worker, or any staff member of the holding unit) accepts a
 * dispatched request: they own it from now on, and the resolve clock starts. The move is a conditional update on
 * the status and holder read, so of 500 staff of a unit racing to accept one request exactly one becomes its
 * owner; the others get CONFLICT STATE_CHANGED and nothing changes. Accepting after the respond deadline marks
 * the request late (it counts as late when it closes). The reporter is told.
 * Outcomes: the detail; FORBIDDEN for anyone but the holder / the unit's staff; CONFLICT STATE_CHANGED when it is
 * no longer waiting to be accepted (or someone else accepted it first); NOT_FOUND without a relation to it.
 */
import { RequestAcceptInput } from '../../../../../types/requests'
import { defineAction, user, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { shortChinaTime } from '../messages/rules'
import { ensureMove, loadRequest, moveRequest, notifyReporter } from './core'
import { addMinutes } from './rules'
import { detailAfter } from './views'

async function accept(ctx: UserCtx, input: ActionInput<'request.accept'>) {
  const loaded = await loadRequest(ctx, input.communityId, input.requestId)
  const { request, settings } = loaded
  ensureMove('accept', request, loaded.relations)
  const now = ctx.now()
  const lateNow = !!request.respondBy && now.getTime() > new Date(request.respondBy).getTime()
  const resolveBy = addMinutes(now, request.limit.resolveMinutes)
  const after = await moveRequest(ctx, request, 'accept', ctx.user._id, {
    set: { ownerId: ctx.user._id, acceptedAt: now, resolveBy, late: request.late || lateNow },
    note: lateNow ? '超过受理时限后受理' : null,
    yellowShare: settings.yellowShare,
  })
  await notifyReporter(ctx, after, `已受理，预计${shortChinaTime(resolveBy)}前办结`)
  return detailAfter(ctx, loaded, after)
}

export default defineAction({ name: 'request.accept', input: RequestAcceptInput, access: user, writes: true, handler: accept })

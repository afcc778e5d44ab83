/**
 * request.reopen — the reporter is not satisfied (a reason): resolved → dispatched, back to the same holder with a
 * fresh respond clock; `reopened` counts how often. The holder is told.
 * Outcomes: the detail; INVALID_INPUT for refused text; FORBIDDEN for anyone but the reporter; CONFLICT
 * STATE_CHANGED when it is not waiting for confirmation.
 */
import { RequestReopenInput } from '../../../../../types/requests'
import { defineAction, user, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { shortChinaTime } from '../messages/rules'
import { checkText, ensureMove, holdersOf, loadRequest, moveRequest, remindPeople } from './core'
import { addMinutes } from './rules'
import { detailAfter } from './views'

async function reopen(ctx: UserCtx, input: ActionInput<'request.reopen'>) {
  const loaded = await loadRequest(ctx, input.communityId, input.requestId)
  const { request } = loaded
  ensureMove('reopen', request, loaded.relations)
  await checkText(ctx, input.reason)
  const respondBy = addMinutes(ctx.now(), request.limit.respondMinutes)
  const after = await moveRequest(ctx, request, 'reopen', ctx.user._id, {
    note: input.reason,
    set: { respondBy, resolveBy: null, acceptedAt: null, resolvedAt: null, proof: null, reopened: request.reopened + 1 },
    yellowShare: loaded.settings.yellowShare,
  })
  await remindPeople(ctx, after, await holdersOf(ctx, after), `居民要求重新办理，请在${shortChinaTime(respondBy)}前受理`)
  return detailAfter(ctx, loaded, after)
}

export default defineAction({ name: 'request.reopen', input: RequestReopenInput, access: user, writes: true, handler: reopen })

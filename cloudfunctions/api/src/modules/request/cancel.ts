/**
 * request.cancel — the reporter takes a request back before anyone accepted it: → cancelled (no longer open,
 * counted as reported but never as closed). The holder is told.
 * Outcomes: the detail; FORBIDDEN for anyone but the reporter; CONFLICT STATE_CHANGED once it was accepted.
 */
import { RequestCancelInput } from '../../../../../types/requests'
import { defineAction, user, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { ensureMove, holdersOf, loadRequest, moveRequest, remindPeople } from './core'
import { detailAfter } from './views'

async function cancel(ctx: UserCtx, input: ActionInput<'request.cancel'>) {
  const loaded = await loadRequest(ctx, input.communityId, input.requestId)
  ensureMove('cancel', loaded.request, loaded.relations)
  const after = await moveRequest(ctx, loaded.request, 'cancel', ctx.user._id, {
    note: input.reason || null,
    set: { closedAt: ctx.now() },
    yellowShare: loaded.settings.yellowShare,
  })
  await remindPeople(ctx, after, await holdersOf(ctx, loaded.request), '居民已撤销这条诉求')
  return detailAfter(ctx, loaded, after)
}

export default defineAction({ name: 'request.cancel', input: RequestCancelInput, access: user, writes: true, handler: cancel })

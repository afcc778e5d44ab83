/**
 * request.confirm — the reporter (or the building head who reported it for them) confirms it is done, with 1–5
 * stars and a comment: → closed. The close and its counters (closed, on time / late, handling hours, rating; the
 * holder's unit or grid on-time counter) are one transaction (counters.ts). The holder is told.
 * Outcomes: the detail; INVALID_INPUT for refused text; FORBIDDEN for anyone but the reporter; CONFLICT
 * STATE_CHANGED when it is not waiting for confirmation.
 */
import { RequestConfirmInput } from '../../../../../types/requests'
import { defineAction, user, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { starsPhrase } from '../messages/rules'
import { checkText, ensureMove, holdersOf, loadRequest, moveRequest, remindPeople } from './core'
import { detailAfter } from './views'

async function confirm(ctx: UserCtx, input: ActionInput<'request.confirm'>) {
  const loaded = await loadRequest(ctx, input.communityId, input.requestId)
  ensureMove('confirm', loaded.request, loaded.relations)
  const comment = input.comment ?? ''
  await checkText(ctx, comment)
  const now = ctx.now()
  const after = await moveRequest(ctx, loaded.request, 'confirm', ctx.user._id, {
    note: comment || null,
    set: { rating: { stars: input.stars, comment, at: now }, closedAt: now },
    yellowShare: loaded.settings.yellowShare,
  })
  await remindPeople(ctx, after, await holdersOf(ctx, loaded.request), `居民已确认办结：${starsPhrase(input.stars)}`)
  return detailAfter(ctx, loaded, after)
}

export default defineAction({ name: 'request.confirm', input: RequestConfirmInput, access: user, writes: true, handler: confirm })

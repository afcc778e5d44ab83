/**
 * request.progress — the holder records progress (a note, photos): accepted → in progress, or another entry
 * while in progress. The resolve clock goes on (the deadline does not move). The reporter is told.
 * Outcomes: the detail; INVALID_INPUT for refused text; FORBIDDEN for anyone but the holder; CONFLICT
 * STATE_CHANGED when it is not being handled now. Photos are checked after the fact (photoChecks.ts).
 */
import { RequestProgressInput } from '../../../../../types/requests'
import { defineAction, user, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { checkText, ensureMove, loadRequest, moveRequest, notifyReporter } from './core'
import { checkPhotosLater } from './photoChecks'
import { detailAfter } from './views'

async function progress(ctx: UserCtx, input: ActionInput<'request.progress'>) {
  const loaded = await loadRequest(ctx, input.communityId, input.requestId)
  ensureMove('progress', loaded.request, loaded.relations)
  await checkText(ctx, input.note)
  const after = await moveRequest(ctx, loaded.request, 'progress', ctx.user._id, {
    note: input.note,
    photos: input.photos,
    yellowShare: loaded.settings.yellowShare,
  })
  await checkPhotosLater(ctx, after, input.photos)
  await notifyReporter(ctx, after, input.note)
  return detailAfter(ctx, loaded, after)
}

export default defineAction({ name: 'request.progress', input: RequestProgressInput, access: user, writes: true, handler: progress })

/**
 * request.resolve — the holder says it is done, with proof (text, photos): → resolved, waiting for the reporter
 * to confirm (or to reopen; the timer closes it after autoCloseDays). Resolving after the resolve deadline marks
 * it late. Feedback and suggestions are answered this way (the proof is the answer) and may be adopted: the
 * reporter then earns suggestion_adopted points, once (points/earn.ts credit, key `request:adopted:<id>`: a
 * replay or a second adoption pays nothing more). Points never undo the resolution: if no sponsor budget can pay,
 * the adoption stands and the failure is logged.
 * Outcomes: the detail; INVALID_INPUT for refused text, or adopt on a request that is not feedback; FORBIDDEN for
 * anyone but the holder; CONFLICT STATE_CHANGED when it is not being handled now. The proof's photos are checked
 * after the fact (photoChecks.ts).
 */
import { RequestResolveInput } from '../../../../../types/requests'
import { defineAction, user, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { invalid } from '../../platform/errors'
import { credit } from '../points/earn'
import { checkText, ensureMove, loadRequest, moveRequest, notifyReporter } from './core'
import { adoptedKey } from './rules'
import { checkPhotosLater } from './photoChecks'
import { detailAfter } from './views'

async function resolve(ctx: UserCtx, input: ActionInput<'request.resolve'>) {
  const loaded = await loadRequest(ctx, input.communityId, input.requestId)
  const { request } = loaded
  ensureMove('resolve', request, loaded.relations)
  const feedback = request.category === 'feedback'
  if (input.adopt && !feedback) throw invalid('只有意见建议可以采纳')
  await checkText(ctx, input.proof)
  const now = ctx.now()
  const lateNow = !!request.resolveBy && now.getTime() > new Date(request.resolveBy).getTime()
  const adoptNow = !!input.adopt && !request.adopted
  const photos = input.photos ?? []
  const after = await moveRequest(ctx, request, 'resolve', ctx.user._id, {
    note: adoptNow ? `${input.proof}（建议已采纳）` : input.proof,
    photos,
    set: {
      proof: { text: input.proof, photos, at: now },
      resolvedAt: now,
      late: request.late || lateNow,
      ...(feedback ? { answer: input.proof } : {}),
      ...(adoptNow ? { adopted: true } : {}),
    },
    yellowShare: loaded.settings.yellowShare,
  })
  await checkPhotosLater(ctx, after, photos)
  if (after.adopted) {
    try {
      await credit(ctx.db, now, {
        communityId: request.communityId,
        userId: request.reporterId,
        kind: 'suggestion_adopted',
        quantity: 1,
        key: adoptedKey(request._id),
        reason: '意见建议被采纳',
        cause: { type: 'request', id: request._id },
        byUserId: ctx.user._id,
      })
    } catch (err) {
      console.error('suggestion_adopted points not paid', { requestId: request._id, err })
    }
  }
  await notifyReporter(ctx, after, feedback ? (after.adopted ? '您的建议已被采纳，请查看答复' : '社区已答复，请查看') : '已办结，请确认并评价')
  return detailAfter(ctx, loaded, after)
}

export default defineAction({ name: 'request.resolve', input: RequestResolveInput, access: user, writes: true, handler: resolve })

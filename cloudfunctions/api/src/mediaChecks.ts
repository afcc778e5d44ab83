/**
 * The result of an asynchronous image check (security.mediaCheckAsync), pushed by WeChat within 30 minutes as a
 * message-push event (platform/mediaPush.ts has its shape, its deploy configuration and how main() knows it is
 * the platform's). A photo is never held for review — an urgent repair must not wait — so photos are shown at
 * once and checked after the fact:
 *
 *   submit  (request.create / progress / resolve, modules/request/photoChecks.ts): one `media_checks` document
 *           per photo, _id = the traceId WeChat answered, with what it refers to (resource, id, fileID).
 *   settle  (here): the pending check of that traceId takes the verdict, and a `risky` photo joins the request's
 *           `hiddenPhotos` (hidden from everyone but the secretary: request/views.ts) — one transaction, with an
 *           audit entry (actor: none, the platform).
 *
 * Choice: `risky` hides the photo; `review` ("建议人工审核") keeps it visible — the holder needs the photo to fix
 * the problem, and the secretary, who sees every photo anyway, can act — and stays recorded on the check
 * (state 'review'). A push without a result (the check failed: errcode, e.g. an undownloadable URL) settles the
 * check as 'failed' and hides nothing.
 *
 * Idempotent: only a pending check settles; a repeated push (WeChat retries a push it thinks failed) finds it
 * settled and changes nothing, and an unknown traceId is ignored. Answers 'success' (what a message-push
 * function answers) either way, so WeChat does not retry.
 */
import type { Request } from '../../../types/requests'
import { recordIn } from './platform/audit'
import type { Ctx, Deps } from './platform/context'
import { newId, runTx, txGet } from './platform/db'
import type { MediaCheckPushEvent } from './platform/mediaPush'
import { requestResource } from './modules/request/core'
import { RQ } from './modules/request/repo'

export const MEDIA_CHECKS = 'media_checks'

export type MediaCheckState = 'pending' | 'pass' | 'review' | 'risky' | 'failed'

export interface MediaCheck {
  _id: string // the traceId
  resource: 'request'
  /** The document the photo belongs to. */
  id: string
  communityId: string
  fileID: string
  /** Who uploaded it (the openid the check was asked for). */
  openid: string
  state: MediaCheckState
  label: number | null
  askedAt: Date
  settledAt: Date | null
}

export async function onMediaCheckPush(deps: Deps, event: MediaCheckPushEvent): Promise<string> {
  const suggest = event.result?.suggest
  const state: MediaCheckState = suggest === 'pass' || suggest === 'review' || suggest === 'risky' ? suggest : 'failed'
  const label = Number(event.result?.label)
  const now = deps.now()
  const ctx: Ctx = { ...deps, action: 'media.photoHidden', requestId: newId('push'), user: null }
  const _ = deps.db.command
  const outcome = await runTx(deps.db, async (tx) => {
    const check = await txGet<MediaCheck>(tx, MEDIA_CHECKS, event.trace_id)
    if (!check) return 'unknown'
    if (check.state !== 'pending') return 'repeated'
    await tx
      .collection(MEDIA_CHECKS)
      .doc(check._id)
      .update({ data: { state, label: Number.isFinite(label) ? label : null, settledAt: now } })
    if (state !== 'risky' || check.resource !== 'request') return state
    const request = await txGet<Request>(tx, RQ.requests, check.id)
    if (!request || request.hiddenPhotos.includes(check.fileID)) return state
    await tx
      .collection(RQ.requests)
      .doc(request._id)
      .update({ data: { hiddenPhotos: _.set([...request.hiddenPhotos, check.fileID]), updatedAt: now } })
    await recordIn(tx, ctx, {
      communityId: request.communityId,
      resource: requestResource(request),
      before: { hiddenPhotos: request.hiddenPhotos.length },
      after: { hiddenPhotos: request.hiddenPhotos.length + 1 },
    })
    return 'hidden'
  })
  if (outcome === 'unknown') console.warn('media check push for an unknown traceId (ignored)', { traceId: event.trace_id })
  if (state === 'failed') console.warn('media check failed', { traceId: event.trace_id, errcode: event.errcode, errmsg: event.errmsg })
  return 'success'
}

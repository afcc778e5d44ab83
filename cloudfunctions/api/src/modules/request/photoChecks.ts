/**
 * Photos of a request (the reporter's, progress photos, the resolution's proof) go to the asynchronous image check
 * once the request is written: never before — an urgent repair is never held for review. Each submitted photo
 * leaves a pending `media_checks` document (_id = traceId) that WeChat's push settles (mediaChecks.ts: a risky one
 * is hidden after the fact). The uploader's openid goes with each check (mediaCheckAsync v2 wants the user's).
 * Nothing here fails the action: a photo that could not be submitted is logged (platform/openapi.ts) and stays.
 */
import type { Request } from '../../../../../types/requests'
import type { UserCtx } from '../../platform/context'
import { MEDIA_CHECKS, type MediaCheck } from '../../mediaChecks'

export async function checkPhotosLater(
  ctx: UserCtx,
  request: Pick<Request, '_id' | 'communityId'>,
  photos: readonly string[] | undefined,
  /** Who uploaded them (default: the caller). */
  uploader: string = ctx.openid,
): Promise<void> {
  const unique = [...new Set(photos ?? [])]
  if (!unique.length) return
  try {
    const submitted = await ctx.openapi.checkImagesLater(uploader, unique, 2)
    const now = ctx.now()
    for (const { photo, traceId } of submitted) {
      const check: MediaCheck = {
        _id: traceId,
        resource: 'request',
        id: request._id,
        communityId: request.communityId,
        fileID: photo,
        openid: uploader,
        state: 'pending',
        label: null,
        askedAt: now,
        settledAt: null,
      }
      await ctx.db.collection(MEDIA_CHECKS).add({ data: check })
    }
  } catch (err) {
    console.error('image check: pending checks not recorded', { requestId: request._id, err })
  }
}

/**
 * wish.convert — the secretary turns a wish into a request (诉求): what was posted as a personal need a volunteer
 * could meet is a problem someone must fix (a broken stair rail, a blocked drain). The reverse of request.convert.
 *
 * Only a wish nobody has taken on (under review or open: rules.ts `convert`); a claimed wish is a volunteer's work —
 * it is released first, or met as a wish. In one transaction: the wish moves to `converted` (off the wall; its
 * history says it became a request, with the reason; Wish.requestId links it), the request is written already
 * dispatched by the normal routing (request/core.ts routeFor: the unit owning the category, else the worker of the
 * wish's building's grid, else the secretary) carrying the wish's description, photos and building, with
 * `wishId` set and a first flow entry saying it came from the wish, the month's `reported` counter, and the audit
 * entry. The wisher is the reporter (told through their proxy when offline, as every request), the secretary who
 * converted it is who entered it. Converting again answers CONFLICT: the wish is no longer open.
 *
 * The reason passes the content check (it is shown to the wisher); the wish's photos were the wisher's and go to
 * the image check afterwards with the wisher's openid, like any request's (request/photoChecks.ts).
 * Outcomes: the request's detail; FORBIDDEN for anyone but the community's secretary; NOT_FOUND for an unknown
 * wish; CONFLICT STATE_CHANGED when it was claimed, closed or converted already; INVALID_INPUT for a refused reason.
 */
import type { FlowEntry } from '../../../../../types/requests'
import { WishConvertInput } from '../../../../../types/wish'
import { REQUEST_CATEGORY_LABELS } from '../../../../../types/vocabulary'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { notFound } from '../../platform/errors'
import { getCommunity, getUser } from '../org/repo'
import { shortChinaTime } from '../messages/rules'
import { countReported } from '../request/counters'
import { holdersOf, newRequest, notifyReporter, relationsFor, remindPeople, routeFor } from '../request/core'
import { checkPhotosLater } from '../request/photoChecks'
import { RQ, settingsOf as requestSettingsOf } from '../request/repo'
import { detail } from '../request/views'
import { checkText, ensureCan, loadWish, moveAudited, wishResource } from './core'

async function convert(ctx: UserCtx, input: ActionInput<'wish.convert'>) {
  const { wish, relations } = await loadWish(ctx, input.communityId, input.wishId)
  ensureCan('convert', wish, relations)
  await checkText(ctx, input.note)
  const [community, settings, wisher] = await Promise.all([
    getCommunity(ctx.db, wish.communityId),
    requestSettingsOf(ctx.db, wish.communityId),
    getUser(ctx.db, wish.postedById),
  ])
  if (!community) throw notFound('社区')
  const urgency = input.urgency ?? 'normal'
  const route = await routeFor(ctx.db, community, { category: input.category, urgency, buildingId: wish.buildingId }, settings)
  const now = ctx.now()
  const flow: FlowEntry[] = [
    { at: now, event: 'report', byId: ctx.user._id, from: null, to: 'reported', note: `由心愿「${wish.title}」转来：${input.note}` },
    { at: now, event: 'dispatch', byId: null, from: 'reported', to: 'dispatched', note: null },
  ]
  const request = newRequest({
    community,
    category: input.category,
    urgency,
    description: wish.title === wish.description ? wish.description : `${wish.title}\n${wish.description}`,
    photos: wish.photos,
    buildingId: wish.buildingId,
    location: null,
    reporterId: wish.wisherId,
    enteredById: ctx.user._id,
    channel: wish.onBehalf ? 'proxy' : 'online',
    route,
    flow,
    wishId: wish._id,
    now,
    yellowShare: settings.yellowShare,
  })
  await moveAudited(ctx, wish, 'convert', {
    note: `转为${REQUEST_CATEGORY_LABELS[input.category]}诉求：${input.note}`,
    set: { requestId: request._id, closedAt: now },
    also: async (tx) => {
      await tx.collection(RQ.requests).add({ data: request })
      await countReported(tx, ctx.db.command, request)
    },
    audit: (after) => ({
      communityId: wish.communityId,
      resource: wishResource(wish),
      before: { status: wish.status },
      after: { status: after.status, requestId: request._id },
    }),
  })
  await checkPhotosLater(ctx, request, request.photos, wisher?.openid || undefined)
  await notifyReporter(ctx, request, '您的心愿已转为诉求，由专人办理')
  await remindPeople(
    ctx,
    request,
    await holdersOf(ctx, request),
    `新${REQUEST_CATEGORY_LABELS[request.category]}（由心愿转来），请在${shortChinaTime(request.respondBy!)}前受理`,
  )
  return detail(ctx.db, request, relationsFor(request, ctx.user, community), settings, now)
}

export default defineAction({ name: 'wish.convert', input: WishConvertInput, access: SECRETARY, writes: true, handler: convert })

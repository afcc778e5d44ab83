/**
 * request.convert — the secretary turns a request into what serves it better:
 *   wish  — a personal need a volunteer can meet (before anyone took it on: reported or dispatched): a micro-wish
 *           for the reporter with the request's text and photos, open on the wall at once (the secretary's own
 *           decision, as wish.review's approval); its history says where it came from and request.wishId links it.
 *           The wish, the request's move and the audit entry are one transaction.
 *   topic — a neighbour dispute mediation has not settled within mediationDays: a council topic raised on the
 *           resident's behalf through the council's own create logic (topic.create's handler: the council, the
 *           resident's eligibility, the content check, held drafts), then the request moves to converted with
 *           request.topicId, audited. The topic is written first: if the request changed meanwhile, the move
 *           answers CONFLICT and the topic stands (the secretary sees it in the council's list).
 * → converted (no longer open). The reporter is told.
 * Outcomes: the detail; INVALID_INPUT for a topic from anything but a dispute, or a wish without a building;
 * FORBIDDEN for anyone but the secretary (or NOT_ELIGIBLE from the council for the resident); CONFLICT
 * STATE_CHANGED when it may not be converted now (or mediation time is not over).
 */
import type { Building, User } from '../../../../../types/org'
import { RequestConvertInput, type Request } from '../../../../../types/requests'
import type { Wish } from '../../../../../types/wish'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { conflict, forbidden, invalid } from '../../platform/errors'
import { getById } from '../../platform/db'
import { C, getUser } from '../org/repo'
import { newWishId, settingsOf as wishSettingsOf, W } from '../wish/repo'
import { loadRequest, moveRequestAudited, notifyReporter, requestResource, summaryOf, type LoadedRequest } from './core'
import { convertRefusal } from './rules'
import { detailAfter } from './views'

async function toWish(ctx: UserCtx, loaded: LoadedRequest, note: string | undefined): Promise<Request> {
  const { request, community } = loaded
  const reporter = await getUser(ctx.db, request.reporterId)
  const buildingId = request.buildingId ?? (reporter?.communityId === community._id ? (reporter.buildingId ?? null) : null)
  const building = buildingId ? await getById<Building>(ctx.db, C.buildings, buildingId) : null
  if (!building || building.communityId !== community._id) throw invalid('心愿需要楼栋：请先确认居民的住址')
  const settings = await wishSettingsOf(ctx.db, community._id)
  const category = settings.categories.includes('生活帮扶') ? '生活帮扶' : settings.categories[0]
  const now = ctx.now()
  const wish: Wish = {
    _id: newWishId(now),
    communityId: community._id,
    compoundId: building.compoundId,
    buildingId: buildingId!,
    title: summaryOf(request.description),
    description: request.description,
    category,
    photos: request.photos.filter((p) => !request.hiddenPhotos.includes(p)),
    wishedBy: null,
    wisherId: request.reporterId,
    postedById: request.enteredById,
    onBehalf: request.enteredById !== request.reporterId,
    status: 'open',
    onWall: true,
    claimerId: null,
    claimVia: null,
    lastProgressAt: null,
    proof: null,
    rating: null,
    rejectReason: null,
    pointsPending: false,
    history: [{ at: now, event: 'post', byId: ctx.user._id, from: null, to: 'open', note: `由居民诉求转为心愿${note ? `：${note}` : ''}` }],
    createdAt: now,
    openedAt: now,
    claimedAt: null,
    fulfilledAt: null,
    closedAt: null,
    remindedAt: null,
    updatedAt: now,
  }
  return moveRequestAudited(ctx, request, 'convert', {
    note: note ?? '转为微心愿',
    set: { wishId: wish._id, closedAt: now },
    yellowShare: loaded.settings.yellowShare,
    also: async (tx) => {
      await tx.collection(W.wishes).add({ data: wish })
    },
    audit: (a) => ({
      communityId: community._id,
      resource: requestResource(a),
      before: { status: request.status },
      after: { status: a.status, wishId: wish._id },
    }),
  })
}

async function toTopic(ctx: UserCtx, loaded: LoadedRequest, note: string | undefined): Promise<Request> {
  const { request, community } = loaded
  const forOther = request.reporterId !== ctx.user._id
  const reporter: User | null = forOther ? await getUser(ctx.db, request.reporterId) : ctx.user
  if (!reporter) throw invalid('找不到提出诉求的居民')
  const { default: topicCreate } = await import('../topic/create')
  const topic = await topicCreate.handler(ctx, {
    communityId: community._id,
    title: summaryOf(request.description),
    description: note ? `${request.description}\n（社区调解未果：${note}）` : request.description,
    buildingId: request.buildingId,
    ...(forOther ? { onBehalfOf: request.reporterId, channel: request.channel === 'phone' ? 'phone' : request.channel === 'door' ? 'door' : 'paper' } : {}),
  })
  const now = ctx.now()
  return moveRequestAudited(ctx, request, 'convert', {
    note: note ?? '调解未果，转为议题',
    set: { topicId: topic.id, closedAt: now },
    yellowShare: loaded.settings.yellowShare,
    audit: (a) => ({
      communityId: community._id,
      resource: requestResource(a),
      before: { status: request.status },
      after: { status: a.status, topicId: topic.id },
    }),
  })
}

async function convert(ctx: UserCtx, input: ActionInput<'request.convert'>) {
  const loaded = await loadRequest(ctx, input.communityId, input.requestId)
  const no = convertRefusal(input.into, loaded.request, loaded.relations, loaded.settings.mediationDays, ctx.now())
  if (no) throw no.code === 'FORBIDDEN' ? forbidden(no.message) : no.code === 'INVALID' ? invalid(no.message) : conflict(no.message, 'STATE_CHANGED')
  const after = input.into === 'wish' ? await toWish(ctx, loaded, input.note) : await toTopic(ctx, loaded, input.note)
  await notifyReporter(ctx, after, input.into === 'wish' ? '已转为微心愿，志愿者可以认领' : '已转为议事会议题')
  return detailAfter(ctx, loaded, after)
}

export default defineAction({ name: 'request.convert', input: RequestConvertInput, access: SECRETARY, writes: true, handler: convert })

/**
 * request.create — 一键报修 / 求助 / 意见建议: a resident reports a problem and it is dispatched at once, in the
 * same call: to the unit owning the category (the community's property company or partner unit, else a street
 * department), else the worker of the building's grid, else the secretary; feedback to the secretary
 * (rules.ts routeRequest). The request is written already dispatched — its flow holds the report and the
 * dispatch — with the limit in force copied and the respond clock started, in one transaction with the month's
 * `reported` counter.
 *
 * Who reports: the resident themself (channel online); a building head for a resident they act for
 * (org/rules.ts actsFor: channel proxy, the resident is the reporter and is told through the building head when
 * offline); the secretary or a grid worker entering one for a resident of the community who phoned, wrote to the
 * letterbox or was visited (channel phone / letterbox / door).
 *
 * A personal need (help) may be better met as a micro-wish: the form may suggest one, but creating a request
 * always works. The text passes the content check (`risky` is refused; nothing is held for review — an urgent
 * repair must never wait). Photos are never held either: the image check flags them after the fact
 * (photoChecks.ts submits each to security.mediaCheckAsync once the request is written; a risky one joins
 * Request.hiddenPhotos when WeChat pushes the verdict: mediaChecks.ts).
 * Outcomes: the detail; INVALID_INPUT for refused text, a building of another community, a channel without the
 * resident; FORBIDDEN for reporting for someone one does not act for, or a channel without being staff.
 */
import type { Building, User } from '../../../../../types/org'
import { RequestCreateInput, type FlowEntry, type Request } from '../../../../../types/requests'
import { REQUEST_CATEGORY_LABELS } from '../../../../../types/vocabulary'
import { defineAction, member, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { getById, runTx } from '../../platform/db'
import { forbidden, invalid, notFound } from '../../platform/errors'
import { C, getCommunity } from '../org/repo'
import { actsFor, holdsRole, isMemberOf } from '../org/rules'
import { shortChinaTime } from '../messages/rules'
import { countReported } from './counters'
import { holdersOf, newRequest, relationsFor, remindPeople, routeFor } from './core'
import { RQ, settingsOf } from './repo'
import { checkPhotosLater } from './photoChecks'
import { detail } from './views'

async function create(ctx: UserCtx, input: ActionInput<'request.create'>) {
  const { db, user } = ctx
  const [community, settings] = await Promise.all([getCommunity(db, input.communityId), settingsOf(db, input.communityId)])
  if (!community) throw notFound('社区')

  let reporter: User = user
  let channel: Request['channel'] = 'online'
  if (input.onBehalfOf && input.onBehalfOf !== user._id) {
    const resident = await getById<User>(db, C.users, input.onBehalfOf)
    if (!resident) throw notFound('这位居民')
    if (input.channel) {
      // Staff entering what a resident phoned in, wrote or said at the door.
      if (!holdsRole(user, community, ['secretary', 'street_admin', 'grid_worker'])) throw forbidden('只有社区工作人员可以代为登记')
      if (!isMemberOf(resident, community) && resident.communityId !== community._id) throw invalid('请选择本社区的居民')
      channel = input.channel
    } else {
      // A building head for a resident who named them as proxy, in a building of their appointment.
      if (!actsFor(user, resident, community._id)) throw forbidden('只能为您代办的居民报修求助')
      channel = 'proxy'
    }
    reporter = resident
  } else if (input.channel) {
    throw invalid('请选择代为登记的居民')
  }

  let buildingId = input.buildingId ?? null
  if (input.buildingId === undefined && reporter.communityId === community._id && reporter.householdStatus === 'verified')
    buildingId = reporter.buildingId ?? null
  if (buildingId) {
    const building = await getById<Building>(db, C.buildings, buildingId)
    if (!building || building.communityId !== community._id) throw invalid('请选择本社区的楼栋')
  }

  const verdict = await ctx.openapi.checkText(ctx.openid, input.description + (input.location ? `\n${input.location}` : ''), 2)
  if (verdict === 'risky') throw invalid('内容含有不适宜的信息，请修改后再提交')

  const urgency = input.urgency ?? 'normal'
  const route = await routeFor(db, community, { category: input.category, urgency, buildingId }, settings)
  const now = ctx.now()
  const note =
    channel === 'proxy'
      ? '楼栋长代为报修求助'
      : channel === 'online'
        ? null
        : `工作人员代为登记（${channel === 'phone' ? '电话' : channel === 'letterbox' ? '意见箱' : '上门走访'}）`
  const flow: FlowEntry[] = [
    { at: now, event: 'report', byId: user._id, from: null, to: 'reported', note },
    { at: now, event: 'dispatch', byId: null, from: 'reported', to: 'dispatched', note: null },
  ]
  const request = newRequest({
    community,
    category: input.category,
    urgency,
    description: input.description,
    photos: input.photos ?? [],
    buildingId,
    location: input.location ?? null,
    reporterId: reporter._id,
    enteredById: user._id,
    channel,
    route,
    flow,
    wishId: null,
    now,
    yellowShare: settings.yellowShare,
  })
  await runTx(db, async (tx) => {
    await tx.collection(RQ.requests).add({ data: request })
    await countReported(tx, db.command, request)
  })
  await checkPhotosLater(ctx, request, request.photos)
  await remindPeople(
    ctx,
    request,
    await holdersOf(ctx, request),
    `新${REQUEST_CATEGORY_LABELS[request.category]}，请在${shortChinaTime(request.respondBy!)}前受理`,
  )
  return detail(db, request, relationsFor(request, user, community), settings, now)
}

export default defineAction({ name: 'request.create', input: RequestCreateInput, access: member, writes: true, handler: create })

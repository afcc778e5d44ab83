/**
 * errand.create — 社区代办: a matter done on a resident's behalf (social-security and medical paperwork …), with
 * the documents they must bring listed. It waits, submitted, until the first staff member takes it (首问负责,
 * errand.advance accept).
 *
 * Who submits: a resident for themself; a building head for a neighbour they act for (org/rules.ts actsFor);
 * staff — the community's secretary and grid workers, or the providers of the errand service — for a resident
 * at the counter or on the phone (e.g. a 书记接待日 matter turned into an errand with one tap: `bookingId` keeps
 * the link to that booking, which must be the resident's). The errand belongs to the community's 社区代办 service
 * named (or, when there is exactly one, that one), so its providers see it in their queue.
 * Outcomes: the errand; INVALID_INPUT for a service that is not an errand service here, a booking that is not the
 * resident's, or refused text; FORBIDDEN (NOT_ELIGIBLE) for someone who does not live here submitting for
 * themself, FORBIDDEN for submitting for someone one neither serves nor acts for; NOT_FOUND for an unknown person.
 */
import type { User } from '../../../../../types/org'
import { ErrandCreateInput, type Booking, type Errand, type Service } from '../../../../../types/services'
import { defineAction, member, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { getById, type Db } from '../../platform/db'
import { forbidden, invalid, notFound } from '../../platform/errors'
import { getCommunity, getUser } from '../org/repo'
import { actsFor, livesIn } from '../org/rules'
import { errandServices, errandView, isErrandStaff, newErrandId } from '../service/errands'
import { K } from '../service/repo'

/** The errand service named (it must be an active 社区代办 service here), else the community's only one, else none. */
async function errandServiceFor(db: Db, communityId: string, serviceId: string | undefined): Promise<Service | null> {
  if (serviceId) {
    const s = await getById<Service>(db, K.services, serviceId)
    if (!s || s.communityId !== communityId || s.category !== 'errand' || !s.active) throw invalid('请选择本社区的代办服务')
    return s
  }
  const active = (await errandServices(db, communityId)).filter((s) => s.active)
  return active.length === 1 ? active[0] : null
}

async function create(ctx: UserCtx, input: ActionInput<'errand.create'>) {
  const { db, user } = ctx
  const community = await getCommunity(db, input.communityId)
  if (!community) throw notFound('社区')

  const service = await errandServiceFor(db, community._id, input.serviceId)

  const staff = await isErrandStaff(db, user, community, service)
  let resident: User = user
  if (input.forUserId && input.forUserId !== user._id) {
    const other = await getUser(db, input.forUserId)
    if (!other) throw notFound('这位居民')
    // Staff at the counter first: a building head who is also a grid worker enters as staff.
    if (!staff && !actsFor(user, other, community._id)) throw forbidden('只能为您代办的居民或在社区窗口提交代办')
    if (!livesIn(other, community._id)) throw invalid('这位居民的住址还没有在本社区确认')
    resident = other
  } else if (!livesIn(user, community._id)) {
    throw forbidden('住址确认为本社区后才能提交代办', 'NOT_ELIGIBLE')
  }

  if (input.bookingId) {
    const booking = await getById<Booking>(db, K.bookings, input.bookingId)
    if (!booking || booking.communityId !== community._id || booking.userId !== resident._id) throw invalid('请选择这位居民在本社区的预约')
  }

  const text = `${input.title}\n${input.description}\n${(input.documents ?? []).join('、')}`
  if ((await ctx.openapi.checkText(ctx.openid, text, 2)) === 'risky') throw invalid('内容含有不适宜的信息，请修改后再提交')

  const now = ctx.now()
  const note = resident._id === user._id ? null : staff ? '工作人员代为登记' : '楼栋长代为提交'
  const errand: Errand = {
    _id: newErrandId(now),
    communityId: community._id,
    serviceId: service?._id ?? null,
    residentId: resident._id,
    enteredById: user._id,
    title: input.title,
    description: input.description,
    documents: input.documents ?? [],
    status: 'submitted',
    ownerId: null,
    handovers: [],
    bookingId: input.bookingId ?? null,
    requestId: null,
    flow: [{ at: now, event: 'submit', byId: user._id, note }],
    createdAt: now,
    updatedAt: now,
  }
  await db.collection(K.errands).add({ data: errand })
  return errandView(db, errand, user, community)
}

export default defineAction({ name: 'errand.create', input: ErrandCreateInput, access: member, writes: true, handler: create })

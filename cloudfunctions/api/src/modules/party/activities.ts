/**
 * Activities 活动 with sign-up under a capacity.
 * activity.list — upcoming, past, or mine. activity.get — one, with the roster for its organiser.
 * activity.upsert — secretaries, or a verified member for a post they hold, publish or edit. Audited.
 * activity.cancel — the organiser cancels with a reason; those signed up are told (the first 50 at once,
 *   the rest in batches by the timer: cancelNotice.ts).
 * activity.signUp — a transaction on the activity and the sign-up: exactly `capacity` people get in
 *   however many try at once; signing up twice is a CONFLICT.
 * activity.withdraw — before it starts, giving the place back.
 */
import type { z } from 'zod'
import type { Page } from '../../../../../types/common'
import type { User } from '../../../../../types/org'
import type {
  Activity, ActivityCancelInput, ActivityDetail, ActivityGetInput, ActivityListInput, ActivitySignUpInput, ActivityUpsertInput, ActivityView, Post, Signup,
} from '../../../../../types/party'
import type { UserCtx } from '../../platform/context'
import { trace } from '../../platform/audit'
import { findMany, getById, newId, runTx, txGet, type Db } from '../../platform/db'
import { conflict, forbidden, invalid, notFound } from '../../platform/errors'
import { C, findAll, getCommunity, getMany } from '../org/repo'
import { holdsRole, listName } from '../org/rules'
import { sendNoticeBatch, startCancelNotice } from './cancelNotice'
import { PT } from './repo'
import { verifiedRegistration } from './verified'

export const newActivityId = (now: Date) => 'ac' + now.getTime().toString(36).padStart(9, '0') + newId().slice(0, 10)

/** The community's secretary (or the street admin above it). */
export async function isSecretaryHere(ctx: UserCtx, a: Activity): Promise<boolean> {
  const c = await getCommunity(ctx.db, a.communityId)
  return !!c && holdsRole(ctx.user, c, ['secretary', 'street_admin'])
}

export async function isOrganiser(ctx: UserCtx, a: Activity): Promise<boolean> {
  return a.organiserId === ctx.user._id || isSecretaryHere(ctx, a)
}

export async function loadActivity(db: Db, communityId: string, activityId: string): Promise<Activity> {
  const a = await getById<Activity>(db, PT.activities, activityId)
  if (!a || a.communityId !== communityId) throw notFound('这个活动')
  return a
}

export async function activityViews(ctx: UserCtx, list: Activity[]): Promise<ActivityView[]> {
  const [organisers, signups] = await Promise.all([
    getMany<User>(ctx.db, C.users, list.map((a) => a.organiserId)),
    getMany<Signup>(ctx.db, PT.signups, list.map((a) => `${a._id}_${ctx.user._id}`)),
  ])
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null)
  return Promise.all(
    list.map(async (a) => {
      const s = signups.get(`${a._id}_${ctx.user._id}`)
      return {
        id: a._id, title: a.title, description: a.description, place: a.place, startAt: iso(a.startAt)!, endAt: iso(a.endAt)!,
        capacity: a.capacity, signedUp: a.signedUp, pointsPerHour: a.pointsPerHour, status: a.status,
        organiserName: listName(organisers.get(a.organiserId) ?? { realName: null, nickname: '' }), hasLocation: !!a.location,
        mySignup: s && s.status !== 'withdrawn' ? { status: s.status, checkinAt: iso(s.checkinAt), checkoutAt: iso(s.checkoutAt), hours: s.hours, confirmedHours: s.confirmedHours } : null,
        isOrganiser: await isOrganiser(ctx, a),
      }
    }),
  )
}

export async function list(ctx: UserCtx, input: z.output<typeof ActivityListInput>): Promise<Page<ActivityView>> {
  const { db } = ctx
  const _ = db.command
  const limit = input.limit ?? 20
  const scope = input.scope ?? 'upcoming'
  if (scope === 'mine') {
    const mine = await findMany<Signup>(db, PT.signups, { userId: ctx.user._id, communityId: input.communityId }, { orderBy: [['signedAt', 'desc']], limit: 100 })
    const acts = await getMany<Activity>(db, PT.activities, mine.map((s) => s.activityId))
    return { items: await activityViews(ctx, mine.map((s) => acts.get(s.activityId)).filter((a): a is Activity => !!a)), nextCursor: null }
  }
  const now = ctx.now()
  const filter: Record<string, unknown> = { communityId: input.communityId, endAt: scope === 'upcoming' ? _.gte(now) : _.lt(now) }
  if (input.cursor) filter._id = scope === 'upcoming' ? _.gt(input.cursor) : _.lt(input.cursor)
  const docs = await findMany<Activity>(db, PT.activities, filter, { orderBy: [['_id', scope === 'upcoming' ? 'asc' : 'desc']], limit: limit + 1 })
  const page = docs.slice(0, limit)
  return { items: await activityViews(ctx, page), nextCursor: docs.length > limit ? page[page.length - 1]._id : null }
}

export async function get(ctx: UserCtx, input: z.output<typeof ActivityGetInput>): Promise<ActivityDetail> {
  const a = await loadActivity(ctx.db, input.communityId, input.activityId)
  const [view] = await activityViews(ctx, [a])
  let roster: ActivityDetail['roster'] = null
  if (view.isOrganiser) {
    // Everyone who signed up (capacity is at most 5,000), paged by _id so nobody is skipped or repeated.
    const all = (await findAll<Signup>(ctx.db, PT.signups, { activityId: a._id }, 5000)).filter((s) => s.status !== 'withdrawn')
    const people = await getMany<User>(ctx.db, C.users, all.map((s) => s.userId))
    roster = all.map((s) => ({ userId: s.userId, name: listName(people.get(s.userId) ?? { realName: null, nickname: '' }), status: s.status, hours: s.hours, confirmedHours: s.confirmedHours }))
  }
  return { ...view, postId: view.isOrganiser ? a.postId : null, location: view.isOrganiser ? a.location : null, roster }
}

export async function upsert(ctx: UserCtx, input: z.output<typeof ActivityUpsertInput>) {
  const { db, user } = ctx
  const startAt = new Date(input.startAt)
  const endAt = new Date(input.endAt)
  if (!(endAt > startAt)) throw invalid('结束时间要晚于开始时间')
  if (endAt.getTime() - startAt.getTime() > 24 * 3600_000) throw invalid('一次活动不超过 24 小时')
  const community = await getCommunity(db, input.communityId)
  const secretary = !!community && holdsRole(user, community, ['secretary', 'street_admin'])
  const post = input.postId ? await getById<Post>(db, PT.posts, input.postId) : null
  if (!secretary) {
    const reg = await verifiedRegistration(db, user._id, input.communityId)
    if (!reg || !post || post.communityId !== input.communityId || !post.holders.includes(user._id)) throw forbidden('社区书记或在岗党员才能发布活动')
  }
  // A post named by anyone must be one of this community's (never another community's, never made up).
  if (input.postId && (!post || post.communityId !== input.communityId)) throw notFound('岗位')
  if ((await ctx.openapi.checkText(ctx.openid, `${input.title} ${input.description}`, 3)) !== 'pass') throw invalid('活动内容含有不适宜的信息，请修改')
  const now = ctx.now()
  const fields = {
    title: input.title, description: input.description, place: input.place, startAt, endAt, capacity: input.capacity,
    pointsPerHour: input.pointsPerHour, postId: input.postId ?? null, location: input.location ?? null, updatedAt: now,
  }
  const before = input.activityId ? await loadActivity(db, input.communityId, input.activityId) : null
  // On edit, a field left out keeps its value (null clears it).
  if (before && input.postId === undefined) fields.postId = before.postId
  if (before && input.location === undefined) fields.location = before.location
  if (before) {
    if (!(await isOrganiser(ctx, before))) throw forbidden('只有组织者可以修改活动')
    if (input.capacity < before.signedUp) throw conflict(`已有 ${before.signedUp} 人报名，名额不能少于此数`)
    // The capacity guard is part of the update: sign-ups arriving meanwhile cannot be squeezed out.
    const res = (await db.collection(PT.activities).where({ _id: before._id, signedUp: db.command.lte(input.capacity) }).update({ data: { ...fields, location: db.command.set(fields.location) } })) as { stats: { updated: number } }
    if (res.stats.updated !== 1) throw conflict('报名人数刚刚超过了新的名额，请刷新后再改')
    const after = (await getById<Activity>(db, PT.activities, before._id))!
    await trace(ctx, { communityId: input.communityId, resource: { type: 'activity', id: before._id }, before: { ...before, secret: undefined }, after: fields })
    return (await activityViews(ctx, [after]))[0]
  }
  const a: Activity = { _id: newActivityId(startAt), communityId: input.communityId, ...fields, signedUp: 0, organiserId: user._id, secret: newId() + newId(), status: 'published', createdAt: now }
  await db.collection(PT.activities).add({ data: a })
  await trace(ctx, { communityId: input.communityId, resource: { type: 'activity', id: a._id }, after: fields })
  return (await activityViews(ctx, [a]))[0]
}

export async function cancel(ctx: UserCtx, input: z.output<typeof ActivityCancelInput>) {
  const a = await loadActivity(ctx.db, input.communityId, input.activityId)
  if (!(await isOrganiser(ctx, a))) throw forbidden('只有组织者可以取消活动')
  const res = (await ctx.db.collection(PT.activities).where({ _id: a._id, status: 'published' }).update({ data: { status: 'cancelled', updatedAt: ctx.now() } })) as { stats: { updated: number } }
  if (res.stats.updated !== 1) throw conflict('活动已经取消了')
  await trace(ctx, { communityId: input.communityId, resource: { type: 'activity', id: a._id }, before: { status: 'published' }, after: { status: 'cancelled', reason: input.reason } })
  // Tell everyone signed up: the first batch now, the rest by the timer (cancelNotice.ts), so this call
  // answers in the same time for 5 people as for 5,000.
  const job = await startCancelNotice(ctx, a, input.reason)
  try {
    await sendNoticeBatch(ctx, job)
  } catch (err) {
    // The activity is cancelled all the same; the timer sends what this batch did not.
    console.error('activity.cancel: first notice batch failed', a._id, err)
  }
  return (await activityViews(ctx, [{ ...a, status: 'cancelled' }]))[0]
}

export async function signUp(ctx: UserCtx, input: z.output<typeof ActivitySignUpInput>) {
  const { db, user } = ctx
  const a = await loadActivity(db, input.communityId, input.activityId)
  if (a.status !== 'published') throw conflict('活动已取消')
  const now = ctx.now()
  if (now > new Date(a.endAt)) throw conflict('活动已经结束了')
  const id = `${a._id}_${user._id}`
  await runTx(db, async (tx) => {
    const act = await txGet<Activity>(tx, PT.activities, a._id)
    const mine = await txGet<Signup>(tx, PT.signups, id)
    if (!act || act.status !== 'published') throw conflict('活动已取消')
    if (mine && mine.status !== 'withdrawn') throw conflict('您已经报名了')
    if (act.signedUp >= act.capacity) throw conflict('名额已满，下次早点报名')
    await tx.collection(PT.activities).doc(a._id).update({ data: { signedUp: db.command.inc(1) } })
    const s: Signup = { _id: id, activityId: a._id, communityId: a.communityId, userId: user._id, status: 'signed', signedAt: now, checkinAt: null, checkoutAt: null, hours: null, confirmedHours: null, correction: null, confirmedAt: null }
    if (mine) {
      const { _id, ...rest } = s
      await tx.collection(PT.signups).doc(id).set({ data: rest })
    } else await tx.collection(PT.signups).add({ data: s })
  })
  return (await activityViews(ctx, [(await getById<Activity>(db, PT.activities, a._id))!]))[0]
}

export async function withdraw(ctx: UserCtx, input: z.output<typeof ActivitySignUpInput>) {
  const { db, user } = ctx
  const a = await loadActivity(db, input.communityId, input.activityId)
  if (ctx.now() >= new Date(a.startAt)) throw conflict('活动已经开始，不能取消报名')
  const id = `${a._id}_${user._id}`
  await runTx(db, async (tx) => {
    const mine = await txGet<Signup>(tx, PT.signups, id)
    if (!mine || mine.status !== 'signed') throw conflict('您没有报名这个活动')
    await tx.collection(PT.signups).doc(id).update({ data: { status: 'withdrawn' } })
    await tx.collection(PT.activities).doc(a._id).update({ data: { signedUp: db.command.inc(-1) } })
  })
  return (await activityViews(ctx, [(await getById<Activity>(db, PT.activities, a._id))!]))[0]
}

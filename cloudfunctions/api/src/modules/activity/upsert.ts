/**
 * activity.upsert — the secretary, or a verified member for a post they hold, publishes an activity; its
 * organiser (or the secretary) edits it. The change and its audit entry are one transaction (the secret is
 * never recorded). A field left out on edit keeps its value (null clears it).
 * Outcomes: the activity; INVALID_INPUT for an end not after the start, more than 24 hours, or unsuitable
 * text; FORBIDDEN for someone who may not publish or edit it; NOT_FOUND for an unknown activity, a council
 * meeting (an activity carrying `meeting`: meeting.upsert changes it), or another community's post; CONFLICT
 * for a capacity below those already signed up — also when sign-ups arrive meanwhile.
 */
import { ActivityUpsertInput, type Activity, type Post } from '../../../../../types/party'
import { defineAction, member, type ActionInput } from '../../platform/action'
import { recordIn } from '../../platform/audit'
import type { UserCtx } from '../../platform/context'
import { getById, newId, runTx, txGet } from '../../platform/db'
import { AppError, conflict, forbidden, invalid, notFound } from '../../platform/errors'
import { getCommunity } from '../org/repo'
import { holdsRole } from '../org/rules'
import { auditedActivity, isOrganiser, loadActivity, newActivityId } from '../party/activities'
import { PT } from '../party/repo'
import { verifiedRegistration } from '../party/verified'
import { activityViews } from '../party/views'

/** A council meeting named as an activity to edit: not found as one, with the way to where it is changed. */
const notMeetingHere = () => new AppError('NOT_FOUND', '这是议事会议，请在“议事会议”里修改')

async function upsert(ctx: UserCtx, input: ActionInput<'activity.upsert'>) {
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
  const before = input.activityId ? await loadActivity(db, input.communityId, input.activityId) : null
  // A council meeting is an activity carrying `meeting`, but it is changed only as a meeting (meeting.upsert
  // keeps its council, agenda and minutes, and its sign-up rules): here it is no activity to edit.
  if (before?.meeting) throw notMeetingHere()
  if (before && !(await isOrganiser(ctx, before))) throw forbidden('只有组织者可以修改活动')
  if (before && input.capacity < before.signedUp) throw conflict(`已有 ${before.signedUp} 人报名，名额不能少于此数`)
  if ((await ctx.openapi.checkText(ctx.openid, `${input.title} ${input.description}`, 3)) !== 'pass') throw invalid('活动内容含有不适宜的信息，请修改')
  const now = ctx.now()
  const fields = {
    title: input.title,
    description: input.description,
    place: input.place,
    startAt,
    endAt,
    capacity: input.capacity,
    pointsPerHour: input.pointsPerHour,
    postId: input.postId ?? null,
    location: input.location ?? null,
    updatedAt: now,
  }
  if (before) {
    if (input.postId === undefined) fields.postId = before.postId
    if (input.location === undefined) fields.location = before.location
    // The capacity check and the change are one transaction: sign-ups arriving meanwhile (each a transaction
    // on this document) make it run again on the new count, so nobody signed up is squeezed out.
    await runTx(db, async (tx) => {
      const current = await txGet<Activity>(tx, PT.activities, before._id)
      if (!current) throw notFound('这个活动')
      if (current.meeting) throw notMeetingHere()
      if (current.signedUp > input.capacity) throw conflict(`已有 ${current.signedUp} 人报名，名额不能少于此数`)
      await tx
        .collection(PT.activities)
        .doc(before._id)
        .update({ data: { ...fields, location: db.command.set(fields.location) } })
      await recordIn(tx, ctx, {
        communityId: input.communityId,
        resource: { type: 'activity', id: before._id, label: input.title },
        before: auditedActivity(current),
        after: fields,
      })
    })
    return (await activityViews(ctx, [(await getById<Activity>(db, PT.activities, before._id))!]))[0]
  }
  const a: Activity = {
    _id: newActivityId(startAt),
    communityId: input.communityId,
    ...fields,
    signedUp: 0,
    organiserId: user._id,
    secret: newId() + newId(),
    status: 'published',
    createdAt: now,
  }
  await runTx(db, async (tx) => {
    await tx.collection(PT.activities).add({ data: a })
    await recordIn(tx, ctx, { communityId: input.communityId, resource: { type: 'activity', id: a._id, label: a.title }, after: fields })
  })
  return (await activityViews(ctx, [a]))[0]
}

export default defineAction({ name: 'activity.upsert', input: ActivityUpsertInput, access: member, writes: true, handler: upsert })

/**
 * meeting.upsert — the secretary schedules a council meeting (a monthly 议事日, a quarterly representatives'
 * meeting) or edits it, with the topics it discusses and, afterwards, its minutes. A meeting is an activity
 * carrying `meeting` (council/meetings.ts), so residents in the council's scope sign up and check in with the
 * activity pages and the rotating code; attending pays council_participation once. Minutes attach to the
 * topics discussed: when they are recorded or changed, each topic listed gets a `meeting` entry in its public
 * timeline (its stage unchanged) and its author is told. The meeting and its audit entry (resource activity)
 * are one transaction; the timeline entries follow it.
 * Outcomes: MeetingView; NOT_FOUND for another community's council, topic or meeting (or an activity that is
 * not a meeting); INVALID_INPUT for a time that is not one, an end not after the start, more than 24 hours,
 * or unsuitable text; CONFLICT for a capacity below those signed up (also when sign-ups arrive meanwhile),
 * or a cancelled meeting (STATE_CHANGED).
 */
import { MeetingUpsertInput, type MeetingInfo, type MeetingView, type Topic } from '../../../../../types/council'
import type { Activity } from '../../../../../types/party'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import { recordIn } from '../../platform/audit'
import type { UserCtx } from '../../platform/context'
import { getById, newId, runTx, txGet } from '../../platform/db'
import { conflict, invalid, notFound } from '../../platform/errors'
import { MEETING_KIND_LABELS } from '../../../../../types/vocabulary'
import { getMany } from '../org/repo'
import { auditedActivity, loadActivity, newActivityId } from '../party/activities'
import { PT } from '../party/repo'
import { loadCouncil } from '../council/councils'
import { attachMinutes, meetingViews } from '../council/meetings'
import { K } from '../council/repo'
import { notifyAuthor } from '../council/core'

function timeOf(s: string): Date {
  const d = new Date(s)
  if (Number.isNaN(d.getTime())) throw invalid('时间格式不正确')
  return d
}

async function upsert(ctx: UserCtx, input: ActionInput<'meeting.upsert'>): Promise<MeetingView> {
  const { db } = ctx
  const startAt = timeOf(input.startAt)
  const endAt = timeOf(input.endAt)
  if (!(endAt > startAt)) throw invalid('结束时间要晚于开始时间')
  if (endAt.getTime() - startAt.getTime() > 24 * 3600_000) throw invalid('一次会议不超过 24 小时')
  const council = await loadCouncil(db, input.communityId, input.councilId)
  const topicIds = [...new Set(input.topicIds)]
  const found = await getMany<Topic>(db, K.topics, topicIds)
  for (const id of topicIds) if (found.get(id)?.communityId !== input.communityId) throw notFound('议题')
  const before = input.meetingId ? await loadActivity(db, input.communityId, input.meetingId) : null
  if (before && !before.meeting) throw notFound('这次会议')
  if (before && before.status !== 'published') throw conflict('会议已取消，不能修改', 'STATE_CHANGED')
  if (before && input.capacity < before.signedUp) throw conflict(`已有 ${before.signedUp} 人报名，名额不能少于此数`)
  const minutes = input.minutes === undefined ? (before?.meeting?.minutes ?? null) : input.minutes || null
  if ((await ctx.openapi.checkText(ctx.openid, `${input.title} ${input.place} ${minutes ?? ''}`, 3)) !== 'pass')
    throw invalid('会议内容含有不适宜的信息，请修改')

  const now = ctx.now()
  const meeting: MeetingInfo = { councilId: council._id, kind: input.kind, topicIds, minutes }
  const topicTitles = topicIds.map((id) => found.get(id)!.title)
  const fields = {
    title: input.title,
    description: `${council.name}${MEETING_KIND_LABELS[input.kind]}${topicTitles.length ? `，议题：${topicTitles.join('、')}` : ''}`.slice(0, 1000),
    place: input.place,
    startAt,
    endAt,
    capacity: input.capacity,
    meeting,
    updatedAt: now,
  }
  let saved: Activity
  if (before) {
    await runTx(db, async (tx) => {
      const current = await txGet<Activity>(tx, PT.activities, before._id)
      if (!current) throw notFound('这次会议')
      if (current.status !== 'published') throw conflict('会议已取消，不能修改', 'STATE_CHANGED')
      if (current.signedUp > input.capacity) throw conflict(`已有 ${current.signedUp} 人报名，名额不能少于此数`)
      await tx
        .collection(PT.activities)
        .doc(before._id)
        .update({ data: { ...fields, meeting: db.command.set(meeting) } })
      await recordIn(tx, ctx, {
        communityId: input.communityId,
        resource: { type: 'activity', id: before._id, label: input.title },
        before: auditedActivity(current),
        after: fields,
      })
    })
    saved = (await getById<Activity>(db, PT.activities, before._id))!
  } else {
    saved = {
      _id: newActivityId(startAt),
      communityId: input.communityId,
      ...fields,
      // Attending pays council_participation (once), not volunteer hours.
      pointsPerHour: 0,
      postId: null,
      location: null,
      signedUp: 0,
      organiserId: ctx.user._id,
      secret: newId() + newId(),
      status: 'published',
      createdAt: now,
    }
    await runTx(db, async (tx) => {
      await tx.collection(PT.activities).add({ data: saved })
      await recordIn(tx, ctx, { communityId: input.communityId, resource: { type: 'activity', id: saved._id, label: saved.title }, after: fields })
    })
  }
  if (minutes && minutes !== (before?.meeting?.minutes ?? null)) {
    const topics = topicIds.map((id) => found.get(id)!)
    const after = await attachMinutes(ctx, saved, topics, ctx.user._id)
    for (const t of after) await notifyAuthor(ctx, t, `${MEETING_KIND_LABELS[input.kind]}已讨论，纪要已公布`)
  }
  return (await meetingViews(ctx, [saved]))[0]
}

export default defineAction({ name: 'meeting.upsert', input: MeetingUpsertInput, access: SECRETARY, writes: true, handler: upsert })

/**
 * activity.confirmHours (organiser, after the end) — confirms everyone's hours: checked-out members get their
 * recorded hours, corrections (with a reason) replace them, those who never checked in are marked no-show,
 * those still checked in are waited for. Points are credited through the points module once per person (key
 * activity:<id>:<user>:hours), before the confirmation is marked, so a retry pays whoever was not paid and
 * nobody twice. Each correction and its audit entry are one transaction; a summary entry records the run.
 * Outcomes: { confirmed, noShows, credited, stillIn, activity }; NOT_FOUND for an unknown activity or a
 * correction for someone not signed up; FORBIDDEN for someone who does not organise it, or an organising
 * member correcting their own hours; INVALID_INPUT for hours beyond the scheduled length; CONFLICT before the
 * end, for a cancelled activity, or a correction of someone already confirmed (STATE_CHANGED).
 */
import { ConfirmHoursInput, type Activity, type Signup } from '../../../../../types/party'
import type { User } from '../../../../../types/org'
import { defineAction, member, type ActionInput } from '../../platform/action'
import { recordIn, trace } from '../../platform/audit'
import type { UserCtx } from '../../platform/context'
import { readAll, runTx, txGet, updateWhere } from '../../platform/db'
import { conflict, forbidden, invalid, notFound } from '../../platform/errors'
import { credit } from '../points/earn'
import { C, getMany } from '../org/repo'
import { maskName } from '../org/rules'
import { isOrganiser, isSecretaryHere, loadActivity } from '../party/activities'
import { PT } from '../party/repo'
import { activityDetail } from '../party/views'

type Correction = { userId: string; hours: number; reason: string }

async function confirmHours(ctx: UserCtx, input: ActionInput<'activity.confirmHours'>) {
  const { db } = ctx
  const a = await loadActivity(db, input.communityId, input.activityId)
  if (!(await isOrganiser(ctx, a))) throw forbidden('只有组织者可以确认时长')
  if (a.status === 'cancelled') throw conflict('活动已取消，没有时长需要确认')
  const now = ctx.now()
  if (now < new Date(a.endAt)) throw conflict('活动结束后才能确认时长')
  const scheduled = (new Date(a.endAt).getTime() - new Date(a.startAt).getTime()) / 3600_000
  const corrections = new Map<string, Correction>((input.corrections ?? []).map((c) => [c.userId, c]))
  const signups = await readAll<Signup>(db, PT.signups, { activityId: a._id }, 5000)
  for (const c of corrections.values()) {
    const s = signups.find((x) => x.userId === c.userId)
    if (!s || s.status === 'withdrawn') throw notFound('这位报名者')
    if (s.confirmedAt) throw conflict('这位报名者的时长已经确认过了，不能再更正', 'STATE_CHANGED')
    // A member who organises may not set their own hours: the secretary confirms those.
    if (c.userId === ctx.user._id && a.organiserId === ctx.user._id && !(await isSecretaryHere(ctx, a))) throw forbidden('自己的服务时长请由社区书记确认')
    if (c.hours > scheduled) throw invalid(`时长不能超过活动安排的 ${Math.round(scheduled * 100) / 100} 小时`)
  }
  const people = corrections.size ? await getMany<User>(db, C.users, [...corrections.keys()]) : new Map<string, User>()
  let confirmed = 0
  let noShows = 0
  let credited = 0
  let stillIn = 0
  for (const s of signups) {
    if (s.status === 'withdrawn' || s.confirmedAt) continue
    const c = corrections.get(s.userId)
    if (s.status === 'signed' && !c) {
      if ((await updateWhere(db, PT.signups, { _id: s._id, status: 'signed' }, { status: 'no_show', confirmedAt: now, confirmedHours: 0 })) === 1) noShows++
      continue
    }
    // Still checked in (check-out stays open a while after the end): wait for them rather than confirm 0.
    if (s.status === 'checked_in' && !c) {
      stillIn++
      continue
    }
    const hours = c ? c.hours : (s.hours ?? 0)
    // Pay first, then mark confirmed: if no budget can pay, this person stays unconfirmed and a retry pays
    // (the key makes a second payment impossible either way).
    if (hours > 0 && a.pointsPerHour > 0) {
      const out = await credit(db, now, {
        communityId: a.communityId,
        userId: s.userId,
        kind: 'volunteer_hour',
        quantity: hours,
        pointsPerUnit: a.pointsPerHour,
        key: `activity:${a._id}:${s.userId}:hours`,
        reason: `参加「${a.title}」服务 ${hours} 小时`,
        cause: { type: 'activity', id: a._id },
        byUserId: ctx.user._id,
      })
      credited += out.replayed ? 0 : out.credited
    }
    if (c) await confirmCorrected(ctx, a, s, c, people.get(s.userId))
    else await updateWhere(db, PT.signups, { _id: s._id, confirmedAt: null }, { confirmedHours: hours, correction: null, confirmedAt: now })
    confirmed++
  }
  // The run as a whole: each change above is already durable on its own (and idempotent on a retry).
  await trace(ctx, { communityId: a.communityId, resource: { type: 'activity', id: a._id, label: a.title }, after: { confirmed, noShows, credited, stillIn } })
  return { confirmed, noShows, credited, stillIn, activity: await activityDetail(ctx, a) }
}

/** A corrected person's hours and the audit entry naming the correction: one transaction. */
async function confirmCorrected(ctx: UserCtx, a: Activity, s: Signup, c: Correction, person: User | undefined) {
  await runTx(ctx.db, async (tx) => {
    const current = await txGet<Signup>(tx, PT.signups, s._id)
    if (!current || current.confirmedAt) return
    await tx
      .collection(PT.signups)
      .doc(s._id)
      .update({ data: { confirmedHours: c.hours, correction: c.reason, confirmedAt: ctx.now() } })
    await recordIn(tx, ctx, {
      communityId: a.communityId,
      resource: { type: 'activity_signup', id: s._id, label: `${a.title} · ${maskName(person?.realName || person?.nickname)}` },
      before: { hours: current.hours },
      after: { confirmedHours: c.hours, reason: c.reason },
    })
  })
}

export default defineAction({ name: 'activity.confirmHours', input: ConfirmHoursInput, access: member, writes: true, handler: confirmHours })

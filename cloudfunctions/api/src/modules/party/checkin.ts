/**
 * Check-in that proves presence.
 * activity.checkinCode (organiser) — the current rotating code: a signed token that changes every 30 s
 *   (the previous one is accepted 30 s more), so a forwarded screenshot stops working within a minute;
 *   with a QR image of it for the organiser's phone.
 * activity.checkin / activity.checkout — a signed-up member scans it on site. Check-in opens 30 minutes
 *   before the start; with a location set, the member must be within its radius. Hours are check-out
 *   minus check-in, capped at the scheduled length.
 * activity.confirmHours (organiser, after the end) — confirms hours (corrections need a reason), marks
 *   no-shows, and credits points through the points module once per person (key activity:<id>:<user>:hours).
 * Outcomes: INVALID_INPUT for a forged, expired or other activity's code; FORBIDDEN for someone not signed
 * up or too far away; CONFLICT for a check-in before the window, a second check-in, or a check-out without one.
 */
import type { z } from 'zod'
import type { Activity, ActivityCheckInput, ActivityCodeInput, CheckinCode, ConfirmHoursInput, Signup } from '../../../../../types/party'
import type { UserCtx } from '../../platform/context'
import { trace } from '../../platform/audit'
import { qrDataUrl } from '../../platform/qrcode'
import { findMany, getById } from '../../platform/db'
import { conflict, forbidden, invalid, notFound } from '../../platform/errors'
import { credit } from '../points/earn'
import { get, isOrganiser, isSecretaryHere, loadActivity } from './activities'
import { PT } from './repo'
import { checkinToken, checkinWindow, CHECKOUT_GRACE_MIN, distanceM, parseToken, PERIOD_S, serviceHours, verifyToken } from './rules'

export async function checkinCode(ctx: UserCtx, input: z.output<typeof ActivityCodeInput>): Promise<CheckinCode> {
  const a = await loadActivity(ctx.db, input.communityId, input.activityId)
  if (!(await isOrganiser(ctx, a))) throw forbidden('只有组织者可以出示签到码')
  if (a.status !== 'published') throw conflict('活动已取消')
  const { token, expiresAt } = checkinToken(a.secret, a._id, ctx.now())
  const qr = await qrDataUrl(token, { errorCorrectionLevel: 'M', margin: 2, width: 480 })
  return { token, qr, expiresAt: expiresAt.toISOString(), periodSeconds: PERIOD_S }
}

/** The activity a scanned code belongs to, if the code is genuine and current. */
async function activityOfToken(ctx: UserCtx, input: z.output<typeof ActivityCheckInput>): Promise<Activity> {
  const parsed = parseToken(input.token)
  if (!parsed) throw invalid('这不是有效的签到码')
  if (input.activityId && input.activityId !== parsed.activityId) throw invalid('这不是本活动的签到码')
  const a = await getById<Activity>(ctx.db, PT.activities, parsed.activityId)
  if (!a || a.communityId !== input.communityId) throw invalid('这不是有效的签到码')
  const verdict = verifyToken(a.secret, parsed, ctx.now())
  if (verdict === 'forged') throw invalid('这不是有效的签到码')
  if (verdict === 'expired') throw invalid('签到码已过期，请扫描组织者手机上最新的二维码')
  if (a.status !== 'published') throw conflict('活动已取消')
  if (a.location) {
    if (!input.location) throw forbidden('这个活动需要定位签到，请允许获取位置后再试')
    if (distanceM(a.location, input.location) > a.location.radius) throw forbidden('您不在活动地点附近，到现场后再签到')
  }
  return a
}

async function mySignup(ctx: UserCtx, a: Activity): Promise<Signup> {
  const s = await getById<Signup>(ctx.db, PT.signups, `${a._id}_${ctx.user._id}`)
  if (!s || s.status === 'withdrawn') throw forbidden('您没有报名这个活动')
  return s
}

export async function checkin(ctx: UserCtx, input: z.output<typeof ActivityCheckInput>) {
  const a = await activityOfToken(ctx, input)
  const s = await mySignup(ctx, a)
  const now = ctx.now()
  const w = checkinWindow(a, now)
  if (w === 'early') throw conflict('签到还没开始，活动开始前 30 分钟可以签到')
  if (w === 'over') throw conflict('活动已经结束，不能签到了')
  if (s.status !== 'signed') throw conflict('您已经签到过了')
  const res = (await ctx.db.collection(PT.signups).where({ _id: s._id, status: 'signed' }).update({ data: { status: 'checked_in', checkinAt: now } })) as { stats: { updated: number } }
  if (res.stats.updated !== 1) throw conflict('您已经签到过了')
  return get(ctx, { communityId: a.communityId, activityId: a._id })
}

export async function checkout(ctx: UserCtx, input: z.output<typeof ActivityCheckInput>) {
  const a = await activityOfToken(ctx, input)
  const s = await mySignup(ctx, a)
  const now = ctx.now()
  if (s.status === 'checked_out') throw conflict('您已经签退过了')
  if (s.status !== 'checked_in' || !s.checkinAt) throw conflict('您还没有签到，不能签退')
  if (now.getTime() > new Date(a.endAt).getTime() + CHECKOUT_GRACE_MIN * 60_000) throw conflict('签退时间已过，请联系组织者确认时长')
  const hours = serviceHours(a, new Date(s.checkinAt), now)
  const res = (await ctx.db.collection(PT.signups).where({ _id: s._id, status: 'checked_in' }).update({ data: { status: 'checked_out', checkoutAt: now, hours } })) as { stats: { updated: number } }
  if (res.stats.updated !== 1) throw conflict('您已经签退过了')
  return get(ctx, { communityId: a.communityId, activityId: a._id })
}

export async function confirmHours(ctx: UserCtx, input: z.output<typeof ConfirmHoursInput>) {
  const { db } = ctx
  const a = await loadActivity(db, input.communityId, input.activityId)
  if (!(await isOrganiser(ctx, a))) throw forbidden('只有组织者可以确认时长')
  if (a.status === 'cancelled') throw conflict('活动已取消，没有时长需要确认')
  const now = ctx.now()
  if (now < new Date(a.endAt)) throw conflict('活动结束后才能确认时长')
  const scheduled = (new Date(a.endAt).getTime() - new Date(a.startAt).getTime()) / 3600_000
  const corrections = new Map((input.corrections ?? []).map((c) => [c.userId, c]))
  const signups: Signup[] = []
  let after = ''
  for (;;) {
    const page = await findMany<Signup>(db, PT.signups, after ? { activityId: a._id, _id: db.command.gt(after) } : { activityId: a._id }, { orderBy: [['_id', 'asc']], limit: 100 })
    signups.push(...page)
    if (page.length < 100) break
    after = page[page.length - 1]._id
  }
  for (const c of corrections.values()) {
    const s = signups.find((x) => x.userId === c.userId)
    if (!s || s.status === 'withdrawn') throw notFound('这位报名者')
    if (s.confirmedAt) throw conflict('这位报名者的时长已经确认过了，不能再更正')
    // A member who organises may not set their own hours: the secretary confirms those.
    if (c.userId === ctx.user._id && a.organiserId === ctx.user._id && !(await isSecretaryHere(ctx, a))) throw forbidden('自己的服务时长请由社区书记确认')
    if (c.hours > scheduled) throw invalid(`时长不能超过活动安排的 ${Math.round(scheduled * 100) / 100} 小时`)
  }
  let confirmed = 0
  let noShows = 0
  let credited = 0
  let stillIn = 0
  for (const s of signups) {
    if (s.status === 'withdrawn' || s.confirmedAt) continue
    const c = corrections.get(s.userId)
    if (s.status === 'signed' && !c) {
      await db.collection(PT.signups).where({ _id: s._id, status: 'signed' }).update({ data: { status: 'no_show', confirmedAt: now, confirmedHours: 0 } })
      noShows++
      continue
    }
    // Still checked in (check-out stays open a while after the end): wait for them rather than confirm 0.
    if (s.status === 'checked_in' && !c) {
      stillIn++
      continue
    }
    const hours = c ? c.hours : s.hours ?? 0
    // Pay first, then mark confirmed: if no budget can pay, this person stays unconfirmed and a retry pays
    // (the key makes a second payment impossible either way).
    if (hours > 0 && a.pointsPerHour > 0) {
      const out = await credit(db, now, {
        communityId: a.communityId, userId: s.userId, kind: 'volunteer_hour', quantity: hours, pointsPerUnit: a.pointsPerHour,
        key: `activity:${a._id}:${s.userId}:hours`, reason: `参加「${a.title}」服务 ${hours} 小时`, cause: { type: 'activity', id: a._id }, byUserId: ctx.user._id,
      })
      credited += out.replayed ? 0 : out.credited
    }
    await db.collection(PT.signups).where({ _id: s._id, confirmedAt: null }).update({ data: { confirmedHours: hours, correction: c ? c.reason : null, confirmedAt: now } })
    confirmed++
  }
  await trace(ctx, { communityId: a.communityId, resource: { type: 'activity', id: a._id }, after: { confirmed, noShows, credited, corrections: input.corrections ?? [] } })
  return { confirmed, noShows, credited, stillIn, activity: await get(ctx, { communityId: a.communityId, activityId: a._id }) }
}

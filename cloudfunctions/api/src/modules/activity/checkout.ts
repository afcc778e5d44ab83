/**
 * activity.checkout — a checked-in member presents the organiser's current code again (QR or 6 digits) when
 * leaving, until 2 hours after the end. Hours are check-out minus check-in, capped at the scheduled length.
 * Outcomes: the activity with the member's hours; the code outcomes of activity.checkin; CONFLICT for a
 * second check-out, a check-out without a check-in, or after the grace period.
 */
import { ActivityCheckInput } from '../../../../../types/party'
import { defineAction, member, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { updateWhere } from '../../platform/db'
import { conflict } from '../../platform/errors'
import { activityOfCode, mySignup } from '../party/checkins'
import { PT } from '../party/repo'
import { CHECKOUT_GRACE_MIN, serviceHours } from '../party/rules'
import { activityDetail } from '../party/views'

async function checkout(ctx: UserCtx, input: ActionInput<'activity.checkout'>) {
  const a = await activityOfCode(ctx, input)
  const s = await mySignup(ctx, a)
  const now = ctx.now()
  if (s.status === 'checked_out') throw conflict('您已经签退过了')
  if (s.status !== 'checked_in' || !s.checkinAt) throw conflict('您还没有签到，不能签退')
  if (now.getTime() > new Date(a.endAt).getTime() + CHECKOUT_GRACE_MIN * 60_000) throw conflict('签退时间已过，请联系组织者确认时长')
  const hours = serviceHours(a, new Date(s.checkinAt), now)
  if ((await updateWhere(ctx.db, PT.signups, { _id: s._id, status: 'checked_in' }, { status: 'checked_out', checkoutAt: now, hours })) !== 1)
    throw conflict('您已经签退过了')
  return activityDetail(ctx, a)
}

export default defineAction({ name: 'activity.checkout', input: ActivityCheckInput, access: member, writes: true, handler: checkout })

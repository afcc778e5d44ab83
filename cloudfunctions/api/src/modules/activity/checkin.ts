/**
 * activity.checkin — a signed-up member on site presents the organiser's current code: the QR scanned (its
 * long token) or the 6 digits typed (with the activity's id). Check-in opens 30 minutes before the start and
 * closes at the end; with a location set, the member must be within its radius. 6-digit tries are limited
 * per person and activity (party/checkins.ts).
 * At a council meeting (an activity with `meeting`) every resident who signed up checks in the same way, and
 * attending pays council_participation once (council/meetings.ts payAttendance; no budget does not undo it).
 * Outcomes: the activity with the member's check-in; INVALID_INPUT for a forged, wrong or other activity's
 * code (reason CODE_EXPIRED for one no longer current); FORBIDDEN for someone not signed up, too far away,
 * or past the short-code tries (TOO_MANY_TRIES); CONFLICT before the window, after the end, for a second
 * check-in, or a cancelled activity (STATE_CHANGED).
 */
import { ActivityCheckInput } from '../../../../../types/party'
import { defineAction, member, user, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { updateWhere } from '../../platform/db'
import { conflict } from '../../platform/errors'
import { activityOfCode, mySignup } from '../party/checkins'
import { activityGate, payAttendance } from '../council/meetings'
import { PT } from '../party/repo'
import { checkinWindow, parseToken } from '../party/rules'
import { activityDetail } from '../party/views'

async function checkin(ctx: UserCtx, input: ActionInput<'activity.checkin'>) {
  // the gate's read of the activity (when it is this community's) is the one the code is checked against
  const read = await activityGate(ctx, input.communityId, input.activityId ?? parseToken(input.token)?.activityId, 'attend', member)
  const a = await activityOfCode(ctx, input, read)
  const s = await mySignup(ctx, a)
  const now = ctx.now()
  const w = checkinWindow(a, now)
  if (w === 'early') throw conflict('签到还没开始，活动开始前 30 分钟可以签到')
  if (w === 'over') throw conflict('活动已经结束，不能签到了')
  if (s.status !== 'signed') throw conflict('您已经签到过了')
  if ((await updateWhere(ctx.db, PT.signups, { _id: s._id, status: 'signed' }, { status: 'checked_in', checkinAt: now })) !== 1)
    throw conflict('您已经签到过了')
  await payAttendance(ctx, a, ctx.user._id)
  return activityDetail(ctx, a)
}

// `user`: activityGate applies `member` to every activity but council meetings (whose sign-up decided who comes).
export default defineAction({ name: 'activity.checkin', input: ActivityCheckInput, access: user, writes: true, handler: checkin })

/**
 * activity.checkinCode (organiser) — the current check-in codes for the organiser's phone: a signed token
 * that changes every 30 s (the previous one is accepted 30 s more), so a forwarded screenshot stops working
 * within a minute, with its QR image; and the same check-in as 6 digits (party/rules.ts shortCode), changing
 * every 60 s, to read aloud or type where no camera scans the QR.
 * Outcomes: the codes; NOT_FOUND; FORBIDDEN for someone who does not organise it; CONFLICT (STATE_CHANGED)
 * for a cancelled activity.
 */
import { ActivityCodeInput, type CheckinCode } from '../../../../../types/party'
import { defineAction, member, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { conflict, forbidden } from '../../platform/errors'
import { qrDataUrl } from '../../platform/qrPng'
import { isOrganiser, loadActivity } from '../party/activities'
import { checkinToken, PERIOD_S, SHORT_PERIOD_S, shortCode } from '../party/rules'

async function checkinCode(ctx: UserCtx, input: ActionInput<'activity.checkinCode'>): Promise<CheckinCode> {
  const a = await loadActivity(ctx.db, input.communityId, input.activityId)
  if (!(await isOrganiser(ctx, a))) throw forbidden('只有组织者可以出示签到码')
  if (a.status !== 'published') throw conflict('活动已取消', 'STATE_CHANGED')
  const now = ctx.now()
  const { token, expiresAt } = checkinToken(a.secret, a._id, now)
  const short = shortCode(a.secret, a._id, now)
  const qr = qrDataUrl(token, { errorCorrectionLevel: 'M', margin: 2, width: 480 })
  return {
    token,
    qr,
    expiresAt: expiresAt.toISOString(),
    periodSeconds: PERIOD_S,
    shortCode: short.code,
    shortExpiresAt: short.expiresAt.toISOString(),
    shortPeriodSeconds: SHORT_PERIOD_S,
  }
}

export default defineAction({ name: 'activity.checkinCode', input: ActivityCodeInput, access: member, writes: false, handler: checkinCode })

/**
 * Support for activity.checkin and activity.checkout: which activity a code presented on site belongs to, if
 * it is genuine and current — the QR's long code (it names its activity) or the 6-digit short code (the
 * member's page names the activity) — and the caller's sign-up.
 *
 * Short-code tries are counted per person and activity in `checkin_tries`, in a transaction on the counter
 * before the code is checked (so many tries at once cannot slip past the limit): SHORT_TRIES in
 * SHORT_TRIES_WINDOW_MS, then FORBIDDEN (TOO_MANY_TRIES) until the window ends.
 */
import type { Activity, Signup } from '../../../../../types/party'
import type { UserCtx } from '../../platform/context'
import { getById, runTx, txGet } from '../../platform/db'
import { AppError, conflict, forbidden, invalid } from '../../platform/errors'
import { PT } from './repo'
import { distanceM, parseToken, SHORT_CODE_RE, SHORT_TRIES, takeTry, triesResetAt, verifyShortCode, verifyToken, type Tries } from './rules'

/** A code that was genuine but is no longer current: scan or read the organiser's newest one. */
const expired = (message: string) => new AppError('INVALID_INPUT', message, { reason: 'CODE_EXPIRED' })

export interface CodeInput {
  communityId: string
  token: string
  activityId?: string
  location?: { lat: number; lng: number }
}

interface TriesDoc extends Tries {
  _id: string
  activityId: string
  userId: string
}

/** One more short-code try of the caller at this activity; FORBIDDEN (TOO_MANY_TRIES) when they are used up. */
async function takeShortTry(ctx: UserCtx, activityId: string): Promise<number> {
  const id = `${activityId}_${ctx.user._id}`
  const now = ctx.now()
  return runTx(ctx.db, async (tx) => {
    const prev = await txGet<TriesDoc>(tx, PT.checkinTries, id)
    const next = takeTry(prev, now)
    if (!next) {
      const minutes = Math.max(1, Math.ceil((triesResetAt(prev!).getTime() - now.getTime()) / 60_000))
      throw forbidden(`数字签到码输错次数太多了，请 ${minutes} 分钟后再试，或扫描二维码签到`, 'TOO_MANY_TRIES')
    }
    if (prev)
      await tx
        .collection(PT.checkinTries)
        .doc(id)
        .update({ data: { windowStart: next.windowStart, count: next.count } })
    else await tx.collection(PT.checkinTries).add({ data: { _id: id, activityId, userId: ctx.user._id, ...next } satisfies TriesDoc })
    return SHORT_TRIES - next.count
  })
}

/** The activity by id: the one already read (the meeting gate's) when it is that one, else one read. */
const activityById = async (ctx: UserCtx, id: string, known: Activity | null) =>
  known && known._id === id ? known : getById<Activity>(ctx.db, PT.activities, id)

async function activityOfShortCode(ctx: UserCtx, input: CodeInput, known: Activity | null): Promise<Activity> {
  if (!input.activityId) throw invalid('输入 6 位数字签到码时，请从活动页进入签到')
  const a = await activityById(ctx, input.activityId, known)
  if (!a || a.communityId !== input.communityId) throw invalid('这不是有效的签到码')
  const left = await takeShortTry(ctx, a._id)
  const verdict = verifyShortCode(a.secret, a._id, input.token, ctx.now())
  if (verdict === 'expired') throw expired('这个数字签到码已过期，请看组织者手机上最新的 6 位数字')
  if (verdict === 'wrong')
    throw invalid(left > 0 ? `数字签到码不对，请核对组织者手机上的 6 位数字（还可以试 ${left} 次）` : '数字签到码不对，输错次数太多了，请稍后再试或扫描二维码')
  return a
}

async function activityOfLongCode(ctx: UserCtx, input: CodeInput, known: Activity | null): Promise<Activity> {
  const parsed = parseToken(input.token)
  if (!parsed) throw invalid('这不是有效的签到码')
  if (input.activityId && input.activityId !== parsed.activityId) throw invalid('这不是本活动的签到码')
  const a = await activityById(ctx, parsed.activityId, known)
  if (!a || a.communityId !== input.communityId) throw invalid('这不是有效的签到码')
  const verdict = verifyToken(a.secret, parsed, ctx.now())
  if (verdict === 'forged') throw invalid('这不是有效的签到码')
  if (verdict === 'expired') throw expired('签到码已过期，请扫描组织者手机上最新的二维码')
  return a
}

/**
 * The activity whose current code was presented, checked for being on and, when it has a location, for the
 * member standing within its radius. INVALID_INPUT for a forged, wrong or other activity's code (CODE_EXPIRED
 * for one no longer current); FORBIDDEN (TOO_MANY_TRIES) past the short-code tries; FORBIDDEN too far away;
 * CONFLICT (STATE_CHANGED) for a cancelled activity. `known`: the activity the caller already read (the
 * meeting gate's, of this community), so it is not read twice.
 */
export async function activityOfCode(ctx: UserCtx, input: CodeInput, known: Activity | null = null): Promise<Activity> {
  const a = SHORT_CODE_RE.test(input.token) ? await activityOfShortCode(ctx, input, known) : await activityOfLongCode(ctx, input, known)
  if (a.status !== 'published') throw conflict('活动已取消', 'STATE_CHANGED')
  if (a.location) {
    if (!input.location) throw forbidden('这个活动需要定位签到，请允许获取位置后再试')
    if (distanceM(a.location, input.location) > a.location.radius) throw forbidden('您不在活动地点附近，到现场后再签到')
  }
  return a
}

/** The caller's sign-up to the activity; FORBIDDEN for someone not signed up. */
export async function mySignup(ctx: UserCtx, a: Activity): Promise<Signup> {
  const s = await getById<Signup>(ctx.db, PT.signups, `${a._id}_${ctx.user._id}`)
  if (!s || s.status === 'withdrawn') throw forbidden('您没有报名这个活动')
  return s
}

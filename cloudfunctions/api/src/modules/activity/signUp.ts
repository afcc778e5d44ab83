/**
 * activity.signUp — a party member or volunteer takes a place: one transaction on the activity and the
 * sign-up, so exactly `capacity` people get in however many try at once. A council meeting (an activity with
 * `meeting`) is open to every resident in the council's scope, its seat holders and the secretary
 * (council/meetings.ts activityGate); every other activity to party members and volunteers, as always.
 * Outcomes: the activity; NOT_FOUND; FORBIDDEN for someone who may not join (a meeting: NOT_ELIGIBLE with the
 * why); CONFLICT for a cancelled (STATE_CHANGED) or ended activity, a second sign-up, or no places left (FULL).
 */
import { ActivitySignUpInput, type Activity, type Signup } from '../../../../../types/party'
import { defineAction, roles, user as anyone, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { runTx, txGet } from '../../platform/db'
import { conflict } from '../../platform/errors'
import { loadActivity } from '../party/activities'
import { activityGate } from '../council/meetings'
import { PT } from '../party/repo'
import { activityView } from '../party/views'

/** Who signs up for an activity that is not a council meeting. */
const MEMBERS = roles('party_member', 'volunteer')

async function signUp(ctx: UserCtx, input: ActionInput<'activity.signUp'>) {
  const { db, user } = ctx
  const read = await activityGate(ctx, input.communityId, input.activityId, 'join', MEMBERS)
  const a = read ?? (await loadActivity(db, input.communityId, input.activityId))
  if (a.status !== 'published') throw conflict('活动已取消', 'STATE_CHANGED')
  const now = ctx.now()
  if (now > new Date(a.endAt)) throw conflict('活动已经结束了')
  const id = `${a._id}_${user._id}`
  await runTx(db, async (tx) => {
    const act = await txGet<Activity>(tx, PT.activities, a._id)
    const mine = await txGet<Signup>(tx, PT.signups, id)
    if (!act || act.status !== 'published') throw conflict('活动已取消', 'STATE_CHANGED')
    if (mine && mine.status !== 'withdrawn') throw conflict('您已经报名了')
    if (act.signedUp >= act.capacity) throw conflict('名额已满，下次早点报名', 'FULL')
    await tx
      .collection(PT.activities)
      .doc(a._id)
      .update({ data: { signedUp: db.command.inc(1) } })
    const s: Signup = {
      _id: id,
      activityId: a._id,
      communityId: a.communityId,
      userId: user._id,
      status: 'signed',
      signedAt: now,
      checkinAt: null,
      checkoutAt: null,
      hours: null,
      confirmedHours: null,
      correction: null,
      confirmedAt: null,
    }
    if (mine) {
      const { _id, ...rest } = s
      await tx.collection(PT.signups).doc(id).set({ data: rest })
    } else await tx.collection(PT.signups).add({ data: s })
  })
  return activityView(ctx, a._id)
}

// `user`: the router lets every registered person through; activityGate applies MEMBERS to every activity but meetings.
export default defineAction({ name: 'activity.signUp', input: ActivitySignUpInput, access: anyone, writes: true, handler: signUp })

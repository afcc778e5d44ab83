/**
 * activity.withdraw — before the activity starts, the member gives their place back (one transaction on the
 * sign-up and the count).
 * Outcomes: the activity; NOT_FOUND; CONFLICT once it has started, or for someone not signed up.
 */
import { ActivitySignUpInput, type Signup } from '../../../../../types/party'
import { defineAction, member, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { runTx, txGet } from '../../platform/db'
import { conflict } from '../../platform/errors'
import { loadActivity } from '../party/activities'
import { PT } from '../party/repo'
import { activityView } from '../party/views'

async function withdraw(ctx: UserCtx, input: ActionInput<'activity.withdraw'>) {
  const { db, user } = ctx
  const a = await loadActivity(db, input.communityId, input.activityId)
  if (ctx.now() >= new Date(a.startAt)) throw conflict('活动已经开始，不能取消报名')
  const id = `${a._id}_${user._id}`
  await runTx(db, async (tx) => {
    const mine = await txGet<Signup>(tx, PT.signups, id)
    if (!mine || mine.status !== 'signed') throw conflict('您没有报名这个活动')
    await tx
      .collection(PT.signups)
      .doc(id)
      .update({ data: { status: 'withdrawn' } })
    await tx
      .collection(PT.activities)
      .doc(a._id)
      .update({ data: { signedUp: db.command.inc(-1) } })
  })
  return activityView(ctx, a._id)
}

export default defineAction({ name: 'activity.withdraw', input: ActivitySignUpInput, access: member, writes: true, handler: withdraw })

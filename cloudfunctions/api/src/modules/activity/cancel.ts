/**
 * activity.cancel — the organiser cancels with a reason (the change and its audit entry one transaction);
 * those signed up are told: the first 50 at once, the rest in batches by the timer (party/cancelNotice.ts),
 * so this answers in the same time for 5 people as for 5,000.
 * Outcomes: the activity; NOT_FOUND; FORBIDDEN for someone who does not organise it; CONFLICT
 * (STATE_CHANGED) when it is already cancelled.
 */
import { ActivityCancelInput, type Activity } from '../../../../../types/party'
import { defineAction, member, type ActionInput } from '../../platform/action'
import { recordIn } from '../../platform/audit'
import type { UserCtx } from '../../platform/context'
import { runTx, txGet } from '../../platform/db'
import { conflict, forbidden } from '../../platform/errors'
import { isOrganiser, loadActivity } from '../party/activities'
import { sendNoticeBatch, startCancelNotice } from '../party/cancelNotice'
import { PT } from '../party/repo'
import { activityViews } from '../party/views'

async function cancel(ctx: UserCtx, input: ActionInput<'activity.cancel'>) {
  const a = await loadActivity(ctx.db, input.communityId, input.activityId)
  if (!(await isOrganiser(ctx, a))) throw forbidden('只有组织者可以取消活动')
  await runTx(ctx.db, async (tx) => {
    const current = await txGet<Activity>(tx, PT.activities, a._id)
    if (!current || current.status !== 'published') throw conflict('活动已经取消了', 'STATE_CHANGED')
    await tx
      .collection(PT.activities)
      .doc(a._id)
      .update({ data: { status: 'cancelled', updatedAt: ctx.now() } })
    await recordIn(tx, ctx, {
      communityId: input.communityId,
      resource: { type: 'activity', id: a._id, label: a.title },
      before: { status: 'published' },
      after: { status: 'cancelled', reason: input.reason },
    })
  })
  const job = await startCancelNotice(ctx, a, input.reason)
  try {
    await sendNoticeBatch(ctx, job)
  } catch (err) {
    // The activity is cancelled all the same; the timer sends what this batch did not.
    console.error('activity.cancel: first notice batch failed', a._id, err)
  }
  return (await activityViews(ctx, [{ ...a, status: 'cancelled' }]))[0]
}

export default defineAction({ name: 'activity.cancel', input: ActivityCancelInput, access: member, writes: true, handler: cancel })

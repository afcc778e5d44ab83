/**
 * Timer job: people signed up to an activity are reminded once by subscribe message (time and place), the
 * day before it in China time — from 08:00 Shanghai on that day (rules.ts `reminderDue`), or at once when they
 * signed up on the day itself. Idempotent: each sign-up is marked (a conditional update) before its reminder
 * is sent, so a racing or repeated run sends nothing twice.
 *
 * A walk in bounded batches (platform/batches.ts): activities starting soon by (startAt, _id), and within
 * one activity its sign-ups by _id, 50 a batch (10 sends at a time). The cursor is the activity under way
 * and the last sign-up handled, so an activity with thousands of people takes several batches, across
 * ticks if need be, and every other job still gets its turn.
 */
import type { Activity, Signup } from '../../../../../types/party'
import type { Deps } from '../../platform/context'
import { afterIdOf, inParallel, pageAfter, timeKey, timeKeyOf, type Batch, type Cursor } from '../../platform/batches'
import { findMany, updateWhere } from '../../platform/db'
import { notifyUser } from './notify'
import { shortChinaTime } from '../messages/rules'
import { PT } from './repo'
import { reminderDue, remindHorizon } from './rules'

export const SIGNUPS_PER_BATCH = 50
export const SENDS_AT_ONCE = 10

export async function remindActivities(deps: Deps, cursor: Cursor): Promise<Batch> {
  const now = deps.now()
  const _ = deps.db.command
  const window = _.and(_.gt(now), _.lt(remindHorizon(now)))
  // The activity under way, else the next one starting soon after the last one finished.
  const current = timeKeyOf(cursor, 'activity')
  let activity: Activity | null = null
  if (current) [activity] = await findMany<Activity>(deps.db, PT.activities, { _id: current.id, status: 'published', startAt: _.gt(now) }, { limit: 1 })
  let afterSignup = activity ? afterIdOf(cursor) : null
  if (!activity) {
    ;[activity] = await pageAfter<Activity>(deps.db, PT.activities, { status: 'published' }, 'startAt', window, timeKeyOf(cursor, 'done') ?? current, 1)
    afterSignup = null
  }
  if (!activity) return { counts: { reminded: 0 }, cursor: null, done: true }
  const a = activity
  // Not yet its reminder time (before 08:00 the day before): move on; the next pass comes back to it.
  if (!reminderDue(a.startAt, now)) return { counts: { reminded: 0 }, cursor: { done: timeKey(a, a.startAt) }, done: false }
  const signups = await findMany<Signup>(
    deps.db,
    PT.signups,
    { activityId: a._id, status: 'signed', ...(afterSignup ? { _id: _.gt(afterSignup) } : {}) },
    {
      orderBy: [['_id', 'asc']],
      limit: SIGNUPS_PER_BATCH,
    },
  )
  let reminded = 0
  await inParallel(
    signups.filter((s) => !s.remindedAt),
    SENDS_AT_ONCE,
    async (s) => {
      if ((await updateWhere(deps.db, PT.signups, { _id: s._id, remindedAt: _.exists(false) }, { remindedAt: now })) !== 1) return
      await notifyUser(
        deps,
        a.communityId,
        s.userId,
        `packages/party/pages/activity/index?id=${a._id}&c=${a.communityId}`,
        `活动提醒：${a.title}`,
        `${shortChinaTime(a.startAt)} ${a.place}`,
      )
      reminded++
    },
  )
  const key = timeKey(a, a.startAt)
  if (signups.length === SIGNUPS_PER_BATCH) return { counts: { reminded }, cursor: { activity: key, after: signups[signups.length - 1]._id }, done: false }
  // This activity is done: the next batch moves on to the next one.
  return { counts: { reminded }, cursor: { done: key }, done: false }
}

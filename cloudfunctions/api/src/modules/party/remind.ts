/**
 * Timer job: people signed up to an activity are reminded once by subscribe message (time and place), the
 * day before it in China time — from 08:00 Shanghai on that day (rules.ts `reminderDue`), or at once when they
 * signed up on the day itself. Idempotent: each sign-up is marked when reminded.
 */
import type { Activity, Signup } from '../../../../../types/party'
import type { Deps } from '../../platform/context'
import { findMany } from '../../platform/db'
import { findAll } from '../org/repo'
import { notifyUser } from './notify'
import { shortChinaTime } from '../messages/rules'
import { PT } from './repo'
import { reminderDue, remindHorizon } from './rules'

export async function remindActivities(deps: Deps): Promise<Record<string, number>> {
  const now = deps.now()
  const _ = deps.db.command
  const soon = await findMany<Activity>(deps.db, PT.activities, { status: 'published', startAt: _.and(_.gt(now), _.lt(remindHorizon(now))) }, { orderBy: [['startAt', 'asc']], limit: 100 })
  let reminded = 0
  for (const a of soon) {
    if (!reminderDue(a.startAt, now)) continue
    const signups = await findAll<Signup>(deps.db, PT.signups, { activityId: a._id, status: 'signed' }, 5000)
    for (const s of signups) {
      if (s.remindedAt) continue
      const res = (await deps.db.collection(PT.signups).where({ _id: s._id, remindedAt: _.exists(false) }).update({ data: { remindedAt: now } })) as { stats: { updated: number } }
      if (res.stats.updated !== 1) continue
      await notifyUser(deps, a.communityId, s.userId, `packages/party/pages/activity/index?id=${a._id}&c=${a.communityId}`, `活动提醒：${a.title}`, `${shortChinaTime(a.startAt)} ${a.place}`)
      reminded++
    }
  }
  return { reminded }
}

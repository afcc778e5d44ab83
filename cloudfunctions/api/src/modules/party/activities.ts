/**
 * Support for the activity.* actions: loading an activity of a community, and who organises it.
 */
import type { Activity } from '../../../../../types/party'
import type { UserCtx } from '../../platform/context'
import { getById, newId, type Db } from '../../platform/db'
import { notFound } from '../../platform/errors'
import { getCommunity } from '../org/repo'
import { holdsRole } from '../org/rules'
import { PT } from './repo'

/** Time-ordered activity ids: by start, so "upcoming" pages by _id. */
export const newActivityId = (startAt: Date) => 'ac' + startAt.getTime().toString(36).padStart(9, '0') + newId().slice(0, 10)

/** The community's secretary (or the street admin above it). */
export async function isSecretaryHere(ctx: UserCtx, a: Pick<Activity, 'communityId'>): Promise<boolean> {
  const c = await getCommunity(ctx.db, a.communityId)
  return !!c && holdsRole(ctx.user, c, ['secretary', 'street_admin'])
}

/** The member who published the activity, or the community's secretary. */
export async function isOrganiser(ctx: UserCtx, a: Pick<Activity, 'communityId' | 'organiserId'>): Promise<boolean> {
  return a.organiserId === ctx.user._id || isSecretaryHere(ctx, a)
}

/** The activity, if it is this community's; NOT_FOUND otherwise. */
export async function loadActivity(db: Db, communityId: string, activityId: string): Promise<Activity> {
  const a = await getById<Activity>(db, PT.activities, activityId)
  if (!a || a.communityId !== communityId) throw notFound('这个活动')
  return a
}

/** What the audit log keeps of an activity: never its check-in secret. */
export function auditedActivity(a: Partial<Activity>): Record<string, unknown> {
  const { secret: _secret, ...rest } = a
  return rest
}

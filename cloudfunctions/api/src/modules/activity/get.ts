/**
 * activity.get — one activity with the caller's sign-up; its organiser also gets the roster (everyone signed
 * up), its post and its location.
 * A council meeting is public to anyone logged in (council business is; council/meetings.ts activityGate).
 * Outcomes: the activity; NOT_FOUND for another community's or an unknown activity.
 */
import { ActivityGetInput } from '../../../../../types/party'
import { defineAction, member, user, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { loadActivity } from '../party/activities'
import { activityGate } from '../council/meetings'
import { activityDetail } from '../party/views'

async function get(ctx: UserCtx, input: ActionInput<'activity.get'>) {
  const read = await activityGate(ctx, input.communityId, input.activityId, 'read', member)
  return activityDetail(ctx, read ?? (await loadActivity(ctx.db, input.communityId, input.activityId)))
}

// `user`: activityGate applies `member` to every activity but council meetings.
export default defineAction({ name: 'activity.get', input: ActivityGetInput, access: user, writes: false, handler: get })

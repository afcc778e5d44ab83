/**
 * activity.get — one activity with the caller's sign-up; its organiser also gets the roster (everyone signed
 * up), its post and its location.
 * Outcomes: the activity; NOT_FOUND for another community's or an unknown activity.
 */
import { ActivityGetInput } from '../../../../../types/party'
import { defineAction, member, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { loadActivity } from '../party/activities'
import { activityDetail } from '../party/views'

async function get(ctx: UserCtx, input: ActionInput<'activity.get'>) {
  return activityDetail(ctx, await loadActivity(ctx.db, input.communityId, input.activityId))
}

export default defineAction({ name: 'activity.get', input: ActivityGetInput, access: member, writes: false, handler: get })

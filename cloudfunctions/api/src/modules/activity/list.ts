/**
 * activity.list — a community's volunteer activities: upcoming (not yet ended, soonest first), past (latest
 * first), or the caller's own sign-ups, each with the caller's sign-up. Paged by _id (ids sort by start).
 * Council meetings (activities carrying `meeting`) are not volunteer activities: meeting.list lists them, and
 * they are left out here — upcoming and past by `meeting.councilId: null` (a volunteer activity has no
 * `meeting`; null matches a missing field), one indexed range either way (community_meeting_end, or
 * community_meeting_id when paging), and the caller's sign-ups by the activities read.
 * Outcomes: a page of activities.
 */
import { ActivityListInput, type Activity, type Signup } from '../../../../../types/party'
import { defineAction, member, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { findMany } from '../../platform/db'
import { getMany } from '../org/repo'
import { PT } from '../party/repo'
import { activityViews } from '../party/views'

async function list(ctx: UserCtx, input: ActionInput<'activity.list'>) {
  const { db } = ctx
  const _ = db.command
  const limit = input.limit ?? 20
  const scope = input.scope ?? 'upcoming'
  if (scope === 'mine') {
    const mine = await findMany<Signup>(
      db,
      PT.signups,
      { userId: ctx.user._id, communityId: input.communityId },
      { orderBy: [['signedAt', 'desc']], limit: 100 },
    )
    const acts = await getMany<Activity>(
      db,
      PT.activities,
      mine.map((s) => s.activityId),
    )
    return {
      items: await activityViews(
        ctx,
        mine.map((s) => acts.get(s.activityId)).filter((a): a is Activity => !!a && !a.meeting),
      ),
      nextCursor: null,
    }
  }
  const now = ctx.now()
  const filter: Record<string, unknown> = {
    communityId: input.communityId,
    'meeting.councilId': null,
    endAt: scope === 'upcoming' ? _.gte(now) : _.lt(now),
  }
  // Past pages, newest first, walk community_meeting_id in _id order from the cursor — or, on the first page,
  // from the top (an _id bound every id meets, so the first page is served in order like the others instead of
  // sorting every past activity by _id): the upcoming ones passed on the way are few. Upcoming pages read the
  // endAt range (the activities not yet ended: few) and sort it.
  if (input.cursor) filter._id = scope === 'upcoming' ? _.gt(input.cursor) : _.lt(input.cursor)
  else if (scope === 'past') filter._id = _.lt('\uffff')
  const docs = await findMany<Activity>(db, PT.activities, filter, { orderBy: [['_id', scope === 'upcoming' ? 'asc' : 'desc']], limit: limit + 1 })
  const page = docs.slice(0, limit)
  return { items: await activityViews(ctx, page), nextCursor: docs.length > limit ? page[page.length - 1]._id : null }
}

export default defineAction({ name: 'activity.list', input: ActivityListInput, access: member, writes: false, handler: list })

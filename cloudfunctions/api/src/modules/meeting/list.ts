/**
 * meeting.list — a community's council meetings, newest first (by start: activity ids are time-ordered), of
 * one council or of all the community's councils, with the topics each discusses and its minutes. Public to
 * anyone logged in. Served by the activities index meeting_council_id (meeting.councilId, _id).
 * Outcomes: a page of MeetingView; NOT_FOUND for another community's council; INVALID_INPUT for a cursor
 * that is not one.
 */
import { MeetingListInput, type MeetingView } from '../../../../../types/council'
import type { Page } from '../../../../../types/common'
import type { Activity } from '../../../../../types/party'
import { defineAction, user, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { findMany } from '../../platform/db'
import { invalid } from '../../platform/errors'
import { PT } from '../party/repo'
import { councilsOf, loadCouncil } from '../council/councils'
import { isActivityCursor, meetingViews } from '../council/meetings'

async function list(ctx: UserCtx, input: ActionInput<'meeting.list'>): Promise<Page<MeetingView>> {
  const { db } = ctx
  const _ = db.command
  const limit = input.limit ?? 20
  if (input.cursor && !isActivityCursor(input.cursor)) throw invalid('翻页参数不正确，请刷新后重试')
  const councilIds = input.councilId
    ? [(await loadCouncil(db, input.communityId, input.councilId))._id]
    : (await councilsOf(db, input.communityId)).map((c) => c._id)
  if (!councilIds.length) return { items: [], nextCursor: null }
  const docs = await findMany<Activity>(
    db,
    PT.activities,
    {
      'meeting.councilId': councilIds.length === 1 ? councilIds[0] : _.in(councilIds),
      communityId: input.communityId,
      ...(input.cursor ? { _id: _.lt(input.cursor) } : {}),
    },
    { orderBy: [['_id', 'desc']], limit: limit + 1 },
  )
  const page = docs.slice(0, limit)
  return { items: await meetingViews(ctx, page), nextCursor: docs.length > limit ? page[page.length - 1]._id : null }
}

export default defineAction({ name: 'meeting.list', input: MeetingListInput, access: user, writes: false, handler: list })

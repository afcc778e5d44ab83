/**
 * request.mine — the caller's own requests in the community (as reporter, including those a building head or
 * staff entered for them), newest first: one range of community_reporter_id.
 * Outcomes: a page of cards; INVALID_INPUT for a cursor that is not a request id.
 */
import { RequestMineInput } from '../../../../../types/requests'
import { defineAction, member, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { newestPage } from './paging'

async function mine(ctx: UserCtx, input: ActionInput<'request.mine'>) {
  return newestPage(ctx.db, { communityId: input.communityId, reporterId: ctx.user._id }, input.cursor, input.limit ?? 20, ctx.now())
}

export default defineAction({ name: 'request.mine', input: RequestMineInput, access: member, writes: false, handler: mine })

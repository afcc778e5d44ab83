/**
 * wish.reviewQueue (secretary) — wishes waiting for review, oldest first.
 * Outcomes: a page of cards; INVALID_INPUT for a cursor that is not a wish id.
 */
import { WishQueueInput } from '../../../../../types/wish'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { wishPage } from './paging'

async function reviewQueue(ctx: UserCtx, input: ActionInput<'wish.reviewQueue'>) {
  return wishPage(ctx.db, { communityId: input.communityId, status: 'under_review' }, input.cursor, input.limit ?? 20, 'asc')
}

export default defineAction({ name: 'wish.reviewQueue', input: WishQueueInput, access: SECRETARY, writes: false, handler: reviewQueue })

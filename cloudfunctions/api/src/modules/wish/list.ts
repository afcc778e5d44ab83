/**
 * wish.list — the wish wall: public statuses only (or one status asked for), filtered by category, compound
 * or building, newest first, cursor-paged by the time-ordered id.
 * Outcomes: a page of cards; INVALID_INPUT for a cursor that is not a wish id.
 */
import { WishListInput } from '../../../../../types/wish'
import { defineAction, member, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { wishPage } from './paging'

async function list(ctx: UserCtx, input: ActionInput<'wish.list'>) {
  const filter: Record<string, unknown> = input.status
    ? { communityId: input.communityId, status: input.status }
    : { communityId: input.communityId, onWall: true }
  if (input.category) filter.category = input.category
  if (input.buildingId) filter.buildingId = input.buildingId
  else if (input.compoundId) filter.compoundId = input.compoundId
  return wishPage(ctx.db, filter, input.cursor, input.limit ?? 20)
}

export default defineAction({ name: 'wish.list', input: WishListInput, access: member, writes: false, handler: list })

/**
 * request.board — the secretary's board: the community's open requests by deadline (overdue first), filtered
 * by colour, grid, category; or, with `status`, the requests in that status newest first (closed, cancelled …).
 *
 * Every list is one ordered index range: community_open_due, or community_grid_open_due / community_category_open_due
 * with a grid or category (a second filter is checked on the entries of that range), or community_status_id.
 * A colour is a range computed from now, exact because each request stores where its stage turns yellow
 * (yellowAt, with its own limit and the community's yellow share): red dueAt < now; yellow dueAt >= now and
 * yellowAt <= now; green yellowAt > now. Red is one range of the deadline index; for yellow and green the
 * deadline range is from now on and yellowAt is checked on its entries, so a yellow page may step over green
 * requests due earlier (limits differ per request), never show one.
 * Outcomes: a page of cards; INVALID_INPUT for a bad cursor.
 */
import { RequestBoardInput } from '../../../../../types/requests'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { duePage, EPOCH, newestPage, type DueRange } from './paging'

async function board(ctx: UserCtx, input: ActionInput<'request.board'>) {
  const _ = ctx.db.command
  const now = ctx.now()
  const limit = input.limit ?? 20
  const filter: Record<string, unknown> = { communityId: input.communityId }
  if (input.gridId) filter.gridId = input.gridId
  if (input.category) filter.category = input.category
  if (input.status) return newestPage(ctx.db, { ...filter, status: input.status }, input.cursor, limit, now)
  filter.open = true
  let due: DueRange = { gte: EPOCH }
  if (input.colour === 'red') due = { gte: EPOCH, lt: now }
  if (input.colour === 'yellow' || input.colour === 'green') {
    due = { gte: now }
    filter.yellowAt = input.colour === 'yellow' ? _.lte(now) : _.gt(now)
  }
  return duePage(ctx.db, filter, due, input.cursor, limit, now)
}

export default defineAction({ name: 'request.board', input: RequestBoardInput, access: SECRETARY, writes: false, handler: board })

/**
 * pair.list (secretary) — the community's active pairs (optionally one member's), with the households' needs.
 * Outcomes: the pairs.
 */
import { PairListInput, type Pair } from '../../../../../types/party'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { readAll } from '../../platform/db'
import { PT } from '../party/repo'
import { pairViews } from '../party/views'

async function list(ctx: UserCtx, input: ActionInput<'pair.list'>) {
  const filter: Record<string, unknown> = { communityId: input.communityId, active: true }
  if (input.memberId) filter.memberId = input.memberId
  return pairViews(ctx, await readAll<Pair>(ctx.db, PT.pairs, filter, 2000))
}

export default defineAction({ name: 'pair.list', input: PairListInput, access: SECRETARY, writes: false, handler: list })

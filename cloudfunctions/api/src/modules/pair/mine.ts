/**
 * pair.mine — the caller's paired households here, with their needs and visits.
 * Outcomes: the pairs.
 */
import { PairMineInput, type Pair } from '../../../../../types/party'
import { defineAction, member, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { readAll } from '../../platform/db'
import { PT } from '../party/repo'
import { pairViews } from '../party/views'

async function mine(ctx: UserCtx, input: ActionInput<'pair.mine'>) {
  return pairViews(ctx, await readAll<Pair>(ctx.db, PT.pairs, { memberId: ctx.user._id, communityId: input.communityId, active: true }, 1000))
}

export default defineAction({ name: 'pair.mine', input: PairMineInput, access: member, writes: false, handler: mine })

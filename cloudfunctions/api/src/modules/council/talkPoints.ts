/**
 * council.talkPoints (secretary) — the community's 居民说事点, oldest first: each with its scene token (to print
 * its poster again with council.talkPoint) and its name. Reading the list makes no code.
 * Outcomes: the points (an empty list for none); NOT_FOUND for an unknown community.
 */
import { CouncilTalkPointsInput, type TalkPointView } from '../../../../../types/council'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { notFound } from '../../platform/errors'
import { getCommunity } from '../org/repo'
import { talkPointsOf, talkPointView } from './posters'

async function talkPoints(ctx: UserCtx, input: ActionInput<'council.talkPoints'>): Promise<TalkPointView[]> {
  const community = await getCommunity(ctx.db, input.communityId)
  if (!community) throw notFound('社区')
  return (await talkPointsOf(ctx.db, community._id)).map(talkPointView)
}

export default defineAction({ name: 'council.talkPoints', input: CouncilTalkPointsInput, access: SECRETARY, writes: false, handler: talkPoints })

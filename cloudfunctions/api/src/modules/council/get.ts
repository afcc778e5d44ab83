/**
 * council.get — one council of the community as the caller sees it: its place, settings and seats (masked
 * names; the secretary sees full names), the caller's seat and whether the caller could vote in it today
 * (and why not). Public to anyone logged in, like the council's decisions.
 * Outcomes: CouncilView; NOT_FOUND for an unknown community or another community's council.
 */
import { CouncilGetInput, type CouncilView } from '../../../../../types/council'
import { defineAction, user, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { notFound } from '../../platform/errors'
import { getCommunity } from '../org/repo'
import { councilView, loadCouncil } from './councils'

async function get(ctx: UserCtx, input: ActionInput<'council.get'>): Promise<CouncilView> {
  const community = await getCommunity(ctx.db, input.communityId)
  if (!community) throw notFound('社区')
  return councilView(ctx, community, await loadCouncil(ctx.db, community._id, input.councilId))
}

export default defineAction({ name: 'council.get', input: CouncilGetInput, access: user, writes: false, handler: get })

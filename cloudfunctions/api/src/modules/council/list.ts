/**
 * council.list — the community's councils as the caller sees them (the default community council first, then
 * the others by name), each with its place, settings, seats (masked names; full for the secretary), the
 * caller's seat and whether the caller could vote in it today (and why not). The default council is made on
 * first use (core.ts ensureDefaultCouncil). Inactive councils are listed for the secretary only.
 * Outcomes: CouncilView[]; NOT_FOUND for an unknown community.
 */
import { CouncilListInput, type CouncilView } from '../../../../../types/council'
import { defineAction, user, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { notFound } from '../../platform/errors'
import { getCommunity } from '../org/repo'
import { ensureDefaultCouncil, isSecretaryOf } from './core'
import { councilsOf, councilViews } from './councils'

async function list(ctx: UserCtx, input: ActionInput<'council.list'>): Promise<CouncilView[]> {
  const community = await getCommunity(ctx.db, input.communityId)
  if (!community) throw notFound('社区')
  let councils = await councilsOf(ctx.db, community._id)
  if (!councils.some((c) => c.isDefault)) councils = [await ensureDefaultCouncil(ctx.db, community, ctx.now()), ...councils]
  const secretary = isSecretaryOf(ctx.user, community)
  const shown = councils
    .filter((c) => c.active || secretary)
    .sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.name.localeCompare(b.name, 'zh-CN') || a._id.localeCompare(b._id))
  return councilViews(ctx, community, shown)
}

export default defineAction({ name: 'council.list', input: CouncilListInput, access: user, writes: false, handler: list })

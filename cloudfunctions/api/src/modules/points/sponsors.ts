/**
 * points.sponsors (secretary) — the community's sponsors 共建单位, which fund the points (every point issued is
 * paid from a sponsor's budget): each one's remaining budget, issued, redeemed (on its goods), and a warning
 * when the budget is below its threshold. Outcome: the sponsors, by priority.
 */
import { SponsorsInput, type SponsorView } from '../../../../../types/points'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { sponsorViews } from './views'

const sponsors = (ctx: UserCtx, input: ActionInput<'points.sponsors'>): Promise<SponsorView[]> => sponsorViews(ctx.db, input.communityId)

export default defineAction({ name: 'points.sponsors', input: SponsorsInput, access: SECRETARY, writes: false, handler: sponsors })

/**
 * points.rules — the community's earning rules (every kind, set or not) and expiry period.
 * Outcome: the rules. (The ledger's pure rules are in policy.ts.)
 */
import { RulesInput, type RulesView } from '../../../../../types/points'
import { defineAction, member, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { rulesView } from './views'

const rules = (ctx: UserCtx, input: ActionInput<'points.rules'>): Promise<RulesView> => rulesView(ctx.db, input.communityId)

export default defineAction({ name: 'points.rules', input: RulesInput, access: member, writes: false, handler: rules })

/**
 * points.setRule (secretary) — points per unit and caps per person per day/month for one kind of earning.
 * The rule and its audit entry (before and after) are one transaction.
 * Outcome: the community's rules.
 */
import { EARN_LABELS, SetRuleInput, type PointRule, type RulesView } from '../../../../../types/points'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import { recordIn } from '../../platform/audit'
import type { UserCtx } from '../../platform/context'
import { runTx, txGet } from '../../platform/db'
import { P } from './repo'
import { rulesView } from './views'

async function setRule(ctx: UserCtx, input: ActionInput<'points.setRule'>): Promise<RulesView> {
  const { communityId, kind, points, dailyCap, monthlyCap, active } = input
  const id = `${communityId}_${kind}`
  const doc = { communityId, kind, points, dailyCap, monthlyCap, active, updatedAt: ctx.now() }
  await runTx(ctx.db, async (tx) => {
    const before = await txGet<PointRule>(tx, P.rules, id)
    await tx.collection(P.rules).doc(id).set({ data: doc })
    await recordIn(tx, ctx, { communityId, resource: { type: 'point_rule', id, label: EARN_LABELS[kind] }, before, after: doc })
  })
  return rulesView(ctx.db, communityId)
}

export default defineAction({ name: 'points.setRule', input: SetRuleInput, access: SECRETARY, writes: true, handler: setRule })

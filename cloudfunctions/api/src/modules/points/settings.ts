/**
 * points.rules — the community's earning rules (every kind, set or not) and expiry period.
 * points.setRule (secretary) — points per unit and caps per person per day/month for one kind. Audited.
 * points.setExpiry (secretary) — points expire N months after they were earned, or never. Audited.
 */
import type { z } from 'zod'
import { EARN_KINDS, EARN_LABELS, type PointRule, type RulesInput, type RulesView, type SetExpiryInput, type SetRuleInput } from '../../../../../types/points'
import type { UserCtx } from '../../platform/context'
import { trace } from '../../platform/audit'
import { findMany, getById } from '../../platform/db'
import { expireMonthsOf } from './account'
import { P } from './repo'

export async function rules(ctx: UserCtx, input: z.output<typeof RulesInput>): Promise<RulesView> {
  const list = await findMany<PointRule>(ctx.db, P.rules, { communityId: input.communityId }, { limit: 100 })
  const byKind = new Map(list.map((r) => [r.kind, r]))
  return {
    rules: EARN_KINDS.map((kind) => {
      const r = byKind.get(kind)
      return { kind, label: EARN_LABELS[kind], points: r?.points ?? 0, dailyCap: r?.dailyCap ?? null, monthlyCap: r?.monthlyCap ?? null, active: r?.active ?? false }
    }),
    expireMonths: await expireMonthsOf(ctx.db, input.communityId),
  }
}

export async function setRule(ctx: UserCtx, input: z.output<typeof SetRuleInput>): Promise<RulesView> {
  const id = `${input.communityId}_${input.kind}`
  const before = await getById<PointRule>(ctx.db, P.rules, id)
  const { communityId, kind, points, dailyCap, monthlyCap, active } = input
  const doc = { communityId, kind, points, dailyCap, monthlyCap, active, updatedAt: ctx.now() }
  await ctx.db.collection(P.rules).doc(id).set({ data: doc })
  await trace(ctx, { communityId, resource: { type: 'point_rule', id }, before, after: doc })
  return rules(ctx, { communityId })
}

export async function setExpiry(ctx: UserCtx, input: z.output<typeof SetExpiryInput>): Promise<RulesView> {
  const before = await expireMonthsOf(ctx.db, input.communityId)
  await ctx.db.collection(P.settings).doc(input.communityId).set({ data: { expireMonths: input.expireMonths, updatedAt: ctx.now() } })
  // Every account of the community is due for an expiry check again, under the new months (expire.ts).
  await ctx.db.collection(P.accounts).where({ communityId: input.communityId, kind: 'person' }).update({ data: { expiryCheckAt: ctx.now() } })
  await trace(ctx, { communityId: input.communityId, resource: { type: 'point_settings', id: input.communityId }, before: { expireMonths: before }, after: { expireMonths: input.expireMonths } })
  return rules(ctx, { communityId: input.communityId })
}

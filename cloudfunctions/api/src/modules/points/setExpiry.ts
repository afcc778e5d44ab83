/**
 * points.setExpiry (secretary) — points expire N months after they were earned, or never. The setting and its
 * audit entry are one transaction; then every person account of the community is made due for an expiry
 * check under the new months (expire.ts). Setting the same months again marks them due again, so a retry
 * after a failure between the two finishes the job.
 * Outcome: the community's rules.
 */
import { SetExpiryInput, type RulesView } from '../../../../../types/points'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import { recordIn } from '../../platform/audit'
import type { UserCtx } from '../../platform/context'
import { runTx, txGet, updateWhere } from '../../platform/db'
import { P } from './repo'
import { rulesView } from './views'

async function setExpiry(ctx: UserCtx, input: ActionInput<'points.setExpiry'>): Promise<RulesView> {
  const { communityId, expireMonths } = input
  const now = ctx.now()
  await runTx(ctx.db, async (tx) => {
    const before = await txGet<{ expireMonths: number | null }>(tx, P.settings, communityId)
    await tx
      .collection(P.settings)
      .doc(communityId)
      .set({ data: { expireMonths, updatedAt: now } })
    await recordIn(tx, ctx, {
      communityId,
      resource: { type: 'point_settings', id: communityId, label: '积分有效期' },
      before: { expireMonths: before?.expireMonths ?? null },
      after: { expireMonths },
    })
  })
  await updateWhere(ctx.db, P.accounts, { communityId, kind: 'person' }, { expiryCheckAt: now })
  return rulesView(ctx.db, communityId)
}

export default defineAction({ name: 'points.setExpiry', input: SetExpiryInput, access: SECRETARY, writes: true, handler: setExpiry })

/**
 * pair.setSettings (secretary) — change the households-per-member range. The change and its audit entry
 * are one transaction.
 * Outcomes: the settings.
 */
import { PairSetSettingsInput, type PairSettings } from '../../../../../types/party'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import { recordIn } from '../../platform/audit'
import type { UserCtx } from '../../platform/context'
import { runTx, txGet } from '../../platform/db'
import { PT } from '../party/repo'
import { DEFAULT_PAIRS } from '../party/rules'

async function setSettings(ctx: UserCtx, input: ActionInput<'pair.setSettings'>): Promise<PairSettings> {
  const doc = { minPerMember: input.minPerMember, maxPerMember: input.maxPerMember }
  await runTx(ctx.db, async (tx) => {
    const before = (await txGet<PairSettings>(tx, PT.pairSettings, input.communityId)) ?? { _id: input.communityId, ...DEFAULT_PAIRS }
    await tx.collection(PT.pairSettings).doc(input.communityId).set({ data: doc })
    await recordIn(tx, ctx, {
      communityId: input.communityId,
      resource: { type: 'pair_settings', id: input.communityId, label: '结对设置' },
      before,
      after: doc,
    })
  })
  return { _id: input.communityId, ...doc }
}

export default defineAction({ name: 'pair.setSettings', input: PairSetSettingsInput, access: SECRETARY, writes: true, handler: setSettings })

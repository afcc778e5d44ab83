/**
 * wish.setSettings (secretary) — categories, auto-approval, auto-close and overdue days. The settings and
 * their audit entry (before and after) are one transaction.
 * Outcomes: the settings as set.
 */
import { WishSetSettingsInput, type WishSettings } from '../../../../../types/wish'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import { recordIn } from '../../platform/audit'
import type { UserCtx } from '../../platform/context'
import { runTx, txGet } from '../../platform/db'
import { defaultSettings, W } from './repo'

async function setSettings(ctx: UserCtx, input: ActionInput<'wish.setSettings'>): Promise<WishSettings> {
  const id = input.communityId
  const doc = { categories: [...new Set(input.categories)], autoApprove: input.autoApprove, autoCloseDays: input.autoCloseDays, overdueDays: input.overdueDays }
  await runTx(ctx.db, async (tx) => {
    const current = await txGet<WishSettings>(tx, W.settings, id)
    await tx.collection(W.settings).doc(id).set({ data: doc })
    await recordIn(tx, ctx, {
      communityId: id,
      resource: { type: 'wish_settings', id, label: '微心愿设置' },
      before: current ?? defaultSettings(id),
      after: doc,
    })
  })
  return { _id: id, ...doc }
}

export default defineAction({ name: 'wish.setSettings', input: WishSetSettingsInput, access: SECRETARY, writes: true, handler: setSettings })

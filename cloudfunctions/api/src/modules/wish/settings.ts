/**
 * wish.settings — the community's categories and timings (any member: the post form needs categories).
 * wish.setSettings (secretary) — categories, auto-approval, auto-close and overdue days. Audited.
 */
import type { z } from 'zod'
import type { WishSetSettingsInput, WishSettings, WishSettingsInput } from '../../../../../types/wish'
import type { UserCtx } from '../../platform/context'
import { trace } from '../../platform/audit'
import { settingsOf, W } from './repo'

export const settings = (ctx: UserCtx, input: z.output<typeof WishSettingsInput>) => settingsOf(ctx.db, input.communityId)

export async function setSettings(ctx: UserCtx, input: z.output<typeof WishSetSettingsInput>): Promise<WishSettings> {
  const before = await settingsOf(ctx.db, input.communityId)
  const doc = { categories: [...new Set(input.categories)], autoApprove: input.autoApprove, autoCloseDays: input.autoCloseDays, overdueDays: input.overdueDays }
  await ctx.db.collection(W.settings).doc(input.communityId).set({ data: doc })
  await trace(ctx, { communityId: input.communityId, resource: { type: 'wish_settings', id: input.communityId }, before, after: doc })
  return { _id: input.communityId, ...doc }
}

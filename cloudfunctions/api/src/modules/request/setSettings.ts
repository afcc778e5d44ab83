/**
 * request.setSettings (secretary) — limits per category and urgency (merged over the current ones: categories
 * or urgencies left out keep theirs), the yellow share, mediation and auto-close days. The settings and their
 * audit entry (before and after) are one transaction. New limits apply to requests dispatched (or reassigned,
 * reopened) from now on: a request keeps the limit copied when its clock started, and the yellow point of a stage
 * already under way stays where it was.
 * Outcomes: the settings as set; INVALID_INPUT for a resolve limit shorter than the respond limit.
 */
import { RequestSetSettingsInput, type RequestSettings } from '../../../../../types/requests'
import { REQUEST_CATEGORIES, URGENCIES } from '../../../../../types/vocabulary'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import { recordIn } from '../../platform/audit'
import type { UserCtx } from '../../platform/context'
import { runTx, txGet } from '../../platform/db'
import { invalid } from '../../platform/errors'
import { RQ } from './repo'
import { defaultRequestSettings } from './rules'

async function setSettings(ctx: UserCtx, input: ActionInput<'request.setSettings'>): Promise<RequestSettings> {
  const id = input.communityId
  let out: RequestSettings = defaultRequestSettings(id)
  await runTx(ctx.db, async (tx) => {
    const stored = await txGet<RequestSettings>(tx, RQ.settings, id)
    const current = { ...defaultRequestSettings(id), ...(stored ?? {}) }
    const limits = {} as RequestSettings['limits']
    for (const c of REQUEST_CATEGORIES) {
      limits[c] = { ...current.limits[c] }
      for (const u of URGENCIES) {
        const given = input.limits[c]?.[u]
        if (given) limits[c][u] = { respondMinutes: given.respondMinutes, resolveMinutes: given.resolveMinutes }
        if (limits[c][u].resolveMinutes < limits[c][u].respondMinutes) throw invalid('办结时限不能短于受理时限')
      }
    }
    const doc = { limits, mediationDays: input.mediationDays, yellowShare: input.yellowShare, autoCloseDays: input.autoCloseDays }
    await tx.collection(RQ.settings).doc(id).set({ data: doc })
    await recordIn(tx, ctx, {
      communityId: id,
      resource: { type: 'request_settings', id, label: '诉求时限设置' },
      before: { limits: current.limits, mediationDays: current.mediationDays, yellowShare: current.yellowShare, autoCloseDays: current.autoCloseDays },
      after: doc,
    })
    out = { _id: id, ...doc }
  })
  return out
}

export default defineAction({ name: 'request.setSettings', input: RequestSetSettingsInput, access: SECRETARY, writes: true, handler: setSettings })

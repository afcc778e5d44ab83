/**
 * pair.settings (secretary) — how many households each member pairs with here (default 5–15).
 * Outcomes: the settings.
 */
import { PairSettingsInput } from '../../../../../types/party'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { pairSettingsOf } from '../party/pairing'

const settings = (ctx: UserCtx, input: ActionInput<'pair.settings'>) => pairSettingsOf(ctx.db, input.communityId)

export default defineAction({ name: 'pair.settings', input: PairSettingsInput, access: SECRETARY, writes: false, handler: settings })

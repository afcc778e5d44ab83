/**
 * wish.settings — the community's categories and timings (any member: the post form needs the categories).
 * Outcomes: the settings (the defaults until the secretary sets them).
 */
import { WishSettingsInput } from '../../../../../types/wish'
import { defineAction, member, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { settingsOf } from './repo'

const settings = (ctx: UserCtx, input: ActionInput<'wish.settings'>) => settingsOf(ctx.db, input.communityId)

export default defineAction({ name: 'wish.settings', input: WishSettingsInput, access: member, writes: false, handler: settings })

/**
 * request.settings — the community's limits (per category and urgency), yellow share, mediation and auto-close
 * days: what the clocks count against. Any member (the report form shows the promised times).
 * Outcomes: the settings (the defaults until the secretary sets them).
 */
import { RequestSettingsGetInput } from '../../../../../types/requests'
import { defineAction, member, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { settingsOf } from './repo'

const settings = (ctx: UserCtx, input: ActionInput<'request.settings'>) => settingsOf(ctx.db, input.communityId)

export default defineAction({ name: 'request.settings', input: RequestSettingsGetInput, access: member, writes: false, handler: settings })

/**
 * service.get — one service of the menu with its schedule, provider and rules, and where the caller stands:
 * whether they may book now and, if not, why (not in its audience, blocked after no-shows until a day …),
 * whether they provide it, whether they may edit it (the secretary, who also gets `edit`: the provider as stored,
 * for the menu editor). An inactive service only to the secretary.
 * Outcomes: the detail; NOT_FOUND for an unknown service, another community's, or an inactive one.
 */
import { ServiceGetInput, type ServiceDetail } from '../../../../../types/services'
import { defineAction, member, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { notFound } from '../../platform/errors'
import { bookingRefusal, loadService, standingOf } from './core'
import { editView, providerName, serviceDetail } from './views'

async function get(ctx: UserCtx, input: ActionInput<'service.get'>): Promise<ServiceDetail> {
  const s = await loadService(ctx.db, input.communityId, input.serviceId, true)
  const st = await standingOf(ctx, s)
  if (!s.active && !st.isSecretary) throw notFound('这项服务')
  const now = ctx.now()
  const [refusal, provider, edit] = await Promise.all([
    bookingRefusal(ctx.db, s, ctx.user, now),
    providerName(ctx.db, s),
    st.isSecretary ? editView(ctx.db, s) : undefined,
  ])
  return serviceDetail(
    s,
    now,
    provider,
    {
      canBook: refusal === null,
      whyNot: refusal?.why ?? null,
      blockedUntil: refusal?.blockedUntil ?? null,
      isProvider: st.isProvider,
      canEdit: st.isSecretary,
    },
    edit,
  )
}

export default defineAction({ name: 'service.get', input: ServiceGetInput, access: member, writes: false, handler: get })

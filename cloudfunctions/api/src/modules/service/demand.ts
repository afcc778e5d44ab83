/**
 * service.demand — 我想要这样的服务: a resident says what they wanted and could not find. Counted per community,
 * China month and words (service_demand, one document per words, raised with _.inc in one write), for the
 * secretary's statistics beside bookings, attendance and ratings.
 * Outcome: { counted: true }.
 */
import { ServiceDemandInput } from '../../../../../types/services'
import { defineAction, member, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { countDemand } from './core'

async function demand(ctx: UserCtx, input: ActionInput<'service.demand'>) {
  await countDemand(ctx.db, input.communityId, input.words, 'wants', ctx.now())
  return { counted: true }
}

export default defineAction({ name: 'service.demand', input: ServiceDemandInput, access: member, writes: true, handler: demand })

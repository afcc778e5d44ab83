/**
 * party.coverage (street admin) — verified registrations per 100 households in each community of the street,
 * flagging empty, thin and crowded communities (空白 / 扎堆) against the street's median.
 * Outcomes: the coverage; FORBIDDEN for anyone but the street's admin.
 */
import type { Community } from '../../../../../types/org'
import { CoverageInput, type CoverageView } from '../../../../../types/party'
import { defineAction, user, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { countByCommunity, readAll } from '../../platform/db'
import { forbidden } from '../../platform/errors'
import { C } from '../org/repo'
import { PT } from './repo'
import { coverageFlag } from './rules'

async function coverage(ctx: UserCtx, input: ActionInput<'party.coverage'>): Promise<CoverageView> {
  const { db } = ctx
  if (!ctx.user.roles.some((g) => g.role === 'street_admin' && g.communityId === input.streetId)) throw forbidden('只有街道管理员可以查看')
  const communities = await readAll<Community>(db, C.communities, { streetId: input.streetId })
  // One aggregation per status over the whole street, grouped by community: never a read of the registrations.
  const ids = db.command.in(communities.map((c) => c._id))
  const [verifiedBy, pendingBy] = await Promise.all([
    countByCommunity(db, PT.registrations, { communityId: ids, status: 'verified' }),
    countByCommunity(db, PT.registrations, { communityId: ids, status: 'pending' }),
  ])
  const rows = communities.map((c) => {
    const verified = verifiedBy.get(c._id) ?? 0
    const pending = pendingBy.get(c._id) ?? 0
    const perHundredHouseholds = c.householdCount ? Math.round((verified / c.householdCount) * 1000) / 10 : 0
    return { communityId: c._id, name: c.name, households: c.householdCount, verified, pending, perHundredHouseholds }
  })
  const sorted = rows.map((r) => r.perHundredHouseholds).sort((a, b) => a - b)
  const median = sorted.length ? (sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2) : 0
  return { streetId: input.streetId, median, communities: rows.map((r) => ({ ...r, flag: coverageFlag(r.perHundredHouseholds, median) })) }
}

export default defineAction({ name: 'party.coverage', input: CoverageInput, access: user, writes: false, handler: coverage })

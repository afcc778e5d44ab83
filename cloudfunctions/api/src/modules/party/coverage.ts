/**
 * party.coverage (street admin) — verified registrations per 100 households in each community of the street,
 * flagging empty, thin and crowded communities (空白 / 扎堆) against the street's median.
 * The figures are the running counters of party_counters (counters.ts), checked and repaired by the
 * 'party.coverage' recount (recount.ts).
 * Outcomes: the coverage; FORBIDDEN for anyone but the street's admin.
 */
import type { Community } from '../../../../../types/org'
import { CoverageInput, type CoverageView } from '../../../../../types/party'
import { defineAction, user, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { readAll } from '../../platform/db'
import { forbidden } from '../../platform/errors'
import { C } from '../org/repo'
import { readCounters } from './counters'
import { coverageFlag } from './rules'

async function coverage(ctx: UserCtx, input: ActionInput<'party.coverage'>): Promise<CoverageView> {
  const { db } = ctx
  if (!ctx.user.roles.some((g) => g.role === 'street_admin' && g.communityId === input.streetId)) throw forbidden('只有街道管理员可以查看')
  const communities = await readAll<Community>(db, C.communities, { streetId: input.streetId })
  // The running counters (counters.ts): one read of one document per community, whatever the registrations.
  const counters = await readCounters(
    db,
    communities.map((c) => c._id),
  )
  const rows = communities.map((c) => {
    const verified = counters.get(c._id)?.verified ?? 0
    const pending = counters.get(c._id)?.pending ?? 0
    const perHundredHouseholds = c.householdCount ? Math.round((verified / c.householdCount) * 1000) / 10 : 0
    return { communityId: c._id, name: c.name, households: c.householdCount, verified, pending, perHundredHouseholds }
  })
  const sorted = rows.map((r) => r.perHundredHouseholds).sort((a, b) => a - b)
  const median = sorted.length ? (sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2) : 0
  return { streetId: input.streetId, median, communities: rows.map((r) => ({ ...r, flag: coverageFlag(r.perHundredHouseholds, median) })) }
}

export default defineAction({ name: 'party.coverage', input: CoverageInput, access: user, writes: false, handler: coverage })

/**
 * party.coverage (street admin) — verified registrations per 100 households in each community of the street,
 * flagging empty, thin and crowded communities (空白 / 扎堆) against the street's median.
 * Outcomes: the coverage; FORBIDDEN for anyone but the street's admin.
 */
import type { Community } from '../../../../../types/org'
import { CoverageInput, type CoverageView, type Registration } from '../../../../../types/party'
import { defineAction, user, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { readAll } from '../../platform/db'
import { forbidden } from '../../platform/errors'
import { C } from '../org/repo'
import { PT } from './repo'
import { coverageFlag } from './rules'

async function coverage(ctx: UserCtx, input: ActionInput<'party.coverage'>): Promise<CoverageView> {
  const { db } = ctx
  if (!ctx.user.roles.some((g) => g.role === 'street_admin' && g.communityId === input.streetId)) throw forbidden('只有街道管理员可以查看')
  const communities = await readAll<Community>(db, C.communities, { streetId: input.streetId })
  const rows = await Promise.all(
    communities.map(async (c) => {
      const regs = await readAll<Registration>(db, PT.registrations, { communityId: c._id }, 20000)
      const verified = regs.filter((r) => r.status === 'verified').length
      const pending = regs.filter((r) => r.status === 'pending').length
      const perHundredHouseholds = c.householdCount ? Math.round((verified / c.householdCount) * 1000) / 10 : 0
      return { communityId: c._id, name: c.name, households: c.householdCount, verified, pending, perHundredHouseholds }
    }),
  )
  const sorted = rows.map((r) => r.perHundredHouseholds).sort((a, b) => a - b)
  const median = sorted.length ? (sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2) : 0
  return { streetId: input.streetId, median, communities: rows.map((r) => ({ ...r, flag: coverageFlag(r.perHundredHouseholds, median) })) }
}

export default defineAction({ name: 'party.coverage', input: CoverageInput, access: user, writes: false, handler: coverage })

/**
 * Confirming where people live (住址确认). A declared household is pending until someone who knows the
 * building confirms it: its building head (within the buildings the secretary appointed them to) or the
 * community's secretary.
 *
 * org.householdQueue — the pending households the caller may confirm, oldest declaration first by id,
 *   cursor-paged. Outcome: a page (names in full — the confirmer must recognise their neighbour — phones masked).
 * org.confirmHousehold — approve (the person becomes a resident 居民 of the community) or refuse with a
 *   reason the person sees (the declaration is cleared; they may declare again). Audited.
 *   Outcomes: { userId, householdStatus }; NOT_FOUND when nothing of that person is pending in this
 *   community; FORBIDDEN outside the caller's buildings, or for one's own household; CONFLICT when someone
 *   else decided first or the person changed their declaration meanwhile. Nothing changes on failure.
 */
import type { z } from 'zod'
import type { Page } from '../../../../../types/common'
import type { ConfirmHouseholdInput, Household, HouseholdClaim, HouseholdQueueInput, User } from '../../../../../types/org'
import type { UserCtx } from '../../platform/context'
import { trace } from '../../platform/audit'
import { findMany } from '../../platform/db'
import { conflict, forbidden, notFound } from '../../platform/errors'
import { C, getCommunity, getHousehold, getMany, getUser, householdLabel } from './repo'
import { canConfirmHousehold, headScope, holdsRole, maskPhone } from './rules'

export async function householdQueue(ctx: UserCtx, input: z.output<typeof HouseholdQueueInput>): Promise<Page<HouseholdClaim>> {
  const { db, user } = ctx
  const community = await getCommunity(db, input.communityId)
  if (!community) throw notFound('社区')
  const _ = db.command
  const limit = input.limit ?? 20
  const filter: Record<string, unknown> = { communityId: community._id, householdStatus: 'pending' }
  if (!holdsRole(user, community, ['secretary', 'street_admin'])) {
    const scope = headScope(user, community._id)
    if (scope.length === 0) throw forbidden('只有社区书记和楼栋长可以确认住址')
    filter.buildingId = _.in(scope)
  }
  if (input.cursor) filter._id = _.gt(input.cursor)
  const people = await findMany<User>(db, C.users, filter, { orderBy: [['_id', 'asc']], limit: limit + 1 })
  const page = people.slice(0, limit)
  const households = await getMany<Household>(db, C.households, page.map((p) => p.householdId ?? ''))
  const items = await Promise.all(
    page.map(async (p): Promise<HouseholdClaim | null> => {
      const h = households.get(p.householdId ?? '')
      if (!h) return null
      return {
        userId: p._id,
        name: p.realName || p.nickname,
        phone: maskPhone(p.phone),
        household: { id: h._id, communityId: h.communityId, compoundId: h.compoundId, buildingId: h.buildingId, label: await householdLabel(db, h) },
        declaredAt: new Date(p.householdDeclaredAt ?? p.updatedAt).toISOString(),
        offline: p.offline === true,
      }
    }),
  )
  return { items: items.filter((x): x is HouseholdClaim => x !== null), nextCursor: people.length > limit ? page[page.length - 1]._id : null }
}

export async function confirmHousehold(ctx: UserCtx, input: z.output<typeof ConfirmHouseholdInput>) {
  const { db, user } = ctx
  const [community, target] = await Promise.all([getCommunity(db, input.communityId), getUser(db, input.userId)])
  if (!community) throw notFound('社区')
  if (!target || target.communityId !== community._id || target.householdStatus !== 'pending' || !target.householdId) throw notFound('待确认的住址')
  const household = await getHousehold(db, target.householdId)
  if (!household) throw notFound('待确认的住址')
  if (!canConfirmHousehold(user, community, household.buildingId)) throw forbidden('只能确认您负责的楼栋的住址')
  if (target._id === user._id) throw forbidden('不能确认自己的住址，请由社区或其他楼栋长确认')

  const now = ctx.now()
  const _ = db.command
  const label = await householdLabel(db, household)
  const decision = { outcome: input.approve ? 'verified' : 'rejected', householdId: household._id, label, reason: input.approve ? null : input.reason ?? null, at: now }
  const resident = { communityId: community._id, role: 'resident' as const }
  const roles = input.approve && !target.roles.some((g) => g.role === 'resident' && g.communityId === community._id) ? [...target.roles, resident] : target.roles
  const data: Record<string, unknown> = input.approve
    ? { householdStatus: 'verified', householdDecision: _.set(decision), roles: _.set(roles), updatedAt: now }
    : { householdId: null, communityId: null, buildingId: null, householdStatus: null, householdDecision: _.set(decision), updatedAt: now }
  // Conditional on the same declaration still pending: a second confirmer, or a person who changed their
  // mind meanwhile, changes nothing.
  const res = (await db
    .collection(C.users)
    .where({ _id: target._id, householdId: household._id, householdStatus: 'pending' })
    .update({ data })) as { stats: { updated: number } }
  if (res.stats.updated !== 1) throw conflict('这条住址已经处理过了，请刷新')
  await trace(ctx, {
    communityId: community._id,
    resource: { type: 'user', id: target._id },
    before: { householdId: household._id, householdStatus: 'pending' },
    after: input.approve ? { householdId: household._id, householdStatus: 'verified' } : { householdId: null, reason: input.reason ?? null },
  })
  return { userId: target._id, householdStatus: input.approve ? ('verified' as const) : null }
}

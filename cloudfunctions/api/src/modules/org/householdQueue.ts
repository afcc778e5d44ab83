/**
 * org.householdQueue — the pending households (住址确认) the caller may confirm: a building head those of the
 * buildings the secretary appointed them to, the secretary all of the community's. Oldest declaration first
 * by id, cursor-paged. Outcome: a page (names in full — the confirmer must recognise their neighbour —
 * phones masked); FORBIDDEN for a building head with no buildings.
 */
import type { Page } from '../../../../../types/common'
import { HouseholdQueueInput, type Household, type HouseholdClaim, type User } from '../../../../../types/org'
import { defineAction, roles, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { findMany } from '../../platform/db'
import { forbidden, notFound } from '../../platform/errors'
import { C, getCommunity, getMany, householdLabels } from './repo'
import { headScope, holdsRole, maskPhone } from './rules'

async function householdQueue(ctx: UserCtx, input: ActionInput<'org.householdQueue'>): Promise<Page<HouseholdClaim>> {
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
  const households = await getMany<Household>(
    db,
    C.households,
    page.map((p) => p.householdId ?? ''),
  )
  const labels = await householdLabels(db, [...households.values()])
  const items = page.map((p): HouseholdClaim | null => {
    const h = households.get(p.householdId ?? '')
    if (!h) return null
    return {
      userId: p._id,
      name: p.realName || p.nickname,
      phone: maskPhone(p.phone),
      household: { id: h._id, communityId: h.communityId, compoundId: h.compoundId, buildingId: h.buildingId, label: labels.get(h._id) ?? '' },
      declaredAt: new Date(p.householdDeclaredAt ?? p.updatedAt).toISOString(),
      offline: p.offline === true,
    }
  })
  return { items: items.filter((x): x is HouseholdClaim => x !== null), nextCursor: people.length > limit ? page[page.length - 1]._id : null }
}

export default defineAction({
  name: 'org.householdQueue',
  input: HouseholdQueueInput,
  access: roles('building_head', 'secretary', 'street_admin'),
  writes: false,
  handler: householdQueue,
})

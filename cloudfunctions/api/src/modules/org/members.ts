/**
 * org.members — a secretary's list of the people of their community, masked (王*英, 138****5678),
 * filtered by role or a name keyword, cursor-paged by id.
 * Outcome: a page.
 */
import type { Page } from '../../../../../types/common'
import { MembersInput, type Household, type MemberListItem, type User } from '../../../../../types/org'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { findMany } from '../../platform/db'
import { C, getMany, householdLabels } from './repo'
import { listName, maskPhone, rolesIn } from './rules'

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

async function members(ctx: UserCtx, input: ActionInput<'org.members'>): Promise<Page<MemberListItem>> {
  const { db } = ctx
  const _ = db.command
  const limit = input.limit ?? 20
  const filter: Record<string, unknown> = input.role
    ? { roles: _.elemMatch({ communityId: input.communityId, role: input.role }) }
    : { 'roles.communityId': input.communityId }
  if (input.cursor) filter._id = _.gt(input.cursor)
  let where: object = filter
  if (input.keyword) {
    const re = db.RegExp({ regexp: escapeRegExp(input.keyword), options: 'i' })
    where = _.and([filter, _.or([{ realName: re }, { nickname: re }])])
  }
  const users = await findMany<User>(db, C.users, where, { orderBy: [['_id', 'asc']], limit: limit + 1 })
  const page = users.slice(0, limit)
  // Where someone lives is this community's business only if they live here. The page's households, then
  // their compounds and buildings: one `_.in` query per collection, whatever the page's length.
  const households = await getMany<Household>(
    db,
    C.households,
    page.filter((u) => u.householdId && u.communityId === input.communityId).map((u) => u.householdId!),
  )
  const labels = await householdLabels(db, [...households.values()])
  const items = page.map((u) => {
    const h = u.householdId && u.communityId === input.communityId ? households.get(u.householdId) : undefined
    return {
      userId: u._id,
      name: listName(u),
      phone: maskPhone(u.phone),
      roles: rolesIn(u, input.communityId),
      householdLabel: h ? (labels.get(h._id) ?? null) : null,
      offline: u.offline === true,
    }
  })
  return { items, nextCursor: users.length > limit ? page[page.length - 1]._id : null }
}

export default defineAction({ name: 'org.members', input: MembersInput, access: SECRETARY, writes: false, handler: members })

/**
 * org.members — a secretary's list of the people of their community, masked (王*英, 138****5678),
 * filtered by role or a name keyword, cursor-paged by id.
 * org.member — one person in full (real name, phone, household): an audited read.
 * Outcomes: a page / the detail; NOT_FOUND for someone who is not of this community.
 */
import type { z } from 'zod'
import type { MemberDetail, MemberInput, MemberListItem, MembersInput, User } from '../../../../../types/org'
import type { Page } from '../../../../../types/common'
import type { UserCtx } from '../../platform/context'
import { trace } from '../../platform/audit'
import { findMany } from '../../platform/db'
import { notFound } from '../../platform/errors'
import { C, getMany, getUser } from './repo'
import { headScope, listName, maskPhone, rolesIn } from './rules'
import { belongsTo } from './belongs'
import { householdView } from './views'
import type { Household } from '../../../../../types/org'

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export async function members(ctx: UserCtx, input: z.output<typeof MembersInput>): Promise<Page<MemberListItem>> {
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
  const households = await getMany<Household>(db, C.households, page.map((u) => u.householdId).filter((x): x is string => !!x))
  const items = await Promise.all(
    page.map(async (u) => {
      // Where someone lives is this community's business only if they live here.
      const h = u.householdId && u.communityId === input.communityId ? households.get(u.householdId) : undefined
      return {
        userId: u._id,
        name: listName(u),
        phone: maskPhone(u.phone),
        roles: rolesIn(u, input.communityId),
        householdLabel: h ? (await householdView(db, h._id))?.label ?? null : null,
        offline: u.offline === true,
      }
    }),
  )
  return { items, nextCursor: users.length > limit ? page[page.length - 1]._id : null }
}

export async function member(ctx: UserCtx, input: z.output<typeof MemberInput>): Promise<MemberDetail> {
  const target = await getUser(ctx.db, input.userId)
  // Only people who live here (verified) or registered here (双报到, approved); a role alone is not enough,
  // since a secretary hands out roles. Anyone else is simply not found.
  if (!target || !(await belongsTo(ctx.db, target, input.communityId))) throw notFound('这位居民')
  const proxies = await getMany<User>(ctx.db, C.users, target.proxies.map((p) => p.proxyId))
  const detail: MemberDetail = {
    userId: target._id,
    nickname: target.nickname,
    realName: target.realName,
    phone: target.phone,
    household: target.communityId === input.communityId ? await householdView(ctx.db, target.householdId) : null,
    householdStatus: target.communityId === input.communityId ? (target.householdStatus ?? null) : null,
    roles: rolesIn(target, input.communityId),
    headBuildingIds: headScope(target, input.communityId),
    proxies: target.proxies.map((p) => ({ proxyId: p.proxyId, name: listName(proxies.get(p.proxyId) ?? { realName: null, nickname: '' }) })),
    offline: target.offline === true,
  }
  // Reading someone's personal data in full is itself recorded (PIPL: admin reads are logged).
  await trace(ctx, { communityId: input.communityId, action: 'org.member.read', resource: { type: 'user', id: target._id } })
  return detail
}

/**
 * party.record — a member's record (活动记录卡): their own (registrations in every community), or, for the
 * secretary, that of anyone who registered in their community (this community's registrations only).
 * Optionally one year (China calendar).
 * Outcomes: the record; FORBIDDEN for someone else's record without being the secretary; NOT_FOUND for
 * someone unknown or who never registered here.
 */
import type { User } from '../../../../../types/org'
import { PartyRecordInput, type MemberRecord, type Registration } from '../../../../../types/party'
import { defineAction, member, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { findMany, getById } from '../../platform/db'
import { forbidden, notFound } from '../../platform/errors'
import { C, getCommunity } from '../org/repo'
import { holdsRole } from '../org/rules'
import { recordOf } from './records'
import { PT } from './repo'

async function record(ctx: UserCtx, input: ActionInput<'party.record'>): Promise<MemberRecord> {
  const targetId = input.userId ?? ctx.user._id
  if (targetId !== ctx.user._id) {
    const c = await getCommunity(ctx.db, input.communityId)
    if (!c || !holdsRole(ctx.user, c, ['secretary', 'street_admin'])) throw forbidden('只能查看自己的记录')
  }
  const own = targetId === ctx.user._id
  const user = own ? ctx.user : await getById<User>(ctx.db, C.users, targetId)
  if (!user) throw notFound('这位党员')
  // The secretary reads the records of those who registered in their community, nobody else's.
  if (!own && (await findMany<Registration>(ctx.db, PT.registrations, { userId: user._id, communityId: input.communityId }, { limit: 1 })).length === 0)
    throw notFound('这位党员')
  return recordOf(ctx.db, user, input.communityId, input.year ?? null, { own, views: true })
}

export default defineAction({ name: 'party.record', input: PartyRecordInput, access: member, writes: false, handler: record })

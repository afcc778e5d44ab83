/**
 * party.record — a member's record (活动记录卡): their own (registrations in every community), or, for the
 * secretary, that of anyone who registered in their community (this community's registrations only).
 * Optionally one year (China calendar).
 * Outcomes: the record; FORBIDDEN for someone else's record without being the secretary; NOT_FOUND for
 * someone unknown or who never registered here.
 */
import { PartyRecordInput, type MemberRecord, type Registration } from '../../../../../types/party'
import { defineAction, member, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { findMany } from '../../platform/db'
import { forbidden, notFound } from '../../platform/errors'
import { getCommunity } from '../org/repo'
import { holdsRole } from '../org/rules'
import { recordOf } from './records'
import { PT } from './repo'

/**
 * Ten round trips at most: the caller and the community (the router's, reused), the registrations (which also
 * answer who the member is for the secretary: their registered name, no read of the person), six reads of
 * outcomes in parallel (records.ts), and the places of the registration views (views.ts, the community reused).
 */
async function record(ctx: UserCtx, input: ActionInput<'party.record'>): Promise<MemberRecord> {
  const targetId = input.userId ?? ctx.user._id
  const own = targetId === ctx.user._id
  const community = ctx.community ?? (await getCommunity(ctx.db, input.communityId))
  if (!own && (!community || !holdsRole(ctx.user, community, ['secretary', 'street_admin']))) throw forbidden('只能查看自己的记录')
  // The member sees their registrations in every community; the secretary only this community's, and reads
  // the records of those who registered here, nobody else's.
  const regs = await findMany<Registration>(ctx.db, PT.registrations, own ? { userId: targetId } : { userId: targetId, communityId: input.communityId }, {
    limit: 50,
  })
  if (!own && !regs.length) throw notFound('这位党员')
  // newest registration's name: the one the secretary reviewed
  const newest = [...regs].sort((a, b) => new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime())[0]
  const person = own ? { _id: ctx.user._id, name: ctx.user.realName || ctx.user.nickname } : { _id: targetId, name: newest.name }
  return recordOf(ctx.db, person, input.communityId, input.year ?? null, { regs, views: true, known: community ? [community] : [] })
}

export default defineAction({ name: 'party.record', input: PartyRecordInput, access: member, writes: false, handler: record })

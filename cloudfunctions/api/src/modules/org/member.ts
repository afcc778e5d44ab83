/**
 * org.member — one person in full (real name, phone, household; the birth year and this community's residence
 * permit a secretary verified for councils): an audited read.
 * Outcomes: the detail; NOT_FOUND for someone who is not of this community.
 */
import { MemberInput, type MemberDetail, type User } from '../../../../../types/org'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import { trace } from '../../platform/audit'
import type { UserCtx } from '../../platform/context'
import { notFound } from '../../platform/errors'
import { belongsTo } from './belongs'
import { C, getMany, getUser } from './repo'
import { headScope, listName, rolesIn } from './rules'
import { householdView } from './views'

async function member(ctx: UserCtx, input: ActionInput<'org.member'>): Promise<MemberDetail> {
  const target = await getUser(ctx.db, input.userId)
  // Only people who live here (verified) or registered here (双报到, approved); a role alone is not enough,
  // since a secretary hands out roles. Anyone else is simply not found.
  if (!target || !(await belongsTo(ctx.db, target, input.communityId))) throw notFound('这位居民')
  const proxies = await getMany<User>(
    ctx.db,
    C.users,
    target.proxies.map((p) => p.proxyId),
  )
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
    // The residency records councils count (org.setResidency); a permit only when it is this community's.
    verifiedBirthYear: target.verifiedBirthYear ?? null,
    residencePermit: target.residencePermit?.communityId === input.communityId ? { expiresOn: target.residencePermit.expiresOn } : null,
  }
  // Reading someone's personal data in full is itself recorded (PIPL: admin reads are logged).
  await trace(ctx, { communityId: input.communityId, action: 'org.member.read', resource: { type: 'user', id: target._id, label: listName(target) } })
  return detail
}

export default defineAction({ name: 'org.member', input: MemberInput, access: SECRETARY, writes: false, handler: member })

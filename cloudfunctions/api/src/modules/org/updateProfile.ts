/**
 * org.updateProfile — the caller edits their own profile.
 * Outcomes: Me; INVALID_INPUT for a nickname that fails the content check, an expired phone code or an
 * unknown household; FORBIDDEN for personal fields before privacy consent. Nothing changes when any check fails.
 * Declaring a household makes it *pending* (待确认) until its building head or the secretary confirms it
 * (org.confirmHousehold); only then is the person a resident (居民) of that community. Declaring another
 * household, or none (moving away), ends the old residence: its resident role and the proxies named there.
 */
import { PRIVACY_VERSION, UpdateProfileInput, type User } from '../../../../../types/org'
import { defineAction, user as anyUser, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { forbidden, invalid } from '../../platform/errors'
import { C, getHousehold } from './repo'
import { isResidenceGrant } from './rules'
import { meView } from './views'

async function updateProfile(ctx: UserCtx, input: ActionInput<'org.updateProfile'>) {
  const { db, user } = ctx
  const personal = input.realName !== undefined || input.phoneCode !== undefined || input.householdId !== undefined
  if (personal && user.privacy?.version !== PRIVACY_VERSION) throw forbidden('请先阅读并同意隐私保护指引')

  const patch: Partial<User> = {}
  if (input.nickname !== undefined) {
    const verdict = await ctx.openapi.checkText(ctx.openid, input.nickname, 1)
    if (verdict !== 'pass') throw invalid('昵称含有不适宜的内容，请换一个')
    patch.nickname = input.nickname
  }
  if (input.avatarUrl !== undefined) patch.avatarUrl = input.avatarUrl
  if (input.realName !== undefined) patch.realName = input.realName
  if (input.elderMode !== undefined) patch.elderMode = input.elderMode
  if (input.householdId !== undefined && input.householdId !== user.householdId) {
    const h = input.householdId === null ? null : await getHousehold(db, input.householdId)
    if (input.householdId !== null && !h) throw invalid('没有找到这个门牌，请重新选择')
    // The old residence ends: its resident role and the proxies named in that community.
    const oldCommunity = user.communityId
    patch.roles = user.roles.filter((g) => !isResidenceGrant(g))
    patch.proxies = user.proxies.filter((p) => p.communityId !== oldCommunity)
    patch.householdId = h?._id ?? null
    patch.communityId = h?.communityId ?? null
    patch.buildingId = h?.buildingId ?? null
    patch.householdStatus = h ? 'pending' : null
    patch.householdDeclaredAt = h ? ctx.now() : null
  }
  if (input.phoneCode !== undefined) patch.phone = await ctx.openapi.phoneNumber(input.phoneCode)

  if (Object.keys(patch).length === 0) return meView(db, user)
  patch.updatedAt = ctx.now()
  const data: Record<string, unknown> = { ...patch }
  // Replace arrays whole, not element by element.
  if (patch.roles) data.roles = db.command.set(patch.roles)
  if (patch.proxies) data.proxies = db.command.set(patch.proxies)
  await db.collection(C.users).doc(user._id).update({ data })
  return meView(db, { ...user, ...patch })
}

export default defineAction({
  name: 'org.updateProfile',
  input: UpdateProfileInput,
  access: anyUser,
  writes: true,
  handler: updateProfile,
})

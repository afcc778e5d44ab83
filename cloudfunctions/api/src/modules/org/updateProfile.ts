/**
 * org.updateProfile — the caller edits their own profile.
 * Outcomes: Me; INVALID_INPUT for a nickname that fails the content check, an expired phone code or an
 * unknown household; FORBIDDEN for personal fields before privacy consent. Choosing a household makes
 * the caller a resident (居民) of its community. Nothing changes when any check fails.
 */
import type { z } from 'zod'
import { PRIVACY_VERSION, type UpdateProfileInput, type User } from '../../../../../types/org'
import type { UserCtx } from '../../platform/context'
import { forbidden, invalid } from '../../platform/errors'
import { C, getHousehold } from './repo'
import { meView } from './views'

export async function updateProfile(ctx: UserCtx, input: z.output<typeof UpdateProfileInput>) {
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
  if (input.householdId !== undefined) {
    const h = await getHousehold(db, input.householdId)
    if (!h) throw invalid('没有找到这个门牌，请重新选择')
    patch.householdId = h._id
    patch.communityId = h.communityId
    // A resident of the new community; the resident role of a community moved away from goes.
    const roles = user.roles.filter((g) => !(g.role === 'resident' && g.communityId !== h.communityId))
    if (!roles.some((g) => g.role === 'resident' && g.communityId === h.communityId)) roles.push({ communityId: h.communityId, role: 'resident' })
    patch.roles = roles
  }
  if (input.phoneCode !== undefined) patch.phone = await ctx.openapi.phoneNumber(input.phoneCode)

  if (Object.keys(patch).length === 0) return meView(db, user)
  patch.updatedAt = ctx.now()
  const data: Record<string, unknown> = { ...patch }
  if (patch.roles) data.roles = db.command.set(patch.roles) // replace the array whole, not element by element
  await db.collection(C.users).doc(user._id).update({ data })
  return meView(db, { ...user, ...patch })
}

/**
 * org.login — create-or-get the caller by their OPENID and, when asked, record consent to the
 * privacy guide (用户隐私保护指引).
 * Outcomes: the caller's Me (a new profile on first login; two racing first logins make one profile,
 * guarded by the unique openid index); INVALID_INPUT for a consent to an outdated guide version.
 */
import { LoginInput, PRIVACY_VERSION, type User } from '../../../../../types/org'
import { defineAction, wechat, type ActionInput } from '../../platform/action'
import type { Ctx } from '../../platform/context'
import { isDuplicateKey, newId } from '../../platform/db'
import { invalid, unauthenticated } from '../../platform/errors'
import { C, findUserByOpenid } from './repo'
import { meView } from './views'

async function login(ctx: Ctx, input: ActionInput<'org.login'>) {
  const { db, openid } = ctx
  if (!openid) throw unauthenticated()
  let user = ctx.user ?? (await findUserByOpenid(db, openid))
  if (!user) user = await createUser(ctx, openid)
  if (input.privacyConsentVersion !== undefined) {
    if (input.privacyConsentVersion !== PRIVACY_VERSION) throw invalid('隐私保护指引已更新，请重新阅读后同意')
    const privacy = { version: PRIVACY_VERSION, at: ctx.now() }
    await db
      .collection(C.users)
      .doc(user._id)
      .update({ data: { privacy: db.command.set(privacy), updatedAt: ctx.now() } })
    user = { ...user, privacy }
  }
  return meView(db, user)
}

async function createUser(ctx: Ctx, openid: string): Promise<User> {
  const now = ctx.now()
  const user: User = {
    _id: newId('u'),
    openid,
    offline: false,
    nickname: '微信用户',
    avatarUrl: null,
    realName: null,
    phone: null,
    householdId: null,
    communityId: null,
    roles: [],
    proxies: [],
    privacy: null,
    elderMode: null,
    birthYear: null,
    createdAt: now,
    updatedAt: now,
  }
  try {
    await ctx.db.collection(C.users).add({ data: user })
    return user
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
    const existing = await findUserByOpenid(ctx.db, openid) // a parallel first login won the race
    if (!existing) throw err
    return existing
  }
}

export default defineAction({
  name: 'org.login',
  input: LoginInput,
  access: wechat,
  writes: true,
  handler: login,
})

/**
 * Changing a person's roles in one community (org.assignRole, org.revokeRole): the rule-checked part of both.
 */
import type { User } from '../../../../../types/org'
import { recordIn } from '../../platform/audit'
import type { UserCtx } from '../../platform/context'
import { runTx, txGet } from '../../platform/db'
import { notFound } from '../../platform/errors'
import { C, getCommunity, getUser } from './repo'
import { listName } from './rules'
import { roleViews } from './views'

export async function loadGrantParties(ctx: UserCtx, input: { communityId: string; userId: string }) {
  const [community, target] = await Promise.all([getCommunity(ctx.db, input.communityId), getUser(ctx.db, input.userId)])
  if (!community) throw notFound('社区')
  if (!target) throw notFound('这位居民')
  return { community, target }
}

const rolesHere = (roles: User['roles'], communityId: string) => roles.filter((g) => g.communityId === communityId)

/**
 * One transaction: read the person's roles as they are now, apply `change` (which throws CONFLICT when the
 * change no longer applies: the grant is already there, or already gone), write them back and record the
 * change in the audit log. Two secretaries clicking at once: one commits, the other's transaction conflicts,
 * runs again on the new roles, and is refused by `change`. Answers with this community's roles only: roles
 * held elsewhere are none of its business.
 */
export async function changeRoles(ctx: UserCtx, communityId: string, target: User, change: (roles: User['roles']) => User['roles']) {
  const _ = ctx.db.command
  const after = await runTx(ctx.db, async (tx) => {
    const current = await txGet<User>(tx, C.users, target._id)
    if (!current) throw notFound('这位居民')
    const next = change(current.roles)
    await tx.collection(C.users).doc(target._id).update({ data: { roles: _.set(next), updatedAt: ctx.now() } })
    await recordIn(tx, ctx, {
      communityId,
      resource: { type: 'user', id: target._id, label: listName(target) },
      before: { roles: rolesHere(current.roles, communityId) },
      after: { roles: rolesHere(next, communityId) },
    })
    return next
  })
  return { userId: target._id, roles: await roleViews(ctx.db, { roles: rolesHere(after, communityId) }) }
}

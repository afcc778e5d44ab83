/**
 * Changing a person's roles in one community (org.assignRole, org.revokeRole): the rule-checked part of both;
 * and the one way another area changes someone's roles (grantInTx, revokeInTx: party's 双报到).
 */
import type { User } from '../../../../../types/org'
import { recordIn } from '../../platform/audit'
import type { Ctx, UserCtx } from '../../platform/context'
import { runTx, txGet, type Tx } from '../../platform/db'
import { notFound } from '../../platform/errors'
import { C, getCommunity, getUser } from './repo'
import { listName, sameGrant } from './rules'
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
    await tx
      .collection(C.users)
      .doc(target._id)
      .update({ data: { roles: _.set(next), updatedAt: ctx.now() } })
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

/** A grant another area hands out: unit_staff names its unit (and, for a street department, the street's id as communityId). */
type Grant = { communityId: string; role: User['roles'][number]['role']; unitId?: string }

/**
 * Another area's part in a person's roles, inside that area's transaction (which must not have read this
 * person's document for anything else): add one grant (`grantInTx`) or take it back (`revokeInTx`) and record
 * the change in the audit log, in the same transaction as the caller's own change. party.review grants
 * party_member when it verifies a 双报到 registration; party.register takes it back in the community a member
 * moves away from; org.setGrid appoints a grid's worker (grid_worker) and unit.setStaff a unit's staff
 * (unit_staff with the unit's id). Idempotent: a grant already held (or already gone) changes nothing and
 * records nothing. Answers whether the roles changed. NOT_FOUND for an unknown person.
 */
export async function grantInTx(tx: Tx, ctx: Ctx, userId: string, grant: Grant): Promise<boolean> {
  const added = { communityId: grant.communityId, role: grant.role, ...(grant.unitId ? { unitId: grant.unitId } : {}) }
  return changeInTx(tx, ctx, userId, grant.communityId, (roles) => (roles.some((g) => sameGrant(g, added)) ? roles : [...roles, added]))
}

export async function revokeInTx(tx: Tx, ctx: Ctx, userId: string, grant: Grant): Promise<boolean> {
  return changeInTx(tx, ctx, userId, grant.communityId, (roles) => roles.filter((g) => !sameGrant(g, grant)))
}

async function changeInTx(tx: Tx, ctx: Ctx, userId: string, communityId: string, change: (roles: User['roles']) => User['roles']): Promise<boolean> {
  const current = await txGet<User>(tx, C.users, userId)
  if (!current) throw notFound('这位居民')
  const next = change(current.roles)
  if (next.length === current.roles.length) return false
  await tx
    .collection(C.users)
    .doc(userId)
    .update({ data: { roles: ctx.db.command.set(next), updatedAt: ctx.now() } })
  await recordIn(tx, ctx, {
    communityId,
    resource: { type: 'user', id: userId, label: listName(current) },
    before: { roles: rolesHere(current.roles, communityId) },
    after: { roles: rolesHere(next, communityId) },
  })
  return true
}

/**
 * org.assignRole / org.revokeRole — a secretary (or street admin) grants or takes back a role in their
 * community. Audited with the person's roles before and after.
 * Outcomes: the person's roles; NOT_FOUND for an unknown person or community; FORBIDDEN for a role the
 * caller may not grant (a secretary cannot appoint secretaries) or for revoking one's own secretary role;
 * CONFLICT when the person already holds (or does not hold) the role. Nothing changes on failure.
 */
import type { z } from 'zod'
import type { AssignRoleInput, User } from '../../../../../types/org'
import type { UserCtx } from '../../platform/context'
import { trace } from '../../platform/audit'
import { conflict, forbidden, notFound } from '../../platform/errors'
import { C, getCommunity, getUser } from './repo'
import { canGrant, canRevoke, sameGrant } from './rules'
import { roleViews } from './views'

type Input = z.output<typeof AssignRoleInput>

async function load(ctx: UserCtx, input: Input) {
  const [community, target] = await Promise.all([getCommunity(ctx.db, input.communityId), getUser(ctx.db, input.userId)])
  if (!community) throw notFound('社区')
  if (!target) throw notFound('这位居民')
  return { community, target }
}

export async function assignRole(ctx: UserCtx, input: Input) {
  const { community, target } = await load(ctx, input)
  if (!canGrant(ctx.user, community, input.role)) throw forbidden('您不能授予这个角色')
  const grant = { communityId: community._id, role: input.role }
  if (target.roles.some((g) => sameGrant(g, grant))) throw conflict('这位居民已经有这个角色了')
  const _ = ctx.db.command
  // Conditional on the grant still being absent, so two secretaries clicking at once add it once.
  const res = (await ctx.db
    .collection(C.users)
    .where({ _id: target._id, roles: _.not(_.elemMatch(grant)) })
    .update({ data: { roles: _.push(grant), updatedAt: ctx.now() } })) as { stats: { updated: number } }
  if (res.stats.updated !== 1) throw conflict('这位居民已经有这个角色了')
  return finish(ctx, community._id, target, [...target.roles, grant])
}

export async function revokeRole(ctx: UserCtx, input: Input) {
  const { community, target } = await load(ctx, input)
  if (!canRevoke(ctx.user, target, community, input.role)) throw forbidden('您不能撤销这个角色')
  const grant = { communityId: community._id, role: input.role }
  if (!target.roles.some((g) => sameGrant(g, grant))) throw conflict('这位居民没有这个角色')
  const _ = ctx.db.command
  const res = (await ctx.db
    .collection(C.users)
    .where({ _id: target._id, roles: _.elemMatch(grant) })
    .update({ data: { roles: _.pull(grant), updatedAt: ctx.now() } })) as { stats: { updated: number } }
  if (res.stats.updated !== 1) throw conflict('这位居民没有这个角色')
  return finish(ctx, community._id, target, target.roles.filter((g) => !sameGrant(g, grant)))
}

async function finish(ctx: UserCtx, communityId: string, target: User, after: User['roles']) {
  await trace(ctx, {
    communityId,
    resource: { type: 'user', id: target._id },
    before: { roles: target.roles },
    after: { roles: after },
  })
  return { userId: target._id, roles: await roleViews(ctx.db, { roles: after }) }
}

/**
 * org.assignRole / org.revokeRole — a secretary (or street admin) grants or takes back a role in their
 * community. Audited with the person's roles before and after.
 * Outcomes: the person's roles; NOT_FOUND for an unknown person or community; FORBIDDEN for a role the
 * caller may not grant (a secretary cannot appoint secretaries) or for revoking one's own secretary role;
 * CONFLICT when the person already holds (or does not hold) the role. Nothing changes on failure.
 */
import type { z } from 'zod'
import type { AssignRoleInput, RevokeRoleInput, User } from '../../../../../types/org'
import type { UserCtx } from '../../platform/context'
import { trace } from '../../platform/audit'
import { conflict, forbidden, invalid, notFound } from '../../platform/errors'
import type { Building } from '../../../../../types/org'
import { belongsTo } from './belongs'
import { C, getCommunity, getMany, getUser } from './repo'
import { canGrant, canRevoke, holdsRole, sameGrant } from './rules'
import { roleViews } from './views'

type Input = z.output<typeof AssignRoleInput>

async function load(ctx: UserCtx, input: { communityId: string; userId: string }) {
  const [community, target] = await Promise.all([getCommunity(ctx.db, input.communityId), getUser(ctx.db, input.userId)])
  if (!community) throw notFound('社区')
  if (!target) throw notFound('这位居民')
  return { community, target }
}

export async function assignRole(ctx: UserCtx, input: Input) {
  const { community, target } = await load(ctx, input)
  if (!canGrant(ctx.user, community, input.role)) throw forbidden('您不能授予这个角色')
  // Roles go only to people who live here (verified household) or registered here (双报到): otherwise a
  // secretary could give a role to anyone and then read them in full. A secretary is staff appointed by
  // the street, so the street admin may appoint anyone with a profile to that one role.
  const staffAppointment = input.role === 'secretary' && holdsRole(ctx.user, community, ['street_admin'])
  if (!staffAppointment && !(await belongsTo(ctx.db, target, community._id))) throw notFound('这位居民')
  const _ = ctx.db.command
  if (input.role === 'building_head') return setBuildingScope(ctx, community._id, target, input.buildingIds ?? [])
  const grant = { communityId: community._id, role: input.role }
  if (target.roles.some((g) => sameGrant(g, grant))) throw conflict('这位居民已经有这个角色了')
  // Conditional on the grant still being absent, so two secretaries clicking at once add it once.
  const res = (await ctx.db
    .collection(C.users)
    .where({ _id: target._id, roles: _.not(_.elemMatch(grant)) })
    .update({ data: { roles: _.push(grant), updatedAt: ctx.now() } })) as { stats: { updated: number } }
  if (res.stats.updated !== 1) throw conflict('这位居民已经有这个角色了')
  return finish(ctx, community._id, target, [...target.roles, grant])
}

/**
 * Appoint a building head to buildings of this community, or change the buildings of one already
 * appointed. Conditional on the roles read, so a concurrent change answers CONFLICT instead of being lost.
 */
async function setBuildingScope(ctx: UserCtx, communityId: string, target: User, buildingIds: string[]) {
  const ids = [...new Set(buildingIds)]
  const found = await getMany<Building>(ctx.db, C.buildings, ids)
  if (ids.some((id) => found.get(id)?.communityId !== communityId)) throw invalid('请选择本社区的楼栋')
  const grant = { communityId, role: 'building_head' as const, buildingIds: ids }
  const current = target.roles.find((g) => g.role === 'building_head' && g.communityId === communityId)
  if (current && sameScope(current.buildingIds ?? [], ids)) throw conflict('这位居民已经是这些楼栋的楼栋长了')
  const after = [...target.roles.filter((g) => !(g.role === 'building_head' && g.communityId === communityId)), grant]
  const _ = ctx.db.command
  const res = (await ctx.db
    .collection(C.users)
    .where({ _id: target._id, roles: _.eq(target.roles) })
    .update({ data: { roles: _.set(after), updatedAt: ctx.now() } })) as { stats: { updated: number } }
  if (res.stats.updated !== 1) throw conflict('这位居民的角色刚刚有变动，请刷新后再试')
  return finish(ctx, communityId, target, after)
}

const sameScope = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x))

export async function revokeRole(ctx: UserCtx, input: z.output<typeof RevokeRoleInput>) {
  const { community, target } = await load(ctx, input)
  if (!canRevoke(ctx.user, target, community, input.role)) throw forbidden('您不能撤销这个角色')
  const grant = { communityId: community._id, role: input.role }
  if (!target.roles.some((g) => sameGrant(g, grant))) throw conflict('这位居民没有这个角色')
  const _ = ctx.db.command
  // The whole array, guarded by the roles read: a building head's grant carries its buildings, so no
  // element-wise pull by {communityId, role} is relied on.
  const after = target.roles.filter((g) => !sameGrant(g, grant))
  const res = (await ctx.db
    .collection(C.users)
    .where({ _id: target._id, roles: _.eq(target.roles) })
    .update({ data: { roles: _.set(after), updatedAt: ctx.now() } })) as { stats: { updated: number } }
  if (res.stats.updated !== 1) throw conflict('这位居民的角色刚刚有变动，请刷新后再试')
  return finish(ctx, community._id, target, after)
}

/** Audit and answer with this community's roles only: roles held elsewhere are none of its business. */
async function finish(ctx: UserCtx, communityId: string, target: User, after: User['roles']) {
  const here = (roles: User['roles']) => roles.filter((g) => g.communityId === communityId)
  await trace(ctx, {
    communityId,
    resource: { type: 'user', id: target._id },
    before: { roles: here(target.roles) },
    after: { roles: here(after) },
  })
  return { userId: target._id, roles: await roleViews(ctx.db, { roles: here(after) }) }
}

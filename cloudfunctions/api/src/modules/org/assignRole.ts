/**
 * org.assignRole — a secretary (or street admin) grants a role in their community, or sets the buildings of
 * a building head. Audited (in the same transaction) with the person's roles here before and after.
 * Outcomes: the person's roles; NOT_FOUND for an unknown person or community, or someone who neither lives
 * nor registered here; FORBIDDEN for a role the caller may not grant (a secretary cannot appoint
 * secretaries); INVALID_INPUT for buildings of another community; CONFLICT when the person already holds the
 * role (or those buildings). Nothing changes on failure.
 */
import { AssignRoleInput, type Building, type User } from '../../../../../types/org'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { conflict, forbidden, invalid, notFound } from '../../platform/errors'
import { belongsTo } from './belongs'
import { changeRoles, loadGrantParties } from './grants'
import { C, getMany } from './repo'
import { canGrant, holdsRole, sameGrant } from './rules'

async function assignRole(ctx: UserCtx, input: ActionInput<'org.assignRole'>) {
  const { community, target } = await loadGrantParties(ctx, input)
  if (!canGrant(ctx.user, community, input.role)) throw forbidden('您不能授予这个角色')
  // Roles go only to people who live here (verified household) or registered here (双报到): otherwise a
  // secretary could give a role to anyone and then read them in full. A secretary is staff appointed by
  // the street, so the street admin may appoint anyone with a profile to that one role.
  const staffAppointment = input.role === 'secretary' && holdsRole(ctx.user, community, ['street_admin'])
  if (!staffAppointment && !(await belongsTo(ctx.db, target, community._id))) throw notFound('这位居民')
  if (input.role === 'building_head') return setBuildingScope(ctx, community._id, target, input.buildingIds ?? [])
  const grant = { communityId: community._id, role: input.role }
  return changeRoles(ctx, community._id, target, (roles) => {
    if (roles.some((g) => sameGrant(g, grant))) throw conflict('这位居民已经有这个角色了')
    return [...roles, grant]
  })
}

const sameScope = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x))

/** Appoint a building head to buildings of this community, or change the buildings of one already appointed. */
async function setBuildingScope(ctx: UserCtx, communityId: string, target: User, buildingIds: string[]) {
  const ids = [...new Set(buildingIds)]
  const found = await getMany<Building>(ctx.db, C.buildings, ids)
  if (ids.some((id) => found.get(id)?.communityId !== communityId)) throw invalid('请选择本社区的楼栋')
  const grant = { communityId, role: 'building_head' as const, buildingIds: ids }
  const isHeadHere = (g: User['roles'][number]) => g.role === 'building_head' && g.communityId === communityId
  return changeRoles(ctx, communityId, target, (roles) => {
    const current = roles.find(isHeadHere)
    if (current && sameScope(current.buildingIds ?? [], ids)) throw conflict('这位居民已经是这些楼栋的楼栋长了')
    return [...roles.filter((g) => !isHeadHere(g)), grant]
  })
}

export default defineAction({ name: 'org.assignRole', input: AssignRoleInput, access: SECRETARY, writes: true, handler: assignRole })

/**
 * org.revokeRole — a secretary (or street admin) takes back a role in their community. Audited (in the same
 * transaction) with the person's roles here before and after.
 * Outcomes: the person's roles; NOT_FOUND for an unknown person or community; FORBIDDEN for a role the
 * caller may not take back (one's own secretary role); CONFLICT when the person does not hold the role.
 * Nothing changes on failure.
 */
import { RevokeRoleInput } from '../../../../../types/org'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { conflict, forbidden } from '../../platform/errors'
import { changeRoles, loadGrantParties } from './grants'
import { canRevoke, sameGrant } from './rules'

async function revokeRole(ctx: UserCtx, input: ActionInput<'org.revokeRole'>) {
  const { community, target } = await loadGrantParties(ctx, input)
  if (!canRevoke(ctx.user, target, community, input.role)) throw forbidden('您不能撤销这个角色')
  const grant = { communityId: community._id, role: input.role }
  // A building head's grant carries its buildings: sameGrant matches by community and role alone.
  return changeRoles(ctx, community._id, target, (roles) => {
    if (!roles.some((g) => sameGrant(g, grant))) throw conflict('这位居民没有这个角色')
    return roles.filter((g) => !sameGrant(g, grant))
  })
}

export default defineAction({ name: 'org.revokeRole', input: RevokeRoleInput, access: SECRETARY, writes: true, handler: revokeRole })

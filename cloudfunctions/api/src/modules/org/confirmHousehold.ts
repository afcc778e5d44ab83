/**
 * org.confirmHousehold — a building head (within their buildings) or the secretary approves a declared
 * household (the person becomes a resident 居民 of the community) or refuses it with a reason the person sees
 * (the declaration is cleared; they may declare again). The decision and its audit entry are one transaction.
 * Outcomes: { userId, householdStatus }; NOT_FOUND when nothing of that person is pending in this community;
 * FORBIDDEN outside the caller's buildings, or for one's own household; CONFLICT (STATE_CHANGED) when someone
 * else decided first or the person changed their declaration meanwhile. Nothing changes on failure.
 */
import { ConfirmHouseholdInput, type User } from '../../../../../types/org'
import { defineAction, roles, type ActionInput } from '../../platform/action'
import { recordIn } from '../../platform/audit'
import type { UserCtx } from '../../platform/context'
import { runTx, txGet } from '../../platform/db'
import { conflict, forbidden, notFound } from '../../platform/errors'
import { C, getCommunity, getHousehold, getUser, householdLabel } from './repo'
import { canConfirmHousehold, listName } from './rules'

async function confirmHousehold(ctx: UserCtx, input: ActionInput<'org.confirmHousehold'>) {
  const { db, user } = ctx
  const [community, target] = await Promise.all([getCommunity(db, input.communityId), getUser(db, input.userId)])
  if (!community) throw notFound('社区')
  if (!target || target.communityId !== community._id || target.householdStatus !== 'pending' || !target.householdId) throw notFound('待确认的住址')
  const household = await getHousehold(db, target.householdId)
  if (!household) throw notFound('待确认的住址')
  if (!canConfirmHousehold(user, community, household.buildingId)) throw forbidden('只能确认您负责的楼栋的住址')
  if (target._id === user._id) throw forbidden('不能确认自己的住址，请由社区或其他楼栋长确认')

  const now = ctx.now()
  const _ = db.command
  const label = await householdLabel(db, household)
  const decision = {
    outcome: input.approve ? 'verified' : 'rejected',
    householdId: household._id,
    label,
    reason: input.approve ? null : (input.reason ?? null),
    at: now,
  }
  const resident = { communityId: community._id, role: 'resident' as const }
  // In one transaction with its audit entry, and only if the same declaration is still pending: a second
  // confirmer, or a person who changed their mind meanwhile, changes nothing.
  await runTx(db, async (tx) => {
    const current = await txGet<User>(tx, C.users, target._id)
    if (!current || current.householdId !== household._id || current.householdStatus !== 'pending')
      throw conflict('这条住址已经处理过了，请刷新', 'STATE_CHANGED')
    const isResident = current.roles.some((g) => g.role === 'resident' && g.communityId === community._id)
    const data: Record<string, unknown> = input.approve
      ? {
          householdStatus: 'verified',
          householdDecision: _.set(decision),
          roles: _.set(isResident ? current.roles : [...current.roles, resident]),
          updatedAt: now,
        }
      : { householdId: null, communityId: null, buildingId: null, householdStatus: null, householdDecision: _.set(decision), updatedAt: now }
    await tx.collection(C.users).doc(target._id).update({ data })
    await recordIn(tx, ctx, {
      communityId: community._id,
      resource: { type: 'user', id: target._id, label: listName(target) },
      before: { householdId: household._id, householdStatus: 'pending' },
      after: input.approve ? { householdId: household._id, householdStatus: 'verified' } : { householdId: null, reason: input.reason ?? null },
    })
  })
  return { userId: target._id, householdStatus: input.approve ? ('verified' as const) : null }
}

export default defineAction({
  name: 'org.confirmHousehold',
  input: ConfirmHouseholdInput,
  access: roles('building_head', 'secretary', 'street_admin'),
  writes: true,
  handler: confirmHousehold,
})

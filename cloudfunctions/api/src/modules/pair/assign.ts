/**
 * pair.assign (secretary) — pair (or unpair) a verified party member with a household (1+N 结对), with the
 * household's needs (sensitive: seen only by the secretary and the paired member). At most the community's
 * maximum per member. The pair and its audit entry are one transaction.
 * Outcomes: { pairId, active }; NOT_FOUND for another community's household; INVALID_INPUT for someone not
 * a verified member here; CONFLICT (QUOTA_REACHED) when the member already has the most households allowed.
 */
import { PairAssignInput, type Pair } from '../../../../../types/party'
import type { Household, User } from '../../../../../types/org'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import { recordIn } from '../../platform/audit'
import type { UserCtx } from '../../platform/context'
import { getById, readAll, runTx, txGet } from '../../platform/db'
import { conflict, invalid, notFound } from '../../platform/errors'
import { C } from '../org/repo'
import { listName } from '../org/rules'
import { pairSettingsOf } from '../party/pairing'
import { PT } from '../party/repo'
import { verifiedRegistration } from '../party/verified'

async function assign(ctx: UserCtx, input: ActionInput<'pair.assign'>) {
  const { db } = ctx
  const [household, member] = await Promise.all([getById<Household>(db, C.households, input.householdId), getById<User>(db, C.users, input.memberId)])
  if (!household || household.communityId !== input.communityId) throw notFound('这户居民')
  if (!member || !(await verifiedRegistration(db, member._id, input.communityId))) throw invalid('只能与本社区已报到的党员结对')
  const id = `${member._id}_${household._id}`
  const before = await getById<Pair>(db, PT.pairs, id)
  if (input.active && !before?.active) {
    const { maxPerMember } = await pairSettingsOf(db, input.communityId)
    const count = (await readAll<Pair>(db, PT.pairs, { memberId: member._id, communityId: input.communityId, active: true }, 1000)).length
    if (count >= maxPerMember) throw conflict(`每位党员最多结对 ${maxPerMember} 户（可在结对设置里调整）`, 'QUOTA_REACHED')
  }
  const doc: Omit<Pair, '_id'> = {
    communityId: input.communityId,
    memberId: member._id,
    householdId: household._id,
    needs: input.needs,
    active: input.active,
    since: before?.since ?? ctx.now(),
    visits: before?.visits ?? 0,
    lastVisitAt: before?.lastVisitAt ?? null,
  }
  await runTx(db, async (tx) => {
    const current = await txGet<Pair>(tx, PT.pairs, id)
    await tx
      .collection(PT.pairs)
      .doc(id)
      .set({ data: { ...doc, visits: current?.visits ?? doc.visits, lastVisitAt: current?.lastVisitAt ?? doc.lastVisitAt } })
    await recordIn(tx, ctx, { communityId: input.communityId, resource: { type: 'pair', id, label: listName(member) }, before: current, after: doc })
  })
  return { pairId: id, active: input.active }
}

export default defineAction({ name: 'pair.assign', input: PairAssignInput, access: SECRETARY, writes: true, handler: assign })

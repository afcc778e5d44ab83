/**
 * pair.logVisit — the paired member records a visit to the household.
 * Outcomes: { visits, lastVisitAt }; FORBIDDEN for someone not paired with it; INVALID_INPUT for unsuitable text.
 */
import { PairLogVisitInput, type Pair, type Visit } from '../../../../../types/party'
import { defineAction, member, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { getById, newId } from '../../platform/db'
import { forbidden, invalid } from '../../platform/errors'
import { PT } from '../party/repo'

async function logVisit(ctx: UserCtx, input: ActionInput<'pair.logVisit'>) {
  const { db, user } = ctx
  const id = `${user._id}_${input.householdId}`
  const pair = await getById<Pair>(db, PT.pairs, id)
  if (!pair || !pair.active || pair.communityId !== input.communityId) throw forbidden('您没有和这户结对')
  if ((await ctx.openapi.checkText(ctx.openid, input.note, 2)) === 'risky') throw invalid('记录含有不适宜的内容，请修改')
  const now = ctx.now()
  const visit: Visit = {
    _id: newId('v'),
    pairId: id,
    communityId: input.communityId,
    memberId: user._id,
    householdId: input.householdId,
    note: input.note,
    at: now,
  }
  await db.collection(PT.visits).add({ data: visit })
  await db
    .collection(PT.pairs)
    .doc(id)
    .update({ data: { visits: db.command.inc(1), lastVisitAt: now } })
  return { visits: pair.visits + 1, lastVisitAt: now.toISOString() }
}

export default defineAction({ name: 'pair.logVisit', input: PairLogVisitInput, access: member, writes: true, handler: logVisit })

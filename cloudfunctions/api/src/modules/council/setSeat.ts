/**
 * council.setSeat — the secretary appoints a person to a seat of a council (party branch, owners' committee,
 * resident representative, observer), changes their seat, or (seat null) takes them off. Seats are not roles:
 * they live on the council (at most 100) and count only there (review / discuss moves, representatives'
 * votes). Only someone who belongs to the community (org/belongs.ts: a verified household here or an
 * approved 双报到 registration) can be appointed; anyone can be taken off. The change and its audit entry
 * (resource council; the person's masked name and seat before and after) are one transaction.
 * Outcomes: CouncilView; NOT_FOUND for another community's council or someone who does not belong here;
 * CONFLICT when taking off someone without a seat, or past 100 seats.
 */
import { CouncilSetSeatInput, type Council, type CouncilView, type Seat } from '../../../../../types/council'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import { recordIn } from '../../platform/audit'
import type { UserCtx } from '../../platform/context'
import { runTx, txGet } from '../../platform/db'
import { conflict, notFound } from '../../platform/errors'
import { belongsTo } from '../org/belongs'
import { getCommunity, getUser } from '../org/repo'
import { listName } from '../org/rules'
import { councilView, loadCouncil, MAX_SEATS } from './councils'
import { K } from './repo'
import { seatOf } from './standing'

async function setSeat(ctx: UserCtx, input: ActionInput<'council.setSeat'>): Promise<CouncilView> {
  const { db } = ctx
  const now = ctx.now()
  const community = await getCommunity(db, input.communityId)
  if (!community) throw notFound('社区')
  const council = await loadCouncil(db, community._id, input.councilId)
  const person = await getUser(db, input.userId)
  if (input.seat !== null && (!person || !(await belongsTo(db, person, community._id)))) throw notFound('这位居民')
  const seatHolder = person ? listName(person) : '**'

  let after: Council = council
  await runTx(db, async (tx) => {
    const current = await txGet<Council>(tx, K.councils, council._id)
    if (!current) throw notFound('这个议事会')
    const was = seatOf(current, input.userId)
    if (was === input.seat) {
      if (was === null) throw conflict('这位居民不是本议事会的成员')
      after = current
      return
    }
    const others = current.seats.filter((s) => s.userId !== input.userId)
    if (input.seat !== null && was === null && others.length >= MAX_SEATS) throw conflict(`一个议事会最多 ${MAX_SEATS} 名成员`)
    const seats: Seat[] = input.seat === null ? others : [...others, { userId: input.userId, seat: input.seat, since: now, byId: ctx.user._id }]
    await tx
      .collection(K.councils)
      .doc(council._id)
      .update({ data: { seats: db.command.set(seats), updatedAt: now } })
    await recordIn(tx, ctx, {
      communityId: community._id,
      resource: { type: 'council', id: council._id, label: current.name },
      before: { seatHolder, seat: was },
      after: { seatHolder, seat: input.seat },
    })
    after = { ...current, seats, updatedAt: now }
  })
  return councilView(ctx, community, after)
}

export default defineAction({ name: 'council.setSeat', input: CouncilSetSeatInput, access: SECRETARY, writes: true, handler: setSeat })

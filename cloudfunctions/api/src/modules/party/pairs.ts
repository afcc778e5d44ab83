/**
 * 爱心服务卡 / 1+N 结对 — members paired with households that need help.
 * pair.assign (secretary) — pair (or unpair) a verified member with a household, with its needs (sensitive:
 *   seen only by the secretary and the paired member). At most the community's maximum per member. Audited.
 * pair.mine — the caller's households with their needs and visits.
 * pair.logVisit — the paired member records a visit.
 * pair.settings / pair.setSettings (secretary) — how many households each member pairs with (default 5–15).
 */
import type { z } from 'zod'
import type { Household, User } from '../../../../../types/org'
import type { Pair, PairAssignInput, PairListInput, PairLogVisitInput, PairMineInput, PairSetSettingsInput, PairSettings, PairSettingsInput, PairView, Visit } from '../../../../../types/party'
import type { Db } from '../../platform/db'
import type { UserCtx } from '../../platform/context'
import { trace } from '../../platform/audit'
import { findMany, getById, newId } from '../../platform/db'
import { conflict, forbidden, invalid, notFound } from '../../platform/errors'
import { C, findAll, getMany, householdLabel } from '../org/repo'
import { listName } from '../org/rules'
import { PT } from './repo'
import { DEFAULT_PAIRS } from './rules'
import { verifiedRegistration } from './verified'

export async function assign(ctx: UserCtx, input: z.output<typeof PairAssignInput>) {
  const { db } = ctx
  const [household, member] = await Promise.all([getById<Household>(db, C.households, input.householdId), getById<User>(db, C.users, input.memberId)])
  if (!household || household.communityId !== input.communityId) throw notFound('这户居民')
  if (!member || !(await verifiedRegistration(db, member._id, input.communityId))) throw invalid('只能与本社区已报到的党员结对')
  const id = `${member._id}_${household._id}`
  const before = await getById<Pair>(db, PT.pairs, id)
  if (input.active && !before?.active) {
    const { maxPerMember } = await pairSettingsOf(db, input.communityId)
    const count = (await findMany<Pair>(db, PT.pairs, { memberId: member._id, communityId: input.communityId, active: true }, { limit: 100 })).length
    if (count >= maxPerMember) throw conflict(`每位党员最多结对 ${maxPerMember} 户（可在结对设置里调整）`)
  }
  const doc: Omit<Pair, '_id'> = {
    communityId: input.communityId, memberId: member._id, householdId: household._id, needs: input.needs, active: input.active,
    since: before?.since ?? ctx.now(), visits: before?.visits ?? 0, lastVisitAt: before?.lastVisitAt ?? null,
  }
  await db.collection(PT.pairs).doc(id).set({ data: doc })
  await trace(ctx, { communityId: input.communityId, resource: { type: 'pair', id }, before, after: doc })
  return { pairId: id, active: input.active }
}

async function pairViews(ctx: UserCtx, pairs: Pair[]): Promise<PairView[]> {
  const members = await getMany<User>(ctx.db, C.users, pairs.map((p) => p.memberId))
  return Promise.all(
    pairs.map(async (p) => {
      const h = (await getById<Household>(ctx.db, C.households, p.householdId))!
      const residents = (await findAll<User>(ctx.db, C.users, { householdId: p.householdId }, 20)).filter((r) => r.householdStatus === 'verified')
      return {
        householdId: p.householdId, household: await householdLabel(ctx.db, h), residents: residents.map((r) => r.realName || r.nickname),
        needs: p.needs, since: new Date(p.since).toISOString(), visits: p.visits, lastVisitAt: p.lastVisitAt ? new Date(p.lastVisitAt).toISOString() : null,
        memberId: p.memberId,
        memberName: listName(members.get(p.memberId) ?? { realName: null, nickname: '' }),
      }
    }),
  )
}

export async function mine(ctx: UserCtx, input: z.output<typeof PairMineInput>): Promise<PairView[]> {
  return pairViews(ctx, await findMany<Pair>(ctx.db, PT.pairs, { memberId: ctx.user._id, communityId: input.communityId, active: true }, { limit: 100 }))
}

/** pair.list (secretary) — the community's active pairs (optionally one member's), with needs. */
export async function list(ctx: UserCtx, input: z.output<typeof PairListInput>): Promise<PairView[]> {
  const filter: Record<string, unknown> = { communityId: input.communityId, active: true }
  if (input.memberId) filter.memberId = input.memberId
  return pairViews(ctx, await findAll<Pair>(ctx.db, PT.pairs, filter, 2000))
}

export async function logVisit(ctx: UserCtx, input: z.output<typeof PairLogVisitInput>) {
  const { db, user } = ctx
  const id = `${user._id}_${input.householdId}`
  const pair = await getById<Pair>(db, PT.pairs, id)
  if (!pair || !pair.active || pair.communityId !== input.communityId) throw forbidden('您没有和这户结对')
  if ((await ctx.openapi.checkText(ctx.openid, input.note, 2)) === 'risky') throw invalid('记录含有不适宜的内容，请修改')
  const now = ctx.now()
  const visit: Visit = { _id: newId('v'), pairId: id, communityId: input.communityId, memberId: user._id, householdId: input.householdId, note: input.note, at: now }
  await db.collection(PT.visits).add({ data: visit })
  await db.collection(PT.pairs).doc(id).update({ data: { visits: db.command.inc(1), lastVisitAt: now } })
  return { visits: pair.visits + 1, lastVisitAt: now.toISOString() }
}


export async function pairSettingsOf(db: Db, communityId: string): Promise<PairSettings> {
  return (await getById<PairSettings>(db, PT.pairSettings, communityId)) ?? { _id: communityId, ...DEFAULT_PAIRS }
}

export const settings = (ctx: UserCtx, input: z.output<typeof PairSettingsInput>) => pairSettingsOf(ctx.db, input.communityId)

export async function setSettings(ctx: UserCtx, input: z.output<typeof PairSetSettingsInput>): Promise<PairSettings> {
  const before = await pairSettingsOf(ctx.db, input.communityId)
  const doc = { minPerMember: input.minPerMember, maxPerMember: input.maxPerMember }
  await ctx.db.collection(PT.pairSettings).doc(input.communityId).set({ data: doc })
  await trace(ctx, { communityId: input.communityId, resource: { type: 'pair_settings', id: input.communityId }, before, after: doc })
  return { _id: input.communityId, ...doc }
}

/**
 * 双报到: an in-service party member registers at the community where they live.
 * party.registerCode (secretary) — the community's (or a compound's) mini-program code; its scene is a
 *   short random token resolved on the server, never a raw id.
 * party.resolveScene — what a scanned scene means (community, compound, partner units). NOT_FOUND if forged.
 * party.register — name, employer unit, branch, member type, home compound and building, skills, one
 *   pledge. One active registration per member (unique index on activeKey): registering in another
 *   community moves them (the old one is closed, history kept); a second one here is a CONFLICT.
 * party.myRegistration — the caller's current registration and history.
 * party.review (secretary) — verify (grants the party-member role here) or reject with a reason. Audited.
 * party.members (secretary) — registrations of the community, names masked.
 * party.pledge / party.pledgeDone — change the pledge; mark it kept with a note.
 */
import type { z } from 'zod'
import type { Page } from '../../../../../types/common'
import type { Building, Community, Compound, PartnerUnit } from '../../../../../types/org'
import {
  REG_STATUS_LABELS, type MyRegistrationInput, type PartyMembersInput, type PartyReviewInput, type PledgeDoneInput, type PledgeInput,
  type RegisterCodeInput, type RegisterInput, type Registration, type RegistrationView, type ResolveSceneInput, type SceneToken, type SceneView,
} from '../../../../../types/party'
import type { UserCtx } from '../../platform/context'
import { trace } from '../../platform/audit'
import { findMany, getById, isDuplicateKey, newId, type Db } from '../../platform/db'
import { conflict, invalid, notFound } from '../../platform/errors'
import { C, findAll, getCommunity } from '../org/repo'
import { maskName } from '../org/rules'
import { PT } from './repo'
import { newSceneToken, SCENE_RE } from './rules'

export const REGISTER_PAGE = 'packages/party/pages/register/index'

export async function registrationView(db: Db, r: Registration, masked = false): Promise<RegistrationView> {
  const [community, compound, building] = await Promise.all([
    getCommunity(db, r.communityId),
    getById<Compound>(db, C.compounds, r.homeCompoundId),
    getById<Building>(db, C.buildings, r.homeBuildingId),
  ])
  return {
    id: r._id, userId: r.userId, communityId: r.communityId, communityName: community?.name ?? '', name: masked ? maskName(r.name) : r.name,
    employerName: r.employerName, branch: r.branch, memberType: r.memberType,
    home: `${compound?.name ?? ''} ${building?.name ?? ''}`.trim(), skills: r.skills,
    pledge: { text: r.pledge.text, done: r.pledge.done, doneAt: r.pledge.doneAt ? new Date(r.pledge.doneAt).toISOString() : null, doneNote: r.pledge.doneNote },
    status: r.status, statusLabel: REG_STATUS_LABELS[r.status], rejectReason: r.rejectReason, createdAt: new Date(r.createdAt).toISOString(),
  }
}

export async function registerCode(ctx: UserCtx, input: z.output<typeof RegisterCodeInput>) {
  const { db } = ctx
  if (input.compoundId) {
    const cp = await getById<Compound>(db, C.compounds, input.compoundId)
    if (!cp || cp.communityId !== input.communityId) throw notFound('小区')
  }
  const kind = input.compoundId ? 'compound' : 'community'
  let [scene] = await findMany<SceneToken>(db, PT.scenes, { communityId: input.communityId, compoundId: input.compoundId ?? null, kind }, { limit: 1 })
  if (!scene) {
    scene = { _id: newSceneToken(), kind, communityId: input.communityId, compoundId: input.compoundId ?? null, createdAt: ctx.now() }
    await db.collection(PT.scenes).add({ data: scene })
  }
  const png = await ctx.openapi.qrCode(scene._id, REGISTER_PAGE)
  return { scene: scene._id, page: REGISTER_PAGE, qr: `data:image/png;base64,${png.toString('base64')}` }
}

export async function sceneView(db: Db, token: string): Promise<SceneView> {
  const scene = SCENE_RE.test(token) ? await getById<SceneToken>(db, PT.scenes, token) : null
  if (!scene) throw notFound('这个二维码')
  const [community, compound, units] = await Promise.all([
    getById<Community>(db, C.communities, scene.communityId),
    scene.compoundId ? getById<Compound>(db, C.compounds, scene.compoundId) : null,
    findAll<PartnerUnit>(db, C.partnerUnits, { communityId: scene.communityId }),
  ])
  if (!community) throw notFound('这个二维码')
  return {
    communityId: community._id, communityName: community.name, compoundId: compound?._id ?? null, compoundName: compound?.name ?? null,
    partnerUnits: units.map((u) => ({ id: u._id, name: u.name })),
  }
}

export const resolveScene = (ctx: UserCtx, input: z.output<typeof ResolveSceneInput>) => sceneView(ctx.db, input.scene)

export async function register(ctx: UserCtx, input: z.output<typeof RegisterInput>) {
  const { db, user } = ctx
  const [community, building] = await Promise.all([getCommunity(db, input.communityId), getById<Building>(db, C.buildings, input.homeBuildingId)])
  if (!community) throw notFound('社区')
  if (!building || building.communityId !== community._id || building.compoundId !== input.homeCompoundId) throw invalid('请选择本社区的小区和楼栋')
  if (input.scene && (await sceneView(db, input.scene)).communityId !== community._id) throw invalid('二维码与社区不一致，请重新扫码')
  if (input.employerUnitId) {
    const unit = await getById<PartnerUnit>(db, C.partnerUnits, input.employerUnitId)
    if (!unit || unit.communityId !== community._id) throw invalid('请从列表中选择工作单位，或直接填写单位名称')
  }
  if ((await ctx.openapi.checkText(ctx.openid, `${input.pledge} ${input.skills.join(' ')}`, 1)) !== 'pass') throw invalid('承诺或特长含有不适宜的内容，请修改')
  const now = ctx.now()
  const reg: Registration = {
    _id: newId('r'), communityId: community._id, userId: user._id, activeKey: user._id, name: input.name,
    employerUnitId: input.employerUnitId, employerName: input.employerName, branch: input.branch, memberType: input.memberType,
    homeCompoundId: input.homeCompoundId, homeBuildingId: input.homeBuildingId, skills: [...new Set(input.skills)],
    pledge: { text: input.pledge, done: false, doneAt: null, doneNote: null }, status: 'pending', rejectReason: null,
    viaScene: input.scene ?? null, createdAt: now, reviewedAt: null, reviewedBy: null, closedAt: null,
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await db.collection(PT.registrations).add({ data: reg })
      return registrationView(db, reg)
    } catch (err) {
      if (!isDuplicateKey(err)) throw err
      const [active] = await findMany<Registration>(db, PT.registrations, { activeKey: user._id }, { limit: 1 })
      if (!active) continue
      if (active.communityId === community._id) throw conflict(active.status === 'pending' ? '您已提交报到，请等待社区审核' : '您已在本社区报到')
      // Moving: close the registration elsewhere (its history stays), then register here.
      const closed = (await db.collection(PT.registrations).where({ _id: active._id, activeKey: user._id }).update({ data: { status: 'closed', activeKey: `closed:${active._id}`, closedAt: now } })) as { stats: { updated: number } }
      if (closed.stats.updated === 1) await leaveCommunity(db, user._id, active.communityId, now)
    }
  }
  throw conflict('报到没有成功，请稍后再试')
}

/**
 * A member who moves away stops being the old community's party member: the role, the posts they held and
 * their pairs (with the households' sensitive needs) end with the registration. Their history stays.
 */
async function leaveCommunity(db: Db, userId: string, communityId: string, now: Date): Promise<void> {
  const _ = db.command
  await db.collection(C.users).where({ _id: userId }).update({ data: { roles: _.pull({ communityId, role: 'party_member' }), updatedAt: now } })
  await db.collection(PT.pairs).where({ memberId: userId, communityId, active: true }).update({ data: { active: false } })
  const held = await findMany<{ _id: string }>(db, PT.posts, { communityId, holders: userId }, { limit: 100 })
  for (const post of held) {
    await db.collection(PT.posts).where({ _id: post._id, holders: userId }).update({ data: { holders: _.pull(userId), holderCount: _.inc(-1) } })
  }
}

export async function myRegistration(ctx: UserCtx, _input: z.output<typeof MyRegistrationInput>) {
  const all = await findMany<Registration>(ctx.db, PT.registrations, { userId: ctx.user._id }, { orderBy: [['createdAt', 'desc']], limit: 50 })
  const active = all.find((r) => r.activeKey === ctx.user._id) ?? null
  return { current: active ? await registrationView(ctx.db, active) : null, history: await Promise.all(all.filter((r) => r !== active).map((r) => registrationView(ctx.db, r))) }
}

export async function review(ctx: UserCtx, input: z.output<typeof PartyReviewInput>) {
  const { db } = ctx
  const reg = await getById<Registration>(db, PT.registrations, input.registrationId)
  if (!reg || reg.communityId !== input.communityId) throw notFound('这份报到')
  if (!input.approve && !input.reason) throw invalid('请写明不通过的原因，党员会看到')
  const now = ctx.now()
  const res = (await db
    .collection(PT.registrations)
    .where({ _id: reg._id, status: 'pending' })
    .update({
      data: input.approve
        ? { status: 'verified', reviewedAt: now, reviewedBy: ctx.user._id }
        : { status: 'rejected', rejectReason: input.reason, activeKey: `closed:${reg._id}`, reviewedAt: now, reviewedBy: ctx.user._id },
    })) as { stats: { updated: number } }
  if (res.stats.updated !== 1) throw conflict('这份报到已经审核过了')
  if (input.approve) {
    const _ = db.command
    const grant = { communityId: reg.communityId, role: 'party_member' as const }
    await db.collection(C.users).where({ _id: reg.userId, roles: _.not(_.elemMatch(grant)) }).update({ data: { roles: _.push(grant), updatedAt: now } })
  }
  await trace(ctx, { communityId: reg.communityId, resource: { type: 'party_registration', id: reg._id }, before: { status: 'pending' }, after: { status: input.approve ? 'verified' : 'rejected', reason: input.reason ?? null } })
  const after = (await getById<Registration>(db, PT.registrations, reg._id))!
  return registrationView(db, after, true)
}

export async function members(ctx: UserCtx, input: z.output<typeof PartyMembersInput>): Promise<Page<RegistrationView>> {
  const _ = ctx.db.command
  const filter: Record<string, unknown> = { communityId: input.communityId }
  if (input.status) filter.status = input.status
  if (input.cursor) filter._id = _.gt(input.cursor)
  const limit = input.limit ?? 20
  const docs = await findMany<Registration>(ctx.db, PT.registrations, filter, { orderBy: [['_id', 'asc']], limit: limit + 1 })
  const page = docs.slice(0, limit)
  // Pending registrations show the full name: the secretary has to recognise who is asking to join.
  return { items: await Promise.all(page.map((r) => registrationView(ctx.db, r, r.status !== 'pending'))), nextCursor: docs.length > limit ? page[page.length - 1]._id : null }
}

async function myActive(ctx: UserCtx, communityId: string): Promise<Registration> {
  const [r] = await findMany<Registration>(ctx.db, PT.registrations, { activeKey: ctx.user._id, communityId }, { limit: 1 })
  if (!r) throw notFound('您在本社区的报到')
  return r
}

export async function pledge(ctx: UserCtx, input: z.output<typeof PledgeInput>) {
  const r = await myActive(ctx, input.communityId)
  if ((await ctx.openapi.checkText(ctx.openid, input.pledge, 1)) !== 'pass') throw invalid('承诺含有不适宜的内容，请修改')
  const p = { text: input.pledge, done: false, doneAt: null, doneNote: null }
  await ctx.db.collection(PT.registrations).doc(r._id).update({ data: { pledge: ctx.db.command.set(p) } })
  return registrationView(ctx.db, { ...r, pledge: p })
}

export async function pledgeDone(ctx: UserCtx, input: z.output<typeof PledgeDoneInput>) {
  const r = await myActive(ctx, input.communityId)
  if (r.status !== 'verified') throw conflict('报到审核通过后才能记录承诺兑现')
  const p = { ...r.pledge, done: true, doneAt: ctx.now(), doneNote: input.note }
  await ctx.db.collection(PT.registrations).doc(r._id).update({ data: { pledge: ctx.db.command.set(p) } })
  return registrationView(ctx.db, { ...r, pledge: p })
}


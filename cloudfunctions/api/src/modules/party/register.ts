/**
 * party.register — an in-service party member registers where they live (双报到): name, employer unit,
 * branch, member type, home compound and building, skills, one pledge. One active registration per member
 * (unique index on activeKey): registering in another community moves them (registrations.ts moveAway: the
 * old one closed, the role there taken back, history kept).
 * Outcomes: the registration (pending); NOT_FOUND for an unknown community or scene; INVALID_INPUT for a
 * building or employer unit not of this community, a scene of another community, or unsuitable text;
 * CONFLICT when already registered (or waiting) here.
 */
import { RegisterInput, type Registration } from '../../../../../types/party'
import type { Building, Compound, PartnerUnit } from '../../../../../types/org'
import { defineAction, user, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { findMany, getById, isDuplicateKey, newId, runTx } from '../../platform/db'
import { conflict, invalid, notFound } from '../../platform/errors'
import { C, getCommunity } from '../org/repo'
import { countRegistrationIn, registrationDelta } from './counters'
import { moveAway } from './registrations'
import { PT } from './repo'
import { sceneView } from './scenes'
import { registrationView } from './views'

async function register(ctx: UserCtx, input: ActionInput<'party.register'>) {
  const { db, user } = ctx
  const [community, building, compound] = await Promise.all([
    getCommunity(db, input.communityId),
    getById<Building>(db, C.buildings, input.homeBuildingId),
    getById<Compound>(db, C.compounds, input.homeCompoundId),
  ])
  if (!community) throw notFound('社区')
  if (!building || !compound || building.communityId !== community._id || building.compoundId !== input.homeCompoundId)
    throw invalid('请选择本社区的小区和楼栋')
  if (input.scene && (await sceneView(db, input.scene)).communityId !== community._id) throw invalid('二维码与社区不一致，请重新扫码')
  if (input.employerUnitId) {
    const unit = await getById<PartnerUnit>(db, C.partnerUnits, input.employerUnitId)
    if (!unit || unit.communityId !== community._id) throw invalid('请从列表中选择工作单位，或直接填写单位名称')
  }
  if ((await ctx.openapi.checkText(ctx.openid, `${input.pledge} ${input.skills.join(' ')}`, 1)) !== 'pass') throw invalid('承诺或特长含有不适宜的内容，请修改')
  const now = ctx.now()
  const reg: Registration = {
    _id: newId('r'),
    communityId: community._id,
    userId: user._id,
    activeKey: user._id,
    name: input.name,
    employerUnitId: input.employerUnitId,
    employerName: input.employerName,
    branch: input.branch,
    memberType: input.memberType,
    homeCompoundId: input.homeCompoundId,
    homeBuildingId: input.homeBuildingId,
    homeLabel: `${compound.name} ${building.name}`.trim(),
    skills: [...new Set(input.skills)],
    pledge: { text: input.pledge, done: false, doneAt: null, doneNote: null },
    status: 'pending',
    rejectReason: null,
    viaScene: input.scene ?? null,
    createdAt: now,
    reviewedAt: null,
    reviewedBy: null,
    closedAt: null,
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      // the registration and its community's pending count in one transaction (counters.ts); the unique
      // activeKey makes the add fail as a duplicate when the member has an active registration somewhere
      await runTx(db, async (tx) => {
        await tx.collection(PT.registrations).add({ data: reg })
        await countRegistrationIn(db, tx, reg.communityId, registrationDelta(null, reg.status))
      })
      return registrationView(db, reg)
    } catch (err) {
      if (!isDuplicateKey(err)) throw err
      const [active] = await findMany<Registration>(db, PT.registrations, { activeKey: user._id }, { limit: 1 })
      if (!active) continue
      if (active.communityId === community._id) throw conflict(active.status === 'pending' ? '您已提交报到，请等待社区审核' : '您已在本社区报到')
      // Moving: close the registration elsewhere (its history stays), then register here.
      await moveAway(ctx, active)
    }
  }
  throw conflict('报到没有成功，请稍后再试', 'BUSY')
}

export default defineAction({ name: 'party.register', input: RegisterInput, access: user, writes: true, handler: register })

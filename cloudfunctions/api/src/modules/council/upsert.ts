/**
 * council.upsert — the secretary sets up a council (a building's, a compound's, a youth or migrants' group,
 * another community council) or changes one: its name, settings and whether it is active. A building council
 * names a building of the community, a compound council a compound; there is one council per building and
 * per compound (its id is the place's, so the database refuses a second), and one default council per
 * community (`cc_<communityId>`, made on first use by council.list / topic.create, never by this action).
 * A council's scope and place stay as set up; settings changes never move a live vote (a topic copies its
 * terms when the vote opens). The change and its audit entry (resource council) are one transaction.
 * Outcomes: CouncilView; NOT_FOUND for another community's council, building or compound; INVALID_INPUT for
 * a missing place, a changed scope or place, or stopping the default council; CONFLICT when the building or
 * compound already has a council.
 */
import { CouncilUpsertInput, type Council, type CouncilSettings, type CouncilView } from '../../../../../types/council'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import { recordIn } from '../../platform/audit'
import type { UserCtx } from '../../platform/context'
import { isDuplicateKey, runTx, txGet } from '../../platform/db'
import { conflict, invalid, notFound } from '../../platform/errors'
import { getCommunity } from '../org/repo'
import { councilPlace, councilView, loadCouncil } from './councils'
import { buildingCouncilId, compoundCouncilId, K, newCouncilId } from './repo'

/** What the audit log keeps of a council's set-up (seats are audited by council.setSeat). */
const audited = (c: Pick<Council, 'name' | 'scope' | 'settings' | 'active'>) => ({ name: c.name, scope: c.scope, settings: c.settings, active: c.active })

async function upsert(ctx: UserCtx, input: ActionInput<'council.upsert'>): Promise<CouncilView> {
  const { db } = ctx
  const _ = db.command
  const now = ctx.now()
  const community = await getCommunity(db, input.communityId)
  if (!community) throw notFound('社区')
  const before = input.councilId ? await loadCouncil(db, community._id, input.councilId) : null
  // Youth councils count age from a verified birth year (35 unless set); other councils have no age limit.
  const settings: CouncilSettings = { ...input.settings, youthMaxAge: input.scope === 'youth' ? (input.settings.youthMaxAge ?? 35) : null }

  if (before) {
    if (before.scope !== input.scope) throw invalid('议事会的范围设立后不能更改，如需调整请另设一个议事会')
    const moved = (input.buildingId != null && input.buildingId !== before.buildingId) || (input.compoundId != null && input.compoundId !== before.compoundId)
    if (moved) throw invalid('议事会所在的楼栋或小区设立后不能更改')
    if (before.isDefault && input.active === false) throw invalid('社区议事会是默认议事会，不能停用')
    const after = { ...before, name: input.name, settings, active: input.active ?? before.active, updatedAt: now }
    await runTx(db, async (tx) => {
      const current = await txGet<Council>(tx, K.councils, before._id)
      if (!current) throw notFound('这个议事会')
      await tx
        .collection(K.councils)
        .doc(before._id)
        .update({ data: { name: after.name, settings: _.set(settings), active: after.active, updatedAt: now } })
      await recordIn(tx, ctx, {
        communityId: community._id,
        resource: { type: 'council', id: before._id, label: after.name },
        before: audited(current),
        after: audited(after),
      })
    })
    return councilView(ctx, community, { ...after, seats: before.seats })
  }

  const place = await councilPlace(db, community._id, input.scope, input)
  const id =
    input.scope === 'building' ? buildingCouncilId(place.buildingId!) : input.scope === 'compound' ? compoundCouncilId(place.compoundId!) : newCouncilId()
  const council: Council = {
    _id: id,
    communityId: community._id,
    name: input.name,
    scope: input.scope,
    ...place,
    settings,
    seats: [],
    active: input.active ?? true,
    isDefault: false,
    createdAt: now,
    updatedAt: now,
  }
  const taken = () => conflict(input.scope === 'building' ? '这栋楼已经有议事会了，请在原议事会上修改' : '这个小区已经有议事会了，请在原议事会上修改')
  try {
    await runTx(db, async (tx) => {
      if (await txGet<Council>(tx, K.councils, id)) throw taken()
      await tx.collection(K.councils).add({ data: council })
      await recordIn(tx, ctx, { communityId: community._id, resource: { type: 'council', id, label: council.name }, after: audited(council) })
    })
  } catch (err) {
    if (isDuplicateKey(err)) throw taken()
    throw err
  }
  return councilView(ctx, community, council)
}

export default defineAction({ name: 'council.upsert', input: CouncilUpsertInput, access: SECRETARY, writes: true, handler: upsert })

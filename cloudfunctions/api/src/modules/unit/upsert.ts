/**
 * unit.upsert — set up a unit that acts on requests, or change one: its name, kind, the categories it owns
 * (a new request of one of them is dispatched to it), its own time limits, its 吹哨 accept limit
 * (escalationAcceptMinutes) and whether it is active. The secretary sets up the community's own units
 * (the property company 物业, partner units 共建单位); the street admin sets up the street's departments
 * 街道科室 (`streetWide: true`, kind street_dept), which serve every community of the street. A category is
 * owned by one active unit of each scope (the community's units; the street's departments): a second owner
 * would make dispatch a matter of chance. The change and its audit entry (resource unit; a street
 * department's under the street's id, like a street admin's grant) are one transaction.
 * Outcomes: UnitView; NOT_FOUND for a unit that does not serve this community; FORBIDDEN for a secretary
 * touching a street department; INVALID_INPUT for a street department that is not street-wide (or the
 * reverse) or a changed scope; CONFLICT when another active unit of the scope owns one of the categories.
 */
import { UnitUpsertInput, type Unit, type UnitView } from '../../../../../types/requests'
import { REQUEST_CATEGORY_LABELS } from '../../../../../types/vocabulary'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import { recordIn } from '../../platform/audit'
import type { UserCtx } from '../../platform/context'
import { runTx, txGet } from '../../platform/db'
import { conflict, forbidden, invalid, notFound } from '../../platform/errors'
import { getCommunity } from '../org/repo'
import { holdsRole } from '../org/rules'
import { getUnit, unitsFor } from '../request/repo'
import { newUnitId, servesCommunity, staffOfUnits, U } from './repo'
import { auditedUnit, unitView } from './views'

async function upsert(ctx: UserCtx, input: ActionInput<'unit.upsert'>): Promise<UnitView> {
  const { db } = ctx
  const _ = db.command
  const now = ctx.now()
  const community = await getCommunity(db, input.communityId)
  if (!community) throw notFound('社区')
  const isStreetAdmin = holdsRole(ctx.user, community, ['street_admin'])
  const before = input.unitId ? await getUnit(db, input.unitId) : null
  if (input.unitId && (!before || !servesCommunity(before, community))) throw notFound('这个单位')

  const streetWide = before ? before.communityId === null : (input.streetWide ?? false)
  if (before && input.streetWide !== undefined && input.streetWide !== streetWide) throw invalid('单位的服务范围设立后不能更改，如需调整请另设一个单位')
  if (streetWide && !isStreetAdmin) throw forbidden('街道科室由街道管理员设置')
  if (streetWide !== (input.kind === 'street_dept')) throw invalid(streetWide ? '服务全街道的只能是街道科室' : '街道科室服务全街道，请由街道管理员设为“全街道”')

  // One owner per category in each scope (the community's own units; the street's departments).
  const categories = [...new Set(input.categories)]
  const active = input.active ?? before?.active ?? true
  if (active && categories.length) {
    const peers = (await unitsFor(db, community)).filter((u) => u._id !== before?._id && u.active && (u.communityId === null) === streetWide)
    for (const cat of categories) {
      const owner = peers.find((u) => u.categories.includes(cat))
      if (owner) throw conflict(`「${REQUEST_CATEGORY_LABELS[cat]}」已经由「${owner.name}」负责，一类诉求只能由一个单位负责`)
    }
  }

  const fields = {
    name: input.name,
    kind: input.kind,
    categories,
    limits: input.limits ?? before?.limits ?? {},
    escalationAcceptMinutes: input.escalationAcceptMinutes,
    active,
  }
  const auditScope = streetWide ? community.streetId : community._id
  let unit: Unit
  if (before) {
    unit = { ...before, ...fields, updatedAt: now }
    await runTx(db, async (tx) => {
      const current = await txGet<Unit>(tx, U.units, before._id)
      if (!current) throw notFound('这个单位')
      await tx
        .collection(U.units)
        .doc(before._id)
        .update({ data: { ...fields, categories: _.set(categories), limits: _.set(fields.limits), updatedAt: now } })
      await recordIn(tx, ctx, {
        communityId: auditScope,
        resource: { type: 'unit', id: before._id, label: unit.name },
        before: auditedUnit(current),
        after: auditedUnit(unit),
      })
      // The counters are the ones committed with the moves, not the ones read before.
      unit = { ...current, ...fields, updatedAt: now }
    })
  } else {
    unit = {
      _id: newUnitId(),
      streetId: community.streetId,
      communityId: streetWide ? null : community._id,
      ...fields,
      onTime: 0,
      late: 0,
      createdAt: now,
      updatedAt: now,
    }
    const created = unit
    await runTx(db, async (tx) => {
      await tx.collection(U.units).add({ data: created })
      await recordIn(tx, ctx, { communityId: auditScope, resource: { type: 'unit', id: created._id, label: created.name }, after: auditedUnit(created) })
    })
  }
  const staff = await staffOfUnits(db, [unit._id])
  return unitView(unit, staff.get(unit._id) ?? [], true)
}

export default defineAction({ name: 'unit.upsert', input: UnitUpsertInput, access: SECRETARY, writes: true, handler: upsert })

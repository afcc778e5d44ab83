/**
 * org.setProxy — a building head 楼栋长 may act for named (often elderly, offline) residents of the
 * buildings the secretary appointed them to; a secretary may name any building head whose scope covers
 * the resident's building. Only residents whose household is verified can be acted for. Audited.
 * Outcomes: the grant as it now stands; NOT_FOUND for an unknown resident or proxy; FORBIDDEN when a
 * building head reaches outside their buildings or names someone else, or the resident's household is not
 * yet confirmed; INVALID_INPUT when the named proxy is not a building head of that building.
 * The change and its audit entry are one transaction.
 */
import { SetProxyInput, type User } from '../../../../../types/org'
import { defineAction, roles, type ActionInput } from '../../platform/action'
import { recordIn } from '../../platform/audit'
import type { UserCtx } from '../../platform/context'
import { runTx, txGet } from '../../platform/db'
import { forbidden, invalid, notFound } from '../../platform/errors'
import { C, getCommunity, getUser } from './repo'
import { headScope, holdsRole, listName, livesIn } from './rules'

async function setProxy(ctx: UserCtx, input: ActionInput<'org.setProxy'>) {
  const { db, user } = ctx
  const community = await getCommunity(db, input.communityId)
  if (!community) throw notFound('社区')
  const isSecretary = holdsRole(user, community, ['secretary', 'street_admin'])
  const proxyId = input.proxyId ?? user._id
  if (!isSecretary && proxyId !== user._id) throw forbidden('楼栋长只能为自己设置代办')

  const [resident, proxy] = await Promise.all([getUser(db, input.residentId), proxyId === user._id ? user : getUser(db, proxyId)])
  // Someone who lives elsewhere is not found here, whatever they declared (residence is the verified kind).
  if (!resident || resident.communityId !== community._id) throw notFound('这位居民')
  if (!proxy) throw notFound('代办人')
  const covers = !!resident.buildingId && headScope(proxy, community._id).includes(resident.buildingId)
  if (input.enabled) {
    if (!livesIn(resident, community._id) || !resident.buildingId) throw forbidden('这位居民的住址还没有确认，确认后才能设置代办')
    if (!covers && !isSecretary) throw forbidden('只能为您负责的楼栋的居民代办')
    if (!covers) throw invalid('代办人需要是负责这栋楼的楼栋长')
  } else if (!isSecretary) {
    // Stepping down: only as this resident's proxy, or within one's buildings (never a write elsewhere).
    const isProxy = resident.proxies.some((p) => p.proxyId === proxyId && p.communityId === community._id)
    if (!isProxy && !covers) throw forbidden('只能为您负责的楼栋的居民代办')
  }

  const _ = db.command
  const mine = (p: User['proxies'][number]) => p.proxyId === proxyId && p.communityId === community._id
  await runTx(db, async (tx) => {
    const current = (await txGet<User>(tx, C.users, resident._id)) ?? resident
    const before = current.proxies
    const after = input.enabled
      ? [...before.filter((p) => !mine(p)), { proxyId, communityId: community._id, since: ctx.now() }]
      : before.filter((p) => !mine(p))
    await tx
      .collection(C.users)
      .doc(resident._id)
      .update({ data: { proxies: _.set(after), updatedAt: ctx.now() } })
    await recordIn(tx, ctx, {
      communityId: community._id,
      resource: { type: 'user', id: resident._id, label: listName(resident) },
      before: { proxies: before },
      after: { proxies: after },
    })
  })
  return { residentId: resident._id, proxyId, enabled: input.enabled }
}

export default defineAction({
  name: 'org.setProxy',
  input: SetProxyInput,
  access: roles('building_head', 'secretary', 'street_admin'),
  writes: true,
  handler: setProxy,
})

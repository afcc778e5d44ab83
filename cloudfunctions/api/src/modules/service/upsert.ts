/**
 * service.upsert (secretary) — publish a service on the menu or change one. The schedule is checked for its
 * kind of delivery (rules.ts scheduleProblems: slots end after they start, weekly slots of a day do not
 * overlap, a walk-in says when, the canteen has its cutoff, a venue its hours); the provider must exist here: a
 * unit serving this community (or its street), a party post of this community, and named people who serve in
 * it. The service and its audit entry (the fields that changed, before and after) are one transaction;
 * counters are kept as they are (a booking in between makes the transaction run again on the new counters).
 * Outcomes: the detail; INVALID_INPUT with the fields at fault; NOT_FOUND for an unknown service, unit, post
 * or person. Nothing changes on failure.
 */
import type { Role } from '../../../../../types/common'
import type { User } from '../../../../../types/org'
import type { Post } from '../../../../../types/party'
import type { Unit } from '../../../../../types/requests'
import { ServiceUpsertInput, type Service, type ServiceDetail } from '../../../../../types/services'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import { recordIn } from '../../platform/audit'
import type { UserCtx } from '../../platform/context'
import { getById, runTx, txGet } from '../../platform/db'
import { invalid, notFound } from '../../platform/errors'
import { C, getMany } from '../org/repo'
import { PT } from '../party/repo'
import { bookingRefusal, isProvider, loadCommunity, ZERO_COUNTERS } from './core'
import { K, newServiceId } from './repo'
import { scheduleProblems } from './rules'
import { editView, providerName, serviceDetail } from './views'

/** Roles of people who may be named as a service's providers (anyone serving here, not only living here). */
const SERVING: readonly Role[] = ['secretary', 'grid_worker', 'building_head', 'party_member', 'volunteer', 'unit_staff', 'street_admin']

export const DEFAULTS = {
  audience: { minAge: null, buildingIds: [] as string[] },
  schedule: { weekly: [], dated: [], closures: [] } as Service['schedule'],
  cutoffHours: 2,
  noShowRule: { count: 3, withinDays: 30, blockDays: 14 },
}

/** The fields a secretary sets (and the audit entry compares). */
const FIELDS = [
  'name',
  'category',
  'description',
  'provider',
  'place',
  'audience',
  'delivery',
  'schedule',
  'walkIn',
  'daily',
  'venue',
  'private',
  'forChild',
  'pricePoints',
  'cutoffHours',
  'noShowRule',
  'active',
] as const satisfies readonly (keyof Service)[]
type Fields = Pick<Service, (typeof FIELDS)[number]>

/** A new service must say who provides it (an update without one keeps its provider). */
function noProvider(): never {
  throw invalid('请指定服务的提供方', [{ path: 'provider', message: '新服务需要指定提供方' }])
}

async function checkProvider(ctx: UserCtx, communityId: string, streetId: string, p: Service['provider']): Promise<void> {
  const { db } = ctx
  if (p.kind === 'unit') {
    if (!p.unitId) throw invalid('请选择提供服务的单位', [{ path: 'provider.unitId', message: '请选择单位' }])
    const u = await getById<Unit>(db, K.units, p.unitId)
    if (!u || !u.active || !(u.communityId === communityId || (u.communityId === null && u.streetId === streetId))) throw notFound('这个单位')
  }
  if (p.kind === 'post') {
    if (!p.postId) throw invalid('请选择提供服务的党员服务岗', [{ path: 'provider.postId', message: '请选择服务岗' }])
    const post = await getById<Post>(db, PT.posts, p.postId)
    if (!post || post.communityId !== communityId || !post.active) throw notFound('这个服务岗')
  }
  if (p.kind === 'staff' && p.userIds.length === 0) throw invalid('请至少指定一位负责的工作人员', [{ path: 'provider.userIds', message: '请指定工作人员' }])
  const people = await getMany<User>(db, C.users, p.userIds)
  p.userIds.forEach((id, i) => {
    const u = people.get(id)
    if (!u) throw notFound('指定的工作人员')
    if (!u.roles.some((g) => SERVING.includes(g.role) && (g.communityId === communityId || g.communityId === streetId)))
      throw invalid('指定的人不在本社区任职', [{ path: `provider.userIds.${i}`, message: '这个人不在本社区任职' }])
  })
}

async function upsert(ctx: UserCtx, input: ActionInput<'service.upsert'>): Promise<ServiceDetail> {
  const { db } = ctx
  const now = ctx.now()
  const community = await loadCommunity(db, input.communityId)
  const existing = input.serviceId ? await getById<Service>(db, K.services, input.serviceId) : null
  if (input.serviceId && (!existing || existing.communityId !== input.communityId)) throw notFound('这项服务')
  const base: Partial<Service> = existing ?? {}
  const fields: Fields = {
    name: input.name,
    category: input.category,
    description: input.description,
    provider: input.provider
      ? {
          kind: input.provider.kind,
          unitId: input.provider.unitId ?? null,
          postId: input.provider.postId ?? null,
          userIds: [...new Set(input.provider.userIds)],
        }
      : { ...(existing?.provider ?? noProvider()) },
    place: input.place,
    audience: input.audience ?? base.audience ?? DEFAULTS.audience,
    delivery: input.delivery,
    schedule: input.schedule ?? base.schedule ?? DEFAULTS.schedule,
    walkIn: input.walkIn !== undefined ? input.walkIn || null : (base.walkIn ?? null),
    daily: input.daily !== undefined ? input.daily : (base.daily ?? null),
    venue: input.venue !== undefined ? input.venue : (base.venue ?? null),
    private: input.private ?? base.private ?? false,
    forChild: input.forChild ?? base.forChild ?? false,
    pricePoints: input.pricePoints ?? base.pricePoints ?? 0,
    cutoffHours: input.cutoffHours ?? base.cutoffHours ?? DEFAULTS.cutoffHours,
    noShowRule: input.noShowRule ?? base.noShowRule ?? DEFAULTS.noShowRule,
    active: input.active ?? base.active ?? true,
  }
  if (fields.provider.kind !== 'unit') fields.provider.unitId = null
  if (fields.provider.kind !== 'post') fields.provider.postId = null
  const problems = scheduleProblems(fields)
  if (problems.length) throw invalid(problems[0].message, problems)
  await checkProvider(ctx, community._id, community.streetId, fields.provider)

  const saved = await runTx(db, async (tx) => {
    const before = existing ? await txGet<Service>(tx, K.services, existing._id) : null
    if (existing && !before) throw notFound('这项服务')
    const doc: Service = before
      ? { ...before, ...fields, updatedAt: now }
      : { _id: newServiceId(now), communityId: community._id, ...fields, counters: ZERO_COUNTERS, createdAt: now, updatedAt: now }
    const { _id, ...rest } = doc
    if (before) await tx.collection(K.services).doc(_id).set({ data: rest })
    else await tx.collection(K.services).add({ data: doc })
    const changed = FIELDS.filter((f) => !before || JSON.stringify(before[f]) !== JSON.stringify(doc[f]))
    await recordIn(tx, ctx, {
      communityId: community._id,
      resource: { type: 'service', id: _id, label: doc.name },
      before: before ? Object.fromEntries(changed.map((f) => [f, before[f]])) : null,
      after: Object.fromEntries(changed.map((f) => [f, doc[f]])),
    })
    return doc
  })
  const post = saved.provider.kind === 'post' && saved.provider.postId ? await getById<Post>(db, PT.posts, saved.provider.postId) : null
  const refusal = await bookingRefusal(db, saved, ctx.user, now)
  return serviceDetail(
    saved,
    now,
    await providerName(db, saved),
    {
      canBook: refusal === null,
      whyNot: refusal?.why ?? null,
      blockedUntil: refusal?.blockedUntil ?? null,
      isProvider: isProvider(ctx.user, saved, post),
      canEdit: true,
    },
    await editView(db, saved),
  )
}

export default defineAction({ name: 'service.upsert', input: ServiceUpsertInput, access: SECRETARY, writes: true, handler: upsert })

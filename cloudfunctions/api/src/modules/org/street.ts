/**
 * org.street — the street admin's home (街道工作台): every community of a street they administer, its size,
 * and what waits for someone there (addresses to confirm, wishes to review or claim, 双报到 to review), with
 * the street's totals. Each figure is one indexed aggregation over the whole street grouped by community
 * (three in all, whatever the number of communities), or the party area's running counters of 双报到 (one
 * read of a document per community), never a walk over documents.
 * Outcomes: StreetView; FORBIDDEN for anyone who does not administer that street; NOT_FOUND for an unknown
 * street.
 */
import { StreetInput, type Community, type Street, type StreetCommunity, type StreetView } from '../../../../../types/org'
import { defineAction, user, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { countByCommunity, getById, readAll } from '../../platform/db'
import { forbidden, notFound } from '../../platform/errors'
import { readCounters } from '../party/counters'
import { C } from './repo'

async function street(ctx: UserCtx, input: ActionInput<'org.street'>): Promise<StreetView> {
  const { db, user: me } = ctx
  if (!me.roles.some((g) => g.role === 'street_admin' && g.communityId === input.streetId)) throw forbidden('只有街道管理员可以查看街道工作台')
  const streetDoc = await getById<Street>(db, C.streets, input.streetId)
  if (!streetDoc) throw notFound('街道')
  const communities = await readAll<Community>(db, C.communities, { streetId: input.streetId }, 500)
  const _ = db.command
  const ids = _.in(communities.map((c) => c._id))
  const [pendingHouseholds, underReview, open, registrations] = await Promise.all([
    countByCommunity(db, C.users, { communityId: ids, householdStatus: 'pending' }),
    countByCommunity(db, 'wishes', { communityId: ids, status: 'under_review' }),
    countByCommunity(db, 'wishes', { communityId: ids, status: 'open' }),
    // 双报到 pending / verified: the party area's running counters (party/counters.ts), one read
    readCounters(
      db,
      communities.map((c) => c._id),
    ),
  ])
  const rows: StreetCommunity[] = communities
    .map((c) => {
      const row = {
        communityId: c._id,
        name: c.name,
        households: c.householdCount,
        population: c.population,
        pendingHouseholds: pendingHouseholds.get(c._id) ?? 0,
        wishesUnderReview: underReview.get(c._id) ?? 0,
        openWishes: open.get(c._id) ?? 0,
        pendingRegistrations: registrations.get(c._id)?.pending ?? 0,
        registeredMembers: registrations.get(c._id)?.verified ?? 0,
      }
      const waiting = row.pendingHouseholds + row.wishesUnderReview + row.pendingRegistrations
      return { ...row, waiting, needsAttention: waiting > 0 }
    })
    .sort((a, b) => Number(b.needsAttention) - Number(a.needsAttention) || a.name.localeCompare(b.name, 'zh-Hans-CN'))
  const sum = (k: keyof StreetView['totals']) => rows.reduce((n, r) => n + r[k], 0)
  return {
    streetId: streetDoc._id,
    name: streetDoc.name,
    communities: rows,
    totals: {
      households: sum('households'),
      population: sum('population'),
      pendingHouseholds: sum('pendingHouseholds'),
      wishesUnderReview: sum('wishesUnderReview'),
      openWishes: sum('openWishes'),
      pendingRegistrations: sum('pendingRegistrations'),
      registeredMembers: sum('registeredMembers'),
      waiting: sum('waiting'),
    },
  }
}

export default defineAction({ name: 'org.street', input: StreetInput, access: user, writes: false, handler: street })

/**
 * What the secretary's pages show of points: the community's earning rules, and each sponsor's budget with
 * what it has issued and what was redeemed on its goods.
 */
import { EARN_KINDS, EARN_LABELS, type PointAccount, type PointRule, type RulesView, type Sponsor, type SponsorView } from '../../../../../types/points'
import { findMany, readAll, type Db } from '../../platform/db'
import { allMonths, countersOf, type PointCounter } from './counters'
import { getMany } from '../org/repo'
import { expireMonthsOf } from './account'
import { MAX_SPONSORS } from './earn'
import { accountId } from './policy'
import { P } from './repo'

/** Every kind of earning, set or not, and the expiry period. */
export async function rulesView(db: Db, communityId: string): Promise<RulesView> {
  const list = await findMany<PointRule>(db, P.rules, { communityId }, { limit: 100 })
  const byKind = new Map(list.map((r) => [r.kind, r]))
  return {
    rules: EARN_KINDS.map((kind) => {
      const r = byKind.get(kind)
      return {
        kind,
        label: EARN_LABELS[kind],
        points: r?.points ?? 0,
        dailyCap: r?.dailyCap ?? null,
        monthlyCap: r?.monthlyCap ?? null,
        active: r?.active ?? false,
      }
    }),
    expireMonths: await expireMonthsOf(db, communityId),
  }
}

/**
 * Per sponsor: net issued to people, and points redeemed on its goods (net of refunds), from the running
 * counters of every month of the community (counters.ts): its SHARDS small documents, never the ledger.
 */
export async function sponsorFigures(db: Db, communityId: string, counters?: PointCounter[]): Promise<Map<string, { issued: number; redeemed: number }>> {
  const all = allMonths(counters ?? (await countersOf(db, communityId)))
  const out = new Map<string, { issued: number; redeemed: number }>()
  for (const [id, n] of Object.entries(all.issued)) out.set(id, { issued: n, redeemed: out.get(id)?.redeemed ?? 0 })
  for (const [id, n] of Object.entries(all.redeemed)) out.set(id, { issued: out.get(id)?.issued ?? 0, redeemed: n })
  return out
}

export async function sponsorViews(db: Db, communityId: string, includeInactive = true, counters?: PointCounter[]): Promise<SponsorView[]> {
  const list = (await readAll<Sponsor>(db, P.sponsors, { communityId }, MAX_SPONSORS)).filter((s) => includeInactive || s.active)
  const [accounts, figures] = await Promise.all([
    getMany<PointAccount>(
      db,
      P.accounts,
      list.map((s) => accountId.sponsor(communityId, s._id)),
    ),
    sponsorFigures(db, communityId, counters),
  ])
  return list
    .sort((a, b) => a.priority - b.priority || a._id.localeCompare(b._id))
    .map((s) => {
      const budget = accounts.get(accountId.sponsor(communityId, s._id))?.balance ?? 0
      const f = figures.get(s._id) ?? { issued: 0, redeemed: 0 }
      return {
        id: s._id,
        name: s.name,
        partnerUnitId: s.partnerUnitId,
        contact: s.contact,
        budget,
        issued: f.issued,
        redeemed: f.redeemed,
        warnBelow: s.warnBelow,
        low: s.active && budget < s.warnBelow,
        priority: s.priority,
        active: s.active,
      }
    })
}

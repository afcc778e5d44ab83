/**
 * What the secretary's pages show of points: the community's earning rules, and each sponsor's budget with
 * what it has issued and what was redeemed on its goods.
 */
import { EARN_KINDS, EARN_LABELS, type PointAccount, type PointRule, type RulesView, type Sponsor, type SponsorView } from '../../../../../types/points'
import { findMany, readAll, type Db } from '../../platform/db'
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

/** Per sponsor: net issued to people, and points redeemed on its goods (net of refunds). */
export async function sponsorFigures(db: Db, communityId: string): Promise<Map<string, { issued: number; redeemed: number }>> {
  const $ = db.command.aggregate
  const res = (await db
    .collection(P.entries)
    .aggregate()
    .match({ communityId, accountKind: db.command.in(['sponsor', 'mall']) })
    .group({ _id: { sponsorId: '$sponsorId', accountKind: '$accountKind' }, total: $.sum('$amount') })
    .limit(1000) // aggregate answers 20 records unless told otherwise
    .end()) as { list: { _id: { sponsorId: string | null; accountKind: string }; total: number }[] }
  const out = new Map<string, { issued: number; redeemed: number }>()
  for (const row of res.list) {
    if (!row._id.sponsorId) continue
    const f = out.get(row._id.sponsorId) ?? { issued: 0, redeemed: 0 }
    if (row._id.accountKind === 'mall') f.redeemed += row.total
    out.set(row._id.sponsorId, f)
  }
  // Issued: what left each sponsor's account other than by funding (fund entries are positive, spending negative).
  const issued = (await db
    .collection(P.entries)
    .aggregate()
    .match({ communityId, accountKind: 'sponsor', kind: db.command.neq('fund') })
    .group({ _id: '$accountId', total: $.sum('$amount') })
    .limit(1000)
    .end()) as { list: { _id: string; total: number }[] }
  for (const row of issued.list) {
    const sponsorId = row._id.slice(`sa_${communityId}_`.length)
    const f = out.get(sponsorId) ?? { issued: 0, redeemed: 0 }
    f.issued = -row.total
    out.set(sponsorId, f)
  }
  return out
}

export async function sponsorViews(db: Db, communityId: string, includeInactive = true): Promise<SponsorView[]> {
  const list = (await readAll<Sponsor>(db, P.sponsors, { communityId }, MAX_SPONSORS)).filter((s) => includeInactive || s.active)
  const [accounts, figures] = await Promise.all([
    getMany<PointAccount>(
      db,
      P.accounts,
      list.map((s) => accountId.sponsor(communityId, s._id)),
    ),
    sponsorFigures(db, communityId),
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

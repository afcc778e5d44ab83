/**
 * Sponsors 共建单位 fund the points: every point issued is paid from a sponsor's budget.
 * points.sponsors (secretary) — each sponsor's remaining budget, issued, redeemed (on its goods), and a
 *   warning when the budget is below its threshold.
 * points.setSponsor (secretary) — create or edit a sponsor. Audited.
 * points.fundSponsor (secretary) — add budget (idempotent by requestKey). Audited.
 */
import type { z } from 'zod'
import type { FundSponsorInput, PointAccount, SetSponsorInput, Sponsor, SponsorsInput, SponsorView } from '../../../../../types/points'
import type { UserCtx } from '../../platform/context'
import { trace } from '../../platform/audit'
import { findMany, getById, newId, type Db } from '../../platform/db'
import { invalid, notFound } from '../../platform/errors'
import { getMany } from '../org/repo'
import { postTransfer, sponsorLeg, systemLeg } from './ledger'
import { P } from './repo'
import { accountId } from './policy'

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
  const list = (await findMany<Sponsor>(db, P.sponsors, { communityId }, { limit: 100 })).filter((s) => includeInactive || s.active)
  const [accounts, figures] = await Promise.all([
    getMany<PointAccount>(db, P.accounts, list.map((s) => accountId.sponsor(communityId, s._id))),
    sponsorFigures(db, communityId),
  ])
  return list
    .sort((a, b) => a.priority - b.priority || a._id.localeCompare(b._id))
    .map((s) => {
      const budget = accounts.get(accountId.sponsor(communityId, s._id))?.balance ?? 0
      const f = figures.get(s._id) ?? { issued: 0, redeemed: 0 }
      return {
        id: s._id, name: s.name, partnerUnitId: s.partnerUnitId, contact: s.contact,
        budget, issued: f.issued, redeemed: f.redeemed, warnBelow: s.warnBelow, low: s.active && budget < s.warnBelow,
        priority: s.priority, active: s.active,
      }
    })
}

export const sponsors = (ctx: UserCtx, input: z.output<typeof SponsorsInput>) => sponsorViews(ctx.db, input.communityId)

export async function setSponsor(ctx: UserCtx, input: z.output<typeof SetSponsorInput>): Promise<SponsorView[]> {
  const { db } = ctx
  const before = input.sponsorId ? await getById<Sponsor>(db, P.sponsors, input.sponsorId) : null
  if (input.sponsorId && (!before || before.communityId !== input.communityId)) throw notFound('共建单位')
  const id = before?._id ?? newId('sp')
  const doc: Sponsor = {
    _id: id,
    communityId: input.communityId,
    name: input.name,
    partnerUnitId: input.partnerUnitId ?? before?.partnerUnitId ?? null,
    contact: input.contact ?? before?.contact ?? null,
    warnBelow: input.warnBelow,
    priority: input.priority ?? before?.priority ?? 10,
    active: input.active ?? before?.active ?? true,
    createdAt: before?.createdAt ?? ctx.now(),
  }
  const { _id, ...data } = doc
  await db.collection(P.sponsors).doc(_id).set({ data })
  await trace(ctx, { communityId: input.communityId, resource: { type: 'sponsor', id }, before, after: doc })
  return sponsorViews(db, input.communityId)
}

export async function fundSponsor(ctx: UserCtx, input: z.output<typeof FundSponsorInput>): Promise<SponsorView[]> {
  const sponsor = await getById<Sponsor>(ctx.db, P.sponsors, input.sponsorId)
  if (!sponsor || sponsor.communityId !== input.communityId) throw notFound('共建单位')
  if (!sponsor.active) throw invalid('这个共建单位已停用，请先启用')
  const { replayed } = await postTransfer(ctx.db, {
    key: `fund:${sponsor._id}:${input.requestKey}`,
    communityId: input.communityId,
    kind: 'fund',
    reason: `${sponsor.name}注入积分预算：${input.note}`,
    cause: { type: 'sponsor', id: sponsor._id },
    byUserId: ctx.user._id,
    sponsorId: sponsor._id,
    legs: [systemLeg('funding', input.communityId, -input.amount), sponsorLeg(input.communityId, sponsor._id, input.amount)],
  }, ctx.now())
  if (!replayed) await trace(ctx, { communityId: input.communityId, resource: { type: 'sponsor', id: sponsor._id }, after: { funded: input.amount, note: input.note } })
  return sponsorViews(ctx.db, input.communityId)
}

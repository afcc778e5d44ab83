/**
 * `credit` — how every other module pays points: volunteer hours, fulfilled wishes, adopted suggestions,
 * council participation. Points come from the first sponsor budget (by priority) that has them, under the
 * community's rule for that kind and its daily/monthly caps per person. Idempotent by `key`
 * (e.g. `wish:<id>:fulfil`): a replay returns the first outcome and moves nothing.
 * Outcomes: credited N (maybe fewer than asked when a cap bites, 0 when fully capped or no rule is set);
 * CONFLICT when no sponsor budget can pay (nothing is recorded, so a retry after funding pays).
 */
import type { Cause, EarnKind, PointRule, PointTransfer, Sponsor } from '../../../../../types/points'
import { getById, readAll, runTx, txGet, type Db, type Tx } from '../../platform/db'
import { ensureAccounts, applyTransfer, findTransfer, insufficient, personLeg, sponsorLeg } from './ledger'
import { P } from './repo'
import { accountId, allowedUnderCaps, capBuckets, transferId } from './policy'

export interface CreditRequest {
  communityId: string
  userId: string
  kind: EarnKind
  /** Units of the rule: hours for volunteer_hour, else usually 1. */
  quantity: number
  /** Points per unit set by the cause itself (an activity's points per hour); else the rule's. */
  pointsPerUnit?: number
  key: string
  reason: string
  cause: Cause | null
  byUserId: string | null
}

export interface CreditOutcome {
  credited: number
  capped: boolean
  replayed: boolean
  transferId: string | null
}

/** A community has a handful of sponsors; past this many, reading them all fails loudly instead of cutting. */
export const MAX_SPONSORS = 100

export async function activeSponsors(db: Db, communityId: string): Promise<Sponsor[]> {
  const list = await readAll<Sponsor>(db, P.sponsors, { communityId, active: true }, MAX_SPONSORS)
  return list.sort((a, b) => a.priority - b.priority || a._id.localeCompare(b._id))
}

async function capUsed(tx: Tx, id: string): Promise<number> {
  return (await txGet<{ amount: number }>(tx, P.caps, id))?.amount ?? 0
}

async function addCap(db: Db, tx: Tx, id: string, used: number, amount: number, now: Date) {
  if (used === 0) {
    // Racing first earnings of the day create the same id: the loser's commit conflicts and re-reads.
    const existing = await txGet(tx, P.caps, id)
    if (!existing) return tx.collection(P.caps).add({ data: { _id: id, amount, updatedAt: now } })
  }
  return tx
    .collection(P.caps)
    .doc(id)
    .update({ data: { amount: db.command.inc(amount), updatedAt: now } })
}

export async function credit(db: Db, now: Date, req: CreditRequest): Promise<CreditOutcome> {
  const found = await getById<PointRule>(db, P.rules, `${req.communityId}_${req.kind}`)
  const rule = found && found.active ? found : null
  const perUnit = req.pointsPerUnit ?? rule?.points ?? 0
  const wanted = Math.floor(perUnit * req.quantity)
  if (wanted <= 0) return { credited: 0, capped: false, replayed: false, transferId: null }
  const caps = rule ?? { dailyCap: null, monthlyCap: null }
  const sponsors = await activeSponsors(db, req.communityId)
  const person = personLeg(req.communityId, req.userId, 0)
  await ensureAccounts(db, req.communityId, [person, ...sponsors.map((s) => sponsorLeg(req.communityId, s._id, 0))], now)

  const acc = accountId.person(req.communityId, req.userId)
  const { day, month } = capBuckets(now)
  const dayId = `${acc}_${req.kind}_${day}`
  const monthId = `${acc}_${req.kind}_${month}`

  return runTx(db, async (tx) => {
    const existing = await findTransfer(tx, req.key)
    if (existing) return outcomeOf(existing, req, true)
    const [usedDay, usedMonth] = await Promise.all([capUsed(tx, dayId), capUsed(tx, monthId)])
    const amount = allowedUnderCaps(caps, wanted, usedDay, usedMonth)
    if (amount === 0) {
      // Record that this cause was considered, so a replay tomorrow does not pay it after all.
      const marker: PointTransfer = {
        _id: transferId(req.key),
        key: req.key,
        communityId: req.communityId,
        kind: 'earn',
        reason: `${req.reason}（已达上限）`,
        cause: req.cause,
        entries: [],
        byUserId: req.byUserId,
        at: now,
      }
      await tx.collection(P.transfers).add({ data: marker })
      return { credited: 0, capped: true, replayed: false, transferId: marker._id }
    }
    let payer: Sponsor | null = null
    for (const s of sponsors) {
      const a = await txGet<{ balance: number }>(tx, P.accounts, accountId.sponsor(req.communityId, s._id))
      if (a && a.balance >= amount) {
        payer = s
        break
      }
    }
    if (!payer) throw insufficient('sponsor')
    const transfer = await applyTransfer(
      db,
      tx,
      {
        key: req.key,
        communityId: req.communityId,
        kind: 'earn',
        reason: req.reason,
        cause: req.cause,
        byUserId: req.byUserId,
        sponsorId: payer._id,
        legs: [sponsorLeg(req.communityId, payer._id, -amount), personLeg(req.communityId, req.userId, amount)],
      },
      now,
    )
    await addCap(db, tx, dayId, usedDay, amount, now)
    await addCap(db, tx, monthId, usedMonth, amount, now)
    return outcomeOf(transfer, req, false, amount < wanted)
  })
}

function outcomeOf(t: PointTransfer, req: CreditRequest, replayed: boolean, capped = false): CreditOutcome {
  const mine = t.entries.find((e) => e.accountId === accountId.person(req.communityId, req.userId))
  return { credited: mine?.amount ?? 0, capped: capped || t.entries.length === 0, replayed, transferId: t._id }
}

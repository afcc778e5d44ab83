/**
 * The ledger: the only code that moves points. A transfer and its entries are written in one
 * transaction together with the cached balances (`_.inc`), a person's lots (what expires when) and the
 * running counters of the reports (counters.ts), after checking no person or sponsor account goes below zero. The transfer's id derives from its idempotency key, so replaying a cause changes
 * nothing. Other modules earn and spend through `credit` / `applyTransfer`, never through these collections.
 */
import type { AccountKind, Cause, PointAccount, PointEntry, PointTransfer, TransferKind } from '../../../../../types/points'
import { ensureDoc, runTx, txGet, type Db, type Tx } from '../../platform/db'
import { conflict, internal } from '../../platform/errors'
import { P } from './repo'
import { accountId, applyToLots, cachesBalance, mayGoNegative, transferId, validEntries } from './policy'
import { figuresOf, readCounter, writeCounter } from './counters'
import { chinaDay } from '../../platform/chinaTime'

export interface Leg {
  accountId: string
  kind: AccountKind | 'funding'
  /** userId / sponsorId the account belongs to, for creating it. */
  ownerId: string | null
  amount: number
}

export interface TransferRequest {
  key: string
  communityId: string
  kind: TransferKind
  reason: string
  cause: Cause | null
  byUserId: string | null
  legs: Leg[]
  /** The sponsor whose budget a credit came from (recorded on the entries for reports). */
  sponsorId?: string | null
}

/**
 * A person's balance too small: CONFLICT with reason INSUFFICIENT_POINTS (the client offers ways to earn).
 * A sponsor's budget too small is the community's matter, not the caller's: CONFLICT without a reason.
 */
export const insufficient = (kind: Leg['kind']) =>
  kind === 'sponsor' ? conflict('积分预算不足，请联系社区补充共建单位预算') : conflict('积分余额不足', 'INSUFFICIENT_POINTS')

export const personLeg = (communityId: string, userId: string, amount: number): Leg => ({
  accountId: accountId.person(communityId, userId),
  kind: 'person',
  ownerId: userId,
  amount,
})
export const systemLeg = (kind: 'mall' | 'expired' | 'funding', communityId: string, amount: number): Leg => ({
  accountId: accountId[kind](communityId),
  kind,
  ownerId: null,
  amount,
})
export const sponsorLeg = (communityId: string, sponsorId: string, amount: number): Leg => ({
  accountId: accountId.sponsor(communityId, sponsorId),
  kind: 'sponsor',
  ownerId: sponsorId,
  amount,
})

/** Create the cached-balance accounts a transfer touches, before its transaction (which acts on ids only). */
export async function ensureAccounts(db: Db, communityId: string, legs: Leg[], now: Date): Promise<void> {
  await Promise.all(
    legs
      .filter((l) => cachesBalance(l.kind))
      .map((l) => {
        const doc: PointAccount = {
          _id: l.accountId,
          communityId,
          kind: l.kind as AccountKind,
          ownerId: l.ownerId,
          balance: 0,
          ...(l.kind === 'person' ? { lots: [] } : {}),
          createdAt: now,
          updatedAt: now,
        }
        return ensureDoc(db, P.accounts, doc)
      }),
  )
}

/** Has this cause already been booked? (inside a transaction, so a racing replay conflicts and re-reads.) */
export async function findTransfer(tx: Tx, key: string): Promise<PointTransfer | null> {
  return txGet<PointTransfer>(tx, P.transfers, transferId(key))
}

/**
 * Inside a transaction: check balances and write the transfer, its entries and the cached balances.
 * The caller has already checked `findTransfer` (and returns the existing one on replay).
 */
export async function applyTransfer(db: Db, tx: Tx, req: TransferRequest, now: Date): Promise<PointTransfer> {
  const legs = req.legs
  if (!validEntries(legs)) throw internal()
  const _ = db.command
  const day = chinaDay(now)
  const cached = legs.filter((l) => cachesBalance(l.kind))
  const person = legs.find((l) => l.kind === 'person')
  const figures = figuresOf(legs.map((l) => ({ accountKind: l.kind, kind: req.kind, amount: l.amount, sponsorId: req.sponsorId ?? null })))
  // Every read at once (one round trip's wait, as earn.ts reads its caps): the accounts and, when the
  // transfer counts in a report, its counter (counters.ts; the shard of the person's account).
  const [accounts, counter] = await Promise.all([
    Promise.all(cached.map((l) => txGet<PointAccount>(tx, P.accounts, l.accountId))),
    figures.n ? readCounter(tx, req.communityId, person?.accountId ?? transferId(req.key), now) : null,
  ])
  for (const [i, leg] of cached.entries()) {
    const acc = accounts[i]
    if (!acc) throw internal()
    if (!mayGoNegative(leg.kind) && acc.balance + leg.amount < 0) throw insufficient(leg.kind)
    const data: Record<string, unknown> = { balance: _.inc(leg.amount), updatedAt: now }
    // A person's lots (policy.ts applyToLots) change with the balance, from the account this transaction read
    // (a concurrent transfer to it conflicts and retries on the new value). Accounts from before lots were
    // kept have none until the 'points.accounts' recount writes them.
    if (leg.kind === 'person' && Array.isArray(acc.lots)) {
      const lots = applyToLots(acc.lots, day, leg.amount)
      if (lots) data.lots = _.set(lots)
    }
    await tx.collection(P.accounts).doc(leg.accountId).update({ data })
  }
  const id = transferId(req.key)
  const transfer: PointTransfer = {
    _id: id,
    key: req.key,
    communityId: req.communityId,
    kind: req.kind,
    reason: req.reason,
    cause: req.cause,
    entries: legs.map((l) => ({ accountId: l.accountId, amount: l.amount })),
    byUserId: req.byUserId,
    at: now,
  }
  await tx.collection(P.transfers).add({ data: transfer })
  const stamp = now.getTime().toString(36).padStart(9, '0')
  for (let i = 0; i < legs.length; i++) {
    const entry: PointEntry = {
      // Time-ordered ids: a statement pages by (accountId, _id) on one index, newest first.
      _id: `e${stamp}${id.slice(1, 13)}${i}`,
      transferId: id,
      accountId: legs[i].accountId,
      accountKind: legs[i].kind,
      communityId: req.communityId,
      amount: legs[i].amount,
      kind: req.kind,
      reason: req.reason,
      cause: req.cause,
      sponsorId: req.sponsorId ?? null,
      at: now,
    }
    await tx.collection(P.entries).add({ data: entry })
  }
  if (counter) await writeCounter(db, tx, counter, figures, now)
  return transfer
}

/**
 * Post one transfer on its own: idempotent by key. `alongside` writes in the same transaction, only when the
 * transfer is booked now (not on a replay): the audit entry of a secretary's grant or funding (recordIn).
 */
export async function postTransfer(
  db: Db,
  req: TransferRequest,
  now: Date,
  alongside?: (tx: Tx, transfer: PointTransfer) => Promise<void>,
): Promise<{ transfer: PointTransfer; replayed: boolean }> {
  await ensureAccounts(db, req.communityId, req.legs, now)
  return runTx(db, async (tx) => {
    const existing = await findTransfer(tx, req.key)
    if (existing) return { transfer: existing, replayed: true }
    const transfer = await applyTransfer(db, tx, req, now)
    if (alongside) await alongside(tx, transfer)
    return { transfer, replayed: false }
  })
}

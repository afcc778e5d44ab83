/**
 * The points recounts (modules/counters/registry.ts): the ledger (point_entries) is the source of truth and
 * append-only; what is kept beside it is recomputed from it here, in bounded batches, and repaired.
 *
 * 'points.accounts' walks the cached-balance accounts (person and sponsor) by `_id`, ACCOUNTS_PER_BATCH a batch:
 *   the balance is one aggregation over the account's entries (index account_id); a person's lots are what FIFO
 *   leaves of its credits, read newest first only until they cover the balance (policy.ts lotsFromCredits).
 *   The account is read again after: if a transfer moved it meanwhile, it is left for the next pass (busy).
 *   A fix is conditional on the balance and `updatedAt` read, so it never overwrites a transfer's change.
 *   Drift: counter 'points.balance' (stored and actual balance) and 'points.lots' (stored and actual sum of
 *   the lots; −1 when the account keeps none yet, as accounts from before lots were kept).
 *
 * 'points.sponsors' walks the buckets (community, China month) of the counters (counters.ts), community by
 *   community from the month of its oldest entry or counter to this month, MONTHS_PER_BATCH a batch: one
 *   aggregation over the month's entries (index community_at_id) against the sum of the month's figures on
 *   the community's shards, read before and after it (a transfer commits its entries and its counter together, so shards unchanged
 *   across the aggregation mean it saw exactly what they count; otherwise the bucket is busy, left for later).
 *   A fix adds the difference to shard 0 in a transaction that re-reads only shard 0 (`fixBucket`). Drift: counter 'points.sponsors', key `<community>/<month>/<figure>`.
 */
import type { PointAccount, PointEntry, TransferKind } from '../../../../../types/points'
import type { Deps } from '../../platform/context'
import { afterIdOf, inParallel, type Batch, type Cursor } from '../../platform/batches'
import { addMonths, chinaDayStart, chinaMonth } from '../../platform/chinaTime'
import { findMany, getById, runTx, txGet, updateWhere, type Db } from '../../platform/db'
import type { Drift } from '../counters/registry'
import { C } from '../org/repo'
import { addEntry, counterId, countersOf, emptyFigures, flatFigures, incsOf, monthOf, type Figures, type PointCounter } from './counters'
import { lotsFromCredits, sameLots, type Lot } from './policy'
import { P } from './repo'

export const ACCOUNTS_PER_BATCH = 20
export const MONTHS_PER_BATCH = 6

type Result = Batch & { drift: Drift[] }

async function ledgerBalance(db: Db, accountId: string): Promise<number> {
  const $ = db.command.aggregate
  const res = (await db
    .collection(P.entries)
    .aggregate()
    .match({ accountId })
    .group({ _id: null, total: $.sum('$amount') })
    .end()) as { list: { total: number }[] }
  return res.list[0]?.total ?? 0
}

/** FIFO lots of a person's account from its ledger: credits newest first until they cover the balance. */
async function ledgerLots(db: Db, accountId: string, balance: number): Promise<Lot[]> {
  if (balance <= 0) return []
  const _ = db.command
  const credits: { amount: number; at: Date }[] = []
  let covered = 0
  let before: string | null = null
  for (;;) {
    const page: PointEntry[] = await findMany<PointEntry>(
      db,
      P.entries,
      { accountId, amount: _.gt(0), ...(before ? { _id: _.lt(before) } : {}) },
      { orderBy: [['_id', 'desc']], limit: 100, field: { _id: true, amount: true, at: true } },
    )
    credits.push(...page.map((e) => ({ amount: e.amount, at: new Date(e.at) })))
    covered += page.reduce((sum, e) => sum + e.amount, 0)
    // Lots only once the credits read cover the balance: building them converts every credit's time to a
    // China day (dayjs tz), so doing it for every page was quadratic (17 s for an account of 5,000 credits).
    const lots = covered >= balance ? lotsFromCredits(credits, balance) : null
    if (lots) return lots
    // Credits that do not cover the balance: only a ledger that is itself wrong; count them all as lots.
    if (page.length < 100)
      return (
        lotsFromCredits(
          credits,
          credits.reduce((s, c) => s + c.amount, 0),
        ) ?? []
      )
    before = page[page.length - 1]._id
  }
}

const lotsSum = (lots: readonly Lot[]) => lots.reduce((s, l) => s + l.amount, 0)

export async function recountAccounts(deps: Deps, cursor: Cursor, opts: { fix: boolean }): Promise<Result> {
  const { db } = deps
  const _ = db.command
  const after = afterIdOf(cursor)
  const accounts = await findMany<PointAccount>(db, P.accounts, after ? { _id: _.gt(after) } : {}, { orderBy: [['_id', 'asc']], limit: ACCOUNTS_PER_BATCH })
  const drift: Drift[] = []
  let busy = 0
  await inParallel(accounts, 5, async (acc) => {
    const balance = await ledgerBalance(db, acc._id)
    const lots = acc.kind === 'person' ? await ledgerLots(db, acc._id, balance) : null
    const again = await getById<PointAccount>(db, P.accounts, acc._id)
    if (!again || again.balance !== acc.balance || new Date(again.updatedAt).getTime() !== new Date(acc.updatedAt).getTime()) {
      busy++
      return
    }
    const found: Drift[] = []
    if (acc.balance !== balance) found.push({ counter: 'points.balance', key: acc._id, stored: acc.balance, actual: balance, fixed: false })
    if (lots && !sameLots(acc.lots, lots))
      found.push({ counter: 'points.lots', key: acc._id, stored: acc.lots ? lotsSum(acc.lots) : -1, actual: lotsSum(lots), fixed: false })
    if (found.length && opts.fix) {
      const changed = await updateWhere(
        db,
        P.accounts,
        { _id: acc._id, balance: acc.balance, updatedAt: acc.updatedAt },
        { balance, ...(lots ? { lots: _.set(lots) } : {}), updatedAt: deps.now() },
      )
      for (const d of found) d.fixed = changed === 1
    }
    drift.push(...found)
  })
  const done = accounts.length < ACCOUNTS_PER_BATCH
  return {
    counts: { accounts: accounts.length, drift: drift.length, fixed: drift.filter((d) => d.fixed).length, busy },
    cursor: done ? null : { after: accounts[accounts.length - 1]._id },
    done,
    drift,
  }
}

/** The figures of a (community, month) from the ledger: one aggregation over the month's entries. */
async function ledgerFigures(db: Db, communityId: string, month: string): Promise<Figures> {
  const _ = db.command
  const $ = _.aggregate
  const start = chinaDayStart(`${month}-01`)
  const end = chinaDayStart(addMonths(`${month}-01`, 1))
  const res = (await db
    .collection(P.entries)
    .aggregate()
    .match({ communityId, at: _.and(_.gte(start), _.lt(end)) })
    .group({ _id: { a: '$accountKind', k: '$kind', s: '$sponsorId' }, total: $.sum('$amount'), n: $.sum(1) })
    .limit(1000) // aggregate answers 20 records unless told otherwise
    .end()) as { list: { _id: { a: string; k: TransferKind; s: string | null }; total: number; n: number }[] }
  const out = emptyFigures()
  for (const row of res.list) addEntry(out, { accountKind: row._id.a, kind: row._id.k, amount: row.total, sponsorId: row._id.s ?? null }, row.n)
  return out
}

const sameFlat = (a: Map<string, number>, b: Map<string, number>) => a.size === b.size && [...a].every(([k, v]) => b.get(k) === v)

/** The next month key 'YYYY-MM'. */
const nextMonth = (month: string) => addMonths(`${month}-01`, 1).slice(0, 7)

/** The first month a community's counters or entries mention (null: none). */
async function firstMonth(db: Db, communityId: string, counters: PointCounter[]): Promise<string | null> {
  const [entry] = await findMany<PointEntry>(
    db,
    P.entries,
    { communityId },
    {
      orderBy: [
        ['at', 'asc'],
        ['_id', 'asc'],
      ],
      limit: 1,
      field: { at: true },
    },
  )
  const months = [...(entry ? [chinaMonth(new Date(entry.at))] : []), ...counters.flatMap((c) => Object.keys(c.months ?? {}))]
  return months.length ? months.sort()[0] : null
}

/**
 * Repairs one bucket by adding the difference found to shard 0. The difference stays right whatever
 * transfers commit after the comparison (each adds to the entries and to a shard alike), so only shard 0 is
 * re-read, in a transaction: if its month changed since the comparison (a transfer on it, or another
 * recount's fix), nothing is written and the next pass looks again, so a fix is never applied twice.
 */
async function fixBucket(
  deps: Deps,
  communityId: string,
  month: string,
  shard0: Figures,
  stored: Map<string, number>,
  actual: Map<string, number>,
): Promise<boolean> {
  const { db } = deps
  const now = deps.now()
  const delta = emptyFigures()
  for (const k of new Set([...stored.keys(), ...actual.keys()])) {
    const d = (actual.get(k) ?? 0) - (stored.get(k) ?? 0)
    if (!d) continue
    const [group, name] = k.split('.') as [keyof Figures, string | undefined]
    if (group === 'n') delta.n = d
    else (delta[group] as Record<string, number>)[name!] = d
  }
  const id = counterId(communityId, 0)
  return runTx(db, async (tx) => {
    const current = await txGet<PointCounter>(tx, P.counters, id)
    if (!sameFlat(flatFigures(current?.months?.[month] ?? emptyFigures()), flatFigures(shard0))) return false
    if (!current) {
      const doc: Omit<PointCounter, '_id'> = { communityId, shard: 0, months: { [month]: delta }, updatedAt: now }
      await tx.collection(P.counters).doc(id).set({ data: doc })
    } else
      await tx
        .collection(P.counters)
        .doc(id)
        .update({ data: { ...incsOf(db, month, delta), updatedAt: now } })
    return true
  })
}

export async function recountSponsors(deps: Deps, cursor: Cursor, opts: { fix: boolean }): Promise<Result> {
  const { db } = deps
  const _ = db.command
  const thisMonth = chinaMonth(deps.now())
  let community = typeof cursor?.community === 'string' ? cursor.community : null
  let month = typeof cursor?.month === 'string' ? cursor.month : null
  const drift: Drift[] = []
  let buckets = 0
  let busy = 0
  while (buckets < MONTHS_PER_BATCH) {
    if (!community || !month || month > thisMonth) {
      // The next community (by _id) that has any entry or counter.
      const [next] = await findMany<{ _id: string }>(db, C.communities, community ? { _id: _.gt(community) } : {}, {
        orderBy: [['_id', 'asc']],
        limit: 1,
        field: { _id: true },
      })
      if (!next) return { counts: { buckets, drift: drift.length, fixed: drift.filter((d) => d.fixed).length, busy }, cursor: null, done: true, drift }
      community = next._id
      month = await firstMonth(db, community, await countersOf(db, community))
      if (!month) {
        month = null
        continue
      }
    }
    const before = monthOf(await countersOf(db, community), month)
    const actual = await ledgerFigures(db, community, month)
    const shards = await countersOf(db, community)
    const after = monthOf(shards, month)
    const shard0 = shards.find((c) => c.shard === 0)?.months?.[month] ?? emptyFigures()
    buckets++
    const stored = flatFigures(before)
    if (!sameFlat(stored, flatFigures(after))) busy++
    else {
      const real = flatFigures(actual)
      if (!sameFlat(stored, real)) {
        const fixed = opts.fix ? await fixBucket(deps, community, month, shard0, stored, real) : false
        for (const k of new Set([...stored.keys(), ...real.keys()]))
          if ((stored.get(k) ?? 0) !== (real.get(k) ?? 0))
            drift.push({ counter: 'points.sponsors', key: `${community}/${month}/${k}`, stored: stored.get(k) ?? 0, actual: real.get(k) ?? 0, fixed })
      }
    }
    month = nextMonth(month)
  }
  return {
    counts: { buckets, drift: drift.length, fixed: drift.filter((d) => d.fixed).length, busy },
    cursor: { community, month },
    done: false,
    drift,
  }
}

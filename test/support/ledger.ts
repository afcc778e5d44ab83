/**
 * The ledger's invariants, checked from the raw collections: every transfer's entries sum to zero and
 * match its entry documents; all entries together sum to zero; every cached balance equals the sum of
 * its account's entries; no person or sponsor account is below zero; a person's lots are what FIFO leaves
 * of its credits; the running counters of every (community, China month) equal what its entries add up to.
 */
import type { Engine } from '../../local/engine'
import { chinaMonth } from '../../cloudfunctions/api/src/platform/chinaTime'
import { addEntry, emptyFigures, flatFigures, sumFigures, type Figures } from '../../cloudfunctions/api/src/modules/points/counters'
import { lotsFromCredits, sameLots } from '../../cloudfunctions/api/src/modules/points/policy'

export async function ledgerProblems(engine: Engine): Promise<string[]> {
  const problems: string[] = []
  const [transfers, entries, accounts] = await Promise.all([
    engine.find('point_transfers', {}),
    engine.find('point_entries', {}),
    engine.find('point_accounts', {}),
  ])
  const byTransfer = new Map<string, number>()
  const byAccount = new Map<string, number>()
  let total = 0
  for (const e of entries) {
    byTransfer.set(e.transferId, (byTransfer.get(e.transferId) ?? 0) + e.amount)
    byAccount.set(e.accountId, (byAccount.get(e.accountId) ?? 0) + e.amount)
    total += e.amount
  }
  if (total !== 0) problems.push(`all entries sum to ${total}`)
  for (const t of transfers) {
    const sum = t.entries.reduce((s: number, x: { amount: number }) => s + x.amount, 0)
    if (sum !== 0) problems.push(`transfer ${t._id} sums to ${sum}`)
    const docs = entries.filter((e) => e.transferId === t._id).length
    if (docs !== t.entries.length) problems.push(`transfer ${t._id} has ${docs} entry documents for ${t.entries.length} entries`)
  }
  for (const a of accounts) {
    const sum = byAccount.get(a._id) ?? 0
    if (a.balance !== sum) problems.push(`account ${a._id} caches ${a.balance} but its entries sum to ${sum}`)
    if (a.balance < 0) problems.push(`account ${a._id} is negative: ${a.balance}`)
    if (a.kind === 'person' && a.lots) {
      const credits = entries
        .filter((e) => e.accountId === a._id && e.amount > 0)
        .sort((x, y) => (x._id < y._id ? 1 : -1))
        .map((e) => ({ amount: e.amount, at: new Date(e.at) }))
      const lots = lotsFromCredits(credits, sum)
      if (!lots || !sameLots(a.lots, lots)) problems.push(`account ${a._id} keeps lots ${JSON.stringify(a.lots)} but FIFO leaves ${JSON.stringify(lots)}`)
    }
  }
  const actual = new Map<string, Figures>()
  for (const e of entries) {
    const key = `${e.communityId}/${chinaMonth(new Date(e.at))}`
    addEntry(actual.get(key) ?? actual.set(key, emptyFigures()).get(key)!, e)
  }
  const stored = new Map<string, Figures[]>()
  for (const c of await engine.find('point_counters', {}))
    for (const [month, f] of Object.entries<Figures>(c.months ?? {})) {
      const key = `${c.communityId}/${month}`
      stored.set(key, [...(stored.get(key) ?? []), f])
    }
  for (const key of new Set([...actual.keys(), ...stored.keys()])) {
    const a = JSON.stringify([...flatFigures(actual.get(key) ?? emptyFigures())].sort())
    const b = JSON.stringify([...flatFigures(sumFigures(stored.get(key) ?? []))].sort())
    if (a !== b) problems.push(`counters ${key} hold ${b} but the entries add up to ${a}`)
  }
  return problems
}

/**
 * The ledger's invariants, checked from the raw collections: every transfer's entries sum to zero and
 * match its entry documents; all entries together sum to zero; every cached balance equals the sum of
 * its account's entries; no person or sponsor account is below zero.
 */
import type { Engine } from '../../local/engine'

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
  }
  return problems
}

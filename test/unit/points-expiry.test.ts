/**
 * The expiry timer and points.balance compute FIFO expiry as "balance − credits since the cutoff"
 * (points/account.ts recentCredits), reading only recent entries; the rule itself (policy.ts
 * expiringAmount) reads the whole history. The two agree on any ledger of credits and debits.
 */
import { expiringAmount } from '../../cloudfunctions/api/src/modules/points/policy'

function ledger(seed: number) {
  let x = seed
  const rand = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
  const entries: { amount: number; at: Date }[] = []
  let balance = 0
  for (let i = 0; i < 60; i++) {
    const at = new Date(Date.UTC(2024, 0, 1) + i * 9 * 86400_000)
    if (balance > 0 && rand() < 0.4) {
      const spend = 1 + Math.floor(rand() * balance)
      entries.push({ amount: -spend, at })
      balance -= spend
    } else {
      const earn = 1 + Math.floor(rand() * 50)
      entries.push({ amount: earn, at })
      balance += earn
    }
  }
  return { entries, balance }
}

test('expiring = max(0, balance − credits since the cutoff), for any cutoff, on 200 random ledgers', () => {
  for (let seed = 1; seed <= 200; seed++) {
    const { entries, balance } = ledger(seed)
    for (let k = 0; k < 60; k += 7) {
      const cutoff = new Date(Date.UTC(2024, 0, 1) + k * 9 * 86400_000 + 3600_000)
      const recent = entries.filter((e) => e.amount > 0 && e.at >= cutoff).reduce((s, e) => s + e.amount, 0)
      expect(Math.max(0, balance - recent)).toBe(Math.min(balance, expiringAmount(entries, cutoff)))
    }
  }
})

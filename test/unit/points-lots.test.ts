/**
 * A person's lots (policy.ts): kept leg by leg with every transfer (`applyToLots`), rebuilt from the ledger by the
 * recount (`lotsFromCredits`), and read by points.balance (`nextExpiryOfLots`) — all three agree with the
 * ledger's own FIFO (`nextExpiry` over every entry), on random histories of credits, spends and expiries.
 */
import { applyToLots, lotsFromCredits, nextExpiry, nextExpiryOfLots, type Lot } from '../../cloudfunctions/api/src/modules/points/policy'
import { chinaDay } from '../../cloudfunctions/api/src/platform/chinaTime'

/** A small deterministic generator, so a failure names its seed. */
function rng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

const START = Date.UTC(2025, 0, 31, 15, 30) // 23:30 in Shanghai: the first days straddle China midnight

test.each(Array.from({ length: 40 }, (_, i) => i + 1))('random history %i: kept lots = rebuilt lots, and the warning = the ledger’s', (seed) => {
  const r = rng(seed)
  const entries: { amount: number; at: Date }[] = []
  let lots: Lot[] = []
  let balance = 0
  let t = START
  for (let step = 0; step < 300; step++) {
    t += Math.floor(r() * 3 * 86400_000)
    const at = new Date(t)
    const credit = balance === 0 || r() < 0.55
    const amount = credit ? 1 + Math.floor(r() * 50) : -(1 + Math.floor(r() * Math.min(balance, 60)))
    const next = applyToLots(lots, chinaDay(at), amount)
    expect(next).not.toBeNull()
    lots = next!
    balance += amount
    entries.push({ amount, at })
    expect(lots.reduce((s, l) => s + l.amount, 0)).toBe(balance)
    if (step % 25 === 0) {
      const newestFirst = entries.filter((e) => e.amount > 0).reverse()
      expect(lotsFromCredits(newestFirst, balance)).toEqual(lots)
      for (const months of [1, 3, 12]) {
        const today = chinaDay(at)
        expect(nextExpiryOfLots(lots, months, today, 30)).toEqual(nextExpiry(entries, months, today, 30))
      }
    }
  }
})

test('a debit larger than the lots is refused (the ledger never lets a balance go below zero)', () => {
  expect(applyToLots([{ day: '2025-03-01', amount: 5 }], '2025-03-02', -6)).toBeNull()
  expect(applyToLots([{ day: '2025-03-01', amount: 5 }], '2025-03-02', -5)).toEqual([])
})

test('a credit stamped before midnight that commits after one stamped after joins its own day, in order', () => {
  expect(applyToLots([{ day: '2025-03-02', amount: 5 }], '2025-03-01', 3)).toEqual([
    { day: '2025-03-01', amount: 3 },
    { day: '2025-03-02', amount: 5 },
  ])
})

test('credits that do not cover the balance cannot make lots (the recount reads further)', () => {
  expect(lotsFromCredits([{ amount: 5, at: new Date(START) }], 6)).toBeNull()
  expect(lotsFromCredits([], 0)).toEqual([])
})

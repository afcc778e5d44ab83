/**
 * The ledger's pure rules (modules/points/policy.ts): account ids, which balances may go negative, what a
 * valid transfer is, earning caps, and FIFO expiry. (Expiry by China day: china-time.test.ts; the expiry
 * identity on random ledgers: points-expiry.test.ts.)
 */
import {
  accountId,
  allowedUnderCaps,
  cachesBalance,
  expiringAmount,
  mayGoNegative,
  nextExpiry,
  transferId,
  validEntries,
} from '../../cloudfunctions/api/src/modules/points/policy'
import { entryIdFloor } from '../../cloudfunctions/api/src/modules/points/account'
import { chinaDay } from '../../cloudfunctions/api/src/platform/chinaTime'

describe('accounts', () => {
  test('ids are derived, distinct per kind, and never collide across communities', () => {
    const ids = [
      accountId.person('c-1', 'u-1'),
      accountId.person('c-2', 'u-1'),
      accountId.sponsor('c-1', 'u-1'),
      accountId.mall('c-1'),
      accountId.expired('c-1'),
      accountId.funding('c-1'),
    ]
    expect(new Set(ids).size).toBe(ids.length)
    expect(accountId.person('c-1', 'u-1')).toBe(accountId.person('c-1', 'u-1'))
  })

  test.each([
    // kind, may go negative, caches its balance
    ['person', false, true],
    ['sponsor', false, true],
    ['mall', false, false],
    ['expired', false, false],
    ['funding', true, false],
  ] as const)('%s: may go negative %s, cached balance %s', (kind, negative, cached) => {
    expect(mayGoNegative(kind)).toBe(negative)
    expect(cachesBalance(kind)).toBe(cached)
  })
})

describe('transfers', () => {
  test('a transfer id is a function of its key only, of a fixed shape', () => {
    expect(transferId('wish:w1:fulfil')).toBe(transferId('wish:w1:fulfil'))
    expect(transferId('wish:w1:fulfil')).not.toBe(transferId('wish:w2:fulfil'))
    expect(transferId('x')).toMatch(/^t[0-9a-f]{31}$/)
  })

  const e = (accountId: string, amount: number) => ({ accountId, amount })
  test.each([
    ['two legs summing to zero', [e('a', -5), e('b', 5)], true],
    ['three legs summing to zero', [e('a', -5), e('b', 3), e('c', 2)], true],
    ['one leg', [e('a', 0)], false],
    ['no legs', [], false],
    ['not summing to zero', [e('a', -5), e('b', 4)], false],
    ['a zero leg', [e('a', 0), e('b', 0)], false],
    ['a fractional amount', [e('a', -0.5), e('b', 0.5)], false],
    ['the same account twice', [e('a', -5), e('a', 5)], false],
    ['a NaN amount', [e('a', NaN), e('b', 5)], false],
  ])('%s → valid %s', (_name, legs, valid) => {
    expect(validEntries(legs)).toBe(valid)
  })
})

describe('earning caps', () => {
  const caps = (dailyCap: number | null, monthlyCap: number | null) => ({ dailyCap, monthlyCap })
  test.each([
    // rule, wanted, earned today, earned this month → allowed
    [caps(null, null), 50, 1000, 10000, 50],
    [caps(40, null), 30, 0, 0, 30],
    [caps(40, null), 30, 20, 20, 20],
    [caps(40, null), 30, 40, 40, 0],
    [caps(40, null), 30, 55, 55, 0], // already over (the cap was lowered): never negative
    [caps(null, 100), 30, 0, 90, 10],
    [caps(40, 100), 30, 0, 95, 5], // the month bites before the day
    [caps(10, 100), 30, 0, 0, 10], // the day bites before the month
    [caps(0, null), 30, 0, 0, 0],
  ])('%o: wanting %i with %i today and %i this month allows %i', (rule, wanted, today, month, allowed) => {
    expect(allowedUnderCaps(rule, wanted, today, month)).toBe(allowed)
  })
})

describe('expiry, first in first out', () => {
  const at = (iso: string) => new Date(iso)
  const cutoff = at('2026-01-01T00:00:00Z')
  const credit = (amount: number, iso: string) => ({ amount, at: at(iso) })
  test.each([
    ['nothing earned', [], 0],
    ['old credits unspent', [credit(50, '2025-06-01T00:00:00Z')], 50],
    ['new credits do not expire', [credit(50, '2026-02-01T00:00:00Z')], 0],
    ['spending uses the oldest first', [credit(50, '2025-06-01T00:00:00Z'), credit(30, '2026-02-01T00:00:00Z'), credit(-20, '2026-03-01T00:00:00Z')], 30],
    ['spent more than the old credits', [credit(50, '2025-06-01T00:00:00Z'), credit(30, '2026-02-01T00:00:00Z'), credit(-60, '2026-03-01T00:00:00Z')], 0],
    ['a debit before the cutoff counts too', [credit(50, '2025-06-01T00:00:00Z'), credit(-50, '2025-07-01T00:00:00Z')], 0],
    ['a credit at the cutoff is not before it', [credit(50, '2026-01-01T00:00:00Z')], 0],
  ])('%s → %i expire', (_name, entries, amount) => {
    expect(expiringAmount(entries, cutoff)).toBe(amount)
  })

  test.each([
    // entries, months, today (China day), warn days → the warning
    ['nothing unspent', [credit(50, '2025-01-10T04:00:00Z'), credit(-50, '2025-02-01T04:00:00Z')], 12, '2026-01-01', 30, null],
    [
      'the oldest unspent credit, within the window',
      [credit(50, '2025-01-10T04:00:00Z'), credit(20, '2025-03-10T04:00:00Z')],
      12,
      '2025-12-20',
      30,
      { amount: 50, on: '2026-01-10' },
    ],
    [
      'partly spent: only what is left of it',
      [credit(50, '2025-01-10T04:00:00Z'), credit(20, '2025-03-10T04:00:00Z'), credit(-45, '2025-05-01T04:00:00Z')],
      12,
      '2025-12-20',
      30,
      { amount: 5, on: '2026-01-10' },
    ],
    [
      'the oldest fully spent: the next one',
      [credit(50, '2025-01-10T04:00:00Z'), credit(20, '2025-03-10T04:00:00Z'), credit(-50, '2025-05-01T04:00:00Z')],
      12,
      '2026-02-20',
      30,
      { amount: 20, on: '2026-03-10' },
    ],
    ['beyond the window: no warning yet', [credit(50, '2025-01-10T04:00:00Z')], 12, '2025-11-01', 30, null],
  ] as const)('%s', (_name, entries, months, today, warnDays, expected) => {
    expect(nextExpiry([...entries], months, today as ReturnType<typeof chinaDay>, warnDays)).toEqual(expected)
  })
})

describe('entry ids are time-ordered', () => {
  test('the floor of an instant is at or below every id minted then and above every id minted before', () => {
    const mint = (t: Date, i = 0) => `e${t.getTime().toString(36).padStart(9, '0')}${'0123456789ab'}${i}`
    for (const iso of ['2020-01-01T00:00:00Z', '2026-11-30T15:59:59.999Z', '2033-05-18T03:33:20Z']) {
      const t = new Date(iso)
      expect(entryIdFloor(t) <= mint(t)).toBe(true)
      expect(mint(new Date(t.getTime() - 1), 9) < entryIdFloor(t)).toBe(true)
    }
  })
})

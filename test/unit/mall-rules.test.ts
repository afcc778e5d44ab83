/**
 * The supermarket's pure rules (modules/mall/rules.ts): one order per tap, pickup codes, per-person limits, and
 * which order states may still change.
 */
import { ORDER_STATUSES } from '../../types/points'
import {
  canClose,
  isOwner,
  newPickupCode,
  orderIdFor,
  remainingUnderLimit,
  STATUS_LABELS,
  verifyRefusal,
} from '../../cloudfunctions/api/src/modules/mall/rules'

describe('orders', () => {
  test('the same tap names the same order; another tap or another person, another order', () => {
    expect(orderIdFor('u-1', 'key-aaaaaaaa')).toBe(orderIdFor('u-1', 'key-aaaaaaaa'))
    expect(orderIdFor('u-1', 'key-aaaaaaaa')).not.toBe(orderIdFor('u-1', 'key-bbbbbbbb'))
    expect(orderIdFor('u-1', 'key-aaaaaaaa')).not.toBe(orderIdFor('u-2', 'key-aaaaaaaa'))
    expect(orderIdFor('u-1', 'k')).toMatch(/^o[0-9a-f]{23}$/)
  })

  test('pickup codes: 8 digits, never a leading 0 (read aloud, typed by hand)', () => {
    for (let i = 0; i < 2000; i++) expect(newPickupCode()).toMatch(/^[1-9]\d{7}$/)
  })

  test.each([
    [null, 0, null],
    [null, 99, null],
    [2, 0, 2],
    [2, 1, 1],
    [2, 2, 0],
    [2, 5, 0], // the limit was lowered below what is held: none more, never negative
    [0, 0, 0],
  ])('limit %p, holding %i → %p more', (limit, held, left) => {
    expect(remainingUnderLimit(limit, held)).toBe(left)
  })

  test.each([
    // status, open (may be picked up, cancelled, expire), why the counter refuses it
    ['reserved', true, null],
    ['picked_up', false, '这个取货码已经核销过了'],
    ['cancelled', false, '这个订单已取消，不能取货'],
    ['expired', false, '这个订单已过期，积分已退回'],
  ] as const)('%s: open %s, refusal %p', (status, open, refusal) => {
    expect(canClose({ status })).toBe(open)
    expect(verifyRefusal({ status })).toBe(refusal)
  })

  test('every status has a label and a closed one a refusal', () => {
    for (const s of ORDER_STATUSES) {
      expect(STATUS_LABELS[s]).toBeTruthy()
      expect(canClose({ status: s }) || verifyRefusal({ status: s }) !== null).toBe(true)
    }
  })

  test('the owner is the person who redeemed', () => {
    expect(isOwner({ userId: 'u-1' }, 'u-1')).toBe(true)
    expect(isOwner({ userId: 'u-1' }, 'u-2')).toBe(false)
  })
})

/**
 * Points and the points supermarket through the real main() on the local engine: the ledger never
 * lies (replays change nothing, corrections are new entries, budgets and balances never go negative),
 * the shop never oversells, and every secretary action refuses everyone else.
 */
import * as cloud from 'wx-server-sdk'
import { codeOf, openTestCloud, type TestCloud } from '../support/cloud'
import { P, T, seedFixtures } from '../support/fixtures'
import { ledgerProblems } from '../support/ledger'
import { credit } from '../../cloudfunctions/api/src/modules/points/earn'
import * as pointsAccount from '../../cloudfunctions/api/src/modules/points/account'
import type { ApiResult } from '../../types/common'
import type { ItemView } from '../../types/points'

let tc: TestCloud
let key = 0
const k = () => `key-${Date.now()}-${++key}`
const sec = P.secretary.openid
const res = P.resident.openid

beforeAll(async () => {
  tc = await openTestCloud()
})
afterEach(() => tc.resetClock())
afterAll(async () => {
  await tc.close()
})

const DAY = 86_400_000

/** A funded community: one sponsor with 1000 points, a rule, and a shelf item (made at the clock's time). */
async function setup(opts: { stock?: number; price?: number; limit?: number | null } = {}) {
  await seedFixtures(tc.engine, tc.now())
  tc.resetLimits()
  const [s] = await tc.ok(sec, 'points.setSponsor', { communityId: T.c1, name: '青山区税务局', warnBelow: 200 })
  await tc.ok(sec, 'points.fundSponsor', { communityId: T.c1, sponsorId: s.id, amount: 1000, note: '年度共建经费', requestKey: k() })
  const item = await tc.ok(sec, 'mall.upsertItem', {
    communityId: T.c1,
    name: '洗衣液',
    kind: 'goods',
    description: '2kg 装',
    photos: [],
    price: opts.price ?? 30,
    stockDelta: opts.stock ?? 5,
    perPersonLimit: opts.limit === undefined ? 2 : opts.limit,
    pickupPlace: '党群服务中心一楼',
    pickupHours: '工作日 9:00-17:00',
    pickupDays: 7,
    sponsorId: s.id,
    active: true,
  })
  return { sponsorId: s.id, item }
}

/** The code and reason of a refusal, as the client branches on them (never on the message). */
const refusal = (r: ApiResult<unknown>) => (r.ok ? 'OK' : `${r.error.code} ${r.error.details?.reason ?? '-'}`)

const balanceOf = async (openid: string) => (await tc.ok(openid, 'points.balance', { communityId: T.c1 })).balance
const stockOf = async (item: ItemView) => (await tc.engine.find('mall_items', { _id: item.id }))[0].stock

describe('ledger', () => {
  test('funding, granting and correcting: balances, statement, report and audit agree', async () => {
    const { sponsorId } = await setup()
    const g = k()
    expect((await tc.ok(sec, 'points.grant', { communityId: T.c1, userId: P.resident.id, amount: 100, reason: '垃圾分类示范户', requestKey: g })).balance).toBe(
      100,
    )
    // A replayed grant changes nothing.
    const replay = await tc.ok(sec, 'points.grant', { communityId: T.c1, userId: P.resident.id, amount: 100, reason: '垃圾分类示范户', requestKey: g })
    expect(replay).toEqual({ userId: P.resident.id, balance: 100, replayed: true })
    // A correction is a new entry, never an edit.
    expect((await tc.ok(sec, 'points.grant', { communityId: T.c1, userId: P.resident.id, amount: -30, reason: '重复登记更正', requestKey: k() })).balance).toBe(
      70,
    )
    const before = await tc.engine.find('point_entries', {})
    expect(codeOf(await tc.call(sec, 'points.grant', { communityId: T.c1, userId: P.resident.id, amount: -71, reason: '超额扣减', requestKey: k() }))).toBe(
      'CONFLICT',
    )
    expect(await tc.engine.find('point_entries', {})).toEqual(before)

    const st = await tc.ok(res, 'points.statement', { communityId: T.c1 })
    expect(st.items.map((l) => [l.amount, l.kind, l.reason])).toEqual([
      [-30, 'correct', '重复登记更正'],
      [100, 'grant', '垃圾分类示范户'],
    ])
    const sponsors = await tc.ok(sec, 'points.sponsors', { communityId: T.c1 })
    expect(sponsors).toEqual([expect.objectContaining({ id: sponsorId, budget: 930, issued: 70, redeemed: 0, low: false })])
    const report = await tc.ok(sec, 'points.report', { communityId: T.c1 })
    expect(report.totals).toEqual({ budget: 930, issued: 70, redeemed: 0, outstanding: 70 })
    // The months add up (which month is China time's: test/integration/china-time.test.ts).
    expect(report.months.reduce((sum, m) => sum + m.issued, 0)).toBe(70)
    expect(await tc.engine.count('audit_log', { action: 'points.grant' })).toBe(2)
    expect(await tc.engine.count('audit_log', { action: 'points.fundSponsor' })).toBe(1)
    expect(await ledgerProblems(tc.engine)).toEqual([])
  })

  test('a budget never goes negative; the report warns before it runs out', async () => {
    const { sponsorId } = await setup()
    expect(codeOf(await tc.call(sec, 'points.grant', { communityId: T.c1, userId: P.resident.id, amount: 1001, reason: '超出预算', requestKey: k() }))).toBe(
      'CONFLICT',
    )
    await tc.ok(sec, 'points.grant', { communityId: T.c1, userId: P.resident.id, amount: 900, reason: '志愿服务表彰', requestKey: k() })
    const report = await tc.ok(sec, 'points.report', { communityId: T.c1 })
    expect(report.sponsors[0]).toMatchObject({ id: sponsorId, budget: 100, low: true })
    expect(report.warnings[0]).toContain('青山区税务局')
    expect(await ledgerProblems(tc.engine)).toEqual([])
  })

  test('credit (for other modules) is idempotent by key, follows the rule and its daily cap', async () => {
    await setup()
    await tc.ok(sec, 'points.setRule', { communityId: T.c1, kind: 'wish_fulfilled', points: 10, dailyCap: 25, monthlyCap: null, active: true })
    const db = cloud.database()
    const now = tc.now()
    const ask = (id: string) =>
      credit(db, now, {
        communityId: T.c1,
        userId: P.member.id,
        kind: 'wish_fulfilled',
        quantity: 1,
        key: `wish:${id}:fulfil`,
        reason: '完成微心愿',
        cause: { type: 'wish', id },
        byUserId: null,
      })
    expect((await ask('w1')).credited).toBe(10)
    expect(await ask('w1')).toMatchObject({ credited: 10, replayed: true })
    expect(await Promise.all([ask('w2'), ask('w2'), ask('w2')])).toEqual(expect.arrayContaining([expect.objectContaining({ credited: 10 })]))
    expect(await ask('w3')).toMatchObject({ credited: 5, capped: true })
    expect(await ask('w4')).toMatchObject({ credited: 0, capped: true })
    expect(await balanceOf(P.member.openid)).toBe(25)
    const noRule = await credit(db, now, {
      communityId: T.c1,
      userId: P.member.id,
      kind: 'waste_sorting',
      quantity: 1,
      key: 'ws:1',
      reason: 'x',
      cause: null,
      byUserId: null,
    })
    expect(noRule.credited).toBe(0)
    expect(await ledgerProblems(tc.engine)).toEqual([])
  })

  test('rules and expiry settings are readable by members and set by secretaries', async () => {
    await setup()
    const r = await tc.ok(sec, 'points.setRule', { communityId: T.c1, kind: 'volunteer_hour', points: 5, dailyCap: 40, monthlyCap: 400, active: true })
    expect(r.rules.find((x) => x.kind === 'volunteer_hour')).toMatchObject({
      points: 5,
      dailyCap: 40,
      monthlyCap: 400,
      active: true,
      label: '志愿服务（每小时）',
    })
    expect((await tc.ok(sec, 'points.setExpiry', { communityId: T.c1, expireMonths: 12 })).expireMonths).toBe(12)
    expect((await tc.ok(res, 'points.rules', { communityId: T.c1 })).expireMonths).toBe(12)
  })

  test('points about to expire are shown in advance (FIFO)', async () => {
    tc.setNow('2025-11-25T02:00:00Z') // 25 Nov 2025, 10:00 in Shanghai
    await setup()
    await tc.ok(sec, 'points.grant', { communityId: T.c1, userId: P.resident.id, amount: 50, reason: '去年的积分', requestKey: k() })
    await tc.ok(sec, 'points.setExpiry', { communityId: T.c1, expireMonths: 12 })
    tc.advance(300 * DAY)
    expect((await tc.ok(res, 'points.balance', { communityId: T.c1 })).expiring).toBeNull()
    tc.setNow('2026-11-01T02:00:00Z') // within 30 days of 25 Nov 2026
    const b = await tc.ok(res, 'points.balance', { communityId: T.c1 })
    expect(b.expiring).toEqual({ amount: 50, on: '2026-11-25' })
  })

  test('the timer expires old points first-in-first-out, once', async () => {
    tc.advance(-400 * DAY)
    await setup()
    await tc.ok(sec, 'points.grant', { communityId: T.c1, userId: P.resident.id, amount: 50, reason: '去年的积分', requestKey: k() })
    tc.resetClock() // 400 days later
    tc.resetLimits()
    await tc.ok(sec, 'points.grant', { communityId: T.c1, userId: P.resident.id, amount: 20, reason: '今年的积分', requestKey: k() })
    await tc.ok(sec, 'points.setExpiry', { communityId: T.c1, expireMonths: 12 })
    const tick = await tc.raw(null, { Type: 'Timer', TriggerName: 'hourly' })
    expect(tick.ok && (tick.data as Record<string, unknown>)['points.expire']).toEqual({ expired: 50, accounts: 1 })
    expect(await balanceOf(res)).toBe(20)
    await tc.raw(null, { Type: 'Timer', TriggerName: 'hourly' })
    expect(await balanceOf(res)).toBe(20)
    expect((await tc.ok(res, 'points.statement', { communityId: T.c1 })).items[0]).toMatchObject({ amount: -50, kind: 'expire' })
    expect((await tc.ok(sec, 'points.report', { communityId: T.c1 })).months.reduce((sum, m) => sum + m.expired, 0)).toBe(50)
    expect(await ledgerProblems(tc.engine)).toEqual([])
  })

  test('an expiry racing a spend writes nothing for that person, goes on with the others, and catches up next tick', async () => {
    const nb = P.neighbour.openid
    tc.advance(-400 * DAY)
    await setup()
    await tc.ok(sec, 'points.grant', { communityId: T.c1, userId: P.resident.id, amount: 50, reason: '去年的积分', requestKey: k() })
    await tc.ok(sec, 'points.grant', { communityId: T.c1, userId: P.neighbour.id, amount: 30, reason: '去年的积分', requestKey: k() })
    tc.resetClock() // 400 days later
    tc.resetLimits()
    await tc.ok(sec, 'points.setExpiry', { communityId: T.c1, expireMonths: 12 })
    // The resident's points move (a correction of -45) after the job has read her recent credits, before it books.
    const residentAccount = `pa_${T.c1}_${P.resident.id}`
    const real = pointsAccount.recentCredits
    let moved = false
    const spy = jest.spyOn(pointsAccount, 'recentCredits').mockImplementation(async (d, account, since, enough) => {
      const out = await real(d, account, since, enough)
      if (account === residentAccount && !moved) {
        moved = true
        await tc.ok(sec, 'points.grant', { communityId: T.c1, userId: P.resident.id, amount: -45, reason: '录入有误，更正', requestKey: k() })
      }
      return out
    })
    try {
      const tick = await tc.raw(null, { Type: 'Timer', TriggerName: 'hourly' })
      expect(moved).toBe(true)
      expect(tick.ok && (tick.data as Record<string, unknown>)['points.expire']).toEqual({ expired: 30, accounts: 1 })
    } finally {
      spy.mockRestore()
    }
    expect(await balanceOf(res)).toBe(5)
    expect(await balanceOf(nb)).toBe(0)
    const next = await tc.raw(null, { Type: 'Timer', TriggerName: 'hourly' })
    expect(next.ok && (next.data as Record<string, unknown>)['points.expire']).toEqual({ expired: 5, accounts: 1 })
    expect(await balanceOf(res)).toBe(0)
    expect(await ledgerProblems(tc.engine)).toEqual([])
  })
})

describe('supermarket', () => {
  test('redeem → pickup code → verify once; the order, balance, stock and limit agree', async () => {
    const { item } = await setup({ stock: 5, price: 30, limit: 2 })
    await tc.ok(sec, 'points.grant', { communityId: T.c1, userId: P.resident.id, amount: 100, reason: '志愿服务', requestKey: k() })
    const shelf = await tc.ok(res, 'mall.items', { communityId: T.c1 })
    expect(shelf.items.map((i) => [i.name, i.price, i.stock, i.myRemaining, i.sponsorName])).toEqual([['洗衣液', 30, 5, 2, '青山区税务局']])

    const rk = k()
    const order = await tc.ok(res, 'mall.redeem', { communityId: T.c1, itemId: item.id, quantity: 2, requestKey: rk })
    expect(order).toMatchObject({ status: 'reserved', points: 60, quantity: 2, pickupPlace: '党群服务中心一楼' })
    expect(order.pickupCode).toMatch(/^\d{8}$/)
    // The same tap again: the same order, nothing taken twice.
    expect((await tc.ok(res, 'mall.redeem', { communityId: T.c1, itemId: item.id, quantity: 2, requestKey: rk })).id).toBe(order.id)
    expect(await balanceOf(res)).toBe(40)
    expect(await stockOf(item)).toBe(3)
    // The per-person limit: 2 each.
    expect(codeOf(await tc.call(res, 'mall.redeem', { communityId: T.c1, itemId: item.id, quantity: 1, requestKey: k() }))).toBe('CONFLICT')
    expect(await stockOf(item)).toBe(3)
    expect((await tc.ok(res, 'mall.item', { communityId: T.c1, itemId: item.id })).myRemaining).toBe(0)

    expect((await tc.ok(res, 'mall.order', { communityId: T.c1, orderId: order.id })).pickupCode).toBe(order.pickupCode)
    expect((await tc.ok(sec, 'mall.order', { communityId: T.c1, orderId: order.id })).userName).toBe('王*英')
    expect(codeOf(await tc.call(P.neighbour.openid, 'mall.order', { communityId: T.c1, orderId: order.id }))).toBe('NOT_FOUND')
    const mine = await tc.ok(res, 'mall.myOrders', { communityId: T.c1 })
    expect(mine.items.map((o) => o.id)).toEqual([order.id])
    const all = await tc.ok(sec, 'mall.orders', { communityId: T.c1, status: 'reserved' })
    expect(all.items[0]).toMatchObject({ id: order.id, userName: '王*英' })

    const v = await tc.ok(sec, 'mall.verify', { communityId: T.c1, code: order.pickupCode! })
    expect(v).toMatchObject({ id: order.id, status: 'picked_up', pickupCode: null })
    expect(codeOf(await tc.call(sec, 'mall.verify', { communityId: T.c1, code: order.pickupCode! }))).toBe('CONFLICT')
    expect(codeOf(await tc.call(res, 'mall.cancel', { communityId: T.c1, orderId: order.id }))).toBe('CONFLICT')
    expect(codeOf(await tc.call(sec, 'mall.verify', { communityId: T.c1, code: '12345678' }))).toBe('NOT_FOUND')
    const report = await tc.ok(sec, 'points.report', { communityId: T.c1 })
    expect(report.sponsors[0].redeemed).toBe(60)
    expect(await ledgerProblems(tc.engine)).toEqual([])
  })

  test('cancel gives everything back; only the owner may cancel; the refund happens once', async () => {
    const { item } = await setup({ stock: 1, price: 30, limit: 1 })
    await tc.ok(sec, 'points.grant', { communityId: T.c1, userId: P.resident.id, amount: 30, reason: '志愿服务', requestKey: k() })
    const order = await tc.ok(res, 'mall.redeem', { communityId: T.c1, itemId: item.id, quantity: 1, requestKey: k() })
    expect(await stockOf(item)).toBe(0)
    expect(codeOf(await tc.call(P.neighbour.openid, 'mall.cancel', { communityId: T.c1, orderId: order.id }))).toBe('NOT_FOUND')
    const results = await Promise.all([1, 2, 3].map(() => tc.call(res, 'mall.cancel', { communityId: T.c1, orderId: order.id }).then(codeOf)))
    expect(results.filter((c) => c === 'OK')).toHaveLength(1)
    expect(await balanceOf(res)).toBe(30)
    expect(await stockOf(item)).toBe(1)
    expect((await tc.ok(res, 'mall.item', { communityId: T.c1, itemId: item.id })).myRemaining).toBe(1)
    expect(await ledgerProblems(tc.engine)).toEqual([])
  })

  test('not enough points or stock: CONFLICT and nothing changes', async () => {
    const { item } = await setup({ stock: 1, price: 30 })
    const snap = JSON.stringify([await tc.engine.find('mall_items', {}), await tc.engine.find('point_entries', {}), await tc.engine.find('mall_orders', {})])
    const poor = await tc.call(P.neighbour.openid, 'mall.redeem', { communityId: T.c1, itemId: item.id, quantity: 1, requestKey: k() })
    expect(codeOf(poor)).toBe('CONFLICT')
    if (!poor.ok) expect(poor.error).toEqual({ code: 'CONFLICT', message: '积分余额不足', details: { reason: 'INSUFFICIENT_POINTS' } })
    const many = await tc.call(P.neighbour.openid, 'mall.redeem', { communityId: T.c1, itemId: item.id, quantity: 2, requestKey: k() })
    expect(codeOf(many)).toBe('CONFLICT')
    const after = JSON.stringify([await tc.engine.find('mall_items', {}), await tc.engine.find('point_entries', {}), await tc.engine.find('mall_orders', {})])
    expect(after).toBe(snap)
  })

  test('orders not picked up by their deadline expire on the timer and are refunded', async () => {
    const { item } = await setup({ stock: 2, price: 30 })
    await tc.ok(sec, 'points.grant', { communityId: T.c1, userId: P.resident.id, amount: 30, reason: '志愿服务', requestKey: k() })
    await tc.ok(res, 'mall.redeem', { communityId: T.c1, itemId: item.id, quantity: 1, requestKey: k() })
    // Still within the 7 days to pick it up: the timer leaves it.
    tc.advance(7 * DAY - 60_000)
    expect(await tc.raw(null, { Type: 'Timer', TriggerName: 'hourly' })).toEqual({
      ok: true,
      data: expect.objectContaining({ 'mall.expireOrders': { expired: 0 } }),
    })
    tc.advance(2 * 60_000)
    const tick = await tc.raw(null, { Type: 'Timer', TriggerName: 'hourly' })
    expect(tick).toEqual({ ok: true, data: expect.objectContaining({ 'mall.expireOrders': { expired: 1 } }) })
    expect((await tc.ok(res, 'mall.myOrders', { communityId: T.c1 })).items[0]).toMatchObject({ status: 'expired', pickupCode: null })
    expect(await balanceOf(res)).toBe(30)
    expect(await stockOf(item)).toBe(2)
    // Running the timer again changes nothing.
    await tc.raw(null, { Type: 'Timer', TriggerName: 'hourly' })
    expect(await balanceOf(res)).toBe(30)
    expect(await ledgerProblems(tc.engine)).toEqual([])
  })

  test('a stock hold left by a crash goes back to the shelf on the timer', async () => {
    const { item } = await setup({ stock: 3 })
    const _ = cloud.database().command
    // A redeem took the stock and crashed before booking (the hold is what redeem writes first).
    await cloud
      .database()
      .collection('mall_items')
      .doc(item.id)
      .update({
        data: { stock: _.inc(-1), holds: _.push({ orderId: 'o-crashed', quantity: 1, at: tc.now() }) },
      })
    expect(await stockOf(item)).toBe(2)
    // A fresh hold may still be a redeem in progress: left alone.
    const early = await tc.raw(null, { Type: 'Timer', TriggerName: 'hourly' })
    expect(early.ok && (early.data as Record<string, unknown>)['mall.releaseStaleHolds']).toEqual({ released: 0 })
    tc.advance(10 * 60_000)
    const tick = await tc.raw(null, { Type: 'Timer', TriggerName: 'hourly' })
    expect(tick.ok && (tick.data as Record<string, unknown>)['mall.releaseStaleHolds']).toEqual({ released: 1 })
    expect(await stockOf(item)).toBe(3)
  })

  test('secretaries manage the shelf: stock changes by delta and never below zero; withdrawn items are hidden', async () => {
    const { item } = await setup({ stock: 5 })
    const base = {
      communityId: T.c1,
      itemId: item.id,
      name: '洗衣液',
      kind: 'goods' as const,
      description: '',
      photos: [],
      price: 30,
      perPersonLimit: null,
      pickupPlace: '党群服务中心',
      pickupHours: '周三 9:00-11:00',
      pickupDays: 7,
      sponsorId: null,
    }
    expect((await tc.ok(sec, 'mall.upsertItem', { ...base, stockDelta: -2, active: true })).stock).toBe(3)
    expect(codeOf(await tc.call(sec, 'mall.upsertItem', { ...base, stockDelta: -4, active: true }))).toBe('CONFLICT')
    await tc.ok(sec, 'mall.upsertItem', { ...base, stockDelta: 0, active: false })
    expect((await tc.ok(res, 'mall.items', { communityId: T.c1 })).items).toEqual([])
    expect(codeOf(await tc.call(res, 'mall.item', { communityId: T.c1, itemId: item.id }))).toBe('NOT_FOUND')
    expect((await tc.ok(sec, 'mall.items', { communityId: T.c1, includeInactive: true })).items).toHaveLength(1)
    expect(await tc.engine.count('audit_log', { action: 'mall.upsertItem' })).toBe(3)
  })
})

describe('refusals carry the reason the client branches on', () => {
  const redeem = (openid: string, item: ItemView, quantity = 1) =>
    tc.call(openid, 'mall.redeem', { communityId: T.c1, itemId: item.id, quantity, requestKey: k() })
  const grant = (userId: string, amount: number) => tc.call(sec, 'points.grant', { communityId: T.c1, userId, amount, reason: '测试', requestKey: k() })

  test('not enough points: INSUFFICIENT_POINTS, for a redemption and for a correction larger than the balance', async () => {
    const { item } = await setup({ stock: 5, price: 30 })
    await grant(P.resident.id, 20)
    const snap = JSON.stringify([await tc.engine.find('mall_items', {}), await tc.engine.find('point_entries', {})])
    expect(refusal(await redeem(res, item))).toBe('CONFLICT INSUFFICIENT_POINTS')
    expect(refusal(await redeem(P.neighbour.openid, item, 2))).toBe('CONFLICT INSUFFICIENT_POINTS')
    // The correction is refused inside the ledger's transaction (the person's leg would go below zero).
    const r = await grant(P.resident.id, -21)
    expect(refusal(r)).toBe('CONFLICT INSUFFICIENT_POINTS')
    if (!r.ok) expect(r.error.message).toBe('这位居民的积分不足以扣减这么多')
    expect(JSON.stringify([await tc.engine.find('mall_items', {}), await tc.engine.find('point_entries', {})])).toBe(snap)
    // A sponsor's budget running short is not the caller's points: no reason.
    expect(refusal(await grant(P.resident.id, 5000))).toBe('CONFLICT -')
  })

  test('no stock left: SOLD_OUT, for the last unit gone and for asking more than is left; a secretary cannot take stock below zero', async () => {
    const { item } = await setup({ stock: 2, price: 30, limit: null })
    await grant(P.resident.id, 100)
    await grant(P.neighbour.id, 100)
    expect(refusal(await redeem(P.neighbour.openid, item, 3))).toBe('CONFLICT SOLD_OUT')
    expect(refusal(await redeem(res, item, 2))).toBe('OK')
    const sold = await redeem(P.neighbour.openid, item)
    expect(refusal(sold)).toBe('CONFLICT SOLD_OUT')
    expect(await stockOf(item)).toBe(0)
    expect(await balanceOf(P.neighbour.openid)).toBe(100)
    const base = {
      communityId: T.c1,
      itemId: item.id,
      name: '洗衣液',
      kind: 'goods' as const,
      description: '',
      photos: [],
      price: 30,
      perPersonLimit: null,
      pickupPlace: '党群服务中心',
      pickupHours: '周三 9:00-11:00',
      pickupDays: 7,
      sponsorId: null,
      active: true,
    }
    expect(refusal(await tc.call(sec, 'mall.upsertItem', { ...base, stockDelta: -1 }))).toBe('CONFLICT SOLD_OUT')
    expect(await stockOf(item)).toBe(0)
  })

  test('over the per-person limit: QUOTA_REACHED, also for taps racing each other; the stock goes back', async () => {
    const { item } = await setup({ stock: 5, price: 10, limit: 1 })
    await grant(P.resident.id, 100)
    const results = (await Promise.all([1, 2, 3].map(() => redeem(res, item)))).map(refusal)
    expect(results.sort()).toEqual(['CONFLICT QUOTA_REACHED', 'CONFLICT QUOTA_REACHED', 'OK'])
    expect(refusal(await redeem(res, item))).toBe('CONFLICT QUOTA_REACHED')
    expect(await stockOf(item)).toBe(4)
    expect(await balanceOf(res)).toBe(90)
    expect(await ledgerProblems(tc.engine)).toEqual([])
  })

  test('a closed order: STATE_CHANGED for its owner, CODE_EXPIRED at the counter', async () => {
    const { item } = await setup({ stock: 5, price: 10 })
    await grant(P.resident.id, 100)
    const order = await tc.ok(res, 'mall.redeem', { communityId: T.c1, itemId: item.id, quantity: 1, requestKey: k() })
    await tc.ok(sec, 'mall.verify', { communityId: T.c1, code: order.pickupCode! })
    expect(refusal(await tc.call(sec, 'mall.verify', { communityId: T.c1, code: order.pickupCode! }))).toBe('CONFLICT CODE_EXPIRED')
    expect(refusal(await tc.call(res, 'mall.cancel', { communityId: T.c1, orderId: order.id }))).toBe('CONFLICT STATE_CHANGED')
    expect(refusal(await tc.call(res, 'mall.pickupQr', { communityId: T.c1, orderId: order.id }))).toBe('CONFLICT STATE_CHANGED')
  })

  test('two counters scanning the same code at once hand it over once, audited once', async () => {
    const { item } = await setup({ stock: 5, price: 10 })
    await grant(P.resident.id, 100)
    const order = await tc.ok(res, 'mall.redeem', { communityId: T.c1, itemId: item.id, quantity: 1, requestKey: k() })
    const results = (await Promise.all([1, 2, 3].map(() => tc.call(sec, 'mall.verify', { communityId: T.c1, code: order.pickupCode! })))).map(refusal)
    expect(results.sort()).toEqual(['CONFLICT CODE_EXPIRED', 'CONFLICT CODE_EXPIRED', 'OK'])
    expect(await tc.engine.count('audit_log', { action: 'mall.verify' })).toBe(1)
  })
})

describe('audit', () => {
  test('every secretary change is recorded with a label a person reads; a replay records nothing', async () => {
    const { sponsorId, item } = await setup({ stock: 5, price: 10 })
    const g = k()
    await tc.ok(sec, 'points.grant', { communityId: T.c1, userId: P.resident.id, amount: 50, reason: '志愿服务', requestKey: g })
    await tc.ok(sec, 'points.grant', { communityId: T.c1, userId: P.resident.id, amount: 50, reason: '志愿服务', requestKey: g })
    const f = k()
    await tc.ok(sec, 'points.fundSponsor', { communityId: T.c1, sponsorId, amount: 10, note: '追加', requestKey: f })
    await tc.ok(sec, 'points.fundSponsor', { communityId: T.c1, sponsorId, amount: 10, note: '追加', requestKey: f })
    await tc.ok(sec, 'points.setRule', { communityId: T.c1, kind: 'volunteer_hour', points: 5, dailyCap: 40, monthlyCap: null, active: true })
    await tc.ok(sec, 'points.setExpiry', { communityId: T.c1, expireMonths: 12 })
    const order = await tc.ok(res, 'mall.redeem', { communityId: T.c1, itemId: item.id, quantity: 1, requestKey: k() })
    await tc.ok(sec, 'mall.verify', { communityId: T.c1, code: order.pickupCode! })
    const log = await tc.engine.find('audit_log', { actorId: P.secretary.id }, { sort: { _id: 1 } })
    const rows = log.map((e) => [e.action, e.resource.type, e.resource.label])
    expect(rows).toEqual([
      ['points.setSponsor', 'sponsor', '青山区税务局'],
      ['points.fundSponsor', 'sponsor', '青山区税务局'],
      ['mall.upsertItem', 'mall_item', '洗衣液'],
      ['points.grant', 'point_transfer', '王*英'],
      ['points.fundSponsor', 'sponsor', '青山区税务局'],
      ['points.setRule', 'point_rule', '志愿服务（每小时）'],
      ['points.setExpiry', 'point_settings', '积分有效期'],
      ['mall.verify', 'mall_order', '洗衣液（王*英）'],
    ])
    const expiry = log.find((e) => e.action === 'points.setExpiry')!
    expect([expiry.before, expiry.after]).toEqual([{ expireMonths: null }, { expireMonths: 12 }])
  })
})

describe('bad input and denials', () => {
  test.each([
    [
      'a negative price',
      'mall.upsertItem',
      {
        name: 'x',
        kind: 'goods',
        description: '',
        photos: [],
        price: -5,
        stockDelta: 1,
        perPersonLimit: null,
        pickupPlace: 'x',
        pickupHours: 'x',
        pickupDays: 1,
        sponsorId: null,
        active: true,
      },
    ],
    ['a zero quantity', 'mall.redeem', { itemId: 'it-x', quantity: 0, requestKey: 'abcdefgh' }],
    ['a huge quantity', 'mall.redeem', { itemId: 'it-x', quantity: 100000, requestKey: 'abcdefgh' }],
    ['a fractional quantity', 'mall.redeem', { itemId: 'it-x', quantity: 1.5, requestKey: 'abcdefgh' }],
    ['a zero grant', 'points.grant', { userId: 'u-res', amount: 0, reason: 'x', requestKey: 'abcdefgh' }],
    ['a grant without a reason', 'points.grant', { userId: 'u-res', amount: 5, reason: ' ', requestKey: 'abcdefgh' }],
    ['a malformed pickup code', 'mall.verify', { code: '12ab' }],
    ['a bad statement cursor', 'points.statement', { cursor: 'x' }],
  ] as const)('%s → INVALID_INPUT', async (_l, action, data) => {
    await setup()
    expect(codeOf(await tc.raw(sec, { action, data: { communityId: T.c1, ...data } }))).toBe('INVALID_INPUT')
  })

  test('unknown items and orders → NOT_FOUND', async () => {
    await setup()
    expect(codeOf(await tc.call(res, 'mall.redeem', { communityId: T.c1, itemId: 'it-none', quantity: 1, requestKey: k() }))).toBe('NOT_FOUND')
    expect(codeOf(await tc.call(res, 'mall.cancel', { communityId: T.c1, orderId: 'o-none' }))).toBe('NOT_FOUND')
  })

  test.each([
    ['points.setRule', { kind: 'waste_sorting', points: 1, dailyCap: null, monthlyCap: null, active: true }],
    ['points.setExpiry', { expireMonths: 6 }],
    ['points.grant', { userId: 'u-res', amount: 5, reason: '自己给自己', requestKey: 'abcdefgh' }],
    ['points.sponsors', {}],
    ['points.setSponsor', { name: '某公司', warnBelow: 0 }],
    ['points.fundSponsor', { sponsorId: 'sp-x', amount: 5, note: 'x', requestKey: 'abcdefgh' }],
    ['points.report', {}],
    [
      'mall.upsertItem',
      {
        name: 'x',
        kind: 'goods',
        description: '',
        photos: [],
        price: 5,
        stockDelta: 1,
        perPersonLimit: null,
        pickupPlace: 'x',
        pickupHours: 'x',
        pickupDays: 1,
        sponsorId: null,
        active: true,
      },
    ],
    ['mall.verify', { code: '12345678' }],
    ['mall.orders', {}],
  ] as const)('%s is for secretaries only', async (action, data) => {
    await setup()
    for (const who of [P.resident, P.member, P.head, P.otherSecretary]) {
      expect(codeOf(await tc.raw(who.openid, { action, data: { communityId: T.c1, ...data } }))).toBe('FORBIDDEN')
    }
  })

  test("someone from another community cannot use this community's points or shop", async () => {
    const { item } = await setup()
    expect(codeOf(await tc.call(P.otherSecretary.openid, 'points.balance', { communityId: T.c1 }))).toBe('FORBIDDEN')
    expect(codeOf(await tc.call(P.otherSecretary.openid, 'mall.redeem', { communityId: T.c1, itemId: item.id, quantity: 1, requestKey: k() }))).toBe(
      'FORBIDDEN',
    )
  })
})

describe('pickup QR', () => {
  test('the owner gets a real, decodable QR of the pickup code; nobody else does', async () => {
    const { PNG } = await import('pngjs')
    const jsQR = (await import('jsqr')).default
    const { item } = await setup({ stock: 2, price: 10 })
    await tc.ok(sec, 'points.grant', { communityId: T.c1, userId: P.resident.id, amount: 10, reason: '志愿服务', requestKey: k() })
    const order = await tc.ok(res, 'mall.redeem', { communityId: T.c1, itemId: item.id, quantity: 1, requestKey: k() })
    const qr = await tc.ok(res, 'mall.pickupQr', { communityId: T.c1, orderId: order.id })
    expect(qr.code).toBe(order.pickupCode)
    const png = PNG.sync.read(Buffer.from(qr.dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'))
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(order.pickupCode)
    expect(codeOf(await tc.call(P.neighbour.openid, 'mall.pickupQr', { communityId: T.c1, orderId: order.id }))).toBe('NOT_FOUND')
    await tc.ok(sec, 'mall.verify', { communityId: T.c1, code: order.pickupCode! })
    expect(codeOf(await tc.call(res, 'mall.pickupQr', { communityId: T.c1, orderId: order.id }))).toBe('CONFLICT')
  })
})

/**
 * What the ledger keeps beside its entries (issue 15): a person's lots (points.balance's "expiring soon" from
 * one document) and the running counters of points.sponsors / points.report. Right under 500 concurrent
 * credits and spends; drift injected by hand is found by the recounts, fixed, and a second run finds none.
 */
import * as cloud from 'wx-server-sdk'
import { codeOf, openTestCloud, type TestCloud } from '../support/cloud'
import { P, T, seedFixtures } from '../support/fixtures'
import { ledgerProblems } from '../support/ledger'
import { postTransfer, personLeg, sponsorLeg } from '../../cloudfunctions/api/src/modules/points/ledger'
import { expiringFor } from '../../cloudfunctions/api/src/modules/points/account'
import { RECOUNTS, type Drift } from '../../cloudfunctions/api/src/modules/counters/registry'
import type { Deps } from '../../cloudfunctions/api/src/platform/context'
import type { Cursor } from '../../cloudfunctions/api/src/platform/batches'
import type { Db } from '../../cloudfunctions/api/src/platform/db'
import { AppError } from '../../cloudfunctions/api/src/platform/errors'
import { chinaMonth } from '../../cloudfunctions/api/src/platform/chinaTime'

let tc: TestCloud
let db: Db
let seq = 0
const k = () => `pc-key-${++seq}`
const sec = P.secretary.openid
const DAY = 86_400_000

beforeAll(async () => {
  tc = await openTestCloud()
  db = cloud.database({ throwOnNotFound: false } as Parameters<typeof cloud.database>[0]) as unknown as Db
})
afterEach(() => {
  tc.resetClock()
  tc.setTimeoutMs(null)
})
afterAll(async () => {
  await tc.close()
})

const deps = (): Deps => ({ db, openid: null, now: () => tc.now(), openapi: null as unknown as Deps['openapi'] })

/** Runs a recount over its whole pass: every drift it reported. */
async function recount(name: string, fix: boolean): Promise<Drift[]> {
  const drift: Drift[] = []
  let cursor: Cursor = null
  for (let i = 0; i < 1000; i++) {
    const b = await RECOUNTS[name](deps(), cursor, { fix })
    drift.push(...b.drift)
    if (b.done) return drift
    cursor = b.cursor
  }
  throw new Error(`${name} never finished`)
}

const people = Array.from({ length: 100 }, (_, i) => ({ id: `u-pc-${i}`, openid: `o-pc-${i}` }))

async function setup() {
  await seedFixtures(tc.engine, tc.now())
  tc.resetLimits()
  const now = tc.now()
  await tc.engine.insertMany(
    'users',
    people.map((p) => ({
      _id: p.id,
      openid: p.openid,
      offline: false,
      nickname: '居民',
      avatarUrl: null,
      realName: null,
      phone: null,
      householdId: T.h1,
      communityId: T.c1,
      roles: [{ communityId: T.c1, role: 'resident' }],
      proxies: [],
      privacy: null,
      elderMode: null,
      birthYear: null,
      createdAt: now,
      updatedAt: now,
    })),
  )
  const [a] = await tc.ok(sec, 'points.setSponsor', { communityId: T.c1, name: '青山区税务局', warnBelow: 0 })
  const [, b] = await tc.ok(sec, 'points.setSponsor', { communityId: T.c1, name: '滨江物业', warnBelow: 0, priority: 20 })
  for (const s of [a, b]) await tc.ok(sec, 'points.fundSponsor', { communityId: T.c1, sponsorId: s.id, amount: 100_000, note: '年度经费', requestKey: k() })
  const item = await tc.ok(sec, 'mall.upsertItem', {
    communityId: T.c1,
    name: '大米 5kg',
    kind: 'goods',
    description: '',
    photos: [],
    price: 7,
    stockDelta: 10_000,
    perPersonLimit: null,
    pickupPlace: '党群服务中心',
    pickupHours: '周三上午',
    pickupDays: 7,
    sponsorId: b.id,
    active: true,
  })
  return { a: a.id as string, b: b.id as string, item }
}

const grant = (sponsorId: string, userId: string, amount: number, at: Date) =>
  postTransfer(
    db,
    {
      key: k(),
      communityId: T.c1,
      kind: amount > 0 ? 'grant' : 'correct',
      reason: '志愿服务',
      cause: null,
      byUserId: null,
      sponsorId,
      legs: [sponsorLeg(T.c1, sponsorId, -amount), personLeg(T.c1, userId, amount)],
    },
    at,
  )

describe('lots and counters under concurrency', () => {
  test('500 concurrent credits, redemptions and corrections over three China days: lots, balances and counters agree with the ledger', async () => {
    const { a, b, item } = await setup()
    // 500 at once on a shared 2-core machine: the function's own timeout is not what this test is about.
    tc.setTimeoutMs(60_000)
    // Everyone starts with 20 points earned two days ago (their oldest lot).
    tc.advance(-2 * DAY)
    for (const p of people) await grant(a, p.id, 20, tc.now())
    tc.advance(DAY)
    const events = Array.from({ length: 500 }, (_, n) => ({ who: people[n % people.length], n }))
    // A refusal is CONFLICT (a budget's account is one document: past 5 s of retries, BUSY) and books nothing.
    const outcome = (e: unknown) => (e instanceof AppError ? e.code : 'ERROR')
    const answers = await Promise.all(
      events.map(async ({ who, n }) => {
        if (n % 5 === 0) return grant(n % 2 ? a : b, who.id, 3, tc.now()).then(() => 'OK', outcome)
        if (n % 5 === 1) return grant(a, who.id, -2, tc.now()).then(() => 'OK', outcome)
        return codeOf(await tc.call(who.openid, 'mall.redeem', { communityId: T.c1, itemId: item.id, quantity: 1, requestKey: k() }))
      }),
    )
    tc.advance(DAY)
    for (const p of people) await grant(b, p.id, 5, tc.now())
    expect(new Set(answers)).toEqual(new Set(['OK', 'CONFLICT']))
    // Redemptions stopped only for want of points.
    const orders = await tc.engine.count('mall_orders', { itemId: item.id })
    expect(orders).toBe(answers.filter((x, n) => n % 5 > 1 && x === 'OK').length)
    expect(orders).toBeGreaterThan(100)
    expect(await ledgerProblems(tc.engine)).toEqual([])
    for (const p of people) {
      const [acc] = await tc.engine.find('point_accounts', { _id: `pa_${T.c1}_${p.id}` })
      expect(acc.balance).toBeGreaterThanOrEqual(0)
      expect(acc.lots.reduce((s: number, l: { amount: number }) => s + l.amount, 0)).toBe(acc.balance)
    }
    // The counters say what the ledger says: every redemption of b's goods, every grant from each budget.
    const sponsors = await tc.ok(sec, 'points.sponsors', { communityId: T.c1 })
    const entries = await tc.engine.find('point_entries', { communityId: T.c1 })
    const issuedBy = (id: string) => -entries.filter((e) => e.accountId === `sa_${T.c1}_${id}` && e.kind !== 'fund').reduce((s, e) => s + e.amount, 0)
    expect(sponsors.find((s: { id: string }) => s.id === a)!.issued).toBe(issuedBy(a))
    expect(sponsors.find((s: { id: string }) => s.id === b)!.issued).toBe(issuedBy(b))
    expect(sponsors.find((s: { id: string }) => s.id === b)!.redeemed).toBe(orders * 7)
    expect(sponsors.find((s: { id: string }) => s.id === a)!.redeemed).toBe(0)
    // And a recount over all of it finds nothing to repair.
    expect(await recount('points.accounts', false)).toEqual([])
    expect(await recount('points.sponsors', false)).toEqual([])
  }, 120_000)
})

describe('points.balance from the lots', () => {
  test('expiring soon is what the ledger says, on every day of four months of earning, spending and expiring', async () => {
    const { a } = await setup()
    await tc.ok(sec, 'points.setExpiry', { communityId: T.c1, expireMonths: 3 })
    const me = people[0]
    const id = `pa_${T.c1}_${me.id}`
    let warned = 0
    for (let day = 0; day < 120; day++) {
      if (day % 3 === 0) await grant(a, me.id, 10 + (day % 7), tc.now())
      if (day % 10 === 9) await grant(a, me.id, -6, tc.now())
      if (day % 30 === 29) await tc.tick() // the expiry timer books what has expired
      const view = await tc.ok(me.openid, 'points.balance', { communityId: T.c1 })
      const fromLedger = await expiringFor(db, id, 3, tc.now(), 30)
      const [acc] = await tc.engine.find('point_accounts', { _id: id })
      if (view.expiring) warned++
      expect({ day, expiring: view.expiring }).toEqual({
        day,
        expiring: fromLedger ? { amount: Math.min(fromLedger.amount, acc.balance), on: fromLedger.on } : null,
      })
      tc.advance(DAY)
    }
    expect(warned).toBeGreaterThan(30)
    expect(await tc.engine.count('point_entries', { accountId: id, kind: 'expire' })).toBeGreaterThan(0)
    expect(await ledgerProblems(tc.engine)).toEqual([])
    // The caller, the account and the setting, however long the account's history.
    await tc.ok(me.openid, 'points.balance', { communityId: T.c1 })
    expect(tc.lastInvocation()!.requests).toBeLessThanOrEqual(4)
  }, 120_000)
})

describe('recounts repair drift', () => {
  test('points.accounts: a balance and lots changed by hand, and an account from before lots were kept, are found, fixed, and a second run finds none', async () => {
    const { a } = await setup()
    const [p0, p1, p2] = people
    await grant(a, p0.id, 40, tc.now())
    tc.advance(DAY)
    await grant(a, p0.id, 10, tc.now())
    await grant(a, p1.id, 15, tc.now())
    await grant(a, p2.id, 25, tc.now())
    const id0 = `pa_${T.c1}_${p0.id}`
    const id1 = `pa_${T.c1}_${p1.id}`
    const id2 = `pa_${T.c1}_${p2.id}`
    const [right0] = await tc.engine.find('point_accounts', { _id: id0 })
    const [right2] = await tc.engine.find('point_accounts', { _id: id2 })
    const _ = db.command
    await db
      .collection('point_accounts')
      .doc(id0)
      .update({ data: { balance: 55, lots: _.set([{ day: '2020-01-01', amount: 55 }]) } })
    await db
      .collection('point_accounts')
      .doc(id1)
      .update({ data: { lots: _.remove() } })
    await db
      .collection('point_accounts')
      .doc(`sa_${T.c1}_${a}`)
      .update({ data: { balance: _.inc(3) } })

    const found = await recount('points.accounts', false)
    expect(found.map((d) => `${d.counter} ${d.key} ${d.stored}→${d.actual} ${d.fixed}`).sort()).toEqual(
      [
        `points.balance ${id0} 55→50 false`,
        `points.lots ${id0} 55→50 false`,
        `points.lots ${id1} -1→15 false`,
        `points.balance sa_${T.c1}_${a} ${100_000 - 90 + 3}→${100_000 - 90} false`,
      ].sort(),
    )
    // Reporting changed nothing.
    expect((await tc.engine.find('point_accounts', { _id: id0 }))[0].balance).toBe(55)
    const fixed = await recount('points.accounts', true)
    expect(fixed).toHaveLength(4)
    expect(fixed.every((d) => d.fixed)).toBe(true)
    expect(await recount('points.accounts', false)).toEqual([])
    const [now0] = await tc.engine.find('point_accounts', { _id: id0 })
    expect({ balance: now0.balance, lots: now0.lots }).toEqual({ balance: right0.balance, lots: right0.lots })
    expect((await tc.engine.find('point_accounts', { _id: id2 }))[0].lots).toEqual(right2.lots)
    expect(await ledgerProblems(tc.engine)).toEqual([])
    // The repaired account goes on keeping its lots with every transfer.
    await tc.ok(p1.openid, 'points.balance', { communityId: T.c1 })
    await grant(a, p1.id, -5, tc.now())
    expect((await tc.engine.find('point_accounts', { _id: id1 }))[0].lots.reduce((s: number, l: { amount: number }) => s + l.amount, 0)).toBe(10)
  }, 60_000)

  test('points.sponsors: a counter changed by hand and a month whose counters are lost are found, fixed, and the figures are right again', async () => {
    const { a, b, item } = await setup()
    const me = people[0]
    await grant(a, me.id, 100, tc.now())
    await tc.ok(me.openid, 'mall.redeem', { communityId: T.c1, itemId: item.id, quantity: 2, requestKey: k() })
    tc.advance(-40 * DAY)
    await grant(b, people[1].id, 30, tc.now())
    tc.advance(40 * DAY)
    const right = await tc.ok(sec, 'points.report', { communityId: T.c1 })
    expect(right.sponsors.find((s: { id: string }) => s.id === b)).toMatchObject({ issued: 30, redeemed: 14 })
    expect(right.sponsors.find((s: { id: string }) => s.id === a)).toMatchObject({ issued: 100, redeemed: 0 })

    const counters = await tc.engine.find('point_counters', { communityId: T.c1 })
    const thisMonth = chinaMonth(tc.now())
    const mine = counters.find((c) => c.months[thisMonth]?.kinds.redeem)!
    const _ = db.command
    await db
      .collection('point_counters')
      .doc(mine._id)
      .update({ data: { [`months.${thisMonth}.redeemed.${b}`]: _.inc(100), [`months.${thisMonth}.kinds.redeem`]: _.inc(-100) } })
    // Last month's figures lost from every shard.
    const oldMonth = chinaMonth(new Date(tc.now().getTime() - 40 * DAY))
    const withOld = counters.filter((c) => c.months[oldMonth])
    expect(withOld.length).toBeGreaterThan(0)
    for (const c of withOld)
      await db
        .collection('point_counters')
        .doc(c._id)
        .update({ data: { months: { [oldMonth]: _.remove() } } })
    const wrong = await tc.ok(sec, 'points.report', { communityId: T.c1 })
    expect(wrong.sponsors.find((s: { id: string }) => s.id === b)).toMatchObject({ issued: 0, redeemed: 114 })

    const found = await recount('points.sponsors', false)
    expect(found.map((d) => `${d.key} ${d.stored}→${d.actual}`).sort()).toEqual(
      [
        `${T.c1}/${thisMonth}/redeemed.${b} 114→14`,
        `${T.c1}/${thisMonth}/kinds.redeem -114→-14`,
        `${T.c1}/${oldMonth}/n 0→2`,
        `${T.c1}/${oldMonth}/issued.${b} 0→30`,
        `${T.c1}/${oldMonth}/kinds.grant 0→30`,
      ].sort(),
    )
    expect(found.every((d) => !d.fixed)).toBe(true)
    const fixed = await recount('points.sponsors', true)
    expect(fixed).toHaveLength(5)
    expect(fixed.every((d) => d.fixed)).toBe(true)
    expect(await recount('points.sponsors', false)).toEqual([])
    expect(await tc.ok(sec, 'points.report', { communityId: T.c1 })).toEqual(right)
    expect(await ledgerProblems(tc.engine)).toEqual([])
  }, 60_000)
})

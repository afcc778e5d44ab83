/**
 * The shop never oversells and the ledger never lies under a rush: 500 simultaneous redemptions of an
 * item with stock 50, by 200 people with varied balances.
 */
import * as cloud from 'wx-server-sdk'
import { openTestCloud, type TestCloud } from '../support/cloud'
import { P, T, seedFixtures } from '../support/fixtures'
import { ledgerProblems } from '../support/ledger'
import { postTransfer, personLeg, sponsorLeg } from '../../cloudfunctions/api/src/modules/points/ledger'
import type { OrderView } from '../../types/points'

let tc: TestCloud
beforeAll(async () => {
  tc = await openTestCloud()
})
afterAll(async () => {
  await tc.close()
})

test('500 redemptions of stock 50 by 200 people: exactly 50 succeed, nobody overdraws, the books balance', async () => {
  await seedFixtures(tc.engine)
  const sec = P.secretary.openid
  const now = new Date()
  const people = Array.from({ length: 200 }, (_, i) => ({ id: `u-rush-${i}`, openid: `o-rush-${i}` }))
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
  const [s] = await tc.ok(sec, 'points.setSponsor', { communityId: T.c1, name: '青山区税务局', warnBelow: 0 })
  await tc.ok(sec, 'points.fundSponsor', { communityId: T.c1, sponsorId: s.id, amount: 100_000, note: '年度经费', requestKey: 'fund-rush-1' })
  const item = await tc.ok(sec, 'mall.upsertItem', {
    communityId: T.c1,
    name: '大米 5kg',
    kind: 'goods',
    description: '',
    photos: [],
    price: 10,
    stockDelta: 50,
    perPersonLimit: 2,
    pickupPlace: '党群服务中心',
    pickupHours: '周三上午',
    pickupDays: 7,
    sponsorId: s.id,
    active: true,
  })
  // Balances 0, 10, 20 or 30 points: some can afford nothing, some one, some more than the limit allows.
  const db = cloud.database({ throwOnNotFound: false } as Parameters<typeof cloud.database>[0])
  const balance = (i: number) => (i % 4) * 10
  for (const [i, p] of people.entries()) {
    if (balance(i) === 0) continue
    await postTransfer(
      db,
      {
        key: `seed:${p.id}`,
        communityId: T.c1,
        kind: 'grant',
        reason: '志愿服务',
        cause: null,
        byUserId: null,
        sponsorId: s.id,
        legs: [sponsorLeg(T.c1, s.id, -balance(i)), personLeg(T.c1, p.id, balance(i))],
      },
      now,
    )
  }

  const requests = Array.from({ length: 500 }, (_, n) => ({ who: people[n % 200], key: `rush-key-${n}` }))
  const started = Date.now()
  const answers = await Promise.all(
    requests.map(({ who, key }) => tc.call(who.openid, 'mall.redeem', { communityId: T.c1, itemId: item.id, quantity: 1, requestKey: key })),
  )
  const elapsed = Date.now() - started
  const won = answers.filter((a) => a.ok).map((a) => (a as { data: OrderView }).data)
  const codes = new Set(answers.filter((a) => !a.ok).map((a) => (a as { error: { code: string } }).error.code))

  expect(won).toHaveLength(50)
  expect([...codes]).toEqual(['CONFLICT'])
  const [after] = await tc.engine.find('mall_items', { _id: item.id })
  expect(after.stock).toBe(0)
  expect(after.holds).toEqual([])
  expect(await tc.engine.count('mall_orders', { itemId: item.id, status: 'reserved' })).toBe(50)
  expect(new Set(won.map((o) => o.pickupCode)).size).toBe(50)

  // Nobody took more than their balance or the limit allows.
  const perPerson = new Map<string, number>()
  for (const o of await tc.engine.find('mall_orders', { itemId: item.id })) perPerson.set(o.userId, (perPerson.get(o.userId) ?? 0) + o.quantity)
  for (const [i, p] of people.entries()) {
    const took = perPerson.get(p.id) ?? 0
    expect(took).toBeLessThanOrEqual(Math.min(2, balance(i) / 10))
    const [acc] = await tc.engine.find('point_accounts', { _id: `pa_${T.c1}_${p.id}` })
    expect(acc?.balance ?? 0).toBe(balance(i) - took * 10)
  }
  expect(await ledgerProblems(tc.engine)).toEqual([])
  console.log(`500 concurrent redemptions settled in ${elapsed} ms`)
}, 120_000)

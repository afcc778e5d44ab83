/**
 * Two races found by reading the code, made to happen deterministically: the engine's request seam is
 * wrapped so that one request's read is answered only after another request has finished.
 *  - A retried redeem reads "no order yet", the first request then books its order and gives its stock
 *    hold back, and the retry takes stock: that unit must go back on the shelf.
 *  - A member claims a post while the secretary cuts its capacity: the claim must not get in under the old,
 *    larger capacity.
 */
import * as cloud from 'wx-server-sdk'
import { codeOf, openTestCloud, type TestCloud } from '../support/cloud'
import { P, T, seedFixtures } from '../support/fixtures'
import { personLeg, postTransfer, sponsorLeg } from '../../cloudfunctions/api/src/modules/points/ledger'
import { ledgerProblems } from '../support/ledger'

let tc: TestCloud
beforeAll(async () => {
  tc = await openTestCloud()
})
beforeEach(async () => {
  await seedFixtures(tc.engine)
  tc.resetLimits()
})
afterAll(async () => {
  await tc.close()
})

type Handle = (action: string, params: unknown) => Promise<unknown>

/** Hold the answer to the first request matching `match` until `release` settles. */
function holdFirst(match: (action: string, params: string) => boolean, release: () => Promise<unknown>) {
  const original: Handle = tc.engine.handle.bind(tc.engine)
  let armed = true
  tc.engine.handle = (async (action: string, params: unknown) => {
    const answer = await original(action, params)
    if (armed && match(action, JSON.stringify(params))) {
      armed = false
      await release().catch(() => undefined)
    }
    return answer
  }) as typeof tc.engine.handle
  return {
    restore: () => {
      tc.engine.handle = original as typeof tc.engine.handle
    },
    get fired() {
      return !armed
    },
  }
}

test('a retried redeem that saw no order, then took stock after the first gave its hold back, returns that unit', async () => {
  const sec = P.secretary.openid
  const [s] = await tc.ok(sec, 'points.setSponsor', { communityId: T.c1, name: '青山区税务局', warnBelow: 0 })
  await tc.ok(sec, 'points.fundSponsor', { communityId: T.c1, sponsorId: s.id, amount: 1000, note: '经费', requestKey: 'fund-race' })
  const item = await tc.ok(sec, 'mall.upsertItem', {
    communityId: T.c1,
    name: '大米 5kg',
    kind: 'goods',
    description: '',
    photos: [],
    price: 10,
    stockDelta: 5,
    perPersonLimit: null,
    pickupPlace: '党群服务中心',
    pickupHours: '周三上午',
    pickupDays: 7,
    sponsorId: s.id,
    active: true,
  })
  const db = cloud.database({ throwOnNotFound: false } as Parameters<typeof cloud.database>[0])
  await postTransfer(
    db,
    {
      key: 'seed:race',
      communityId: T.c1,
      kind: 'grant',
      reason: '志愿服务',
      cause: null,
      byUserId: null,
      sponsorId: s.id,
      legs: [sponsorLeg(T.c1, s.id, -50), personLeg(T.c1, P.resident.id, 50)],
    },
    new Date(),
  )

  const input = { communityId: T.c1, itemId: item.id, quantity: 1, requestKey: 'tap-0001' }
  // The retry's read of its order is answered "none" — and only after the other request, started at that
  // moment, has booked its order and given its hold back.
  let first: ReturnType<typeof tc.call<'mall.redeem'>> | null = null
  const hook = holdFirst(
    (action, params) => action === 'database.getDocument' && params.includes('mall_orders'),
    () => (first = tc.call(P.resident.openid, 'mall.redeem', input)),
  )
  const b = await tc.call(P.resident.openid, 'mall.redeem', input)
  const a = await first!
  hook.restore()
  expect(hook.fired).toBe(true)

  expect([codeOf(a), codeOf(b)]).toEqual(['OK', 'OK'])
  if (a.ok && b.ok) expect(b.data.id).toBe(a.data.id) // one order for one tap
  expect(await tc.engine.count('mall_orders', {})).toBe(1)
  const [stored] = await tc.engine.find('mall_items', { _id: item.id })
  expect(stored.stock).toBe(4) // five on the shelf, one sold: nothing lost
  expect(stored.holds).toEqual([])
  expect(await ledgerProblems(tc.engine)).toEqual([])
})

test('a claim racing a capacity cut never leaves more holders than places', async () => {
  const sec = P.secretary.openid
  const code = await tc.ok(sec, 'party.registerCode', { communityId: T.c1 })
  const reg = await tc.ok(P.member.openid, 'party.register', {
    communityId: T.c1,
    scene: code.scene,
    name: '周志刚',
    employerUnitId: null,
    employerName: '青山区税务局',
    branch: '税务局第一党支部',
    memberType: '在职',
    homeCompoundId: T.compound1,
    homeBuildingId: T.b2,
    skills: ['电工'],
    pledge: '每月义务修一次电器',
  })
  await tc.ok(sec, 'party.review', { communityId: T.c1, registrationId: reg.id, approve: true })
  const post = await tc.ok(sec, 'post.upsert', { communityId: T.c1, title: '楼栋联络员', description: '联系本楼居民', skills: [], capacity: 2, active: true })
  // One holder already; the secretary cuts the post to 1 place while the member's claim is on its way.
  const edit = { communityId: T.c1, postId: post.id, title: '楼栋联络员', description: '联系本楼居民', skills: [], capacity: 1, active: true }
  // Someone else holds the first place.
  const tx = cloud.database()
  await tx
    .collection('party_posts')
    .doc(post.id)
    .update({ data: { holders: ['u-other'], holderCount: 1 } })
  // The claim reads the post (capacity 2), and its answer waits until the cut has been made.
  let cut: ReturnType<typeof tc.call<'post.upsert'>> | null = null
  const hook = holdFirst(
    (action, params) => action === 'database.getDocument' && params.includes('party_posts'),
    () => (cut = tc.call(sec, 'post.upsert', edit)),
  )
  const claimed = await tc.call(P.member.openid, 'post.claim', { communityId: T.c1, postId: post.id })
  const edited = await cut!
  hook.restore()
  expect(hook.fired).toBe(true)

  expect(codeOf(edited)).toBe('OK')
  expect(codeOf(claimed)).toBe('CONFLICT')
  const [after] = await tc.engine.find('party_posts', { _id: post.id })
  expect([after.capacity, after.holderCount, after.holders]).toEqual([1, 1, ['u-other']])
})

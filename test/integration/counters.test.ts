/**
 * The counter-repair framework (issue 15) on wish.stats' counters, through the real main() on the local engine:
 * the figures match the wishes through a whole lifecycle; 500 simultaneous claims (and 200 simultaneous posts)
 * leave them exact; drift injected by hand is found, fixed, and not found again — by the action and by the
 * timer job, which logs it in counter_drift; wishes inserted without counters (as a migration would) are
 * counted by the repair; who may run it.
 */
import * as cloud from 'wx-server-sdk'
import { codeOf, openTestCloud, type TestCloud } from '../support/cloud'
import { P, T, seedFixtures } from '../support/fixtures'
import { wishDocs } from '../../bench/scale-wish'
import { summarize } from '../../cloudfunctions/api/src/modules/wish/rules'
import { WISH_STATUSES, type Wish } from '../../types/wish'
import type { RecountView } from '../../types/counters'

let tc: TestCloud
const sec = P.secretary.openid
const res = P.resident.openid
const pm = P.member.openid
const admin = P.streetAdmin.openid
const c = T.c1

beforeAll(async () => {
  tc = await openTestCloud()
})
afterEach(() => tc.resetClock())
afterAll(async () => {
  await tc.close()
})

async function setup() {
  await seedFixtures(tc.engine)
  tc.resetLimits()
  await tc.ok(sec, 'wish.setSettings', {
    communityId: c,
    categories: ['生活帮扶', '助老', '助学', '医疗', '物品', '其他'],
    autoApprove: true,
    autoCloseDays: 7,
    overdueDays: 7,
  })
}

const recount = (fix: boolean, cursor?: string) =>
  tc.ok(admin, 'counters.recount', { communityId: c, name: 'wish.stats', fix, ...(cursor ? { cursor } : {}) }) as Promise<RecountView>

/** The whole recount, following its cursor. */
async function recountAll(fix: boolean): Promise<RecountView> {
  let v = await recount(fix)
  const all = { ...v, drift: [...v.drift] }
  while (!v.done) {
    v = await recount(fix, v.cursor!)
    all.found += v.found
    all.fixed += v.fixed
    all.drift.push(...v.drift)
  }
  return all
}

/** What wish.stats should say, computed from the wishes themselves (all but the medians and overdue). */
async function expected() {
  const wishes = (await tc.engine.find('wishes', { communityId: c })) as Wish[]
  const s = summarize(wishes, WISH_STATUSES)
  return { byStatus: s.byStatus, posted: s.posted, ratings: s.ratings }
}

async function people(n: number, prefix: string, role: string) {
  const now = new Date()
  const list = Array.from({ length: n }, (_, i) => ({ id: `u-${prefix}-${i}`, openid: `o-${prefix}-${i}` }))
  await tc.engine.insertMany(
    'users',
    list.map((p) => ({
      _id: p.id,
      openid: p.openid,
      offline: false,
      nickname: '志愿者',
      avatarUrl: null,
      realName: null,
      phone: null,
      householdId: T.h1,
      householdStatus: 'verified',
      communityId: c,
      buildingId: T.b1,
      roles: [{ communityId: c, role }],
      proxies: [],
      privacy: null,
      elderMode: null,
      birthYear: null,
      createdAt: now,
      updatedAt: now,
    })),
  )
  return list
}

/** Change one counter document by hand, straight in the database (what a bug or a lost write would do). */
async function tamper(filter: object, data: object) {
  const db = cloud.database()
  const [doc] = await tc.engine.find('wish_counters', filter, { limit: 1 })
  await db.collection('wish_counters').doc(doc._id).update({ data })
  return doc
}

describe('wish.stats counters', () => {
  test('follow every move of a lifecycle: post, review, claim, release, claim again, fulfil, confirm, withdraw', async () => {
    await setup()
    const post = (extra: object = {}) =>
      tc.ok(res, 'wish.create', { communityId: c, title: '想请人帮忙换个灯泡', description: '厨房灯坏了。', category: '生活帮扶', buildingId: T.b1, ...extra })
    const a = await post()
    const b = await post({ photos: ['cloud://local/w/1.jpg'], category: '助老' }) // waits for review
    const d = await post({ category: '物品' })
    expect(await tc.ok(sec, 'wish.stats', { communityId: c })).toMatchObject({ posted: 3, byStatus: { open: 2, under_review: 1 } })

    await tc.ok(sec, 'wish.review', { communityId: c, wishId: b.id, approve: true })
    tc.advance(3 * 3600_000)
    await tc.ok(pm, 'wish.claim', { communityId: c, wishId: a.id })
    await tc.ok(pm, 'wish.release', { communityId: c, wishId: a.id, reason: '临时有事' })
    let s = await tc.ok(sec, 'wish.stats', { communityId: c })
    expect(s.byStatus).toMatchObject({ open: 3, claimed: 0 })
    expect(s.medianHoursToClaim).toBeNull() // a released claim no longer counts

    tc.advance(2 * 3600_000)
    await tc.ok(pm, 'wish.claim', { communityId: c, wishId: a.id })
    await tc.ok(pm, 'wish.progress', { communityId: c, wishId: a.id, note: '买好灯泡了' })
    tc.advance(3600_000)
    await tc.ok(pm, 'wish.fulfil', { communityId: c, wishId: a.id, proof: '换好了' })
    await tc.ok(res, 'wish.confirm', { communityId: c, wishId: a.id, stars: 4, thanks: '谢谢' })
    await tc.ok(res, 'wish.withdraw', { communityId: c, wishId: d.id })

    s = await tc.ok(sec, 'wish.stats', { communityId: c })
    expect(s).toMatchObject(await expected())
    expect(s.byStatus).toMatchObject({ open: 1, closed: 1, withdrawn: 1 })
    expect(s.ratings).toEqual({ count: 1, average: 4, distribution: { '1': 0, '2': 0, '3': 0, '4': 1, '5': 0 } })
    // claimed 5 hours (and seconds) after opening: bucket 4–6 h; fulfilled 6 hours and seconds after: bucket 6–8 h
    expect(s.medianHoursToClaim).toBeGreaterThan(4)
    expect(s.medianHoursToClaim).toBeLessThanOrEqual(6)
    expect(s.medianHoursToFulfil).toBeGreaterThan(6)
    expect(s.medianHoursToFulfil).toBeLessThanOrEqual(8)
    expect((await recountAll(false)).found).toBe(0)
  })

  test('500 simultaneous claims of 500 wishes of one month and category, and 200 simultaneous posts: exact, no drift', async () => {
    await setup()
    // 500 open wishes of one bucket, inserted straight into the database and counted by the repair (as a migration would)
    const docs = wishDocs(0, 3000)
      .filter((w: any) => w.status === 'open' && w.category === '生活帮扶')
      .slice(0, 500)
    expect(docs).toHaveLength(500)
    await tc.engine.insertMany('wishes', docs)
    const first = await recountAll(true)
    expect(first.found).toBeGreaterThan(0)
    expect(first.found).toBe(first.fixed)
    expect((await tc.ok(sec, 'wish.stats', { communityId: c })).byStatus.open).toBe(500)

    const claimers = await people(500, 'claim', 'volunteer')
    const answers = await Promise.all(docs.map((w: any, i) => tc.call(claimers[i].openid, 'wish.claim', { communityId: c, wishId: w._id })))
    expect(answers.filter((a) => !a.ok)).toEqual([])

    const posters = await people(200, 'post', 'resident')
    const posts = await Promise.all(
      posters.map((p) =>
        tc.call(p.openid, 'wish.create', { communityId: c, title: '帮忙取快递', description: '腿脚不便', category: '生活帮扶', buildingId: T.b1 }),
      ),
    )
    expect(posts.filter((a) => !a.ok)).toEqual([])

    const s = await tc.ok(sec, 'wish.stats', { communityId: c })
    expect(s.byStatus).toMatchObject({ claimed: 500, open: 200 })
    expect(s).toMatchObject(await expected())
    expect(await tc.engine.count('wish_counters', { communityId: c })).toBeGreaterThan(1) // spread over shards
    expect((await recountAll(false)).found).toBe(0)
  })

  test('drift injected by hand is found (without fixing nothing changes), fixed, and a second run finds none', async () => {
    await setup()
    await tc.engine.insertMany('wishes', wishDocs(0, 600))
    await recountAll(true)
    const right = await tc.ok(sec, 'wish.stats', { communityId: c })
    expect(right).toMatchObject(await expected())

    const logged = await tc.engine.count('counter_drift', {}) // the first repair's entries
    const doc = await tamper({ communityId: c, s_open: { $gt: 0 } }, { s_open: 999 })
    await tamper({ communityId: c, s_closed: { $gt: 0 }, _id: { $ne: doc._id } }, { s_closed: -3, r5: 2 })
    const wrong = await tc.ok(sec, 'wish.stats', { communityId: c })
    expect(wrong.byStatus.open).not.toBe(right.byStatus.open)

    const seen = await recountAll(false)
    expect(seen.found).toBe(3)
    expect(seen.fixed).toBe(0)
    expect(seen.drift.map((d) => d.key.split('.').pop()).sort()).toEqual(['r5', 's_closed', 's_open'])
    expect(seen.drift.find((d) => d.key.endsWith('.r5'))).toMatchObject({ counter: 'wish.stats', actual: 0, fixed: false })
    expect(await tc.ok(sec, 'wish.stats', { communityId: c })).toEqual(wrong)
    expect(await tc.engine.count('counter_drift', {})).toBe(logged)

    const fixed = await recountAll(true)
    expect(fixed).toMatchObject({ found: 3, fixed: 3 })
    expect(await tc.ok(sec, 'wish.stats', { communityId: c })).toEqual(right)
    expect((await recountAll(true)).found).toBe(0)
    const [log] = await tc.engine.find('counter_drift', {}, { sort: { at: -1, _id: -1 }, limit: 1 })
    expect(log).toMatchObject({ counter: 'wish.stats', by: P.streetAdmin.id, found: 3, fixed: 3, more: 0 })
    expect(await tc.engine.count('audit_log', { action: 'counters.recount', 'resource.type': 'counter' })).toBe(2) // the first repair and this
  })

  test('a missing counter document is drift too, and a deleted month is recounted from its wishes', async () => {
    await setup()
    await tc.engine.insertMany('wishes', wishDocs(0, 300))
    await recountAll(true)
    const right = await tc.ok(sec, 'wish.stats', { communityId: c })
    const db = cloud.database()
    const [doc] = await tc.engine.find('wish_counters', { communityId: c }, { limit: 1 })
    await db.collection('wish_counters').doc(doc._id).remove()
    const seen = await recountAll(false)
    expect(seen.found).toBeGreaterThan(0)
    expect(seen.drift.every((d) => d.stored === 0 && d.actual > 0)).toBe(true)
    await recountAll(true)
    expect(await tc.ok(sec, 'wish.stats', { communityId: c })).toEqual(right)
  })

  test('the timer job counters.recount walks the registry, fixes drift and logs it; then rests a day', async () => {
    await setup()
    await tc.engine.insertMany('wishes', wishDocs(0, 400))
    let tick = await tc.tick()
    expect(tick.ok).toBe(true)
    for (let i = 0; i < 20 && (tick as any).data._timer.pending.includes('counters.recount'); i++) tick = await tc.tick()
    expect(await tc.ok(sec, 'wish.stats', { communityId: c })).toMatchObject(await expected())
    const logs = await tc.engine.find('counter_drift', {})
    expect(logs.length).toBeGreaterThan(0)
    expect(logs.every((l: any) => l.by === 'timer' && l.found === l.fixed)).toBe(true)
    const [totals] = await tc.engine.find('timer_state', { _id: 'counters.recount:drift' })
    expect(totals.found).toBe(logs.reduce((s: number, l: any) => s + l.found, 0))

    await tamper({ communityId: c, s_open: { $gt: 0 } }, { s_open: 0 })
    tc.advance(3600_000)
    tick = await tc.tick()
    expect((tick as any).data._timer.resting).toContain('counters.recount') // a pass a day
    tc.advance(86400_000)
    for (let i = 0; i < 20; i++) {
      tick = await tc.tick()
      if (!(tick as any).data._timer.pending.includes('counters.recount')) break
    }
    expect(await tc.ok(sec, 'wish.stats', { communityId: c })).toMatchObject(await expected())
  })

  test('only the street admin runs it; an unknown counter or a forged cursor is refused and changes nothing', async () => {
    await setup()
    expect(codeOf(await tc.call(sec, 'counters.recount', { communityId: c, name: 'wish.stats', fix: true }))).toBe('FORBIDDEN')
    expect(codeOf(await tc.call(res, 'counters.recount', { communityId: c, name: 'wish.stats', fix: false }))).toBe('FORBIDDEN')
    expect(codeOf(await tc.call(admin, 'counters.recount', { communityId: c, name: 'toString', fix: true }))).toBe('NOT_FOUND')
    expect(codeOf(await tc.call(admin, 'counters.recount', { communityId: c, name: 'wish.stats', fix: true, cursor: '[1' }))).toBe('INVALID_INPUT')
    expect(await tc.engine.count('counter_drift', {})).toBe(0)
  })
})

/**
 * The party area at a street's size (issue 15), through the real main() on the local engine.
 * The 双报到 counters behind party.coverage: right after
 * a rush of concurrent registrations and then of concurrent reviews and moves, they equal what an aggregation
 * of the registrations answers; drift injected by hand is found by the 'party.coverage' recount
 * (modules/party/recount.ts), fixed, and gone on a second run; on the showcase data the coverage equals the
 * old aggregation over every registration. party.record within 10 round trips. post.list answered whole over
 * pages (never cut at 100).
 */
import * as cloud from 'wx-server-sdk'
import { codeOf, openTestCloud, type TestCloud } from '../support/cloud'
import { fixtureDocs, P, T } from '../support/fixtures'
import { runRecount } from '../support/recount'
import { seedDemo, DEMO } from '../../local/seed/demo'
import { seedScenario } from '../../local/seed/scenario'
import { PRIVACY_VERSION, type User } from '../../types/org'

let tc: TestCloud
beforeAll(async () => {
  tc = await openTestCloud()
})
afterEach(() => tc.resetClock())
afterAll(async () => {
  await tc.close()
})

const c = T.c1
const sec2 = P.otherSecretary.openid!
const db = () => cloud.database({ throwOnNotFound: false } as Parameters<typeof cloud.database>[0]) as any

function person(id: string, roles: User['roles'] = []): User {
  const now = tc.now()
  return {
    _id: id,
    openid: `o-${id}`,
    offline: false,
    nickname: '党员',
    avatarUrl: null,
    realName: null,
    phone: null,
    householdId: null,
    communityId: c,
    buildingId: null,
    householdStatus: null,
    roles,
    proxies: [],
    privacy: { version: PRIVACY_VERSION, at: now },
    elderMode: null,
    birthYear: null,
    createdAt: now,
    updatedAt: now,
  }
}

/** Secretaries of community 1 enough for the reviews at once: a caller may write 60 times a minute (router.ts). */
const REVIEWERS = Array.from({ length: 5 }, (_, k) => `rv${k}`)

async function setup(n: number): Promise<User[]> {
  tc.setNow('2026-12-01T02:00:00Z')
  const docs = fixtureDocs(new Date('2026-11-01T08:00:00Z')) as Record<string, any[]>
  const people = Array.from({ length: n }, (_, i) => person(`pm${i}`))
  docs.users.push(...people, ...REVIEWERS.map((id) => person(id, [{ communityId: c, role: 'secretary' }])))
  await tc.engine.clearAll()
  for (const [coll, list] of Object.entries(docs)) await tc.engine.insertMany(coll, list)
  tc.resetLimits()
  return people
}

const regInput = (communityId: string, i: number) => ({
  communityId,
  name: `党员${i}`,
  employerUnitId: null,
  employerName: '青山区税务局',
  branch: '第一党支部',
  memberType: '在职' as const,
  homeCompoundId: communityId === c ? T.compound1 : T.compound2,
  homeBuildingId: communityId === c ? T.b1 : T.b3,
  skills: [],
  pledge: '每月服务一次',
})

/** What an aggregation of the registrations answers, community → [verified, pending]. */
async function aggregated(communityIds: string[]): Promise<Record<string, [number, number]>> {
  const out: Record<string, [number, number]> = {}
  for (const id of communityIds)
    out[id] = [
      await tc.engine.count('party_registrations', { communityId: id, status: 'verified' }),
      await tc.engine.count('party_registrations', { communityId: id, status: 'pending' }),
    ]
  return out
}

async function coverage(openid: string, streetId: string): Promise<Record<string, [number, number]>> {
  const cov = await tc.ok(openid, 'party.coverage', { streetId })
  return Object.fromEntries(cov.communities.map((x: any) => [x.communityId, [x.verified, x.pending]]))
}

describe('party.coverage counters', () => {
  test('300 registrations at once, then 300 reviews and moves at once: the counters equal the registrations; drift is found, fixed and gone', async () => {
    const people = await setup(300)
    const regs = await Promise.all(people.map((p, i) => tc.call(p.openid, 'party.register', regInput(c, i))))
    expect(regs.filter((r) => !r.ok)).toEqual([])
    expect(await aggregated([c, T.c2])).toEqual({ [c]: [0, 300], [T.c2]: [0, 0] })
    expect(await coverage(P.streetAdmin.openid!, T.street)).toEqual(await aggregated([c, T.c2]))

    // 150 approved, 100 rejected, 50 move to community 2 (their registration here closes), all at once
    const answers = await Promise.all(
      regs.map((r, i) => {
        const id = (r as any).data.id
        const reviewer = `o-${REVIEWERS[i % REVIEWERS.length]}`
        if (i < 150) return tc.call(reviewer, 'party.review', { communityId: c, registrationId: id, approve: true })
        if (i < 250) return tc.call(reviewer, 'party.review', { communityId: c, registrationId: id, approve: false, reason: '不是本社区在职党员' })
        return tc.call(people[i].openid, 'party.register', regInput(T.c2, i))
      }),
    )
    expect(answers.filter((a) => !a.ok)).toEqual([])
    const want = { [c]: [150, 0] as [number, number], [T.c2]: [0, 50] as [number, number] }
    expect(await aggregated([c, T.c2])).toEqual(want)
    expect(await coverage(P.streetAdmin.openid!, T.street)).toEqual(want)
    expect((await runRecount('party.coverage', { fix: false })).drift).toEqual([])

    // 20 of the movers verified in community 2, then 10 of those move back: pending here again
    const moved = await tc.engine.find('party_registrations', { communityId: T.c2, status: 'pending' })
    await Promise.all(moved.slice(0, 20).map((r: any) => tc.ok(sec2, 'party.review', { communityId: T.c2, registrationId: r._id, approve: true })))
    const back = moved.slice(0, 10).map((r: any) => people.find((p) => p._id === r.userId)!)
    await Promise.all(back.map((p, i) => tc.ok(p.openid, 'party.register', regInput(c, 1000 + i))))
    const after = { [c]: [150, 10] as [number, number], [T.c2]: [10, 30] as [number, number] }
    expect(await aggregated([c, T.c2])).toEqual(after)
    expect(await coverage(P.streetAdmin.openid!, T.street)).toEqual(after)
    // the street home counts the same from the same counters
    const street = await tc.ok(P.streetAdmin.openid!, 'org.street', { streetId: T.street })
    expect(Object.fromEntries(street.communities.map((x: any) => [x.communityId, [x.registeredMembers, x.pendingRegistrations]]))).toEqual(after)

    // Drift: community 1's counters changed by hand, community 2's lost.
    await db()
      .collection('party_counters')
      .doc(c)
      .update({ data: { verified: 7, pending: 3 } })
    await db().collection('party_counters').doc(T.c2).remove()
    const found = await runRecount('party.coverage', { fix: false })
    expect(found.drift.map((d) => [d.counter, d.key, d.stored, d.actual, d.fixed]).sort()).toEqual(
      [
        ['party.coverage.verified', c, 7, 150, false],
        ['party.coverage.pending', c, 3, 10, false],
        ['party.coverage.verified', T.c2, 0, 10, false],
        ['party.coverage.pending', T.c2, 0, 30, false],
      ].sort(),
    )
    expect(await coverage(P.streetAdmin.openid!, T.street)).toEqual({ [c]: [7, 3], [T.c2]: [0, 0] }) // not fixed yet
    const fixed = await runRecount('party.coverage', { fix: true })
    expect(fixed.drift).toHaveLength(4)
    expect(fixed.drift.every((d) => d.fixed)).toBe(true)
    expect((await runRecount('party.coverage', { fix: false })).drift).toEqual([])
    expect(await coverage(P.streetAdmin.openid!, T.street)).toEqual(after)
  }, 180_000)

  test('a registration that fails (already registered here) changes no counter', async () => {
    const [p] = await setup(1)
    await tc.ok(p.openid, 'party.register', regInput(c, 0))
    const again = await tc.call(p.openid, 'party.register', regInput(c, 0))
    expect(again.ok).toBe(false)
    expect(await coverage(P.streetAdmin.openid!, T.street)).toEqual({ [c]: [0, 1], [T.c2]: [0, 0] })
    expect((await runRecount('party.coverage', { fix: false })).drift).toEqual([])
  })

  test('on the showcase data the coverage equals the aggregation over every registration', async () => {
    await tc.engine.clearAll()
    await seedDemo(tc.engine)
    await seedScenario(tc.engine)
    const communities = (await tc.engine.find('communities', { streetId: DEMO.street })).map((x: any) => x._id)
    const want = await aggregated(communities)
    expect(Object.values(want).reduce((n, [v]) => n + v, 0)).toBe(2) // the showcase's two verified members
    expect(await coverage(DEMO.streetAdmin.openid, DEMO.street)).toEqual(want)
    expect((await runRecount('party.coverage', { fix: false })).drift).toEqual([])
  }, 120_000)
})

describe('party.record round trips', () => {
  test("the secretary reads a member's record in at most 10 round trips; the home shows from the registration's label, and an older registration without one still shows it", async () => {
    const [p] = await setup(1)
    const reg = await tc.ok(p.openid, 'party.register', regInput(c, 0))
    const [doc] = await tc.engine.find('party_registrations', { _id: reg.id })
    expect(doc.homeLabel).toBe('幸福里小区 1栋')
    await tc.ok(`o-${REVIEWERS[0]}`, 'party.review', { communityId: c, registrationId: reg.id, approve: true })
    const year = 2026
    const rec = await tc.ok(`o-${REVIEWERS[0]}`, 'party.record', { communityId: c, userId: p._id, year })
    expect(tc.lastInvocation()!.requests).toBeLessThanOrEqual(10)
    expect(rec).toMatchObject({
      userId: p._id,
      name: '党员0',
      registrations: [{ id: reg.id, communityName: '幸福里社区', home: '幸福里小区 1栋', status: 'verified' }],
    })
    const own = await tc.ok(p.openid, 'party.record', { communityId: c, year })
    expect(tc.lastInvocation()!.requests).toBeLessThanOrEqual(10)
    expect(own.registrations).toEqual(rec.registrations)
    // a registration from before the labels: its places are read
    await db()
      .collection('party_registrations')
      .doc(reg.id)
      .update({ data: { homeLabel: db().command.remove() } })
    expect((await tc.ok(`o-${REVIEWERS[0]}`, 'party.record', { communityId: c, userId: p._id, year })).registrations[0].home).toBe('幸福里小区 1栋')
    // someone who never registered here: NOT_FOUND, and a resident may not read another's record
    expect(codeOf(await tc.call(`o-${REVIEWERS[0]}`, 'party.record', { communityId: c, userId: P.neighbour.id }))).toBe('NOT_FOUND')
    expect(codeOf(await tc.call(P.resident.openid!, 'party.record', { communityId: c, userId: p._id }))).toBe('FORBIDDEN')
  })
})

describe('post.list pages', () => {
  test('a board of 205 posts (ties on createdAt) is answered whole over pages of 100 by following `after`, none lost or repeated', async () => {
    await setup(0)
    const at = tc.now()
    const posts = Array.from({ length: 205 }, (_, i) => ({
      _id: `po-${String(i).padStart(4, '0')}`,
      communityId: c,
      title: `岗位${i}`,
      description: '',
      skills: [],
      capacity: 3,
      holders: [],
      holderCount: 0,
      active: true,
      createdAt: new Date(at.getTime() + Math.floor(i / 10) * 1000), // ten posts a second: ties on createdAt
    }))
    await tc.engine.insertMany('party_posts', [...posts].reverse())
    const pages: string[][] = []
    let after: string | undefined
    for (;;) {
      const page = await tc.ok(P.member.openid!, 'post.list', { communityId: c, ...(after ? { after } : {}) })
      pages.push(page.map((p: any) => p.id))
      if (page.length < 100) break
      after = page[page.length - 1].id
    }
    expect(pages.map((p) => p.length)).toEqual([100, 100, 5])
    expect(pages.flat()).toEqual(posts.map((p) => p._id))
    // the first page is what an older client (no `after`) gets, as before
    expect((await tc.ok(P.member.openid!, 'post.list', { communityId: c })).map((p: any) => p.id)).toEqual(pages[0])
    // `after` must be a post of this community
    expect(codeOf(await tc.call(P.otherSecretary.openid!, 'post.list', { communityId: T.c2, after: posts[0]._id }))).toBe('NOT_FOUND')
    expect(codeOf(await tc.call(P.member.openid!, 'post.list', { communityId: c, after: 'po-none' }))).toBe('NOT_FOUND')
  })
})

/**
 * Scale cases of the party area (see bench/scale.ts): party members (first and deep page), a member's record
 * card, the yearly report (first and deep page, checked against what was inserted), the street's coverage (its
 * counters made right by the 'party.coverage' recount after each growth, checked against the registrations),
 * volunteer activities (first and deep page), the post board (first and deep page, checked in order) and the
 * pairs. Sizes count members (with their registration, person and a share of sign-ups, visits and fulfilled
 * wishes), activities, posts or pairs.
 */
import { P, T } from '../test/support/fixtures'
import type { ScaleCase } from './scale'
import { listCases } from './scale-wish'
import { runRecount } from '../test/support/recount'

const sec = P.secretary.openid!
const START = Date.UTC(2026, 0, 5)
const YEAR = 2026
const ACTIVITIES = 20
const pad = (i: number) => i.toString(16).padStart(8, '0')

export const memberId = (i: number) => `u-m-${pad(i)}`

/** Members `from`…`to`-1 of community 1: person, verified registration; every 3rd signed up and served 2 hours, every 10th visited, every 7th fulfilled a wish (4 stars). */
export function memberDocs(from: number, to: number): Record<string, object[]> {
  const out: Record<string, object[]> = { users: [], party_registrations: [], activity_signups: [], party_visits: [], wishes: [] }
  const at = new Date(START)
  for (let i = from; i < to; i++) {
    const id = memberId(i)
    out.users.push({
      _id: id,
      openid: `o-m-${pad(i)}`,
      offline: false,
      nickname: '党员',
      avatarUrl: null,
      realName: `党员${i}`,
      phone: null,
      householdId: T.h1,
      householdStatus: 'verified',
      communityId: T.c1,
      buildingId: T.b1,
      roles: [{ communityId: T.c1, role: 'party_member' }],
      proxies: [],
      privacy: null,
      elderMode: null,
      birthYear: null,
      createdAt: at,
      updatedAt: at,
    })
    out.party_registrations.push({
      _id: `r-${pad(i)}`,
      communityId: T.c1,
      userId: id,
      activeKey: id,
      name: `党员${i}`,
      employerUnitId: null,
      employerName: i % 2 ? '青山区税务局' : '青山区教育局',
      branch: '第一党支部',
      memberType: '在职',
      homeCompoundId: T.compound1,
      homeBuildingId: T.b1,
      homeLabel: '幸福里小区 1栋', // as party.register writes it
      skills: [],
      pledge: { text: '每月服务一次', done: i % 4 === 0, doneAt: null, doneNote: null },
      status: 'verified',
      rejectReason: null,
      viaScene: null,
      createdAt: at,
      reviewedAt: at,
      reviewedBy: P.secretary.id,
      closedAt: null,
    })
    if (i % 3 === 0) {
      const activityId = `a-${pad(i % ACTIVITIES)}`
      out.activity_signups.push({
        _id: `${activityId}_${id}`,
        activityId,
        communityId: T.c1,
        userId: id,
        status: 'checked_out',
        signedAt: at,
        checkinAt: at,
        checkoutAt: at,
        hours: 2,
        confirmedHours: 2,
        correction: null,
        confirmedAt: at,
      })
    }
    if (i % 10 === 0)
      out.party_visits.push({ _id: `v-${pad(i)}`, pairId: `${id}_${T.h2}`, communityId: T.c1, memberId: id, householdId: T.h2, note: '走访', at })
    if (i % 7 === 0)
      out.wishes.push({
        _id: `w${pad(i)}x${pad(i)}`,
        communityId: T.c1,
        compoundId: T.compound1,
        buildingId: T.b1,
        title: '心愿',
        description: '……',
        category: '其他',
        photos: [],
        wishedBy: null,
        wisherId: P.resident.id,
        postedById: P.resident.id,
        onBehalf: false,
        status: 'closed',
        onWall: true,
        claimerId: id,
        claimVia: 'claim',
        lastProgressAt: at,
        proof: null,
        rating: { stars: 4, note: '', at },
        rejectReason: null,
        pointsPending: false,
        history: [],
        createdAt: at,
        openedAt: at,
        claimedAt: at,
        fulfilledAt: at,
        closedAt: at,
        remindedAt: null,
        updatedAt: at,
      })
  }
  return out
}

/** Activities `from`…`to`-1 of community 1, `step` ms apart from `start` (ids sort by start). */
export function activityDocs(from: number, to: number, start = START, step = 3600_000): object[] {
  return Array.from({ length: to - from }, (_, k) => {
    const i = from + k
    const startAt = new Date(start + i * step)
    return {
      _id: `a-${pad(i)}`,
      communityId: T.c1,
      title: `活动 ${i}`,
      description: '',
      place: '党群服务中心',
      startAt,
      endAt: new Date(startAt.getTime() + 3600_000),
      capacity: 30,
      signedUp: 0,
      pointsPerHour: 5,
      organiserId: P.secretary.id,
      postId: null,
      location: null,
      secret: 'x'.repeat(32),
      status: 'published',
      createdAt: startAt,
      updatedAt: startAt,
    }
  })
}

const growMembers: ScaleCase['grow'] = async (ctx, from, to) => {
  // the activities the sign-ups point at, once
  if (from === 0) await ctx.engine.insertMany('activities', activityDocs(0, ACTIVITIES))
  for (const [coll, docs] of Object.entries(memberDocs(from, to))) if (docs.length) await ctx.engine.insertMany(coll, docs)
}

/** Members, then the 双报到 counters made right the way production repairs them: the 'party.coverage' recount (the registrations went straight in). */
const growCounted: ScaleCase['grow'] = async (ctx, from, to) => {
  await growMembers(ctx, from, to)
  await runRecount('party.coverage', { fix: true })
}

/** Activities five minutes apart from 2025-06-01: all of them past at 50k. */
const growActivities: ScaleCase['grow'] = async (ctx, from, to) => {
  await ctx.engine.insertMany('activities', activityDocs(from, to, Date.UTC(2025, 5, 1), 5 * 60_000))
}

/** What the report must say of member i (memberDocs). */
function checkRow(row: any): void {
  const i = parseInt(String(row.userId).slice(4), 16)
  const want = { hours: i % 3 === 0 ? 2 : 0, activities: i % 3 === 0 ? 1 : 0, visits: i % 10 === 0 ? 1 : 0, wishesFulfilled: i % 7 === 0 ? 1 : 0 }
  const got = { hours: row.hours, activities: row.activities, visits: row.visits, wishesFulfilled: row.wishesFulfilled }
  if (JSON.stringify(want) !== JSON.stringify(got)) throw new Error(`party.report row of ${row.userId}: ${JSON.stringify(got)}, want ${JSON.stringify(want)}`)
}

const report = (cursor?: string) => ({
  openid: sec,
  action: 'party.report',
  data: { communityId: T.c1, year: YEAR, format: 'json', ...(cursor ? { cursor } : {}) },
})

/** Pairs `from`…`to`-1: other members' pairs with the fixture households (the case's member keeps their three). */
const growPairs: ScaleCase['grow'] = async (ctx, from, to) => {
  const households = [T.h1, T.h2, T.h3]
  const at = new Date(START)
  const pair = (memberId: string, householdId: string) => ({
    _id: `${memberId}_${householdId}`,
    communityId: T.c1,
    memberId,
    householdId,
    needs: ['独居老人'],
    active: true,
    since: at,
    visits: 0,
    lastVisitAt: null,
  })
  if (from === 0)
    await ctx.engine.insertMany(
      'party_pairs',
      households.map((h) => pair(P.member.id, h)),
    )
  await ctx.engine.insertMany(
    'party_pairs',
    Array.from({ length: to - from }, (_, k) => pair(memberId(from + k), households[(from + k) % 3])),
  )
}

/** Posts `from`…`to`-1 of community 1, ten a second (ties on createdAt), ids in board order. */
const postId = (i: number) => `po-${pad(i)}`
const growPosts: ScaleCase['grow'] = async (ctx, from, to) => {
  await ctx.engine.insertMany(
    'party_posts',
    Array.from({ length: to - from }, (_, k) => {
      const i = from + k
      return {
        _id: postId(i),
        communityId: T.c1,
        title: `岗位 ${i}`,
        description: '',
        skills: [],
        capacity: 3,
        holders: i % 5 === 0 ? [P.member.id] : [],
        holderCount: i % 5 === 0 ? 1 : 0,
        active: true,
        createdAt: new Date(START + Math.floor(i / 10) * 1000),
      }
    }),
  )
}

const posts = (after?: string) => ({ openid: P.member.openid!, action: 'post.list', data: { communityId: T.c1, ...(after ? { after } : {}) } })

/** A page of the board: 100 posts in order from `first`. */
function checkPosts(answer: any, first: number): void {
  const want = Array.from({ length: 100 }, (_, k) => postId(first + k))
  if (JSON.stringify(answer.map((p: any) => p.id)) !== JSON.stringify(want))
    throw new Error(`post.list from ${first}: ${answer.length} posts, ${answer[0]?.id}…`)
}

export const PARTY_SCALE: ScaleCase[] = [
  ...listCases('party.members', () => ({ openid: sec, action: 'party.members', data: { communityId: T.c1, status: 'verified', limit: 20 } }), 1, growMembers),
  {
    name: 'party.report',
    grow: growMembers,
    call: () => report(),
    check(answer) {
      if (answer.rows.length !== 100 || !answer.nextCursor) throw new Error(`party.report answered ${answer.rows.length} rows`)
      answer.rows.forEach(checkRow)
    },
  },
  {
    name: 'party.report#deep',
    grow: growMembers,
    call: (ctx) => report(ctx.state.cursor),
    async check(_answer, n, ctx) {
      // walk the pages once (not measured) to half-way; the measured calls read that page
      let page = await ctx.ok(sec, 'party.report', report().data)
      let seen = page.rows.length
      while (page.nextCursor && seen < n / 2) {
        ctx.state.cursor = page.nextCursor
        page = await ctx.ok(sec, 'party.report', report(page.nextCursor).data)
        page.rows.forEach(checkRow)
        seen += page.rows.length
      }
    },
  },
  {
    name: 'party.record',
    grow: growMembers,
    call: () => ({ openid: sec, action: 'party.record', data: { communityId: T.c1, userId: memberId(21), year: YEAR } }),
    check(answer) {
      if (answer.totalHours !== 2 || answer.visits !== 0 || answer.wishesFulfilled !== 1 || answer.averageRating !== 4)
        throw new Error(`party.record: ${JSON.stringify({ h: answer.totalHours, v: answer.visits, w: answer.wishesFulfilled, r: answer.averageRating })}`)
    },
  },
  {
    name: 'party.coverage',
    grow: growCounted,
    call: () => ({ openid: P.streetAdmin.openid!, action: 'party.coverage', data: { streetId: T.street } }),
    async check(answer, n, ctx) {
      // the counters (made right by the recount) say what the registrations say
      for (const c of answer.communities) {
        const verified = await ctx.engine.count('party_registrations', { communityId: c.communityId, status: 'verified' })
        const pending = await ctx.engine.count('party_registrations', { communityId: c.communityId, status: 'pending' })
        if (c.verified !== verified || c.pending !== pending)
          throw new Error(`party.coverage: ${JSON.stringify(c)}, want ${verified} verified, ${pending} pending`)
      }
      const c1 = answer.communities.find((c: any) => c.communityId === T.c1)
      if (!c1 || c1.verified < n) throw new Error(`party.coverage: ${JSON.stringify(c1)}`)
    },
  },
  {
    name: 'pair.list',
    grow: growPairs,
    call: () => ({ openid: sec, action: 'pair.list', data: { communityId: T.c1, memberId: P.member.id } }),
    check(answer) {
      if (answer.length !== 3 || answer.some((p: any) => !p.household)) throw new Error(`pair.list answered ${JSON.stringify(answer).slice(0, 200)}`)
    },
  },
  {
    name: 'post.list',
    grow: growPosts,
    call: () => posts(),
    check: (answer) => checkPosts(answer, 0),
  },
  {
    // the page after the middle post (what a client following `after` asks for half-way through the board)
    name: 'post.list#deep',
    grow: growPosts,
    call: (_ctx, n) => posts(postId(n / 2 - 1)),
    check: (answer, n) => checkPosts(answer, n / 2),
  },
  ...listCases(
    'activity.list',
    () => ({ openid: P.member.openid!, action: 'activity.list', data: { communityId: T.c1, scope: 'past', limit: 20 } }),
    1,
    growActivities,
  ),
]

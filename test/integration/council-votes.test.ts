/**
 * Council votes 表决 through the real main() on the local engine: one vote per identity under a rush of 500
 * votes with duplicates across online and offline channels (the published tally equals the stored votes,
 * nobody ineligible counted); eligibility from verified data (unverified household, non-resident, migrants
 * with a valid and an expired permit, youth by verified birth year, representatives only); quorum and pass
 * thresholds; the window closed by the timer on the injected clock, and early by the secretary; milestones,
 * 办成了吗 and reopening; points paid once; residency and seats audited; council.stats.
 */
import { codeOf, openTestCloud, type TestCloud } from '../support/cloud'
import { P, T, seedFixtures } from '../support/fixtures'
import { ledgerProblems } from '../support/ledger'
import { runRecount } from '../support/recount'
import { PRIVACY_VERSION, type User } from '../../types/org'
import type { CouncilSettings, CouncilView, TopicDetail, VoteChoice } from '../../types/council'
import type { ApiResult } from '../../types/common'
import type { TemplateName } from '../../types/templates'
import { chinaDay, chinaYear, addDays } from '../../cloudfunctions/api/src/platform/chinaTime'
import { closeGraceMs } from '../../cloudfunctions/api/src/modules/council/votes'

let tc: TestCloud
const sec = P.secretary.openid
const res = P.resident.openid // 王秀英, h1 (1栋)
const nb = P.neighbour.openid // 李建国, h2 (1栋)
const pm = P.member.openid // 周志刚, h3 (2栋)
const c = T.c1
let n = 0

beforeAll(async () => {
  tc = await openTestCloud()
})
afterEach(() => tc.resetClock())
afterAll(async () => {
  await tc.close()
})

const SETTINGS: CouncilSettings = {
  supportThreshold: 0,
  eligibility: 'household',
  quorumPercent: 0,
  passPercent: 50,
  opinionDays: 7,
  votingDays: 7,
  secretBallot: true,
  youthMaxAge: null,
}

/** A person; a verified resident of `household` in 1栋 of community 1 unless told otherwise. */
function person(id: string, over: Partial<User> = {}): User {
  const now = tc.now()
  return {
    _id: id,
    openid: `o-${id}`,
    offline: false,
    nickname: `居民${id}`,
    avatarUrl: null,
    realName: null,
    phone: null,
    householdId: `hh-${id}`,
    communityId: c,
    buildingId: T.b1,
    householdStatus: 'verified',
    roles: [{ communityId: c, role: 'resident' }],
    proxies: [],
    privacy: { version: PRIVACY_VERSION, at: now },
    elderMode: null,
    birthYear: null,
    createdAt: now,
    updatedAt: now,
    ...over,
  }
}

const reasonOf = (r: ApiResult<unknown>) => (r.ok ? null : (r.error.details?.reason ?? null))
const messageOf = (r: ApiResult<unknown>) => (r.ok ? null : r.error.message)
const accept = (openid: string, ...templates: TemplateName[]) => tc.ok(openid, 'org.subscribed', { templates })

/** The fixtures, points rules and a funded sponsor, and the default council with these settings. */
async function setup(settings: Partial<CouncilSettings> = {}, people: User[] = []): Promise<CouncilView> {
  await seedFixtures(tc.engine)
  tc.resetLimits()
  if (people.length) await tc.engine.insertMany('users', people)
  await tc.ok(sec, 'points.setRule', { communityId: c, kind: 'council_participation', points: 5, dailyCap: null, monthlyCap: null, active: true })
  await tc.ok(sec, 'points.setRule', { communityId: c, kind: 'suggestion_adopted', points: 30, dailyCap: null, monthlyCap: null, active: true })
  const [s] = await tc.ok(sec, 'points.setSponsor', { communityId: c, name: '青山区税务局', warnBelow: 0 })
  await tc.ok(sec, 'points.fundSponsor', { communityId: c, sponsorId: s.id, amount: 100_000, note: '经费', requestKey: `fund-votes-${++n}` })
  const [council] = await tc.ok(sec, 'council.list', { communityId: c })
  return tc.ok(sec, 'council.upsert', { communityId: c, councilId: council.id, name: council.name, scope: 'community', settings: { ...SETTINGS, ...settings } })
}

/** A topic of the council brought to the opinions stage through the real steps (threshold 0: straight to review). */
async function toOpinions(councilId?: string, author = res): Promise<TopicDetail> {
  const t = await tc.ok(author, 'topic.create', {
    communityId: c,
    ...(councilId ? { councilId } : {}),
    title: `东门加装雨棚 ${++n}`,
    description: '下雨天等车没地方躲，希望在东门公交站旁加个雨棚。',
  })
  expect(t.status).toBe('review')
  await tc.ok(sec, 'topic.review', { communityId: c, topicId: t.id, note: '符合社区公共利益。' })
  return tc.ok(sec, 'topic.discuss', { communityId: c, topicId: t.id, note: '业委会同意。' })
}

async function openVote(councilId?: string): Promise<TopicDetail> {
  const t = await toOpinions(councilId)
  const v = await tc.ok(sec, 'topic.openVote', { communityId: c, topicId: t.id })
  expect(v.status).toBe('voting')
  return v
}

const vote = (openid: string, topicId: string, choice: VoteChoice = 'yes') => tc.call(openid, 'topic.vote', { communityId: c, topicId, choice })
const get = (openid: string, topicId: string) => tc.ok(openid, 'topic.get', { communityId: c, topicId })

/** Past the vote's end and the grace, then the secretary publishes the result. */
async function closeAfterWindow(topicId: string): Promise<TopicDetail> {
  const t = await get(sec, topicId)
  tc.setNow(new Date(t.vote!.closesAt).getTime() + closeGraceMs() + 1000)
  return tc.ok(sec, 'topic.close', { communityId: c, topicId })
}

describe('one vote per identity under a rush', () => {
  test('500 concurrent votes (and offline entries of the same voters) from 300 households: one counted per household, the tally equals the stored votes, nobody ineligible counted', async () => {
    // 300 households: the first 150 with two members, the others with one (450 people who may vote).
    const voters: User[] = []
    for (let h = 0; h < 300; h++) for (let m = 0; m < (h < 150 ? 2 : 1); m++) voters.push(person(`v${h}m${m}`, { householdId: `hv-${h}` }))
    // 30 whose household is declared but not confirmed, 20 of the other community.
    const pending = Array.from({ length: 30 }, (_, i) => person(`pend${i}`, { householdId: `hp-${i}`, householdStatus: 'pending', roles: [] }))
    const outsiders = Array.from({ length: 20 }, (_, i) =>
      person(`out${i}`, { householdId: `ho-${i}`, communityId: T.c2, buildingId: T.b3, roles: [{ communityId: T.c2, role: 'resident' }] }),
    )
    await setup({}, [...voters, ...pending, ...outsiders])
    const t = await openVote()
    // Households with a verified resident: the 300, and the fixtures' h1, h2, h3.
    expect(t.vote).toMatchObject({ eligibility: 'household', electorate: 303 })

    const choiceOf = (i: number): VoteChoice => (['yes', 'yes', 'no', 'abstain'] as const)[i % 4]
    // Online: everyone of households 0–249 (400 people), 50 of them twice, and the 50 who may not vote.
    const onlineVoters = voters.filter((u) => Number(/^v(\d+)m/.exec(u._id)![1]) < 250)
    const online = [...onlineVoters, ...onlineVoters.slice(0, 50), ...pending, ...outsiders].map((u, i) => ({ u, choice: choiceOf(i) }))
    expect(online).toHaveLength(500)
    // Meanwhile the secretary enters paper ballots of households 200–279 and a meeting's votes of 240–299:
    // households 200–249 also vote online, 250–279 are entered twice, 280–299 vote only at the meeting.
    const meeting = await tc.ok(sec, 'meeting.upsert', {
      communityId: c,
      councilId: t.councilId,
      kind: 'council_day',
      title: '十二月议事日',
      place: '党群服务中心',
      startAt: tc.now().toISOString(),
      endAt: new Date(tc.now().getTime() + 2 * 3600_000).toISOString(),
      capacity: 100,
      topicIds: [t.id],
    })
    const offline = (from: number, to: number, channel: 'paper' | 'meeting') =>
      tc.call(sec, 'topic.recordOfflineVotes', {
        communityId: c,
        topicId: t.id,
        channel,
        ...(channel === 'meeting' ? { meetingId: meeting.id } : {}),
        votes: Array.from({ length: to - from }, (_, i) => ({ voterId: `v${from + i}m0`, choice: 'no' as const })),
      })
    const started = Date.now()
    const [results, paper, atMeeting] = await Promise.all([
      Promise.all(online.map(({ u, choice }) => vote(u.openid, t.id, choice))),
      offline(200, 280, 'paper'),
      offline(240, 300, 'meeting'),
    ])
    const took = Date.now() - started
    const okOnline = results.filter((r) => r.ok).length
    const codes = results.map((r, i) => `${codeOf(r)}:${reasonOf(r)}:${i < 450 ? 'voter' : i < 480 ? 'pending' : 'outsider'}`)
    const tallyOf = (k: string) => codes.filter((x) => x === k).length
    // Everyone ineligible was refused, with the why.
    expect(tallyOf('FORBIDDEN:NOT_ELIGIBLE:pending')).toBe(30)
    expect(tallyOf('FORBIDDEN:NOT_ELIGIBLE:outsider')).toBe(20)
    expect(messageOf(results[450])).toBe('您家还未确认住址，确认后就能参与')
    expect(messageOf(results[480])).toBe('您还不是本社区登记的居民，请先在「我的」里填写住址')
    // Every eligible voter either voted or was told their household (or they) already had.
    expect(tallyOf('OK:null:voter') + tallyOf('CONFLICT:ALREADY_DONE:voter')).toBe(450)
    expect(messageOf(results.find((r) => reasonOf(r) === 'ALREADY_DONE')!)).toBe('您家已经投过票了')
    const p = paper.ok ? paper.data : null
    const m = atMeeting.ok ? atMeeting.data : null
    expect(p && m).toBeTruthy()
    for (const r of [...p!.refused, ...m!.refused]) expect(r.why).toBe('这户已经投过票了（每户一票，线上线下合计）')
    // 80 + 60 entries for 100 households, 30 of them entered on both lists.
    expect(p!.recorded + m!.recorded + p!.refused.length + m!.refused.length).toBe(140)
    expect(m!.recorded).toBeGreaterThanOrEqual(20)
    // Exactly one vote per household: 300 stored.
    const stored = await tc.engine.find('topic_votes', { topicId: t.id })
    expect(stored).toHaveLength(300)
    expect(new Set(stored.map((v) => v.identity)).size).toBe(300)
    expect(okOnline + p!.recorded + m!.recorded).toBe(300)
    expect(stored.every((v) => v.identity.startsWith('h_hv-'))).toBe(true)
    expect(stored.filter((v) => v.channel !== 'online').every((v) => v.recordedById === P.secretary.id)).toBe(true)
    const owed = await tc.engine.count('topic_votes', { topicId: t.id, pointsPending: true })
    console.log(
      `500 votes + 140 offline entries at once: ${took} ms; counted online ${okOnline}, paper ${p!.recorded}, meeting ${m!.recorded}; points owed ${owed}`,
    )

    // Published: the tally is the stored votes.
    const closed = await closeAfterWindow(t.id)
    const count = (choice: string) => stored.filter((v) => v.choice === choice).length
    expect(closed.status).toBe('decided')
    expect(closed.tally).toEqual({
      yes: count('yes'),
      no: count('no'),
      abstain: count('abstain'),
      online: okOnline,
      offline: p!.recorded + m!.recorded,
    })
    expect(await tc.engine.count('topic_votes', { topicId: t.id })).toBe(300)

    // Points: one 参与议事 per household that voted, paid by the timer (votes never pay inline), the books balanced.
    expect(owed).toBe(300)
    for (let i = 0; i < 5; i++) await tc.tick()
    expect(await tc.engine.count('topic_votes', { topicId: t.id, pointsPending: true })).toBe(0)
    const paid = await tc.engine.find('point_transfers', { key: { $regex: `^council:vote:${t.id}:` } })
    expect(paid).toHaveLength(300)
    expect(await ledgerProblems(tc.engine)).toEqual([])
  }, 120_000)
})

/** A council of the community set up by the secretary. */
const newCouncil = (scope: 'migrants' | 'youth' | 'building', settings: Partial<CouncilSettings>, extra: object = {}) =>
  tc.ok(sec, 'council.upsert', {
    communityId: c,
    name: { migrants: '新居民议事会', youth: '青年议事会', building: '1栋议事会' }[scope],
    scope,
    settings: { ...SETTINGS, ...settings },
    ...extra,
  })

describe('who may vote: verified data only, and the why in Chinese', () => {
  test('an unverified household and a non-resident are refused; two members of a household vote once, whatever the channel', async () => {
    const waiting = person('wait', { householdStatus: 'pending', roles: [] })
    const stranger = person('far', { communityId: T.c2, buildingId: T.b3, roles: [{ communityId: T.c2, role: 'resident' }] })
    await setup({}, [waiting, stranger])
    const t = await openVote()
    const r1 = await vote(waiting.openid, t.id)
    expect([codeOf(r1), reasonOf(r1), messageOf(r1)]).toEqual(['FORBIDDEN', 'NOT_ELIGIBLE', '您家还未确认住址，确认后就能参与'])
    const r2 = await vote(stranger.openid, t.id)
    expect([codeOf(r2), reasonOf(r2), messageOf(r2)]).toEqual(['FORBIDDEN', 'NOT_ELIGIBLE', '您还不是本社区登记的居民，请先在「我的」里填写住址'])
    expect((await get(waiting.openid, t.id)).me).toMatchObject({ canVote: false, whyNotVote: '您家还未确认住址，确认后就能参与' })

    // 李建国 votes online for h2; 赵桂兰 (h2, offline) is entered on paper: the household has voted.
    const mine = await vote(nb, t.id, 'no')
    expect(mine.ok && mine.data.me).toMatchObject({ voted: 'no', canVote: false })
    const paper = await tc.ok(sec, 'topic.recordOfflineVotes', {
      communityId: c,
      topicId: t.id,
      channel: 'paper',
      votes: [
        { voterId: P.elder.id, choice: 'yes' },
        { voterId: P.farElder.id, choice: 'yes' },
        { voterId: P.farElder.id, choice: 'no' },
        { voterId: waiting._id, choice: 'yes' },
      ],
    })
    expect(paper.recorded).toBe(1)
    expect(paper.refused).toEqual([
      { voterId: P.elder.id, why: '这户已经投过票了（每户一票，线上线下合计）' },
      { voterId: P.farElder.id, why: '本次录入中重复出现' },
      { voterId: waiting._id, why: '您家还未确认住址，确认后就能参与' },
    ])
    // 周志刚 lives in h3, whose vote 钱德福 cast on paper.
    const again = await vote(pm, t.id)
    expect([codeOf(again), reasonOf(again), messageOf(again)]).toEqual(['CONFLICT', 'ALREADY_DONE', '您家已经投过票了'])
    expect((await get(pm, t.id)).me).toMatchObject({ voted: 'household', canVote: false })
    // A meeting's votes name their meeting.
    const bad = await tc.call(sec, 'topic.recordOfflineVotes', {
      communityId: c,
      topicId: t.id,
      channel: 'meeting',
      votes: [{ voterId: P.resident.id, choice: 'yes' }],
    })
    expect(codeOf(bad)).toBe('INVALID_INPUT')
    // Only the secretary enters offline votes.
    expect(
      codeOf(
        await tc.call(nb, 'topic.recordOfflineVotes', { communityId: c, topicId: t.id, channel: 'paper', votes: [{ voterId: P.resident.id, choice: 'yes' }] }),
      ),
    ).toBe('FORBIDDEN')
  })

  test('resident eligibility: each verified person votes once', async () => {
    await setup({ eligibility: 'resident' })
    const t = await openVote()
    expect(t.vote!.electorate).toBe(7) // the fixtures' verified residents of community 1
    expect(codeOf(await vote(nb, t.id))).toBe('OK')
    const paper = await tc.ok(sec, 'topic.recordOfflineVotes', {
      communityId: c,
      topicId: t.id,
      channel: 'paper',
      votes: [
        { voterId: P.elder.id, choice: 'no' },
        { voterId: P.neighbour.id, choice: 'no' },
      ],
    })
    expect(paper.recorded).toBe(1)
    expect(paper.refused).toEqual([{ voterId: P.neighbour.id, why: '这位居民已经投过票了' }])
    const again = await vote(nb, t.id)
    expect([codeOf(again), messageOf(again)]).toEqual(['CONFLICT', '您已经投过票了'])
  })

  test('migrants: a residence permit the secretary recorded lets a newcomer vote until it expires', async () => {
    const newcomer = person('mig1', { householdStatus: 'pending', roles: [] })
    const expiring = person('mig2', { householdStatus: 'pending', roles: [] })
    await setup({}, [newcomer, expiring])
    const today = chinaDay(tc.now())
    await tc.ok(sec, 'org.setResidency', { communityId: c, userId: newcomer._id, permitExpiresOn: addDays(today, 365) })
    const short = await tc.ok(sec, 'org.setResidency', { communityId: c, userId: expiring._id, permitExpiresOn: addDays(today, 10) })
    expect(short).toEqual({ userId: expiring._id, birthYear: null, permitExpiresOn: addDays(today, 10) })
    const council = await newCouncil('migrants', { eligibility: 'resident', votingDays: 30 })
    expect(council).toMatchObject({ scope: 'migrants', placeName: '本社区', myEligibility: { canVote: false, why: '新居民议事会需要在社区登记居住证' } })
    const t = await toOpinions(council.id, newcomer.openid)
    const v = await tc.ok(sec, 'topic.openVote', { communityId: c, topicId: t.id })
    expect(v.vote!.electorate).toBe(2)
    expect(codeOf(await vote(newcomer.openid, t.id))).toBe('OK')
    const resident = await vote(res, t.id)
    expect([codeOf(resident), messageOf(resident)]).toEqual(['FORBIDDEN', '新居民议事会需要在社区登记居住证'])
    // The permit's last day still counts; the day after, it does not.
    tc.setNow(new Date(`${addDays(today, 10)}T15:00:00+08:00`))
    expect((await get(expiring.openid, t.id)).me.canVote).toBe(true)
    tc.setNow(new Date(`${addDays(today, 11)}T09:00:00+08:00`))
    const late = await vote(expiring.openid, t.id)
    expect([codeOf(late), reasonOf(late), messageOf(late)]).toEqual(['FORBIDDEN', 'NOT_ELIGIBLE', '您的居住证已过期，请到社区更新登记'])
    // In the community council the same newcomer stands on the permit too, as a person (no confirmed household).
    const [main] = await tc.ok(newcomer.openid, 'council.list', { communityId: c })
    expect(main).toMatchObject({ isDefault: true, myEligibility: { canVote: true, why: null } })
  })

  test('youth council: by the birth year the secretary verified, never the one a person typed', async () => {
    const young = person('young', { birthYear: 2001 })
    const older = person('older')
    await setup({}, [young, older])
    const year = chinaYear(tc.now())
    const council = await newCouncil('youth', { eligibility: 'resident', youthMaxAge: 35 })
    expect(council.myEligibility).toEqual({ canVote: false, why: '青年议事会需要先到社区登记出生年份' })
    await tc.ok(sec, 'org.setResidency', { communityId: c, userId: older._id, birthYear: year - 50 })
    const before = await tc.call(young.openid, 'topic.create', {
      communityId: c,
      councilId: council.id,
      title: '篮球场晚上开灯',
      description: '下班后想打球，希望球场灯开到九点。',
    })
    expect(messageOf(before)).toBe('青年议事会需要先到社区登记出生年份')
    await tc.ok(sec, 'org.setResidency', { communityId: c, userId: young._id, birthYear: year - 35 })
    const t = await toOpinions(council.id, young.openid)
    const v = await tc.ok(sec, 'topic.openVote', { communityId: c, topicId: t.id })
    expect(v.vote!.electorate).toBe(1)
    expect(codeOf(await vote(young.openid, t.id))).toBe('OK')
    const old = await vote(older.openid, t.id)
    expect([codeOf(old), messageOf(old)]).toEqual(['FORBIDDEN', '青年议事会只由 35 岁以下的居民参与'])
    const unknown = await vote(nb, t.id)
    expect(messageOf(unknown)).toBe('青年议事会需要先到社区登记出生年份')
  })

  test('representatives only: the representative seats vote; everyone else may comment', async () => {
    const council = await setup({ eligibility: 'representatives' })
    await tc.ok(sec, 'council.setSeat', { communityId: c, councilId: council.id, userId: P.neighbour.id, seat: 'representative' })
    await tc.ok(sec, 'council.setSeat', { communityId: c, councilId: council.id, userId: P.member.id, seat: 'party_branch' })
    const t = await openVote()
    expect(t.vote).toMatchObject({ eligibility: 'representatives', electorate: 1 })
    const r = await vote(res, t.id)
    expect([codeOf(r), reasonOf(r), messageOf(r)]).toEqual(['FORBIDDEN', 'NOT_ELIGIBLE', '本议题由居民代表表决，您可以发表意见'])
    expect(codeOf(await vote(nb, t.id, 'no'))).toBe('OK')
    const paper = await tc.ok(sec, 'topic.recordOfflineVotes', {
      communityId: c,
      topicId: t.id,
      channel: 'paper',
      votes: [{ voterId: P.member.id, choice: 'yes' }],
    })
    expect(paper.refused).toEqual([{ voterId: P.member.id, why: '本议题由居民代表表决，您可以发表意见' }])
    const closed = await closeAfterWindow(t.id)
    expect(closed).toMatchObject({ outcome: 'rejected', tally: { yes: 0, no: 1, abstain: 0, online: 1, offline: 0 } })
  })

  test('no electorate, no vote', async () => {
    await setup({ eligibility: 'representatives' })
    const t = await toOpinions()
    const r = await tc.call(sec, 'topic.openVote', { communityId: c, topicId: t.id })
    expect([codeOf(r), messageOf(r)]).toEqual(['CONFLICT', '本议事会还没有居民代表，请先设置居民代表再发起表决'])
    expect((await get(sec, t.id)).status).toBe('opinions')
  })
})

describe('deciding', () => {
  test('quorum and pass thresholds decide, by the terms frozen when the vote opened', async () => {
    await setup({ eligibility: 'resident', quorumPercent: 50, passPercent: 67 })
    const short = await openVote()
    const two = await openVote()
    // The settings change after the votes opened moves neither.
    const [council] = await tc.ok(sec, 'council.list', { communityId: c })
    await tc.ok(sec, 'council.upsert', {
      communityId: c,
      councilId: council.id,
      name: council.name,
      scope: 'community',
      settings: { ...council.settings, quorumPercent: 0, passPercent: 50 },
    })
    for (const who of [res, nb, pm]) expect(codeOf(await vote(who, short.id))).toBe('OK')
    for (const [who, choice] of [
      [res, 'yes'],
      [nb, 'yes'],
      [pm, 'no'],
      [P.head.openid, 'abstain'],
    ] as const)
      expect(codeOf(await vote(who, two.id, choice))).toBe('OK')
    const a = await closeAfterWindow(short.id)
    expect(a).toMatchObject({ status: 'decided', outcome: 'rejected', outcomeNote: '参与表决 3 票，未达到 50% 的法定人数（需 4 票），本次表决无效' })
    const b = await tc.ok(sec, 'topic.close', { communityId: c, topicId: two.id })
    expect(b).toMatchObject({ outcome: 'rejected', outcomeNote: '同意 2 票，占有效票 66.7%，未超过 67%，表决未通过', tally: { yes: 2, no: 1, abstain: 1 } })
    // A rejected topic has nothing to implement.
    const m = await tc.call(sec, 'topic.addMilestone', { communityId: c, topicId: two.id, date: chinaDay(tc.now()), note: '开工' })
    expect([codeOf(m), messageOf(m)]).toEqual(['CONFLICT', '这个议题表决未通过，没有需要落实的事项'])
    // Under the new settings a simple majority passes.
    tc.resetClock()
    const three = await openVote()
    for (const [who, choice] of [
      [res, 'yes'],
      [nb, 'no'],
      [pm, 'yes'],
    ] as const)
      await vote(who, three.id, choice)
    expect(await closeAfterWindow(three.id)).toMatchObject({ outcome: 'passed', outcomeNote: '同意 2 票，占有效票 66.7%，超过 50%，表决通过' })
  })

  test('the window closes by the clock and the timer publishes the result after the grace; the author is told and paid once', async () => {
    await setup()
    for (let i = 0; i < 6; i++) await accept(res, 'topicProgress') // one per step: created, reviewed, discussed, vote opened, decided
    const t = await openVote()
    expect(codeOf(await vote(nb, t.id))).toBe('OK')
    const closesAt = new Date(t.vote!.closesAt).getTime()
    tc.setNow(closesAt - 1000)
    expect(codeOf(await vote(pm, t.id))).toBe('OK')
    tc.setNow(closesAt)
    const late = await vote(res, t.id)
    expect([codeOf(late), reasonOf(late), messageOf(late)]).toEqual(['CONFLICT', 'STATE_CHANGED', '表决已经截止了'])
    expect((await get(res, t.id)).me).toMatchObject({ canVote: false, whyNotVote: '表决已经截止，正在统计结果' })
    // Within the grace nothing is decided, by the timer or the secretary.
    await tc.tick()
    expect((await get(res, t.id)).status).toBe('voting')
    const early = await tc.call(sec, 'topic.close', { communityId: c, topicId: t.id })
    expect([codeOf(early), reasonOf(early)]).toEqual(['CONFLICT', 'BUSY'])
    tc.setNow(closesAt + closeGraceMs() + 1000)
    const tick = await tc.tick()
    expect(tick.ok && tick.data['topic.closeVotes']).toEqual({ closed: 1 })
    const decided = await get(res, t.id)
    expect(decided).toMatchObject({ status: 'decided', outcome: 'passed', tally: { yes: 2, no: 0, abstain: 0, online: 2, offline: 0 } })
    expect(decided.timeline.at(-1)).toMatchObject({ event: 'close', to: 'decided', byName: null })
    // Audited with no actor; the author told; 建议被采纳 paid once, whoever closes or ticks again.
    const audit = await tc.engine.find('audit_log', { action: 'topic.close' })
    expect(audit.map((a) => [a.actorId, a.after.outcome])).toEqual([[null, 'passed']])
    const told = await tc.engine.find('outbox', { templateId: 'local-tpl-topic-progress' })
    expect(told.at(-1)!.data).toMatchObject({ phrase2: { value: '已表决' }, thing3: { value: '表决通过，接下来会公布落实进展' } })
    await tc.tick()
    expect(codeOf(await tc.call(sec, 'topic.close', { communityId: c, topicId: t.id }))).toBe('CONFLICT')
    expect(await tc.engine.count('point_transfers', { key: `council:adopted:${t.id}` })).toBe(1)
    expect((await tc.ok(res, 'points.balance', { communityId: c })).balance).toBe(30)
    expect(await ledgerProblems(tc.engine)).toEqual([])
  })

  test('the secretary may end a vote early: nobody votes from then on, and the result follows the grace', async () => {
    await setup()
    const t = await openVote()
    expect(codeOf(await vote(nb, t.id, 'no'))).toBe('OK')
    const stopped = await tc.ok(sec, 'topic.close', { communityId: c, topicId: t.id })
    expect(stopped.status).toBe('voting')
    expect(new Date(stopped.vote!.closesAt).getTime()).toBeLessThanOrEqual(tc.now().getTime())
    const [stored] = await tc.engine.find('topics', { _id: t.id })
    expect(stored.vote.closesAt).toEqual(stored.votingClosesAt)
    expect(stored.votingClosesAt.getTime()).toBeLessThanOrEqual(tc.now().getTime())
    expect(codeOf(await vote(res, t.id))).toBe('CONFLICT')
    expect(reasonOf(await tc.call(sec, 'topic.close', { communityId: c, topicId: t.id }))).toBe('BUSY')
    // The page is told when the result can be published (it reloads then): the moved end and the grace.
    expect(Date.parse(t.vote!.publishAfter!)).toBe(Date.parse(t.vote!.closesAt) + closeGraceMs())
    const publishAfter = Date.parse(stopped.vote!.publishAfter!)
    expect(publishAfter).toBe(Date.parse(stopped.vote!.closesAt) + closeGraceMs())
    expect((await get(res, t.id)).vote!.publishAfter).toBe(stopped.vote!.publishAfter)
    tc.setNow(publishAfter - 1000)
    expect(reasonOf(await tc.call(sec, 'topic.close', { communityId: c, topicId: t.id }))).toBe('BUSY')
    tc.setNow(publishAfter)
    const closed = await tc.ok(sec, 'topic.close', { communityId: c, topicId: t.id })
    expect(closed).toMatchObject({ status: 'decided', outcome: 'rejected', tally: { yes: 0, no: 1 } })
    expect(await tc.engine.count('audit_log', { action: 'topic.close' })).toBe(2)
  })

  test('a running tally only for open ballots; never a voter’s choice', async () => {
    await setup({ secretBallot: false })
    const t = await openVote()
    await vote(nb, t.id, 'no')
    expect((await get(res, t.id)).tally).toMatchObject({ yes: 0, no: 1 })
    expect((await get(res, t.id)).me.voted).toBeNull()
    await setup({ secretBallot: true })
    const s = await openVote()
    await vote(nb, s.id, 'no')
    expect((await get(res, s.id)).tally).toBeNull()
  })
})

describe('implementation and 办成了吗', () => {
  test('milestones → done asks the voters; most say 没办成 → it reopens with their words; one answer each', async () => {
    const other = person('late')
    await setup({ eligibility: 'resident' }, [other])
    const t = await openVote()
    for (const who of [res, nb, pm, P.head.openid]) expect(codeOf(await vote(who, t.id))).toBe('OK')
    for (const who of [nb, pm]) await accept(who, 'topicProgress')
    expect((await closeAfterWindow(t.id)).outcome).toBe('passed')
    tc.resetClock()
    const today = chinaDay(tc.now())
    expect(codeOf(await tc.call(nb, 'topic.addMilestone', { communityId: c, topicId: t.id, date: today, note: '施工队进场' }))).toBe('FORBIDDEN')
    const m1 = await tc.ok(sec, 'topic.addMilestone', { communityId: c, topicId: t.id, date: today, note: '施工队进场', photos: ['cloud://env/a.jpg'] })
    expect(m1).toMatchObject({ status: 'implementing', milestones: [{ date: today, note: '施工队进场', photos: ['cloud://env/a.jpg'], done: false }] })
    expect(m1.me.can.feedback).toBe(false)
    const done = await tc.ok(sec, 'topic.addMilestone', { communityId: c, topicId: t.id, date: today, note: '雨棚已装好', done: true })
    expect(done.status).toBe('done')
    expect(done.milestones.map((m) => m.done)).toEqual([false, true])
    // Those who voted and accepted the message are asked.
    const asked = await tc.engine.find('outbox', { templateId: 'local-tpl-topic-progress', 'data.thing3.value': '办成了吗？请告诉我们' })
    expect(asked.map((m) => m.touser).sort()).toEqual([P.member.openid, P.neighbour.openid].sort())
    expect((await get(nb, t.id)).me.can.feedback).toBe(true)

    const answer = (openid: string, ok: boolean, comment?: string) =>
      tc.call(openid, 'topic.feedback', { communityId: c, topicId: t.id, done: ok, ...(comment ? { comment } : {}) })
    const stranger = await answer(other.openid, false)
    expect([codeOf(stranger), reasonOf(stranger)]).toEqual(['FORBIDDEN', 'NOT_ELIGIBLE'])
    expect(codeOf(await answer(res, true))).toBe('OK')
    expect(codeOf(await answer(nb, false, '雨棚漏水'))).toBe('OK')
    const twice = await answer(nb, false)
    expect([codeOf(twice), reasonOf(twice)]).toEqual(['CONFLICT', 'ALREADY_DONE'])
    expect((await get(res, t.id)).feedback).toEqual({ yes: 1, no: 1 })
    expect(codeOf(await answer(pm, false, '顶棚太矮'))).toBe('OK')
    const third = await answer(P.head.openid, false)
    const reopened = third.ok ? third.data : null
    expect(reopened).toMatchObject({ status: 'implementing', feedback: { yes: 0, no: 0 } })
    expect(reopened!.timeline.at(-1)).toMatchObject({ event: 'reopen', to: 'implementing', note: '3 位参与表决的居民认为还没办成：雨棚漏水；顶棚太矮' })
    // Fixed again: a new round of answers.
    await tc.ok(sec, 'topic.addMilestone', { communityId: c, topicId: t.id, date: today, note: '已修好漏水处', done: true })
    expect(codeOf(await answer(nb, true))).toBe('OK')
    expect(await tc.engine.count('topic_feedback', { topicId: t.id })).toBe(5)
    // The running counters followed every step (the reopen too): the recount finds nothing to repair.
    expect((await tc.ok(sec, 'council.stats', { communityId: c })).byStatus).toEqual({ done: 1 })
    expect((await runRecount('council.topics', { fix: false, clock: tc.now })).drift).toEqual([])
  })
})

describe('the secretary’s records', () => {
  test('the member page shows the residency records to the secretary only; a permit only when it is this community’s', async () => {
    // A resident living here (verified) whose permit another community recorded.
    const elsewhere = person('permit-elsewhere', {
      residencePermit: { communityId: T.c2, expiresOn: addDays(chinaDay(tc.now()), 90), recordedById: P.otherSecretary.id, at: tc.now() },
    })
    await setup({}, [elsewhere])
    const member = (openid: string, userId = P.resident.id) => tc.call(openid, 'org.member', { communityId: c, userId })
    const fresh = await tc.ok(sec, 'org.member', { communityId: c, userId: P.resident.id })
    expect([fresh.verifiedBirthYear, fresh.residencePermit]).toEqual([null, null])
    const expiresOn = addDays(chinaDay(tc.now()), 365)
    await tc.ok(sec, 'org.setResidency', { communityId: c, userId: P.resident.id, birthYear: 1990, permitExpiresOn: expiresOn })
    const seen = await tc.ok(sec, 'org.member', { communityId: c, userId: P.resident.id })
    expect([seen.verifiedBirthYear, seen.residencePermit]).toEqual([1990, { expiresOn }])
    // The street admin over the community is a secretary here too.
    expect(await tc.ok(P.streetAdmin.openid, 'org.member', { communityId: c, userId: P.resident.id })).toMatchObject({ verifiedBirthYear: 1990 })
    // Another community's permit is not this community's to see.
    expect((await tc.ok(sec, 'org.member', { communityId: c, userId: elsewhere._id })).residencePermit).toBeNull()
    // Nobody else gets them: org.member is refused, and no answer they do get carries them.
    for (const who of [res, nb, pm, P.head.openid]) {
      expect(codeOf(await member(who))).toBe('FORBIDDEN')
      const own = await tc.call(who, 'org.me', {})
      expect(JSON.stringify(own)).not.toMatch(/verifiedBirthYear|residencePermit|expiresOn/)
    }
    expect(codeOf(await member(P.otherSecretary.openid))).toBe('FORBIDDEN') // naming community 1
    const list = await tc.ok(sec, 'org.members', { communityId: c })
    expect(JSON.stringify(list)).not.toMatch(/verifiedBirthYear|residencePermit/)
    // Cleared: the page shows 无.
    await tc.ok(sec, 'org.setResidency', { communityId: c, userId: P.resident.id, permitExpiresOn: null })
    expect((await tc.ok(sec, 'org.member', { communityId: c, userId: P.resident.id })).residencePermit).toBeNull()
  })

  test('residency and seats are audited; only people of the community can be recorded or seated', async () => {
    const council = await setup()
    const year = chinaYear(tc.now())
    const r = await tc.ok(sec, 'org.setResidency', { communityId: c, userId: P.resident.id, birthYear: 1990, permitExpiresOn: addDays(chinaDay(tc.now()), 30) })
    expect(r).toMatchObject({ birthYear: 1990 })
    await tc.ok(sec, 'org.setResidency', { communityId: c, userId: P.resident.id, permitExpiresOn: null })
    const audit = await tc.engine.find('audit_log', { action: 'org.setResidency' }, { sort: { _id: 1 } })
    expect(audit.map((a) => [a.resource, a.before, a.after])).toEqual([
      [
        { type: 'user', id: P.resident.id, label: '王*英' },
        { birthYear: null, permitExpiresOn: null },
        { birthYear: 1990, permitExpiresOn: r.permitExpiresOn },
      ],
      [
        { type: 'user', id: P.resident.id, label: '王*英' },
        { birthYear: 1990, permitExpiresOn: r.permitExpiresOn },
        { birthYear: 1990, permitExpiresOn: null },
      ],
    ])
    const bad = [
      await tc.call(sec, 'org.setResidency', { communityId: c, userId: P.resident.id, birthYear: year + 1 }),
      await tc.call(sec, 'org.setResidency', { communityId: c, userId: P.resident.id, permitExpiresOn: addDays(chinaDay(tc.now()), -1) }),
      await tc.call(sec, 'org.setResidency', { communityId: c, userId: P.resident.id }),
    ]
    expect(bad.map(codeOf)).toEqual(['INVALID_INPUT', 'INVALID_INPUT', 'INVALID_INPUT'])
    expect(codeOf(await tc.call(sec, 'org.setResidency', { communityId: c, userId: P.otherSecretary.id, birthYear: 1990 }))).toBe('NOT_FOUND')
    expect(codeOf(await tc.call(nb, 'org.setResidency', { communityId: c, userId: P.resident.id, birthYear: 1990 }))).toBe('FORBIDDEN')

    const seated = await tc.ok(sec, 'council.setSeat', { communityId: c, councilId: council.id, userId: P.neighbour.id, seat: 'representative' })
    expect(seated.seats).toEqual([{ userId: P.neighbour.id, name: '李建国', seat: 'representative', since: expect.any(String) }])
    const seen = await tc.ok(res, 'council.get', { communityId: c, councilId: council.id })
    expect(seen.seats[0].name).toBe('李*国')
    expect((await tc.ok(nb, 'council.get', { communityId: c, councilId: council.id })).mySeat).toBe('representative')
    await tc.ok(sec, 'council.setSeat', { communityId: c, councilId: council.id, userId: P.neighbour.id, seat: 'observer' })
    const off = await tc.ok(sec, 'council.setSeat', { communityId: c, councilId: council.id, userId: P.neighbour.id, seat: null })
    expect(off.seats).toEqual([])
    expect(codeOf(await tc.call(sec, 'council.setSeat', { communityId: c, councilId: council.id, userId: P.neighbour.id, seat: null }))).toBe('CONFLICT')
    expect(codeOf(await tc.call(sec, 'council.setSeat', { communityId: c, councilId: council.id, userId: P.otherSecretary.id, seat: 'observer' }))).toBe(
      'NOT_FOUND',
    )
    const seats = await tc.engine.find('audit_log', { action: 'council.setSeat' }, { sort: { _id: 1 } })
    expect(seats.map((a) => [a.resource.type, a.before.seat, a.after.seat, a.after.seatHolder])).toEqual([
      ['council', null, 'representative', '李*国'],
      ['council', 'representative', 'observer', '李*国'],
      ['council', 'observer', null, '李*国'],
    ])
  })

  test('councils: one per building, the default one stays active, at most 100 seats', async () => {
    const people = Array.from({ length: 101 }, (_, i) => person(`seat${i}`))
    const main = await setup({}, people)
    const b = await newCouncil('building', {}, { buildingId: T.b1 })
    expect(b).toMatchObject({ id: `cb_${T.b1}`, placeName: '幸福里小区 1栋', compoundId: T.compound1, isDefault: false })
    expect(codeOf(await tc.call(sec, 'council.upsert', { communityId: c, name: '一栋', scope: 'building', buildingId: T.b1, settings: SETTINGS }))).toBe(
      'CONFLICT',
    )
    expect(codeOf(await tc.call(sec, 'council.upsert', { communityId: c, name: '三栋', scope: 'building', buildingId: T.b3, settings: SETTINGS }))).toBe(
      'NOT_FOUND',
    )
    expect(codeOf(await tc.call(sec, 'council.upsert', { communityId: c, name: '楼', scope: 'building', settings: SETTINGS }))).toBe('INVALID_INPUT')
    const stop = await tc.call(sec, 'council.upsert', {
      communityId: c,
      councilId: main.id,
      name: main.name,
      scope: 'community',
      settings: SETTINGS,
      active: false,
    })
    expect(messageOf(stop)).toBe('社区议事会是默认议事会，不能停用')
    // Residents of 2栋 are not in 1栋's council.
    expect((await tc.ok(pm, 'council.get', { communityId: c, councilId: b.id })).myEligibility).toEqual({ canVote: false, why: '本议事会只由这栋楼的居民参与' })
    expect((await tc.ok(res, 'council.list', { communityId: c })).map((x) => x.name)).toEqual(['社区议事会', '1栋议事会'])
    for (let i = 0; i < 100; i++) {
      if (i % 50 === 0) tc.resetLimits()
      await tc.ok(sec, 'council.setSeat', { communityId: c, councilId: b.id, userId: people[i]._id, seat: 'representative' })
    }
    tc.resetLimits()
    const full = await tc.call(sec, 'council.setSeat', { communityId: c, councilId: b.id, userId: people[100]._id, seat: 'observer' })
    expect([codeOf(full), messageOf(full)]).toEqual(['CONFLICT', '一个议事会最多 100 名成员'])
  })

  test('council.stats from the running counters (and the votes of open votes), for the secretary', async () => {
    await setup({ eligibility: 'resident' })
    const voting = await openVote()
    await vote(nb, voting.id)
    await vote(pm, voting.id)
    await toOpinions()
    const s = await tc.ok(sec, 'council.stats', { communityId: c })
    expect(s).toEqual({
      byStatus: { voting: 1, opinions: 1 },
      decided: { passed: 0, rejected: 0 },
      done: 0,
      votesCast: 2,
      waiting: { drafts: 0, hidden: 0, heldComments: 0, votesToClose: 0, reviews: 0 },
    })
    tc.setNow(new Date(voting.vote!.closesAt).getTime() + 1000)
    expect((await tc.ok(sec, 'council.stats', { communityId: c })).waiting.votesToClose).toBe(1)
    await closeAfterWindow(voting.id)
    const closed = await tc.ok(sec, 'council.stats', { communityId: c })
    expect([closed.decided, closed.votesCast, closed.byStatus]).toEqual([{ passed: 1, rejected: 0 }, 2, { decided: 1, opinions: 1 }])
    expect((await runRecount('council.topics', { fix: false, clock: tc.now })).drift).toEqual([])
    expect(codeOf(await tc.call(res, 'council.stats', { communityId: c }))).toBe('FORBIDDEN')
  })
})

describe('telling the eligible', () => {
  test('opening a vote tells everyone eligible who accepted the message, once, in batches', async () => {
    const many = Array.from({ length: 130 }, (_, i) => person(`sub${String(i).padStart(3, '0')}`))
    const unsure = person('unsure', { householdStatus: 'pending', roles: [] })
    await setup({ eligibility: 'resident' }, [...many, unsure])
    for (const u of [...many.slice(0, 120), unsure]) await accept(u.openid, 'topicVote')
    await accept(res, 'topicVote')
    const t = await openVote()
    const told = async () => (await tc.engine.find('outbox', { templateId: 'local-tpl-topic-vote' })).map((m) => m.touser)
    const first = await told()
    expect(first.length).toBeGreaterThan(0)
    expect(first.length).toBeLessThan(121)
    for (let i = 0; i < 6; i++) await tc.tick()
    const all = await told()
    expect(all).toHaveLength(121)
    expect(new Set(all).size).toBe(121)
    expect(all).not.toContain(unsure.openid)
    expect(all).toContain(res)
    // Nobody who did not ask was sent one (so no refusal is recorded for them).
    expect(await tc.engine.count('message_failures', { template: 'topicVote' })).toBe(0)
    const [sample] = await tc.engine.find('outbox', { templateId: 'local-tpl-topic-vote' }, { limit: 1 })
    expect(sample.data.thing3).toEqual({ value: '每位居民一票，请在截止前投票' })
    expect(sample.page).toContain(t.id)
  })
})

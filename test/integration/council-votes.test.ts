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
const DAY = 86_400_000
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
    const outsiders = Array.from({ length: 20 }, (_, i) => person(`out${i}`, { householdId: `ho-${i}`, communityId: T.c2, buildingId: T.b3, roles: [{ communityId: T.c2, role: 'resident' }] }))
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
    console.log(`500 votes + 140 offline entries at once: ${took} ms; counted online ${okOnline}, paper ${p!.recorded}, meeting ${m!.recorded}; points owed ${owed}`)

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

    // Points: one 参与议事 per household that voted (owed ones paid by the timer), the books balanced.
    for (let i = 0; i < 5; i++) await tc.tick()
    expect(await tc.engine.count('topic_votes', { topicId: t.id, pointsPending: true })).toBe(0)
    const paid = await tc.engine.find('point_transfers', { key: { $regex: `^council:vote:${t.id}:` } })
    expect(paid).toHaveLength(300)
    expect(await ledgerProblems(tc.engine)).toEqual([])
  }, 120_000)
})

/**
 * Council topics 议题 from submission to the vote, through the real main() on the local engine: the flow
 * create → support to the threshold → 党支部审议 → 业委会商议 → 征求意见 (the vote is council-votes' part);
 * every illegal step refused with its code and nothing changed; eligibility refusals in Chinese; the content
 * check and moderation; reports hiding and a restore; merge, retire, withdraw; proxy, paper and 说事点
 * entry; participation points paid once; 50 concurrent supports.
 */
import { PNG } from 'pngjs'
import jsQR from 'jsqr'
import { codeOf, dataSnapshot, openTestCloud, type TestCloud } from '../support/cloud'
import { P, T, seedFixtures } from '../support/fixtures'
import { PRIVACY_VERSION, type User } from '../../types/org'
import type { Council, CouncilSettings, TopicDetail } from '../../types/council'
import type { ApiResult } from '../../types/common'
import type { TemplateName } from '../../types/templates'

let tc: TestCloud
const sec = P.secretary.openid
const res = P.resident.openid // 王秀英, 1栋 (b1)
const nb = P.neighbour.openid // 李建国, 1栋; owners' committee seat
const pm = P.member.openid // 周志刚, 2栋 (b2); party branch seat
const head = P.head.openid // 孙丽华, 1栋's building head
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

const DEFAULTS: CouncilSettings = {
  supportThreshold: 3,
  eligibility: 'household',
  quorumPercent: 0,
  passPercent: 50,
  opinionDays: 7,
  votingDays: 7,
  secretBallot: true,
  youthMaxAge: null,
}

function councilDoc(over: Omit<Partial<Council>, 'settings'> & { settings?: Partial<CouncilSettings> } = {}): Council {
  const now = tc.now()
  const { settings, ...rest } = over
  return {
    _id: `cc_${c}`,
    communityId: c,
    name: '幸福里居民议事会',
    scope: 'community',
    compoundId: null,
    buildingId: null,
    seats: [
      { userId: P.member.id, seat: 'party_branch', since: now, byId: P.secretary.id },
      { userId: P.neighbour.id, seat: 'owners_committee', since: now, byId: P.secretary.id },
    ],
    active: true,
    isDefault: true,
    createdAt: now,
    updatedAt: now,
    ...rest,
    settings: { ...DEFAULTS, ...settings },
  }
}

/** A person of the community (or not), with consent given; verified in 1栋 unless told otherwise. */
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
    householdId: T.h1,
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

async function setup(opts: { council?: Parameters<typeof councilDoc>[0]; people?: User[]; councils?: Council[] } = {}) {
  await seedFixtures(tc.engine)
  tc.resetLimits()
  await tc.engine.insertMany('councils', [councilDoc(opts.council), ...(opts.councils ?? [])])
  if (opts.people?.length) await tc.engine.insertMany('users', opts.people)
}

const accept = (openid: string, ...templates: TemplateName[]) => tc.ok(openid, 'org.subscribed', { templates })
const create = (openid: string | null = res, extra: object = {}) =>
  tc.ok(openid, 'topic.create', { communityId: c, title: '小区东门加装雨棚', description: '下雨天等车没地方躲，希望在东门公交站旁加个雨棚。', ...extra })
const get = (openid: string, topicId: string) => tc.ok(openid, 'topic.get', { communityId: c, topicId })
const support = (openid: string, topicId: string) => tc.call(openid, 'topic.support', { communityId: c, topicId })
const reasonOf = (r: ApiResult<unknown>) => (r.ok ? null : (r.error.details?.reason ?? null))
const messageOf = (r: ApiResult<unknown>) => (r.ok ? null : r.error.message)
/** What a mini-program code image encodes (locally: the H5 page with ?scene=). */
const decodeQr = (dataUrl: string) => {
  const png = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'))
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data
}

/** A topic moved to the opinions stage (threshold 3: nb, pm, head support; pm reviews; nb discusses). */
async function toOpinions(): Promise<TopicDetail> {
  const t = await create()
  for (const who of [nb, pm, head]) expect(codeOf(await support(who, t.id))).toBe('OK')
  await tc.ok(pm, 'topic.review', { communityId: c, topicId: t.id, note: '符合社区公共利益，同意进入商议。' })
  return tc.ok(nb, 'topic.discuss', { communityId: c, topicId: t.id, note: '业委会同意，费用从公共收益中列支。' })
}

describe('the flow up to the vote', () => {
  test('create → supports reach the threshold → 党支部审议 → 业委会商议 → comments in the window; the author is told each step', async () => {
    await setup()
    for (let i = 0; i < 3; i++) await accept(res, 'topicProgress') // one 'accept' allows one message
    const t = await create()
    expect(t).toMatchObject({
      status: 'collecting',
      councilName: '幸福里居民议事会',
      authorName: '王*英',
      channel: 'online',
      supports: 0,
      supportThreshold: 3,
      me: { isAuthor: true, supported: false, can: { withdraw: true, support: false, review: false } },
    })
    expect(t.timeline.map((e) => [e.event, e.to, e.byName])).toEqual([['submit', 'collecting', '王*英']])

    // Anyone logged in reads it (public notice); a neighbour may support, not review.
    const seen = await get(nb, t.id)
    expect(seen.me).toMatchObject({ isAuthor: false, can: { support: true, withdraw: false, report: true, review: false } })
    const s1 = await tc.ok(nb, 'topic.support', { communityId: c, topicId: t.id })
    expect(s1).toMatchObject({ supports: 1, status: 'collecting', me: { supported: true, can: { support: false, unsupport: true } } })
    await tc.ok(pm, 'topic.support', { communityId: c, topicId: t.id })
    const s3 = await tc.ok(head, 'topic.support', { communityId: c, topicId: t.id })
    expect(s3).toMatchObject({ supports: 3, status: 'review' })
    expect(s3.timeline.map((e) => [e.event, e.to, e.byName])).toEqual([
      ['submit', 'collecting', '王*英'],
      ['threshold', 'review', null],
    ])

    // 党支部审议: the party branch seat (not the owners' committee, not a resident).
    expect((await get(pm, t.id)).me.can).toMatchObject({ review: true, discuss: false })
    expect(codeOf(await tc.call(res, 'topic.review', { communityId: c, topicId: t.id, note: '我同意' }))).toBe('FORBIDDEN')
    expect(codeOf(await tc.call(nb, 'topic.review', { communityId: c, topicId: t.id, note: '我同意' }))).toBe('FORBIDDEN')
    const reviewed = await tc.ok(pm, 'topic.review', { communityId: c, topicId: t.id, note: '符合社区公共利益，同意进入商议。' })
    expect(reviewed).toMatchObject({ status: 'discussion', review: { note: '符合社区公共利益，同意进入商议。' } })

    // 业委会商议 opens the opinion window for the council's opinionDays.
    const before = tc.now().getTime()
    const discussed = await tc.ok(nb, 'topic.discuss', { communityId: c, topicId: t.id, note: '业委会同意，费用从公共收益中列支。' })
    expect(discussed.status).toBe('opinions')
    const closes = new Date(discussed.opinionsCloseAt!).getTime()
    expect(closes - before).toBeGreaterThanOrEqual(7 * DAY)
    expect(closes - before).toBeLessThan(7 * DAY + 60_000)

    // Opinions: residents comment (content-checked); the counter counts visible ones.
    expect((await get(res, t.id)).me.can).toMatchObject({ comment: true, openVote: false })
    expect((await get(sec, t.id)).me.can).toMatchObject({ openVote: true, merge: true, retire: true })
    await tc.ok(res, 'topic.comment', { communityId: c, topicId: t.id, text: '雨棚最好是透明的，不挡光。' })
    const commented = await tc.ok(pm, 'topic.comment', { communityId: c, topicId: t.id, text: '建议同时装个座椅。' })
    expect(commented.comments).toBe(2)
    expect(commented.recentComments.map((x) => [x.authorName, x.text, x.mine])).toEqual([
      ['周*刚', '建议同时装个座椅。', true],
      ['王*英', '雨棚最好是透明的，不挡光。', false],
    ])
    const page = await tc.ok(nb, 'topic.comments', { communityId: c, topicId: t.id, limit: 1 })
    expect(page.items.map((x) => x.text)).toEqual(['建议同时装个座椅。'])
    const page2 = await tc.ok(nb, 'topic.comments', { communityId: c, topicId: t.id, limit: 1, cursor: page.nextCursor! })
    expect(page2).toMatchObject({ items: [{ text: '雨棚最好是透明的，不挡光。' }], nextCursor: null })

    // After the window: no more comments.
    tc.advance(7 * DAY + 60_000)
    const late = await tc.call(nb, 'topic.comment', { communityId: c, topicId: t.id, text: '晚了吗？' })
    expect([codeOf(late), reasonOf(late)]).toEqual(['CONFLICT', 'STATE_CHANGED'])
    expect((await get(res, t.id)).me.can.comment).toBe(false)

    // The public list and the stage lists.
    const list = await tc.ok(P.otherSecretary.openid, 'topic.list', { communityId: c })
    expect(list.items.map((x) => [x.id, x.status, x.comments, x.authorName])).toEqual([[t.id, 'opinions', 2, '王*英']])
    expect((await tc.ok(nb, 'topic.list', { communityId: c, status: 'opinions' })).items.map((x) => x.id)).toEqual([t.id])
    expect((await tc.ok(nb, 'topic.list', { communityId: c, status: 'collecting' })).items).toEqual([])
    expect((await tc.ok(res, 'topic.list', { communityId: c, mine: true })).items.map((x) => x.id)).toEqual([t.id])

    // The author was told each step, with the stage's label.
    const outbox = await tc.engine.find('outbox', {})
    expect(outbox.map((m) => [m.touser, m.data.phrase2.value])).toEqual([
      [res, '党支部审议'],
      [res, '业委会商议'],
      [res, '征求意见'],
    ])
    expect(outbox[0].page).toContain(t.id)
  })

  test('a council needing no support sends a topic straight to review', async () => {
    await setup({ council: { settings: { supportThreshold: 0 } } })
    const t = await create()
    expect(t.status).toBe('review')
    expect(t.timeline.map((e) => e.event)).toEqual(['submit', 'threshold'])
  })

  test('the default council is made on first use, once, under a race', async () => {
    await seedFixtures(tc.engine)
    tc.resetLimits()
    const made = await Promise.all([create(res), create(nb), create(pm)])
    expect(new Set(made.map((t) => t.councilId))).toEqual(new Set([`cc_${c}`]))
    const councils = await tc.engine.find('councils', {})
    expect(councils).toHaveLength(1)
    expect(councils[0]).toMatchObject({ isDefault: true, scope: 'community', settings: { supportThreshold: 10, eligibility: 'household' } })
  })
})

describe('illegal steps: refused with the right code, nothing changed', () => {
  test('each stage refuses the steps of the others, and the wrong people', async () => {
    await setup()
    const t = await create()
    const s = (code: string, r: ApiResult<unknown>, reason: string | null = null) => expect([codeOf(r), reasonOf(r)]).toEqual([code, reason])
    let snap = await dataSnapshot(tc.engine)
    const still = async () => {
      expect(await dataSnapshot(tc.engine)).toBe(snap)
    }
    // collecting
    s('CONFLICT', await tc.call(sec, 'topic.review', { communityId: c, topicId: t.id, note: '好' }), 'STATE_CHANGED')
    s('CONFLICT', await tc.call(sec, 'topic.discuss', { communityId: c, topicId: t.id, note: '好' }), 'STATE_CHANGED')
    s('CONFLICT', await tc.call(nb, 'topic.comment', { communityId: c, topicId: t.id, text: '好' }), 'STATE_CHANGED')
    s('FORBIDDEN', await support(res, t.id)) // the author's own
    s('FORBIDDEN', await tc.call(nb, 'topic.withdraw', { communityId: c, topicId: t.id }))
    s('CONFLICT', await tc.call(nb, 'topic.unsupport', { communityId: c, topicId: t.id })) // never supported
    s('FORBIDDEN', await tc.call(nb, 'topic.retire', { communityId: c, topicId: t.id, reason: 'duplicate' }))
    s('FORBIDDEN', await tc.call(nb, 'topic.moderate', { communityId: c, topicId: t.id, decision: 'remove' }))
    s('CONFLICT', await tc.call(sec, 'topic.moderate', { communityId: c, topicId: t.id, decision: 'approve' }), 'STATE_CHANGED')
    s('INVALID_INPUT', await tc.call(nb, 'topic.list', { communityId: c, cursor: 'w0000000000000000000000' }))
    s('INVALID_INPUT', await tc.call(nb, 'topic.comments', { communityId: c, topicId: t.id, cursor: t.id }))
    s('FORBIDDEN', await tc.call(nb, 'topic.list', { communityId: c, status: 'draft' }))
    s('FORBIDDEN', await tc.call(nb, 'topic.comments', { communityId: c, held: true }))
    // another community's secretary, and a topic asked for under another community
    s('FORBIDDEN', await tc.call(P.otherSecretary.openid, 'topic.retire', { communityId: c, topicId: t.id, reason: 'duplicate' }))
    s('NOT_FOUND', await tc.call(P.otherSecretary.openid, 'topic.retire', { communityId: T.c2, topicId: t.id, reason: 'duplicate' }))
    s('NOT_FOUND', await tc.call(nb, 'topic.get', { communityId: T.c2, topicId: t.id }))
    await still()

    // one support, then a second by the same person
    expect(codeOf(await support(nb, t.id))).toBe('OK')
    snap = await dataSnapshot(tc.engine)
    s('CONFLICT', await support(nb, t.id), 'ALREADY_DONE')
    s('CONFLICT', await tc.call(res, 'topic.withdraw', { communityId: c, topicId: t.id }), 'STATE_CHANGED')
    await still()

    // review stage: no more supports or unsupports, no discussion yet
    expect(codeOf(await support(pm, t.id))).toBe('OK')
    expect(codeOf(await support(head, t.id))).toBe('OK')
    snap = await dataSnapshot(tc.engine)
    s('CONFLICT', await support(P.otherSecretary.openid, t.id), 'STATE_CHANGED')
    s('CONFLICT', await tc.call(nb, 'topic.unsupport', { communityId: c, topicId: t.id }), 'STATE_CHANGED')
    s('CONFLICT', await tc.call(sec, 'topic.discuss', { communityId: c, topicId: t.id, note: '好' }), 'STATE_CHANGED')
    s('FORBIDDEN', await tc.call(nb, 'topic.review', { communityId: c, topicId: t.id, note: '好' }))
    await still()

    // discussion: review again is a race lost
    await tc.ok(sec, 'topic.review', { communityId: c, topicId: t.id, note: '同意' })
    snap = await dataSnapshot(tc.engine)
    s('CONFLICT', await tc.call(pm, 'topic.review', { communityId: c, topicId: t.id, note: '同意' }), 'STATE_CHANGED')
    s('FORBIDDEN', await tc.call(pm, 'topic.discuss', { communityId: c, topicId: t.id, note: '同意' }))
    await still()
  })

  test('two secretaries reviewing at once: one moves it, the other is told it changed', async () => {
    await setup({ council: { settings: { supportThreshold: 0 } } })
    const t = await create()
    const [a, b] = await Promise.all([
      tc.call(sec, 'topic.review', { communityId: c, topicId: t.id, note: '同意' }),
      tc.call(pm, 'topic.review', { communityId: c, topicId: t.id, note: '同意' }),
    ])
    expect([codeOf(a), codeOf(b)].sort()).toEqual(['CONFLICT', 'OK'])
    expect((await get(sec, t.id)).timeline.filter((e) => e.event === 'review')).toHaveLength(1)
  })
})

describe('eligibility: refusals say why, in Chinese', () => {
  const pendingOne = () => person('u-pending', { householdStatus: 'pending', roles: [] })
  const outsider = () => person('u-out', { householdId: null, communityId: null, buildingId: null, householdStatus: null, roles: [] })

  test('an unverified household, a non-resident, another building for a building council', async () => {
    const building: Council = { ...councilDoc(), _id: 'cb_b-1', name: '1栋议事会', scope: 'building', buildingId: T.b1, isDefault: false, seats: [] }
    await setup({ people: [pendingOne(), outsider()], councils: [building] })
    const t = await create()

    const p = await support('o-u-pending', t.id)
    expect([codeOf(p), reasonOf(p), messageOf(p)]).toEqual(['FORBIDDEN', 'NOT_ELIGIBLE', '您家还未确认住址，确认后就能参与'])
    const pc = await tc.call('o-u-pending', 'topic.create', { communityId: c, title: '路灯', description: '路灯坏了' })
    expect([codeOf(pc), reasonOf(pc), messageOf(pc)]).toEqual(['FORBIDDEN', 'NOT_ELIGIBLE', '您家还未确认住址，确认后就能参与'])
    // …but reading is open: the detail says they may not support.
    expect((await get('o-u-pending', t.id)).me.can.support).toBe(false)

    const o = await support('o-u-out', t.id)
    expect([codeOf(o), reasonOf(o), messageOf(o)]).toEqual(['FORBIDDEN', 'NOT_ELIGIBLE', '您还不是本社区登记的居民，请先在「我的」里填写住址'])
    const other = await support(P.otherSecretary.openid, t.id)
    expect([codeOf(other), reasonOf(other)]).toEqual(['FORBIDDEN', 'NOT_ELIGIBLE'])

    // A building council: 1栋's residents only.
    const b2 = await tc.call(pm, 'topic.create', { communityId: c, councilId: 'cb_b-1', title: '1栋楼道灯', description: '楼道灯太暗' })
    expect([codeOf(b2), reasonOf(b2), messageOf(b2)]).toEqual(['FORBIDDEN', 'NOT_ELIGIBLE', '本议事会只由这栋楼的居民参与'])
    const inB1 = await create(res, { councilId: 'cb_b-1', title: '1栋楼道灯', description: '楼道灯太暗' })
    expect(inB1).toMatchObject({ councilId: 'cb_b-1', councilName: '1栋议事会', buildingName: '1栋' })
    // A building named without a council goes to that building's council.
    expect((await create(nb, { buildingId: T.b1 })).councilId).toBe('cb_b-1')
    expect((await create(pm, { buildingId: T.b2 })).councilId).toBe(`cc_${c}`)
    const s = await support(pm, inB1.id)
    expect([codeOf(s), reasonOf(s), messageOf(s)]).toEqual(['FORBIDDEN', 'NOT_ELIGIBLE', '本议事会只由这栋楼的居民参与'])
    expect(codeOf(await support(nb, inB1.id))).toBe('OK')
  })
})

describe('content check and moderation', () => {
  test('a risky word is refused; a review-verdict topic is a draft only the author and the secretary see, until approved', async () => {
    await setup()
    const risky = await tc.call(res, 'topic.create', { communityId: c, title: '活动室', description: '有人在活动室赌博，请管一管' })
    expect(codeOf(risky)).toBe('INVALID_INPUT')
    expect(await tc.engine.count('topics', {})).toBe(0)

    const draft = await create(res, { title: '小区群', description: '想建个业主群，大家加微信联系' })
    expect(draft).toMatchObject({ status: 'draft', me: { isAuthor: true, can: { withdraw: true } } })
    expect(codeOf(await tc.call(nb, 'topic.get', { communityId: c, topicId: draft.id }))).toBe('NOT_FOUND')
    expect((await tc.ok(nb, 'topic.list', { communityId: c })).items).toEqual([])
    expect(codeOf(await support(nb, draft.id))).toBe('NOT_FOUND')
    expect((await get(sec, draft.id)).me.can).toMatchObject({ moderate: true, retire: true })
    expect((await tc.ok(sec, 'topic.list', { communityId: c, status: 'draft' })).items.map((x) => x.id)).toEqual([draft.id])
    expect((await tc.ok(res, 'topic.list', { communityId: c, mine: true })).items.map((x) => [x.id, x.status])).toEqual([[draft.id, 'draft']])

    const approved = await tc.ok(sec, 'topic.moderate', { communityId: c, topicId: draft.id, decision: 'approve' })
    expect(approved.status).toBe('collecting')
    expect((await get(nb, draft.id)).status).toBe('collecting')
    expect((await tc.ok(nb, 'topic.list', { communityId: c })).items.map((x) => x.id)).toEqual([draft.id])
    const audit = await tc.engine.find('audit_log', { 'resource.id': draft.id })
    expect(audit.map((a) => [a.action, a.before, a.after])).toEqual([['topic.moderate', { status: 'draft' }, { status: 'collecting' }]])

    // A topic with photos waits for a person's look too (no automated image check).
    expect((await create(res, { photos: ['cloud://env/topic/1.jpg'] })).status).toBe('draft')
    // Removing a draft retires it.
    const d2 = await create(res, { title: '兼职', description: '招兼职' })
    expect((await tc.ok(sec, 'topic.moderate', { communityId: c, topicId: d2.id, decision: 'remove' })).status).toBe('retired')
  })

  test('comments: a review-verdict comment is held for the secretary’s queue, approving shows and counts it', async () => {
    await setup()
    const t = await toOpinions()
    const held = await tc.ok(res, 'topic.comment', { communityId: c, topicId: t.id, text: '有问题加微信问我' })
    expect(held.comments).toBe(0)
    expect(held.recentComments).toEqual([])
    expect(codeOf(await tc.call(res, 'topic.comment', { communityId: c, topicId: t.id, text: '这是刷单' }))).toBe('INVALID_INPUT')
    const queue = await tc.ok(sec, 'topic.comments', { communityId: c, held: true })
    expect(queue.items.map((x) => [x.text, x.status, x.topicId, x.topicTitle])).toEqual([['有问题加微信问我', 'held', t.id, t.title]])
    const shown = await tc.ok(sec, 'topic.moderate', { communityId: c, topicId: t.id, commentId: queue.items[0].id, decision: 'approve' })
    expect(shown.comments).toBe(1)
    expect(shown.recentComments.map((x) => x.text)).toEqual(['有问题加微信问我'])
    expect((await tc.ok(sec, 'topic.comments', { communityId: c, held: true })).items).toEqual([])
    const again = await tc.call(sec, 'topic.moderate', { communityId: c, topicId: t.id, commentId: queue.items[0].id, decision: 'approve' })
    expect([codeOf(again), reasonOf(again)]).toEqual(['CONFLICT', 'STATE_CHANGED'])
    const removed = await tc.ok(sec, 'topic.moderate', { communityId: c, topicId: t.id, commentId: queue.items[0].id, decision: 'remove' })
    expect(removed.comments).toBe(0)
  })
})

describe('reports', () => {
  test('three different people hide a topic; a second report by one is refused; a restore brings it back where it was', async () => {
    const extra = [person('u-r1'), person('u-r2')]
    await setup({ people: extra })
    await accept(res, 'topicProgress')
    const t = await create()
    expect(await tc.ok(nb, 'topic.report', { communityId: c, topicId: t.id, reason: '广告' })).toEqual({ reported: true, hidden: false })
    const twice = await tc.call(nb, 'topic.report', { communityId: c, topicId: t.id })
    expect([codeOf(twice), reasonOf(twice)]).toEqual(['CONFLICT', 'ALREADY_DONE'])
    expect((await get(nb, t.id)).me.can.report).toBe(false)
    expect(codeOf(await tc.call(res, 'topic.report', { communityId: c, topicId: t.id }))).toBe('FORBIDDEN') // one's own
    expect(await tc.ok('o-u-r1', 'topic.report', { communityId: c, topicId: t.id })).toEqual({ reported: true, hidden: false })
    expect(await tc.ok('o-u-r2', 'topic.report', { communityId: c, topicId: t.id })).toEqual({ reported: true, hidden: true })

    expect(codeOf(await tc.call(pm, 'topic.get', { communityId: c, topicId: t.id }))).toBe('NOT_FOUND')
    expect((await tc.ok(pm, 'topic.list', { communityId: c })).items).toEqual([])
    expect((await get(res, t.id)).status).toBe('hidden') // the author still sees it
    expect((await tc.ok(sec, 'topic.list', { communityId: c, status: 'hidden' })).items.map((x) => x.id)).toEqual([t.id])
    const [told] = await tc.engine.find('outbox', {})
    expect(told.data.phrase2.value).toBe('已隐藏')

    const restored = await tc.ok(sec, 'topic.moderate', { communityId: c, topicId: t.id, decision: 'restore', note: '经核实内容属实' })
    expect(restored.status).toBe('collecting')
    expect(restored.timeline.map((e) => [e.event, e.to])).toEqual([
      ['submit', 'collecting'],
      ['hide', 'hidden'],
      ['restore', 'collecting'],
    ])
    expect((await get(pm, t.id)).status).toBe('collecting')
    // The count starts again: one new report does not hide it at once.
    expect(await tc.ok(pm, 'topic.report', { communityId: c, topicId: t.id })).toEqual({ reported: true, hidden: false })
  })

  test('a topic hidden in the opinions stage returns there; three reports hold a comment', async () => {
    const extra = [person('u-r1'), person('u-r2'), person('u-r3')]
    await setup({ people: extra })
    const t = await toOpinions()
    const after = await tc.ok(res, 'topic.comment', { communityId: c, topicId: t.id, text: '支持！' })
    const commentId = after.recentComments[0].id
    for (const who of ['o-u-r1', 'o-u-r2'])
      expect(await tc.ok(who, 'topic.report', { communityId: c, topicId: t.id, commentId })).toEqual({ reported: true, hidden: false })
    expect(await tc.ok('o-u-r3', 'topic.report', { communityId: c, topicId: t.id, commentId })).toEqual({ reported: true, hidden: true })
    expect((await get(pm, t.id)).comments).toBe(0)
    expect((await tc.ok(sec, 'topic.comments', { communityId: c, held: true })).items.map((x) => x.id)).toEqual([commentId])

    for (const who of ['o-u-r1', 'o-u-r2', 'o-u-r3']) await tc.ok(who, 'topic.report', { communityId: c, topicId: t.id })
    expect(codeOf(await tc.call(pm, 'topic.get', { communityId: c, topicId: t.id }))).toBe('NOT_FOUND')
    const back = await tc.ok(sec, 'topic.moderate', { communityId: c, topicId: t.id, decision: 'restore' })
    expect(back.status).toBe('opinions')
    // The same reporters cannot hide it again: their reports stand.
    const again = await tc.call('o-u-r1', 'topic.report', { communityId: c, topicId: t.id })
    expect(reasonOf(again)).toBe('ALREADY_DONE')
  })
})

describe('merge, retire, withdraw', () => {
  test('merge into another public topic: the target’s timeline says so; audited; retire with a reason', async () => {
    await setup()
    const a = await create(res, { title: '东门装雨棚', description: '东门公交站需要雨棚' })
    const b = await create(nb, { title: '公交站雨棚', description: '公交站下雨没处躲' })
    expect(codeOf(await tc.call(sec, 'topic.merge', { communityId: c, topicId: a.id, intoTopicId: a.id }))).toBe('INVALID_INPUT')
    expect(codeOf(await tc.call(res, 'topic.merge', { communityId: c, topicId: a.id, intoTopicId: b.id }))).toBe('FORBIDDEN')
    const merged = await tc.ok(sec, 'topic.merge', { communityId: c, topicId: b.id, intoTopicId: a.id, note: '同一件事' })
    expect(merged).toMatchObject({ status: 'merged', mergedInto: { id: a.id, title: '东门装雨棚' } })
    const target = await get(pm, a.id)
    expect(target.timeline.map((e) => [e.event, e.to, e.note])).toEqual([
      ['submit', 'collecting', null],
      ['merge', 'collecting', '「公交站雨棚」并入本议题'],
    ])
    // Merged topics stay public (with where they went) but take no more steps.
    expect((await get(pm, b.id)).me.can).toMatchObject({ support: false, report: false })
    const twice = await tc.call(sec, 'topic.merge', { communityId: c, topicId: b.id, intoTopicId: a.id })
    expect([codeOf(twice), reasonOf(twice)]).toEqual(['CONFLICT', 'STATE_CHANGED'])
    // Nothing merges into a merged topic.
    const c3 = await create(pm, { title: '雨棚', description: '雨棚' })
    expect(codeOf(await tc.call(sec, 'topic.merge', { communityId: c, topicId: c3.id, intoTopicId: b.id }))).toBe('INVALID_INPUT')

    const retired = await tc.ok(sec, 'topic.retire', { communityId: c, topicId: c3.id, reason: 'duplicate', note: '见东门装雨棚' })
    expect(retired).toMatchObject({ status: 'retired', retireReason: 'duplicate' })
    expect(retired.timeline.at(-1)).toMatchObject({ event: 'retire', note: '与其他议题重复：见东门装雨棚' })
    const again = await tc.call(sec, 'topic.retire', { communityId: c, topicId: c3.id, reason: 'duplicate' })
    expect([codeOf(again), reasonOf(again)]).toEqual(['CONFLICT', 'STATE_CHANGED'])

    const audit = await tc.engine.find('audit_log', {}, { sort: { _id: 1 } })
    expect(audit.map((x) => [x.action, x.resource.type, x.resource.label, x.after])).toEqual([
      ['topic.merge', 'topic', '公交站雨棚', { status: 'merged', mergedInto: '东门装雨棚' }],
      ['topic.retire', 'topic', '雨棚', { status: 'retired', retireReason: 'duplicate' }],
    ])
  })

  test('withdraw before any support, not after', async () => {
    await setup()
    const a = await create()
    const gone = await tc.ok(res, 'topic.withdraw', { communityId: c, topicId: a.id })
    expect(gone.status).toBe('withdrawn')
    expect(codeOf(await tc.call(nb, 'topic.get', { communityId: c, topicId: a.id }))).toBe('NOT_FOUND')
    expect((await tc.ok(nb, 'topic.list', { communityId: c })).items).toEqual([])

    const b = await create()
    await support(nb, b.id)
    const no = await tc.call(res, 'topic.withdraw', { communityId: c, topicId: b.id })
    expect([codeOf(no), reasonOf(no), messageOf(no)]).toEqual(['CONFLICT', 'STATE_CHANGED', '已经有居民附议，不能撤回了；如需终止请联系社区'])
    // Support withdrawn again: the author may withdraw once more.
    await tc.ok(nb, 'topic.unsupport', { communityId: c, topicId: b.id })
    expect((await tc.ok(res, 'topic.withdraw', { communityId: c, topicId: b.id })).status).toBe('withdrawn')
  })
})

describe('ways in: proxy, paper, door, phone, 居民说事点', () => {
  test('a building head for a resident they act for; a secretary for a paper or door topic; a point’s scene fills in the place', async () => {
    await setup()
    await tc.engine.insertMany('scene_tokens', [
      { _id: 'tpGate01', kind: 'talk_point', communityId: c, compoundId: T.compound1, name: '幸福里东门说事点', createdAt: tc.now() },
      { _id: 'regCode01', kind: 'community', communityId: c, compoundId: null, createdAt: tc.now() },
    ])
    await tc.ok(head, 'org.setProxy', { communityId: c, residentId: P.elder.id, enabled: true })

    const proxied = await create(head, { onBehalfOf: P.elder.id })
    expect(proxied).toMatchObject({ channel: 'proxy', authorName: '赵*兰', me: { isAuthor: true } })
    expect(proxied.timeline[0]).toMatchObject({ event: 'submit', note: '楼栋长代提', byName: '孙*华' })
    const stored = (await tc.engine.find('topics', { _id: proxied.id }))[0]
    expect(stored).toMatchObject({ authorId: P.elder.id, enteredById: P.head.id })
    // Not for someone they do not act for; a resident is nobody's proxy; a channel is the secretary's.
    expect(codeOf(await tc.call(head, 'topic.create', { communityId: c, title: '路灯', description: '路灯', onBehalfOf: P.farElder.id }))).toBe('FORBIDDEN')
    expect(codeOf(await tc.call(res, 'topic.create', { communityId: c, title: '路灯', description: '路灯', onBehalfOf: P.neighbour.id }))).toBe('FORBIDDEN')
    expect(codeOf(await tc.call(res, 'topic.create', { communityId: c, title: '路灯', description: '路灯', channel: 'paper' }))).toBe('FORBIDDEN')

    const door = await create(sec, { onBehalfOf: P.farElder.id, channel: 'door' })
    expect(door).toMatchObject({ channel: 'door', authorName: '钱*福' })
    const paper = await create(sec, { channel: 'paper' })
    expect(paper).toMatchObject({ channel: 'paper', authorName: '居民' })
    expect(codeOf(await tc.call(sec, 'topic.create', { communityId: c, title: '路灯', description: '路灯', onBehalfOf: P.farElder.id }))).toBe('INVALID_INPUT')

    const point = await create(nb, { pointScene: 'tpGate01' })
    expect(point).toMatchObject({ channel: 'point', place: '幸福里东门说事点' })
    expect(codeOf(await tc.call(nb, 'topic.create', { communityId: c, title: '路灯', description: '路灯', pointScene: 'nope' }))).toBe('NOT_FOUND')
    expect(codeOf(await tc.call(nb, 'topic.create', { communityId: c, title: '路灯', description: '路灯', pointScene: 'regCode01' }))).toBe('NOT_FOUND')
  })
})

describe('居民说事点: the poster and the journey from it', () => {
  const point = (openid: string, input: { name: string; tokenId?: string }) => tc.call(openid, 'council.talkPoint', { communityId: c, ...input })

  test('the secretary makes a point’s poster; a topic raised from its scene comes from the point, the place filled in', async () => {
    await setup()
    const made = await tc.ok(sec, 'council.talkPoint', { communityId: c, name: '3号楼下居民说事点' })
    expect(made).toMatchObject({ name: '3号楼下居民说事点', page: 'packages/council/pages/new/index' })
    expect(made.scene).toMatch(/^[0-9A-Za-z]{10}$/)
    // The code opens topic submission with the token (locally, the H5 page with ?scene=).
    expect(decodeQr(made.qr)).toBe(`http://127.0.0.1:10086/#/packages/council/pages/new/index?scene=${made.scene}`)
    // The same name again is the same point: one token, one audit entry.
    expect((await tc.ok(sec, 'council.talkPoint', { communityId: c, name: '3号楼下居民说事点' })).scene).toBe(made.scene)
    expect(await tc.engine.count('scene_tokens', { kind: 'talk_point' })).toBe(1)
    const [entry] = await tc.engine.find('audit_log', { action: 'council.talkPoint' })
    expect(entry).toMatchObject({
      actorId: P.secretary.id,
      resource: { type: 'talk_point', id: made.scene, label: '3号楼下居民说事点' },
      after: { name: '3号楼下居民说事点' },
    })

    // A resident scans it and raises a topic: channel point, the place filled in, the timeline says where.
    const t = await create(nb, { pointScene: made.scene })
    expect(t).toMatchObject({ channel: 'point', place: '3号楼下居民说事点', status: 'collecting' })
    expect(t.timeline[0]).toMatchObject({ event: 'submit', note: '居民说事点：3号楼下居民说事点' })
    expect((await get(res, t.id)).place).toBe('3号楼下居民说事点')

    // The list; a second point; printing the first again by its token, renamed (audited, before and after).
    const gate = await tc.ok(sec, 'council.talkPoint', { communityId: c, name: '幸福里东门说事点' })
    expect((await tc.ok(sec, 'council.talkPoints', { communityId: c })).map((p) => [p.scene, p.name])).toEqual([
      [made.scene, '3号楼下居民说事点'],
      [gate.scene, '幸福里东门说事点'],
    ])
    const again = await tc.ok(sec, 'council.talkPoint', { communityId: c, name: '3号楼下说事点（长椅旁）', tokenId: made.scene })
    expect([again.scene, again.name, decodeQr(again.qr)]).toEqual([
      made.scene,
      '3号楼下说事点（长椅旁）',
      `http://127.0.0.1:10086/#/packages/council/pages/new/index?scene=${made.scene}`,
    ])
    const renamed = await tc.engine.find('audit_log', { action: 'council.talkPoint', 'resource.id': made.scene }, { sort: { _id: 1 } })
    expect(renamed.map((e) => [e.before, e.after])).toEqual([
      [null, { name: '3号楼下居民说事点' }],
      [{ name: '3号楼下居民说事点' }, { name: '3号楼下说事点（长椅旁）' }],
    ])
    // Printing again unchanged writes nothing.
    const before = await dataSnapshot(tc.engine)
    await tc.ok(sec, 'council.talkPoint', { communityId: c, name: '3号楼下说事点（长椅旁）', tokenId: made.scene })
    expect(await dataSnapshot(tc.engine)).toBe(before)
    // Topics raised before keep the name they were raised under; new ones get the new name.
    expect((await get(res, t.id)).place).toBe('3号楼下居民说事点')
    expect((await create(res, { pointScene: made.scene })).place).toBe('3号楼下说事点（长椅旁）')

    // Refusals, none of which writes anything.
    const code = await tc.ok(sec, 'party.registerCode', { communityId: c })
    const untouched = await dataSnapshot(tc.engine)
    expect(codeOf(await point(sec, { name: '幸福里东门说事点', tokenId: made.scene }))).toBe('CONFLICT') // another point's name
    expect(codeOf(await point(sec, { name: '报到码', tokenId: code.scene }))).toBe('NOT_FOUND') // a registration code is no point
    expect(codeOf(await point(sec, { name: '伪造', tokenId: 'forged1234' }))).toBe('NOT_FOUND')
    expect(codeOf(await point(res, { name: '我家楼下' }))).toBe('FORBIDDEN')
    expect(codeOf(await tc.call(res, 'council.talkPoints', { communityId: c }))).toBe('FORBIDDEN')
    // Another community's secretary neither reaches nor lists this community's points.
    expect(codeOf(await tc.call(P.otherSecretary.openid, 'council.talkPoint', { communityId: T.c2, name: '改个名', tokenId: made.scene }))).toBe('NOT_FOUND')
    expect(await tc.ok(P.otherSecretary.openid, 'council.talkPoints', { communityId: T.c2 })).toEqual([])
    expect(codeOf(await point(sec, { name: '赌博说事点', tokenId: gate.scene }))).toBe('INVALID_INPUT') // the content check
    expect(await dataSnapshot(tc.engine)).toBe(untouched)
    // A point's poster opens no registration, and a topic of another community cannot use it.
    expect(codeOf(await tc.call(P.member.openid, 'party.resolveScene', { scene: made.scene }))).toBe('NOT_FOUND')
    const elsewhere = { communityId: T.c2, title: '路灯', description: '路灯', pointScene: made.scene }
    expect(codeOf(await tc.call(P.otherSecretary.openid, 'topic.create', elsewhere))).toBe('NOT_FOUND')
  })
  test('at most 100 points a community: a new one past that is refused, the ones there still print', async () => {
    await setup()
    const at = tc.now()
    await tc.engine.insertMany(
      'scene_tokens',
      Array.from({ length: 100 }, (_, i) => ({
        _id: `tp${String(i).padStart(8, '0')}`,
        kind: 'talk_point',
        communityId: c,
        compoundId: null,
        name: `说事点${i + 1}`,
        createdAt: at,
      })),
    )
    const full = await point(sec, { name: '第101个说事点' })
    expect([codeOf(full), messageOf(full)]).toEqual(['CONFLICT', '一个社区最多 100 个居民说事点'])
    expect((await tc.ok(sec, 'council.talkPoint', { communityId: c, name: '说事点7' })).scene).toBe('tp00000006')
    expect(await tc.ok(sec, 'council.talkPoints', { communityId: c })).toHaveLength(100)
  })
})

describe('participation points', () => {
  async function fund(amount: number) {
    await tc.ok(sec, 'points.setRule', { communityId: c, kind: 'council_participation', points: 5, dailyCap: null, monthlyCap: null, active: true })
    const [s] = await tc.ok(sec, 'points.setSponsor', { communityId: c, name: '青山区税务局', warnBelow: 0 })
    if (amount) await tc.ok(sec, 'points.fundSponsor', { communityId: c, sponsorId: s.id, amount, note: '经费', requestKey: `fund-council-${++n}` })
  }
  const balance = async (openid: string) => (await tc.ok(openid, 'points.balance', { communityId: c })).balance

  test('support, unsupport, support again: paid once; comments pay once per topic', async () => {
    await setup()
    await fund(1000)
    const t = await create()
    await support(nb, t.id)
    expect(await balance(nb)).toBe(5)
    await tc.ok(nb, 'topic.unsupport', { communityId: c, topicId: t.id })
    expect(codeOf(await support(nb, t.id))).toBe('OK')
    expect(await balance(nb)).toBe(5)
    expect((await get(nb, t.id)).supports).toBe(1)

    const o = await toOpinions()
    await tc.ok(pm, 'topic.comment', { communityId: c, topicId: o.id, text: '一' })
    await tc.ok(pm, 'topic.comment', { communityId: c, topicId: o.id, text: '二' })
    expect(await balance(pm)).toBe(10) // one support (toOpinions) + one comment
  })

  test('no budget to pay from: the support stands, nothing is paid', async () => {
    await setup()
    await fund(0)
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
    const t = await create()
    expect(codeOf(await support(nb, t.id))).toBe('OK')
    expect((await get(nb, t.id)).me.supported).toBe(true)
    expect(await balance(nb)).toBe(0)
    expect(warn).toHaveBeenCalledWith('council participation points not paid', expect.objectContaining({ topicId: t.id, cause: 'support' }))
    warn.mockRestore()
  })
})

describe('a rush of supports', () => {
  test('50 residents at once on a threshold of 40: the counter equals the supports stored, the topic moves on once', async () => {
    const crowd = Array.from({ length: 50 }, (_, i) => person(`u-crowd${i}`))
    await setup({ council: { settings: { supportThreshold: 40 } }, people: crowd })
    const t = await create()
    const answers = await Promise.all(crowd.map((p) => support(p.openid, t.id)))
    const codes = answers.map((a) => `${codeOf(a)}${reasonOf(a) ? ':' + reasonOf(a) : ''}`)
    expect(codes.filter((x) => x === 'OK')).toHaveLength(40)
    expect(codes.filter((x) => x !== 'OK').every((x) => x === 'CONFLICT:STATE_CHANGED')).toBe(true)
    const stored = await tc.engine.count('topic_supports', { topicId: t.id })
    const after = await get(sec, t.id)
    expect(after.supports).toBe(stored)
    expect(stored).toBe(40)
    expect(after.status).toBe('review')
    expect(after.timeline.filter((e) => e.event === 'threshold')).toHaveLength(1)
  }, 60_000)

  test('50 at once under the threshold: every support counted', async () => {
    const crowd = Array.from({ length: 50 }, (_, i) => person(`u-crowd${i}`))
    await setup({ council: { settings: { supportThreshold: 100 } }, people: crowd })
    const t = await create()
    const answers = await Promise.all(crowd.map((p) => support(p.openid, t.id)))
    expect(answers.map(codeOf).filter((x) => x !== 'OK')).toEqual([])
    expect((await get(sec, t.id)).supports).toBe(50)
    expect(await tc.engine.count('topic_supports', { topicId: t.id })).toBe(50)
  }, 60_000)
})

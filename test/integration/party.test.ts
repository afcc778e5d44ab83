/**
 * Party members through the real main() on the local engine: scan-to-register with a scene token,
 * verification, pledges, posts, pairing, activities with capacity under a rush, check-in that proves
 * presence (rotating, signed, expiring codes; window; location), hours confirmed and paid once, the
 * record, the yearly report as a real xlsx, and coverage.
 */
import { PNG } from 'pngjs'
import jsQR from 'jsqr'
import * as XLSX from 'xlsx'
import { codeOf, openTestCloud, type TestCloud } from '../support/cloud'
import { P, T, seedFixtures } from '../support/fixtures'
import { ledgerProblems } from '../support/ledger'
import { checkinToken } from '../../cloudfunctions/api/src/modules/party/rules'
import { chinaYear } from '../../cloudfunctions/api/src/platform/chinaTime'

let tc: TestCloud
const sec = P.secretary.openid
const c = T.c1
let n = 0

beforeAll(async () => {
  tc = await openTestCloud()
})
afterEach(() => tc.resetClock())
afterAll(async () => {
  await tc.close()
})

const decodeQr = (dataUrl: string) => {
  const png = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'))
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data
}

async function setup() {
  await seedFixtures(tc.engine)
  tc.resetLimits()
  const [s] = await tc.ok(sec, 'points.setSponsor', { communityId: c, name: '青山区税务局', warnBelow: 0 })
  await tc.ok(sec, 'points.fundSponsor', { communityId: c, sponsorId: s.id, amount: 10000, note: '经费', requestKey: `fund-party-${++n}` })
}

const regInput = (extra: object = {}) => ({
  communityId: c,
  name: '周志刚',
  employerUnitId: 'pu-1',
  employerName: '青山区税务局',
  branch: '税务局第一党支部',
  memberType: '在职' as const,
  homeCompoundId: T.compound1,
  homeBuildingId: T.b2,
  skills: ['电工', '政策宣讲'],
  pledge: '每月为楼里老人义务修一次电器',
  ...extra,
})

/** A verified party member registered through the scene code. */
async function verified(openid: string, extra: object = {}) {
  const code = await tc.ok(sec, 'party.registerCode', { communityId: c })
  const r = await tc.ok(openid, 'party.register', regInput({ scene: code.scene, ...extra }))
  return tc.ok(sec, 'party.review', { communityId: c, registrationId: r.id, approve: true })
}

const MIN = 60_000

/** An activity that is on now (started 10 minutes ago, ends in 50), by the harness's clock. */
async function activityNow(extra: object = {}) {
  const now = tc.now().getTime()
  return tc.ok(sec, 'activity.upsert', {
    communityId: c,
    title: '楼道清洁日',
    description: '一起打扫楼道',
    place: '幸福里小区 1栋',
    capacity: 10,
    pointsPerHour: 10,
    startAt: new Date(now - 10 * 60_000).toISOString(),
    endAt: new Date(now + 50 * 60_000).toISOString(),
    ...extra,
  })
}

describe('双报到', () => {
  test('the community code is a real QR whose scene resolves on the server; a forged scene does not', async () => {
    await setup()
    const code = await tc.ok(sec, 'party.registerCode', { communityId: c })
    expect(code.scene).toMatch(/^[A-Za-z0-9]{10}$/)
    expect(code.scene).not.toContain(c)
    expect(decodeQr(code.qr)).toBe(`http://127.0.0.1:10086/#/packages/party/pages/register/index?scene=${code.scene}`)
    expect((await tc.ok(sec, 'party.registerCode', { communityId: c })).scene).toBe(code.scene)
    const compound = await tc.ok(sec, 'party.registerCode', { communityId: c, compoundId: T.compound1 })
    expect(compound.scene).not.toBe(code.scene)
    expect(await tc.ok(P.member.openid, 'party.resolveScene', { scene: compound.scene })).toMatchObject({
      communityId: c,
      communityName: '幸福里社区',
      compoundName: '幸福里小区',
      partnerUnits: [{ id: 'pu-1', name: '青山区税务局' }],
    })
    expect(codeOf(await tc.call(P.member.openid, 'party.resolveScene', { scene: 'forged1234' }))).toBe('NOT_FOUND')
    expect(codeOf(await tc.call(P.member.openid, 'party.resolveScene', { scene: c }))).toBe('NOT_FOUND')
    expect(codeOf(await tc.call(P.resident.openid, 'party.registerCode', { communityId: c }))).toBe('FORBIDDEN')
  })

  test('a scene of another kind (a 居民说事点’s poster) opens no registration', async () => {
    await setup()
    await tc.engine.insertMany('scene_tokens', [
      { _id: 'tpGate0001', kind: 'talk_point', communityId: c, compoundId: T.compound1, name: '幸福里东门说事点', createdAt: tc.now() },
    ])
    expect(codeOf(await tc.call(P.member.openid, 'party.resolveScene', { scene: 'tpGate0001' }))).toBe('NOT_FOUND')
    // Nor does registering with it.
    expect(codeOf(await tc.call(P.member.openid, 'party.register', regInput({ scene: 'tpGate0001' })))).toBe('NOT_FOUND')
    expect(await tc.engine.count('party_registrations', {})).toBe(0)
    // The registration codes still resolve.
    const code = await tc.ok(sec, 'party.registerCode', { communityId: c })
    expect((await tc.ok(P.member.openid, 'party.resolveScene', { scene: code.scene })).communityId).toBe(c)
  })

  test('register → verify: the member gets the party-member role; one active registration; moving closes the old one', async () => {
    await setup()
    const code = await tc.ok(sec, 'party.registerCode', { communityId: c })
    const r = await tc.ok(P.resident.openid, 'party.register', regInput({ scene: code.scene, name: '王秀英' }))
    expect(r).toMatchObject({ status: 'pending', statusLabel: '待审核', home: '幸福里小区 2栋', communityName: '幸福里社区' })
    expect(codeOf(await tc.call(P.resident.openid, 'party.register', regInput({ name: '王秀英' })))).toBe('CONFLICT')
    expect(codeOf(await tc.call(sec, 'party.review', { communityId: c, registrationId: r.id, approve: false }))).toBe('INVALID_INPUT')
    const v = await tc.ok(sec, 'party.review', { communityId: c, registrationId: r.id, approve: true })
    expect(v).toMatchObject({ status: 'verified', name: '王*英' })
    expect(codeOf(await tc.call(sec, 'party.review', { communityId: c, registrationId: r.id, approve: true }))).toBe('CONFLICT')
    const me = await tc.ok(P.resident.openid, 'org.me')
    expect(me.roles.map((x) => x.role)).toContain('party_member')
    expect((await tc.ok(sec, 'party.members', { communityId: c, status: 'verified' })).items.map((x) => x.id)).toEqual([r.id])
    // The decision and the role it grants (through org's grantInTx): two entries, written with the change.
    expect(await tc.engine.count('audit_log', { action: 'party.review', 'resource.type': 'party_registration' })).toBe(1)
    expect(await tc.engine.count('audit_log', { action: 'party.review', 'resource.type': 'user', 'resource.id': me.userId })).toBe(1)

    // Holding a post and a pair there, then moving to the other community: the old registration is closed
    // (history kept), and the role, the post and the pair (with its sensitive needs) end with it.
    const post = await tc.ok(sec, 'post.upsert', { communityId: c, title: '楼栋联络员', description: '联系本楼居民', skills: [], capacity: 2, active: true })
    await tc.ok(P.resident.openid, 'post.claim', { communityId: c, postId: post.id })
    await tc.ok(sec, 'pair.assign', { communityId: c, memberId: P.resident.id, householdId: T.h2, needs: ['独居老人'], active: true })
    expect(await tc.ok(P.resident.openid, 'pair.mine', { communityId: c })).toHaveLength(1)
    const moved = await tc.ok(P.resident.openid, 'party.register', {
      ...regInput({ name: '王秀英' }),
      communityId: T.c2,
      employerUnitId: null,
      homeCompoundId: T.compound2,
      homeBuildingId: T.b3,
    })
    expect(moved.status).toBe('pending')
    const mine = await tc.ok(P.resident.openid, 'party.myRegistration', {})
    expect(mine.current?.communityId).toBe(T.c2)
    expect(mine.history.map((h) => [h.communityId, h.status])).toEqual([[c, 'closed']])
    expect((await tc.ok(P.resident.openid, 'org.me')).roles.filter((x) => x.communityId === c).map((x) => x.role)).toEqual(['resident'])
    // Closing the old registration and taking the role back are audited with the change (one transaction).
    expect(await tc.engine.count('audit_log', { action: 'party.register', 'resource.type': 'user', 'resource.id': P.resident.id })).toBe(1)
    expect(await tc.engine.count('audit_log', { action: 'party.register', 'resource.type': 'party_registration', 'resource.id': r.id })).toBe(1)
    expect(await tc.ok(P.resident.openid, 'pair.mine', { communityId: c })).toHaveLength(0)
    expect(await tc.engine.count('party_pairs', { memberId: P.resident.id, active: true })).toBe(0)
    const [left] = await tc.engine.find('party_posts', { _id: post.id })
    expect(left).toMatchObject({ holders: [], holderCount: 0 })
  })

  test('bad registrations change nothing: wrong building, a scene of another community, a foreign employer unit', async () => {
    await setup()
    const before = await tc.engine.count('party_registrations', {})
    expect(codeOf(await tc.call(P.member.openid, 'party.register', regInput({ homeBuildingId: T.b3 })))).toBe('INVALID_INPUT')
    expect(codeOf(await tc.call(P.member.openid, 'party.register', regInput({ scene: 'forged1234' })))).toBe('NOT_FOUND')
    expect(codeOf(await tc.call(P.member.openid, 'party.register', regInput({ employerUnitId: 'pu-none' })))).toBe('INVALID_INPUT')
    expect(codeOf(await tc.call(P.member.openid, 'party.register', regInput({ memberType: '其他' })))).toBe('INVALID_INPUT')
    expect(await tc.engine.count('party_registrations', {})).toBe(before)
  })

  test('pledge and its fulfilment', async () => {
    await setup()
    await verified(P.member.openid)
    const p = await tc.ok(P.member.openid, 'party.pledge', { communityId: c, pledge: '每周三下午在服务中心帮老人用手机' })
    expect(p.pledge).toMatchObject({ text: '每周三下午在服务中心帮老人用手机', done: false })
    const d = await tc.ok(P.member.openid, 'party.pledgeDone', { communityId: c, note: '已连续服务 8 周，教会 20 位老人视频通话' })
    expect(d.pledge.done).toBe(true)
  })
})

describe('posts and pairing', () => {
  test('a verified member claims a post once; capacity holds; the unverified may not', async () => {
    await setup()
    const post = await tc.ok(sec, 'post.upsert', {
      communityId: c,
      title: '楼栋联络员',
      description: '联系本楼居民',
      skills: ['沟通'],
      capacity: 1,
      active: true,
    })
    expect(codeOf(await tc.call(P.member.openid, 'post.claim', { communityId: c, postId: post.id }))).toBe('FORBIDDEN')
    await verified(P.member.openid)
    expect((await tc.ok(P.member.openid, 'post.claim', { communityId: c, postId: post.id })).mine).toBe(true)
    expect(codeOf(await tc.call(P.member.openid, 'post.claim', { communityId: c, postId: post.id }))).toBe('CONFLICT')
    await tc.ok(sec, 'org.assignRole', { communityId: c, userId: P.neighbour.id, role: 'party_member' })
    await verified(P.neighbour.openid, { name: '李建国', homeBuildingId: T.b1 })
    expect(codeOf(await tc.call(P.neighbour.openid, 'post.claim', { communityId: c, postId: post.id }))).toBe('CONFLICT')
    const board = await tc.ok(P.resident.openid, 'post.list', { communityId: c })
    expect(board[0].holders).toEqual([{ userId: P.member.id, name: '周*刚' }])
    // The board tells a member which posts match the skills they registered.
    await tc.ok(sec, 'post.upsert', { communityId: c, title: '电器义修', description: '', skills: ['电工', '木工'], capacity: 3, active: true })
    const mineBoard = await tc.ok(P.member.openid, 'post.list', { communityId: c })
    expect(mineBoard.map((p) => [p.title, p.mySkills])).toEqual([
      ['楼栋联络员', []],
      ['电器义修', ['电工']],
    ])
    expect((await tc.ok(P.resident.openid, 'post.list', { communityId: c })).every((p) => p.mySkills.length === 0)).toBe(true)
    await tc.ok(P.member.openid, 'post.leave', { communityId: c, postId: post.id })
    expect((await tc.ok(P.neighbour.openid, 'post.claim', { communityId: c, postId: post.id })).mine).toBe(true)
  })

  test('pairing: needs seen by the paired member only; visits logged by them only', async () => {
    await setup()
    await verified(P.member.openid)
    await tc.ok(sec, 'pair.assign', { communityId: c, memberId: P.member.id, householdId: T.h2, needs: ['独居老人'], active: true })
    const mine = await tc.ok(P.member.openid, 'pair.mine', { communityId: c })
    expect(mine).toEqual([expect.objectContaining({ householdId: T.h2, household: '幸福里小区 1栋 1单元 102', needs: ['独居老人'], visits: 0 })])
    expect(await tc.ok(P.head.openid, 'pair.mine', { communityId: c })).toEqual([])
    expect((await tc.ok(sec, 'pair.list', { communityId: c })).map((x) => [x.memberId, x.householdId, x.needs])).toEqual([[P.member.id, T.h2, ['独居老人']]])
    expect(codeOf(await tc.call(P.member.openid, 'pair.list', { communityId: c }))).toBe('FORBIDDEN')
    expect((await tc.ok(P.member.openid, 'pair.logVisit', { communityId: c, householdId: T.h2, note: '量了血压，正常' })).visits).toBe(1)
    expect(codeOf(await tc.call(P.head.openid, 'pair.logVisit', { communityId: c, householdId: T.h2, note: '来看看' }))).toBe('FORBIDDEN')
    expect(codeOf(await tc.call(sec, 'pair.assign', { communityId: c, memberId: P.head.id, householdId: T.h2, needs: [], active: true }))).toBe('INVALID_INPUT')
    expect(codeOf(await tc.call(P.member.openid, 'pair.assign', { communityId: c, memberId: P.member.id, householdId: T.h1, needs: [], active: true }))).toBe(
      'FORBIDDEN',
    )
  })
  test("households per member is the community's setting (default 5–15); the cap holds", async () => {
    await setup()
    await verified(P.member.openid)
    expect(await tc.ok(sec, 'pair.settings', { communityId: c })).toEqual({ _id: c, minPerMember: 5, maxPerMember: 15 })
    expect(codeOf(await tc.call(sec, 'pair.setSettings', { communityId: c, minPerMember: 3, maxPerMember: 2 }))).toBe('INVALID_INPUT')
    expect(codeOf(await tc.call(sec, 'pair.setSettings', { communityId: c, minPerMember: 1, maxPerMember: 16 }))).toBe('INVALID_INPUT')
    expect(codeOf(await tc.call(P.member.openid, 'pair.setSettings', { communityId: c, minPerMember: 1, maxPerMember: 15 }))).toBe('FORBIDDEN')
    expect(codeOf(await tc.call(P.otherSecretary.openid, 'pair.setSettings', { communityId: c, minPerMember: 1, maxPerMember: 15 }))).toBe('FORBIDDEN')
    expect(await tc.ok(sec, 'pair.settings', { communityId: c })).toMatchObject({ minPerMember: 5, maxPerMember: 15 })
    await tc.ok(sec, 'pair.setSettings', { communityId: c, minPerMember: 1, maxPerMember: 2 })
    expect(await tc.engine.count('audit_log', { action: 'pair.setSettings' })).toBe(1)
    await tc.ok(sec, 'pair.assign', { communityId: c, memberId: P.member.id, householdId: T.h1, needs: [], active: true })
    await tc.ok(sec, 'pair.assign', { communityId: c, memberId: P.member.id, householdId: T.h2, needs: [], active: true })
    const third = await tc.call(sec, 'pair.assign', { communityId: c, memberId: P.member.id, householdId: T.h3, needs: [], active: true })
    expect(codeOf(third)).toBe('CONFLICT')
    if (!third.ok) expect(third.error.message).toContain('最多结对 2 户')
    expect(await tc.engine.count('party_pairs', { memberId: P.member.id, active: true })).toBe(2)
  })
})

describe('activities', () => {
  test('300 people sign up at once for 40 places: exactly 40 get in', async () => {
    await setup()
    const now = tc.now()
    const people = Array.from({ length: 300 }, (_, i) => ({ id: `u-vol-${i}`, openid: `o-vol-${i}` }))
    await tc.engine.insertMany(
      'users',
      people.map((p) => ({
        _id: p.id,
        openid: p.openid,
        offline: false,
        nickname: '志愿者',
        avatarUrl: null,
        realName: null,
        phone: null,
        householdId: T.h2,
        communityId: c,
        roles: [
          { communityId: c, role: 'resident' },
          { communityId: c, role: 'volunteer' },
        ],
        proxies: [],
        privacy: null,
        elderMode: null,
        birthYear: null,
        createdAt: now,
        updatedAt: now,
      })),
    )
    const a = await activityNow({ capacity: 40 })
    const codes = (await Promise.all(people.map((p) => tc.call(p.openid, 'activity.signUp', { communityId: c, activityId: a.id })))).map(codeOf)
    expect(codes.filter((x) => x === 'OK')).toHaveLength(40)
    expect(new Set(codes.filter((x) => x !== 'OK'))).toEqual(new Set(['CONFLICT']))
    const [doc] = await tc.engine.find('activities', { _id: a.id })
    expect(doc.signedUp).toBe(40)
    expect(await tc.engine.count('activity_signups', { activityId: a.id, status: 'signed' })).toBe(40)
  }, 60_000)

  test("a large activity: the organiser's roster lists everyone once; cancelling tells everyone signed up", async () => {
    await setup()
    const now = tc.now()
    const people = Array.from({ length: 230 }, (_, i) => ({ id: `u-big-${String(i).padStart(3, '0')}`, openid: `o-big-${i}` }))
    await tc.engine.insertMany(
      'users',
      people.map((p) => ({
        _id: p.id,
        openid: p.openid,
        offline: false,
        nickname: '志愿者',
        avatarUrl: null,
        realName: null,
        phone: null,
        householdId: T.h2,
        communityId: c,
        roles: [
          { communityId: c, role: 'resident' },
          { communityId: c, role: 'volunteer' },
        ],
        proxies: [],
        privacy: null,
        elderMode: null,
        birthYear: null,
        createdAt: now,
        updatedAt: now,
      })),
    )
    const a = await activityNow({
      capacity: 500,
      startAt: new Date(tc.now().getTime() + 60 * MIN).toISOString(),
      endAt: new Date(tc.now().getTime() + 120 * MIN).toISOString(),
    })
    for (let i = 0; i < people.length; i += 10) {
      // Each taps 报名, which asks for the reminder first (the app reports the acceptance).
      await Promise.all(
        people.slice(i, i + 10).map(async (p) => {
          await tc.ok(p.openid, 'org.subscribed', { templates: ['reminder'] })
          return tc.ok(p.openid, 'activity.signUp', { communityId: c, activityId: a.id })
        }),
      )
    }
    const roster = (await tc.ok(sec, 'activity.get', { communityId: c, activityId: a.id })).roster!
    expect(roster).toHaveLength(230)
    expect(new Set(roster.map((r) => r.userId)).size).toBe(230)
    await tc.ok(sec, 'activity.cancel', { communityId: c, activityId: a.id, reason: '场地临时被占用' })
    const page = `packages/party/pages/activity/index?id=${a.id}&c=${c}`
    // The first 50 hear at once; the timer tells the rest, a batch at a time, each person once.
    expect(await tc.engine.count('outbox', { page })).toBe(50)
    for (let i = 0; i < 10 && (await tc.engine.count('notify_jobs', { status: 'pending' })) > 0; i++) await tc.tick()
    const told = await tc.engine.find('outbox', { page })
    expect(told).toHaveLength(230)
    expect(new Set(told.map((m) => m.touser)).size).toBe(230)
    expect(await tc.engine.count('message_failures', {})).toBe(0)
  }, 60_000)

  test('signing up twice, past capacity, residents, withdrawing', async () => {
    await setup()
    const a = await activityNow({
      capacity: 1,
      startAt: new Date(tc.now().getTime() + 60 * MIN).toISOString(),
      endAt: new Date(tc.now().getTime() + 120 * MIN).toISOString(),
    })
    await tc.ok(P.member.openid, 'activity.signUp', { communityId: c, activityId: a.id })
    expect(codeOf(await tc.call(P.member.openid, 'activity.signUp', { communityId: c, activityId: a.id }))).toBe('CONFLICT')
    expect(codeOf(await tc.call(P.resident.openid, 'activity.signUp', { communityId: c, activityId: a.id }))).toBe('FORBIDDEN')
    expect(codeOf(await tc.call(P.secretary.openid, 'activity.signUp', { communityId: c, activityId: a.id }))).toBe('FORBIDDEN')
    await tc.ok(sec, 'org.assignRole', { communityId: c, userId: P.neighbour.id, role: 'volunteer' })
    expect(codeOf(await tc.call(P.neighbour.openid, 'activity.signUp', { communityId: c, activityId: a.id }))).toBe('CONFLICT')
    expect((await tc.ok(P.member.openid, 'activity.withdraw', { communityId: c, activityId: a.id })).signedUp).toBe(0)
    await tc.ok(P.neighbour.openid, 'org.subscribed', { templates: ['reminder'] }) // the 报名 tap asks for the reminder
    expect((await tc.ok(P.neighbour.openid, 'activity.signUp', { communityId: c, activityId: a.id })).mySignup?.status).toBe('signed')
    // The day before, those signed up are reminded once, by the timer.
    await tc.raw(null, { Type: 'Timer', TriggerName: 'hourly' })
    await tc.raw(null, { Type: 'Timer', TriggerName: 'hourly' })
    const reminders = await tc.engine.find('outbox', { templateId: 'local-tpl-reminder' })
    expect(reminders.map((m) => m.touser)).toEqual([P.neighbour.openid])
    expect(reminders[0].data.thing1.value).toContain('活动提醒')
    expect(
      codeOf(
        await tc.call(P.resident.openid, 'activity.upsert', {
          communityId: c,
          title: 'x',
          description: '',
          place: 'x',
          capacity: 1,
          pointsPerHour: 0,
          startAt: tc.now().toISOString(),
          endAt: new Date(tc.now().getTime() + 60 * MIN).toISOString(),
        }),
      ),
    ).toBe('FORBIDDEN')
  })

  test('check-in proves presence: rotating signed code, window, one check-in, check-out after check-in; hours paid once', async () => {
    await setup()
    const a = await activityNow()
    await tc.ok(P.member.openid, 'activity.signUp', { communityId: c, activityId: a.id })
    expect(codeOf(await tc.call(P.member.openid, 'activity.checkinCode', { communityId: c, activityId: a.id }))).toBe('FORBIDDEN')
    const code = await tc.ok(sec, 'activity.checkinCode', { communityId: c, activityId: a.id })
    expect(decodeQr(code.qr)).toBe(code.token)
    expect(new Date(code.expiresAt).getTime() - tc.now().getTime()).toBeLessThanOrEqual(30_000)

    const [doc] = await tc.engine.find('activities', { _id: a.id })
    const old = checkinToken(doc.secret, a.id, new Date(tc.now().getTime() - 5 * MIN)).token
    const forged = code.token.slice(0, -4) + (code.token.endsWith('AAAA') ? 'BBBB' : 'AAAA')
    const check = (token: string, extra: object = {}) => tc.call(P.member.openid, 'activity.checkin', { communityId: c, token, ...extra })
    expect(codeOf(await check(forged))).toBe('INVALID_INPUT')
    const expired = await check(old)
    expect(codeOf(expired)).toBe('INVALID_INPUT')
    if (!expired.ok) expect(expired.error.message).toContain('过期')
    expect(codeOf(await check(code.token, { activityId: 'ac-other' }))).toBe('INVALID_INPUT')
    expect(codeOf(await tc.call(P.member.openid, 'activity.checkout', { communityId: c, token: code.token }))).toBe('CONFLICT')
    expect(codeOf(await tc.call(P.head.openid, 'activity.checkin', { communityId: c, token: code.token }))).toBe('FORBIDDEN')

    expect((await check(code.token)).ok).toBe(true)
    expect(codeOf(await check(code.token))).toBe('CONFLICT')
    expect(codeOf(await tc.call(sec, 'activity.confirmHours', { communityId: c, activityId: a.id }))).toBe('CONFLICT')
    // Served 90 minutes on a 60-minute activity (checking out 40 minutes after its end, within the grace):
    // hours are capped at the schedule. The code scanned is the one the organiser's phone shows then.
    tc.advance(90 * MIN)
    expect(codeOf(await tc.call(P.member.openid, 'activity.checkout', { communityId: c, token: code.token }))).toBe('INVALID_INPUT')
    const out = await tc.ok(P.member.openid, 'activity.checkout', { communityId: c, token: checkinToken(doc.secret, a.id, tc.now()).token })
    expect(out.mySignup).toMatchObject({ status: 'checked_out', hours: 1 })

    const first = await tc.ok(sec, 'activity.confirmHours', { communityId: c, activityId: a.id })
    expect(first).toMatchObject({ confirmed: 1, noShows: 0, credited: 10 })
    const again = await tc.ok(sec, 'activity.confirmHours', { communityId: c, activityId: a.id })
    expect(again).toMatchObject({ confirmed: 0, credited: 0 })
    expect((await tc.ok(P.member.openid, 'points.balance', { communityId: c })).balance).toBe(10)
    expect(await tc.engine.count('point_transfers', { key: `activity:${a.id}:${P.member.id}:hours` })).toBe(1)
    expect(await ledgerProblems(tc.engine)).toEqual([])
  })

  test('no-shows, corrections with a reason, the check-in window and the location check', async () => {
    await setup()
    await tc.ok(sec, 'org.assignRole', { communityId: c, userId: P.neighbour.id, role: 'volunteer' })
    const later = await activityNow({
      startAt: new Date(tc.now().getTime() + 120 * MIN).toISOString(),
      endAt: new Date(tc.now().getTime() + 180 * MIN).toISOString(),
    })
    await tc.ok(P.member.openid, 'activity.signUp', { communityId: c, activityId: later.id })
    const early = await tc.ok(sec, 'activity.checkinCode', { communityId: c, activityId: later.id })
    const tooEarly = await tc.call(P.member.openid, 'activity.checkin', { communityId: c, token: early.token })
    expect(codeOf(tooEarly)).toBe('CONFLICT')

    const located = await activityNow({ location: { lat: 30.5, lng: 114.3, radius: 200 } })
    // Editing without naming the location keeps it; the organiser gets it back to edit.
    const edited = await tc.ok(sec, 'activity.upsert', {
      communityId: c,
      activityId: located.id,
      title: '楼道清洁日（改）',
      description: '',
      place: '1栋',
      capacity: 10,
      pointsPerHour: 10,
      startAt: located.startAt,
      endAt: located.endAt,
    })
    expect(edited.hasLocation).toBe(true)
    expect((await tc.ok(sec, 'activity.get', { communityId: c, activityId: located.id })).location).toEqual({ lat: 30.5, lng: 114.3, radius: 200 })
    expect((await tc.ok(P.member.openid, 'activity.get', { communityId: c, activityId: located.id })).location).toBeNull()
    await tc.ok(P.member.openid, 'activity.signUp', { communityId: c, activityId: located.id })
    await tc.ok(P.neighbour.openid, 'activity.signUp', { communityId: c, activityId: located.id })
    const code = await tc.ok(sec, 'activity.checkinCode', { communityId: c, activityId: located.id })
    expect(codeOf(await tc.call(P.member.openid, 'activity.checkin', { communityId: c, token: code.token }))).toBe('FORBIDDEN')
    expect(codeOf(await tc.call(P.member.openid, 'activity.checkin', { communityId: c, token: code.token, location: { lat: 30.52, lng: 114.3 } }))).toBe(
      'FORBIDDEN',
    )
    expect((await tc.call(P.member.openid, 'activity.checkin', { communityId: c, token: code.token, location: { lat: 30.5005, lng: 114.3 } })).ok).toBe(true)

    tc.advance(51 * MIN) // the activity ended a minute ago
    expect(
      codeOf(
        await tc.call(sec, 'activity.confirmHours', {
          communityId: c,
          activityId: located.id,
          corrections: [{ userId: P.member.id, hours: 9, reason: '超过安排' }],
        }),
      ),
    ).toBe('INVALID_INPUT')
    const r = await tc.ok(sec, 'activity.confirmHours', {
      communityId: c,
      activityId: located.id,
      corrections: [{ userId: P.member.id, hours: 0.5, reason: '忘记签退，按现场记录半小时' }],
    })
    expect(r).toMatchObject({ confirmed: 1, noShows: 1, credited: 5 })
    const roster = r.activity.roster!
    expect(roster.find((x) => x.userId === P.neighbour.id)?.status).toBe('no_show')
    expect(roster.find((x) => x.userId === P.member.id)?.confirmedHours).toBe(0.5)
  })
})

describe('the 6-digit check-in code (no camera needed)', () => {
  type Answer = Awaited<ReturnType<typeof tc.call>>
  const reasonOf = (r: Answer) => (r.ok ? null : (r.error.details?.reason ?? null))
  const shortOf = async (activityId: string) => (await tc.ok(sec, 'activity.checkinCode', { communityId: c, activityId })).shortCode
  const check = (activityId: string, token: string, openid = P.member.openid) => tc.call(openid, 'activity.checkin', { communityId: c, activityId, token })
  const statusOf = async (activityId: string, userId = P.member.id) => (await tc.engine.find('activity_signups', { _id: `${activityId}_${userId}` }))[0]?.status
  /** A six-digit code that is not `code`. */
  const other = (code: string, by = 1) => String((Number(code) + by) % 1_000_000).padStart(6, '0')

  test("the organiser's code carries 6 digits beside the QR; the right digits check in, and check out later", async () => {
    await setup()
    const a = await activityNow()
    await tc.ok(P.member.openid, 'activity.signUp', { communityId: c, activityId: a.id })
    const code = await tc.ok(sec, 'activity.checkinCode', { communityId: c, activityId: a.id })
    expect(code.shortCode).toMatch(/^\d{6}$/)
    expect(code.shortPeriodSeconds).toBe(60)
    const left = new Date(code.shortExpiresAt).getTime() - tc.now().getTime()
    expect(left).toBeGreaterThan(0)
    expect(left).toBeLessThanOrEqual(60_000)
    // The digits alone do not say which activity: without it they are refused before anything is counted.
    expect(codeOf(await tc.call(P.member.openid, 'activity.checkin', { communityId: c, token: code.shortCode }))).toBe('INVALID_INPUT')

    const res = await check(a.id, code.shortCode)
    expect(res.ok).toBe(true)
    if (res.ok) expect(res.data.mySignup).toMatchObject({ status: 'checked_in' })
    expect(codeOf(await check(a.id, code.shortCode))).toBe('CONFLICT')
    // A code read out a minute ago (the previous window) still works: time to read it aloud and type it.
    tc.advance(40 * MIN)
    const later = await shortOf(a.id)
    tc.advance(60_000)
    const out = await tc.call(P.member.openid, 'activity.checkout', { communityId: c, activityId: a.id, token: later })
    expect(out.ok).toBe(true)
    if (out.ok) expect(out.data.mySignup).toMatchObject({ status: 'checked_out', hours: 0.75 })
  })

  test('a wrong code checks nobody in; a code some minutes old is CODE_EXPIRED', async () => {
    await setup()
    const a = await activityNow()
    await tc.ok(P.member.openid, 'activity.signUp', { communityId: c, activityId: a.id })
    const code = await shortOf(a.id)
    const wrong = await check(a.id, other(code))
    expect(codeOf(wrong)).toBe('INVALID_INPUT')
    expect(reasonOf(wrong)).toBeNull()
    if (!wrong.ok) expect(wrong.error.message).toContain('还可以试 4 次')
    expect(await statusOf(a.id)).toBe('signed')
    tc.advance(3 * 60_000)
    const stale = await check(a.id, code)
    expect(codeOf(stale)).toBe('INVALID_INPUT')
    expect(reasonOf(stale)).toBe('CODE_EXPIRED')
    expect(await statusOf(a.id)).toBe('signed')
    // The QR's long code, too, says why when it is out of date.
    const [doc] = await tc.engine.find('activities', { _id: a.id })
    const oldQr = await tc.call(P.member.openid, 'activity.checkin', {
      communityId: c,
      token: checkinToken(doc.secret, a.id, new Date(tc.now().getTime() - 5 * MIN)).token,
    })
    expect(reasonOf(oldQr)).toBe('CODE_EXPIRED')
  })

  test('too many tries are refused, even with the right code, until the window ends; per person and activity', async () => {
    await setup()
    await tc.ok(sec, 'org.assignRole', { communityId: c, userId: P.neighbour.id, role: 'volunteer' })
    const a = await activityNow()
    const b = await activityNow({ title: '敬老院探访' })
    for (const id of [a.id, b.id]) await tc.ok(P.member.openid, 'activity.signUp', { communityId: c, activityId: id })
    await tc.ok(P.neighbour.openid, 'activity.signUp', { communityId: c, activityId: a.id })
    const code = await shortOf(a.id)
    for (let i = 1; i <= 5; i++) expect(codeOf(await check(a.id, other(code, i)))).toBe('INVALID_INPUT')
    const blocked = await check(a.id, code)
    expect(codeOf(blocked)).toBe('FORBIDDEN')
    expect(reasonOf(blocked)).toBe('TOO_MANY_TRIES')
    if (!blocked.ok) expect(blocked.error.message).toContain('10 分钟后再试')
    expect(await statusOf(a.id)).toBe('signed')
    const [tries] = await tc.engine.find('checkin_tries', { _id: `${a.id}_${P.member.id}` })
    expect(tries).toMatchObject({ activityId: a.id, userId: P.member.id, count: 5 })
    // Someone else at the same activity, and the same person at another activity, have their own tries.
    expect((await check(a.id, code, P.neighbour.openid)).ok).toBe(true)
    expect((await check(b.id, await shortOf(b.id))).ok).toBe(true)
    tc.advance(9 * MIN)
    expect(reasonOf(await check(a.id, await shortOf(a.id)))).toBe('TOO_MANY_TRIES')
    tc.advance(MIN)
    const res = await check(a.id, await shortOf(a.id))
    expect(res.ok).toBe(true)
    expect(await statusOf(a.id)).toBe('checked_in')
  })

  test("another activity's digits are refused", async () => {
    await setup()
    const a = await activityNow()
    const b = await activityNow({ title: '敬老院探访' })
    for (const id of [a.id, b.id]) await tc.ok(P.member.openid, 'activity.signUp', { communityId: c, activityId: id })
    const codeA = await shortOf(a.id)
    const codeB = await shortOf(b.id)
    expect(codeB).not.toBe(codeA)
    const res = await check(a.id, codeB)
    expect(codeOf(res)).toBe('INVALID_INPUT')
    expect(reasonOf(res)).toBeNull()
    expect(await statusOf(a.id)).toBe('signed')
    expect(await statusOf(b.id)).toBe('signed')
    // ...and an activity of another community is not found through this one.
    expect(codeOf(await tc.call(P.member.openid, 'activity.checkin', { communityId: T.c2, activityId: a.id, token: codeA }))).not.toBe('OK')
    expect((await check(a.id, codeA)).ok).toBe(true)
  })
})

describe('confirming hours: nobody loses hours, nobody pays themselves', () => {
  test('someone still checked in waits for check-out; a confirmed person cannot be corrected; a cancelled activity has nothing to confirm', async () => {
    await setup()
    await tc.ok(sec, 'org.assignRole', { communityId: c, userId: P.neighbour.id, role: 'volunteer' })
    const a = await activityNow()
    await tc.ok(P.member.openid, 'activity.signUp', { communityId: c, activityId: a.id })
    await tc.ok(P.neighbour.openid, 'activity.signUp', { communityId: c, activityId: a.id })
    const code = await tc.ok(sec, 'activity.checkinCode', { communityId: c, activityId: a.id })
    await tc.ok(P.member.openid, 'activity.checkin', { communityId: c, token: code.token })
    await tc.ok(P.neighbour.openid, 'activity.checkin', { communityId: c, token: code.token })
    await tc.ok(P.neighbour.openid, 'activity.checkout', { communityId: c, token: code.token })
    tc.advance(51 * MIN) // the activity ended a minute ago; the member has not checked out
    const first = await tc.ok(sec, 'activity.confirmHours', { communityId: c, activityId: a.id })
    expect(first).toMatchObject({ confirmed: 1, stillIn: 1 })
    expect(first.activity.roster!.find((x) => x.userId === P.member.id)).toMatchObject({ status: 'checked_in', confirmedHours: null })
    const late = await tc.ok(sec, 'activity.checkinCode', { communityId: c, activityId: a.id })
    expect((await tc.ok(P.member.openid, 'activity.checkout', { communityId: c, token: late.token })).mySignup?.hours).toBeGreaterThan(0)
    const second = await tc.ok(sec, 'activity.confirmHours', { communityId: c, activityId: a.id })
    expect(second).toMatchObject({ confirmed: 1, stillIn: 0 })
    expect(second.credited).toBeGreaterThan(0)
    const fix = await tc.call(sec, 'activity.confirmHours', {
      communityId: c,
      activityId: a.id,
      corrections: [{ userId: P.member.id, hours: 0.5, reason: '再改一次' }],
    })
    expect(codeOf(fix)).toBe('CONFLICT')
    expect((await tc.ok(P.member.openid, 'points.balance', { communityId: c })).balance).toBe(second.credited)

    const gone = await activityNow({
      startAt: new Date(tc.now().getTime() + 60 * MIN).toISOString(),
      endAt: new Date(tc.now().getTime() + 120 * MIN).toISOString(),
    })
    await tc.ok(P.member.openid, 'activity.signUp', { communityId: c, activityId: gone.id })
    await tc.ok(sec, 'activity.cancel', { communityId: c, activityId: gone.id, reason: '下雨改期' })
    tc.advance(180 * MIN) // its time has passed
    expect(codeOf(await tc.call(sec, 'activity.confirmHours', { communityId: c, activityId: gone.id }))).toBe('CONFLICT')
    expect(await tc.engine.count('activity_signups', { activityId: gone.id, status: 'no_show' })).toBe(0)
  })

  test('a member who organises cannot set their own hours; the secretary can', async () => {
    await setup()
    await verified(P.member.openid)
    const post = await tc.ok(sec, 'post.upsert', { communityId: c, title: '环境监督', description: '楼道环境', skills: [], capacity: 2, active: true })
    await tc.ok(P.member.openid, 'post.claim', { communityId: c, postId: post.id })
    const now = tc.now().getTime()
    const a = await tc.ok(P.member.openid, 'activity.upsert', {
      communityId: c,
      title: '楼道清洁',
      description: '',
      place: '1栋',
      capacity: 5,
      pointsPerHour: 10,
      postId: post.id,
      startAt: new Date(now - 10 * 60_000).toISOString(),
      endAt: new Date(now + 50 * 60_000).toISOString(),
    })
    await tc.ok(P.member.openid, 'activity.signUp', { communityId: c, activityId: a.id })
    tc.advance(51 * MIN) // the activity ended a minute ago
    const self = [{ userId: P.member.id, hours: 1, reason: '我在现场' }]
    expect(codeOf(await tc.call(P.member.openid, 'activity.confirmHours', { communityId: c, activityId: a.id, corrections: self }))).toBe('FORBIDDEN')
    expect((await tc.ok(P.member.openid, 'points.balance', { communityId: c })).balance).toBe(0)
    expect(
      await tc.ok(sec, 'activity.confirmHours', {
        communityId: c,
        activityId: a.id,
        corrections: [{ userId: P.member.id, hours: 0.1, reason: '组织者全程在场，书记确认' }],
      }),
    ).toMatchObject({ confirmed: 1, credited: 1 })
  })
})

describe('record, report and coverage', () => {
  test("a member's record and the yearly report (a real xlsx) count outcomes", async () => {
    // Mid-year, so the activity, the wish and the visit of this story fall in one year whenever it runs
    // (the turn of the year is test/integration/china-time.test.ts's).
    tc.setNow('2026-06-15T02:00:00Z')
    await setup()
    await verified(P.member.openid)
    await tc.ok(P.member.openid, 'party.pledgeDone', { communityId: c, note: '做到了' })
    const a = await activityNow()
    await tc.ok(P.member.openid, 'activity.signUp', { communityId: c, activityId: a.id })
    const code = await tc.ok(sec, 'activity.checkinCode', { communityId: c, activityId: a.id })
    await tc.ok(P.member.openid, 'activity.checkin', { communityId: c, token: code.token })
    tc.advance(45 * MIN) // served 45 minutes
    const [doc] = await tc.engine.find('activities', { _id: a.id })
    await tc.ok(P.member.openid, 'activity.checkout', { communityId: c, token: checkinToken(doc.secret, a.id, tc.now()).token })
    tc.advance(6 * MIN) // the activity has ended
    await tc.ok(sec, 'activity.confirmHours', { communityId: c, activityId: a.id })
    // A wish fulfilled with a 4-star thank-you.
    await tc.ok(sec, 'wish.setSettings', { communityId: c, categories: ['生活帮扶'], autoApprove: true, autoCloseDays: 7, overdueDays: 7 })
    const w = await tc.ok(P.resident.openid, 'wish.create', {
      communityId: c,
      title: '修水龙头',
      description: '厨房水龙头漏水',
      category: '生活帮扶',
      buildingId: T.b1,
    })
    await tc.ok(P.member.openid, 'wish.claim', { communityId: c, wishId: w.id })
    await tc.ok(P.member.openid, 'wish.fulfil', { communityId: c, wishId: w.id, proof: '换了新水龙头' })
    await tc.ok(P.resident.openid, 'wish.confirm', { communityId: c, wishId: w.id, stars: 4, thanks: '谢谢' })

    // One visit to a paired household, logged this year.
    await tc.ok(sec, 'pair.assign', { communityId: c, memberId: P.member.id, householdId: T.h2, needs: ['独居老人'], active: true })
    await tc.ok(P.member.openid, 'pair.logVisit', { communityId: c, householdId: T.h2, note: '陪老人聊天，检查了燃气' })

    const year = chinaYear(tc.now())
    const rec = await tc.ok(P.member.openid, 'party.record', { communityId: c, year })
    expect(rec).toMatchObject({ totalHours: 0.75, wishesFulfilled: 1, averageRating: 4, pledgeKept: true, visits: 1 })
    expect((await tc.ok(P.member.openid, 'party.record', { communityId: c, year: year - 1 })).visits).toBe(0)
    expect(codeOf(await tc.call(P.resident.openid, 'party.record', { communityId: c, userId: P.member.id }))).toBe('FORBIDDEN')
    expect((await tc.ok(sec, 'party.record', { communityId: c, userId: P.member.id })).name).toBe('周志刚')
    // A secretary reads only those who registered in their community.
    expect(codeOf(await tc.call(sec, 'party.record', { communityId: c, userId: P.neighbour.id }))).toBe('NOT_FOUND')
    expect(codeOf(await tc.call(P.otherSecretary.openid, 'party.record', { communityId: T.c2, userId: P.member.id }))).toBe('NOT_FOUND')

    const rep = await tc.ok(sec, 'party.report', { communityId: c, year, format: 'xlsx' })
    expect(rep.rows).toEqual([
      expect.objectContaining({ name: '周志刚', employerName: '青山区税务局', hours: 0.75, wishesFulfilled: 1, averageRating: 4, pledgeKept: true, visits: 1 }),
    ])
    const wb = XLSX.read(Buffer.from(rep.file!.base64, 'base64'))
    const sheet = XLSX.utils.sheet_to_json<string[]>(wb.Sheets[wb.SheetNames[0]], { header: 1 })
    expect(sheet[0]).toContain('服务时长（小时）')
    expect(sheet[1].slice(0, 5)).toEqual(['周志刚', '青山区税务局', '税务局第一党支部', '在职', 0.75])
    expect(rep.file!.name).toContain('双报告')
    expect(codeOf(await tc.call(P.member.openid, 'party.report', { communityId: c, year }))).toBe('FORBIDDEN')
  })

  test('coverage flags the empty community for the street admin only', async () => {
    await setup()
    await verified(P.member.openid)
    const cov = await tc.ok(P.streetAdmin.openid, 'party.coverage', { streetId: T.street })
    expect(cov.communities.map((x) => [x.communityId, x.verified, x.flag]).sort()).toEqual([
      [c, 1, 'ok'],
      [T.c2, 0, 'empty'],
    ])
    expect(codeOf(await tc.call(sec, 'party.coverage', { streetId: T.street }))).toBe('FORBIDDEN')
  })
})

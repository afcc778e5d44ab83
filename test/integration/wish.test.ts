/**
 * Micro-wishes through the real main() on the local engine: every transition and every illegal one,
 * privacy of the wisher's contact, proxies, one live claim under a rush, points paid exactly once, and the
 * timers (auto-close, owed points, overdue reminders).
 */
import { codeOf, openTestCloud, type TestCloud } from '../support/cloud'
import { P, T, seedFixtures } from '../support/fixtures'
import { ledgerProblems } from '../support/ledger'
import type { WishDetail } from '../../types/wish'
import type { TemplateName } from '../../types/templates'

let tc: TestCloud
const sec = P.secretary.openid
const res = P.resident.openid
const pm = P.member.openid
const c = T.c1
let n = 0

beforeAll(async () => {
  tc = await openTestCloud()
})
afterEach(() => tc.resetClock())
afterAll(async () => {
  await tc.close()
})

async function setup(opts: { autoApprove?: boolean; fund?: number } = {}) {
  await seedFixtures(tc.engine)
  tc.resetLimits()
  await tc.ok(sec, 'wish.setSettings', {
    communityId: c,
    categories: ['生活帮扶', '助老', '助学', '医疗', '物品', '其他'],
    autoApprove: opts.autoApprove ?? false,
    autoCloseDays: 7,
    overdueDays: 7,
  })
  await tc.ok(sec, 'points.setRule', { communityId: c, kind: 'wish_fulfilled', points: 20, dailyCap: null, monthlyCap: null, active: true })
  const [s] = await tc.ok(sec, 'points.setSponsor', { communityId: c, name: '青山区税务局', warnBelow: 0 })
  if (opts.fund !== 0)
    await tc.ok(sec, 'points.fundSponsor', { communityId: c, sponsorId: s.id, amount: opts.fund ?? 1000, note: '经费', requestKey: `fund-wish-${++n}` })
  return { sponsorId: s.id }
}

/** What a tap asks consent for first in the app (src/services/subscribe.ts); the client reports 'accept'. */
const accept = (openid: string, ...templates: TemplateName[]) => tc.ok(openid, 'org.subscribed', { templates })

const post = (openid: string | null = res, extra: object = {}) =>
  tc.ok(openid, 'wish.create', {
    communityId: c,
    title: '想请人帮忙换个灯泡',
    description: '厨房灯坏了，我腿脚不便，够不着。',
    category: '生活帮扶',
    buildingId: T.b1,
    ...extra,
  })

async function openWish(extra: object = {}): Promise<WishDetail> {
  const w = await post(res, extra)
  return w.status === 'open' ? w : tc.ok(sec, 'wish.review', { communityId: c, wishId: w.id, approve: true })
}
const DAY = 86_400_000
const balanceOf = async (openid: string) => (await tc.ok(openid, 'points.balance', { communityId: c })).balance
const get = (openid: string, wishId: string) => tc.ok(openid, 'wish.get', { communityId: c, wishId })

describe('the whole story', () => {
  test('posted → reviewed → claimed → progress → fulfilled → confirmed: closed, rated, claimer paid, everyone told', async () => {
    await setup()
    await accept(res, 'wishReviewed', 'wishClaimed', 'wishFulfilled') // the 发布 tap
    const posted = await post()
    expect(posted).toMatchObject({ status: 'under_review', isMine: true, place: '幸福里小区 1栋', wisherName: '王*英' })
    // Not on the wall yet.
    expect((await tc.ok(pm, 'wish.list', { communityId: c })).items).toEqual([])
    expect(codeOf(await tc.call(pm, 'wish.get', { communityId: c, wishId: posted.id }))).toBe('NOT_FOUND')
    expect((await tc.ok(sec, 'wish.reviewQueue', { communityId: c })).items.map((w) => w.id)).toEqual([posted.id])

    const opened = await tc.ok(sec, 'wish.review', { communityId: c, wishId: posted.id, approve: true })
    expect(opened.status).toBe('open')
    const wall = await tc.ok(pm, 'wish.list', { communityId: c })
    expect(wall.items.map((w) => [w.id, w.statusLabel])).toEqual([[posted.id, '待认领']])
    expect((await get(pm, posted.id)).can).toMatchObject({ claim: true, confirm: false })

    await accept(pm, 'wishConfirmed', 'reminder') // the 我来认领 tap
    const claimed = await tc.ok(pm, 'wish.claim', { communityId: c, wishId: posted.id })
    expect(claimed).toMatchObject({ status: 'claimed', isClaimer: true, claimerName: '周*刚' })
    expect(claimed.can).toMatchObject({ progress: true, fulfil: true, release: true, claim: false })
    await tc.ok(pm, 'wish.progress', { communityId: c, wishId: posted.id, note: '明天上午过去' })
    const fulfilled = await tc.ok(pm, 'wish.fulfil', {
      communityId: c,
      wishId: posted.id,
      proof: '灯泡已换好，试过了很亮',
      photos: ['cloud://local/proof/1.jpg'],
    })
    expect(fulfilled.status).toBe('fulfilled')
    expect((await get(res, posted.id)).can.confirm).toBe(true)

    const before = await balanceOf(pm)
    const closed = await tc.ok(res, 'wish.confirm', { communityId: c, wishId: posted.id, stars: 5, thanks: '谢谢小周，太热心了！' })
    expect(closed).toMatchObject({ status: 'closed', statusLabel: '已圆梦', rating: { stars: 5, note: '谢谢小周，太热心了！' } })
    expect(await balanceOf(pm)).toBe(before + 20)
    expect(closed.history.map((h) => h.event)).toEqual(['post', 'approve', 'claim', 'progress', 'fulfil', 'confirm'])
    expect(closed.history[0]).toMatchObject({ byName: '王*英', to: 'under_review' })

    const outbox = await tc.engine.find('outbox', {})
    expect(outbox.map((m) => [m.touser, m.templateId])).toEqual([
      [res, 'local-tpl-wish-reviewed'],
      [res, 'local-tpl-wish-claimed'],
      [res, 'local-tpl-wish-fulfilled'],
      [pm, 'local-tpl-wish-confirmed'],
    ])
    expect(outbox[1].page).toContain(posted.id)
    // Every value as its field type allows (the stand-in refuses anything else): the claimer's name as the
    // wall shows it, in a thing; China time; the stars as words.
    expect(outbox[1].data).toEqual({
      thing1: { value: '想请人帮忙换个灯泡' },
      thing2: { value: '周*刚' },
      time3: { value: expect.stringMatching(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/) },
    })
    expect(outbox[3].data.phrase2).toEqual({ value: '非常满意' })
    expect(await tc.engine.count('message_failures', {})).toBe(0)
    const st = await tc.ok(pm, 'points.statement', { communityId: c })
    expect(st.items[0]).toMatchObject({ amount: 20, kind: 'earn', cause: { type: 'wish', id: posted.id } })
    const stats = await tc.ok(sec, 'wish.stats', { communityId: c })
    expect(stats).toMatchObject({ posted: 1, ratings: { count: 1, average: 5 } })
    expect(stats.byStatus.closed).toBe(1)
    expect(stats.medianHoursToClaim).not.toBeNull()
    expect(await ledgerProblems(tc.engine)).toEqual([])
  })

  test('content check: risky is refused (nothing written), review holds it, auto-approval opens clean text, photos wait', async () => {
    await setup({ autoApprove: true })
    expect(codeOf(await tc.call(res, 'wish.create', { communityId: c, title: '赌博', description: '一起来', category: '其他', buildingId: T.b1 }))).toBe(
      'INVALID_INPUT',
    )
    expect(await tc.engine.count('wishes', {})).toBe(0)
    expect((await post()).status).toBe('open')
    expect((await post(res, { photos: ['cloud://local/w/1.jpg'] })).status).toBe('under_review')
    const words = require('../../local/openapi/words') as { REVIEW_WORDS: { word: string }[] }
    expect((await post(res, { description: `请帮忙 ${words.REVIEW_WORDS[0].word}` })).status).toBe('under_review')
  })

  test('the wisher who accepted 心愿审核结果通知 in the 发布 tap is told the result, approved or not; without consent it is recorded', async () => {
    await setup()
    await accept(res, 'wishReviewed', 'wishClaimed', 'wishFulfilled') // the 发布 tap, once per wish
    const a = await post()
    await accept(res, 'wishReviewed', 'wishClaimed', 'wishFulfilled')
    const b = await post(res, { title: '想借一把梯子用用' })
    expect(await tc.engine.count('outbox', {})).toBe(0) // held for review: nothing to tell yet
    await tc.ok(sec, 'wish.review', { communityId: c, wishId: a.id, approve: true })
    const reason = '梯子请到社区服务中心借用，工作日都可以来拿，用完请还回来'
    await tc.ok(sec, 'wish.review', { communityId: c, wishId: b.id, approve: false, reason })
    const told = await tc.engine.find('outbox', { templateId: 'local-tpl-wish-reviewed' }, { sort: { at: 1 } })
    expect(told.map((m) => [m.touser, m.page])).toEqual([
      [res, `packages/wish/pages/detail/index?id=${a.id}&c=${c}`],
      [res, `packages/wish/pages/detail/index?id=${b.id}&c=${c}`],
    ])
    const when = expect.stringMatching(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/)
    expect(told[0].data).toEqual({
      thing1: { value: '想请人帮忙换个灯泡' },
      phrase2: { value: '已通过' },
      thing3: { value: '已上心愿墙，等待认领' },
      time4: { value: when },
    })
    // The reason is cut to what a thing field holds (20 characters), the rest is on the wish's page.
    expect(told[1].data).toEqual({
      thing1: { value: '想借一把梯子用用' },
      phrase2: { value: '未通过' },
      thing3: { value: `原因：${reason.slice(0, 16)}…` },
      time4: { value: when },
    })
    expect(await tc.engine.count('message_failures', {})).toBe(0)

    // Someone who did not accept (or used up their acceptance) is not told: the secretary sees it.
    const d = await post(res, { title: '想请人修修自行车' })
    await tc.ok(sec, 'wish.review', { communityId: c, wishId: d.id, approve: true })
    expect(await tc.engine.count('outbox', { templateId: 'local-tpl-wish-reviewed' })).toBe(2)
    const missed = await tc.ok(sec, 'org.undelivered', { communityId: c })
    expect(missed.items.map((m) => m.text)).toEqual(['给王*英的「心愿审核结果通知」没有送达：对方没有订阅这类消息，或订阅次数已用完'])
  })

  test('a rejection needs a reason the resident sees', async () => {
    await setup()
    const w = await post()
    expect(codeOf(await tc.call(sec, 'wish.review', { communityId: c, wishId: w.id, approve: false }))).toBe('INVALID_INPUT')
    const r = await tc.ok(sec, 'wish.review', { communityId: c, wishId: w.id, approve: false, reason: '这属于物业维修范围，请拨打物业电话' })
    expect(r.status).toBe('rejected')
    expect((await get(res, w.id)).rejectReason).toBe('这属于物业维修范围，请拨打物业电话')
    expect(codeOf(await tc.call(sec, 'wish.review', { communityId: c, wishId: w.id, approve: true }))).toBe('CONFLICT')
    expect(await tc.engine.count('audit_log', { action: 'wish.review' })).toBe(1)
  })
})

describe('illegal moves change nothing', () => {
  const snap = async (id: string) => JSON.stringify(await tc.engine.find('wishes', { _id: id }))

  test.each([
    ['claiming a closed wish', 'closed', 'wish.claim', () => P.member.openid, {}, 'CONFLICT'],
    ["confirming someone else's wish", 'fulfilled', 'wish.confirm', () => P.neighbour.openid, { stars: 5, thanks: '' }, 'FORBIDDEN'],
    ['releasing a wish one did not claim', 'claimed', 'wish.release', () => P.secretary.openid, { reason: '不想做了' }, 'FORBIDDEN'],
    ['fulfilling a wish one did not claim', 'claimed', 'wish.fulfil', () => P.head.openid, { proof: '做完了' }, 'FORBIDDEN'],
    ['a resident claiming', 'open', 'wish.claim', () => P.neighbour.openid, {}, 'FORBIDDEN'],
    ['withdrawing after fulfilment', 'fulfilled', 'wish.withdraw', () => P.resident.openid, {}, 'CONFLICT'],
    ['confirming before fulfilment', 'claimed', 'wish.confirm', () => P.resident.openid, { stars: 4, thanks: '' }, 'CONFLICT'],
    ['a rating of 6 stars', 'fulfilled', 'wish.confirm', () => P.resident.openid, { stars: 6, thanks: '' }, 'INVALID_INPUT'],
    ['dispatching a claimed wish', 'claimed', 'wish.dispatch', () => P.secretary.openid, { memberId: 'u-pm' }, 'CONFLICT'],
  ] as const)('%s (from %s)', async (_label, state, action, who, data, code) => {
    await setup()
    const w = await openWish()
    if (state !== 'open') await tc.ok(pm, 'wish.claim', { communityId: c, wishId: w.id })
    if (state === 'fulfilled' || state === 'closed') await tc.ok(pm, 'wish.fulfil', { communityId: c, wishId: w.id, proof: '已完成' })
    if (state === 'closed') await tc.ok(res, 'wish.confirm', { communityId: c, wishId: w.id, stars: 5, thanks: '' })
    const before = await snap(w.id)
    expect(codeOf(await tc.raw(who(), { action, data: { communityId: c, wishId: w.id, ...data } }))).toBe(code)
    expect(await snap(w.id)).toBe(before)
  })

  test('nobody claims their own wish', async () => {
    await setup()
    const w = await tc.ok(pm, 'wish.create', { communityId: c, title: '需要一把梯子', description: '借用一下午', category: '物品', buildingId: T.b2 })
    await tc.ok(sec, 'wish.review', { communityId: c, wishId: w.id, approve: true })
    expect(codeOf(await tc.call(pm, 'wish.claim', { communityId: c, wishId: w.id }))).toBe('FORBIDDEN')
  })

  test('bad input: unknown category or building, past date, a resident of another community', async () => {
    await setup()
    const base = { communityId: c, title: '标题', description: '内容', category: '生活帮扶', buildingId: T.b1 }
    expect(codeOf(await tc.call(res, 'wish.create', { ...base, category: '不存在' }))).toBe('INVALID_INPUT')
    expect(codeOf(await tc.call(res, 'wish.create', { ...base, buildingId: T.b3 }))).toBe('INVALID_INPUT')
    expect(codeOf(await tc.call(res, 'wish.create', { ...base, wishedBy: '2020-01-01' }))).toBe('INVALID_INPUT')
    expect(codeOf(await tc.call(res, 'wish.create', { ...base, title: '' }))).toBe('INVALID_INPUT')
    expect(codeOf(await tc.call(P.otherSecretary.openid, 'wish.create', base))).toBe('FORBIDDEN')
    expect(await tc.engine.count('wishes', {})).toBe(0)
  })
})

describe('claims', () => {
  test('release puts it back on the wall with the reason in its story', async () => {
    await setup()
    const w = await openWish()
    await tc.ok(pm, 'wish.claim', { communityId: c, wishId: w.id })
    const back = await tc.ok(pm, 'wish.release', { communityId: c, wishId: w.id, reason: '临时出差，抱歉' })
    expect(back).toMatchObject({ status: 'open', claimerName: null })
    expect(back.history[back.history.length - 1]).toMatchObject({ event: 'release', note: '临时出差，抱歉' })
  })

  test('the secretary dispatches to a member, not to a resident', async () => {
    await setup()
    const w = await openWish()
    expect(codeOf(await tc.call(sec, 'wish.dispatch', { communityId: c, wishId: w.id, memberId: P.neighbour.id }))).toBe('INVALID_INPUT')
    expect(codeOf(await tc.call(pm, 'wish.dispatch', { communityId: c, wishId: w.id, memberId: P.member.id }))).toBe('FORBIDDEN')
    const d = await tc.ok(sec, 'wish.dispatch', { communityId: c, wishId: w.id, memberId: P.member.id, note: '小周住得近' })
    expect(d).toMatchObject({ status: 'claimed', claimerName: '周*刚' })
    expect((await get(pm, w.id)).isClaimer).toBe(true)
    expect((await tc.ok(pm, 'wish.mine', { communityId: c, as: 'claimer' })).items.map((x) => x.id)).toEqual([w.id])
  })

  test('200 people claim one wish at the same moment: exactly one wins, the rest get CONFLICT', async () => {
    await setup()
    const now = tc.now()
    const people = Array.from({ length: 200 }, (_, i) => ({ id: `u-claim-${i}`, openid: `o-claim-${i}` }))
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
    const w = await openWish()
    const answers = await Promise.all(people.map((p) => tc.call(p.openid, 'wish.claim', { communityId: c, wishId: w.id })))
    const codes = answers.map(codeOf)
    expect(codes.filter((x) => x === 'OK')).toHaveLength(1)
    expect(codes.filter((x) => x === 'CONFLICT')).toHaveLength(199)
    const [doc] = await tc.engine.find('wishes', { _id: w.id })
    const winner = people[codes.indexOf('OK')]
    expect(doc.claimerId).toBe(winner.id)
    expect(doc.history.filter((h: { event: string }) => h.event === 'claim')).toHaveLength(1)
  })
})

describe('audited decisions: the entry is written in the same transaction as the change', () => {
  const reasonOf = (r: { ok: boolean; error?: { details?: { reason?: string } } }) => (r.ok ? null : (r.error?.details?.reason ?? null))

  test('review, dispatch and settings are recorded with what a person calls them', async () => {
    await setup()
    const w = await openWish()
    await tc.ok(sec, 'wish.dispatch', { communityId: c, wishId: w.id, memberId: P.member.id })
    const log = await tc.engine.find('audit_log', {})
    const of = (action: string) => log.filter((e) => e.action === action)
    expect(of('wish.review').map((e) => [e.resource, e.before, e.after])).toEqual([
      [{ type: 'wish', id: w.id, label: '想请人帮忙换个灯泡' }, { status: 'under_review' }, { status: 'open', reason: null }],
    ])
    expect(of('wish.dispatch').map((e) => [e.resource.label, e.after])).toEqual([['想请人帮忙换个灯泡', { status: 'claimed', claimerId: P.member.id }]])
    const [settings] = of('wish.setSettings')
    expect(settings).toMatchObject({
      actorId: P.secretary.id,
      resource: { type: 'wish_settings', id: c, label: '微心愿设置' },
      before: { autoApprove: false, autoCloseDays: 7 },
      after: { autoApprove: false, overdueDays: 7 },
    })
  })

  test('two reviewers at once: one decision, one entry; the other is told it changed (STATE_CHANGED)', async () => {
    await setup()
    const w = await post()
    const answers = await Promise.all([
      tc.call(sec, 'wish.review', { communityId: c, wishId: w.id, approve: true }),
      tc.call(P.streetAdmin.openid, 'wish.review', { communityId: c, wishId: w.id, approve: false, reason: '重复发布' }),
    ])
    expect(answers.map(codeOf).sort()).toEqual(['CONFLICT', 'OK'])
    expect(reasonOf(answers.find((a) => !a.ok)!)).toBe('STATE_CHANGED')
    const [doc] = await tc.engine.find('wishes', { _id: w.id })
    expect(doc.history.filter((h: { event: string }) => h.event === 'approve' || h.event === 'reject')).toHaveLength(1)
    const entries = await tc.engine.find('audit_log', { action: 'wish.review' })
    expect(entries.map((e) => e.after.status)).toEqual([doc.status])
  })

  test('a dispatch racing a claim: one of them takes the wish, and a dispatch is recorded only if it won', async () => {
    await setup()
    const w = await openWish()
    const [dispatched, claimed] = await Promise.all([
      tc.call(sec, 'wish.dispatch', { communityId: c, wishId: w.id, memberId: P.member.id }),
      tc.call(pm, 'wish.claim', { communityId: c, wishId: w.id }),
    ])
    expect([codeOf(dispatched), codeOf(claimed)].sort()).toEqual(['CONFLICT', 'OK'])
    expect(reasonOf(dispatched.ok ? claimed : dispatched)).toBe('STATE_CHANGED')
    const [doc] = await tc.engine.find('wishes', { _id: w.id })
    expect(doc.claimVia).toBe(dispatched.ok ? 'dispatch' : 'claim')
    expect(doc.history.filter((h: { event: string }) => h.event === 'claim' || h.event === 'dispatch')).toHaveLength(1)
    expect(await tc.engine.count('audit_log', { action: 'wish.dispatch' })).toBe(dispatched.ok ? 1 : 0)
  })

  test('the wrong state is CONFLICT with STATE_CHANGED, the wrong person FORBIDDEN', async () => {
    await setup()
    const w = await openWish()
    await tc.ok(pm, 'wish.claim', { communityId: c, wishId: w.id })
    expect(reasonOf(await tc.call(res, 'wish.confirm', { communityId: c, wishId: w.id, stars: 5, thanks: '' }))).toBe('STATE_CHANGED')
    expect(reasonOf(await tc.call(sec, 'wish.review', { communityId: c, wishId: w.id, approve: true }))).toBe('STATE_CHANGED')
    expect(codeOf(await tc.call(P.head.openid, 'wish.fulfil', { communityId: c, wishId: w.id, proof: '做完了' }))).toBe('FORBIDDEN')
  })
})

describe('points for a fulfilled wish', () => {
  async function fulfilledWish() {
    const w = await openWish()
    await tc.ok(pm, 'wish.claim', { communityId: c, wishId: w.id })
    await tc.ok(pm, 'wish.fulfil', { communityId: c, wishId: w.id, proof: '已完成' })
    return w
  }

  test('credited exactly once when confirm is sent twice, concurrently, or retried', async () => {
    await setup()
    const w = await fulfilledWish()
    const answers = await Promise.all([1, 2, 3].map(() => tc.call(res, 'wish.confirm', { communityId: c, wishId: w.id, stars: 4, thanks: '谢谢' })))
    expect(answers.some((a) => a.ok)).toBe(true)
    const retry = await tc.ok(res, 'wish.confirm', { communityId: c, wishId: w.id, stars: 4, thanks: '谢谢' })
    expect(retry.status).toBe('closed')
    expect(await balanceOf(pm)).toBe(20)
    expect(await tc.engine.count('point_transfers', { key: `wish:${w.id}:fulfil` })).toBe(1)
    expect(await ledgerProblems(tc.engine)).toEqual([])
  })

  test('with no budget the wish still closes; the points are owed and paid by the timer once funded', async () => {
    const { sponsorId } = await setup({ fund: 0 })
    const w = await fulfilledWish()
    expect((await tc.ok(res, 'wish.confirm', { communityId: c, wishId: w.id, stars: 5, thanks: '' })).status).toBe('closed')
    expect(await balanceOf(pm)).toBe(0)
    expect((await tc.engine.find('wishes', { _id: w.id }))[0].pointsPending).toBe(true)
    await tc.ok(sec, 'points.fundSponsor', { communityId: c, sponsorId, amount: 100, note: '补充', requestKey: 'fund-late-1' })
    await tc.raw(null, { Type: 'Timer', TriggerName: 'hourly' })
    expect(await balanceOf(pm)).toBe(20)
    expect((await tc.engine.find('wishes', { _id: w.id }))[0].pointsPending).toBe(false)
    await tc.raw(null, { Type: 'Timer', TriggerName: 'hourly' })
    expect(await balanceOf(pm)).toBe(20)
  })

  test('an unconfirmed fulfilled wish closes by itself after the set days, without a rating, and pays', async () => {
    await setup()
    const w = await fulfilledWish()
    // Within the 7 days the wisher has to confirm, the timer leaves it.
    tc.advance(7 * DAY - 60_000)
    const waiting = await tc.raw(null, { Type: 'Timer', TriggerName: 'hourly' })
    expect(waiting.ok && (waiting.data as Record<string, unknown>)['wish.autoClose']).toEqual({ closed: 0 })
    tc.advance(DAY)
    const tick = await tc.raw(null, { Type: 'Timer', TriggerName: 'hourly' })
    expect(tick.ok && (tick.data as Record<string, unknown>)['wish.autoClose']).toEqual({ closed: 1 })
    const after = await get(res, w.id)
    expect(after).toMatchObject({ status: 'closed', rating: null })
    expect(after.history[after.history.length - 1]).toMatchObject({ event: 'autoclose', byName: '系统' })
    expect(await balanceOf(pm)).toBe(20)
  })
})

describe('privacy and proxies', () => {
  test("the wisher's phone and door are seen by the claimer and the secretary only", async () => {
    await setup()
    const w = await openWish()
    for (const who of [pm, P.neighbour.openid, P.head.openid]) {
      const d = await get(who, w.id)
      expect(d.contact).toBeNull()
      expect(JSON.stringify(d)).not.toContain(P.resident.phone)
    }
    expect(JSON.stringify(await tc.ok(pm, 'wish.list', { communityId: c }))).not.toContain(P.resident.phone)
    await tc.ok(pm, 'wish.claim', { communityId: c, wishId: w.id })
    expect((await get(pm, w.id)).contact).toEqual({ name: '王秀英', phone: P.resident.phone, address: '幸福里小区 1栋 1单元 101' })
    expect((await get(sec, w.id)).contact?.phone).toBe(P.resident.phone)
    expect((await get(P.neighbour.openid, w.id)).contact).toBeNull()
    // Released: the former claimer no longer sees it.
    await tc.ok(pm, 'wish.release', { communityId: c, wishId: w.id, reason: '有事' })
    expect((await get(pm, w.id)).contact).toBeNull()
  })

  test('a building head posts for an elderly resident they act for, recorded as such, and confirms for them', async () => {
    await setup()
    await tc.ok(P.head.openid, 'org.setProxy', { communityId: c, residentId: P.elder.id, enabled: true })
    const w = await tc.ok(P.head.openid, 'wish.create', {
      communityId: c,
      title: '想有人陪去医院复查',
      description: '周五上午九点，区人民医院',
      category: '助老',
      buildingId: T.b1,
      onBehalfOf: P.elder.id,
    })
    expect(w).toMatchObject({ onBehalf: true, wisherName: '赵*兰', isMine: true })
    expect(w.history[0].note).toBe('楼栋长代为发布')
    expect(
      codeOf(
        await tc.call(P.head.openid, 'wish.create', {
          communityId: c,
          title: '代发',
          description: '代发',
          category: '助老',
          buildingId: T.b2,
          onBehalfOf: P.farElder.id,
        }),
      ),
    ).toBe('FORBIDDEN')
    await tc.ok(sec, 'wish.review', { communityId: c, wishId: w.id, approve: true })
    await tc.ok(pm, 'wish.claim', { communityId: c, wishId: w.id })
    // The building head accepted nothing when posting: WeChat refuses the review's result and the claim
    // notice (each to the building head, who is told for the offline elder), and the secretary sees both.
    expect(await tc.engine.find('outbox', {})).toEqual([])
    const missed = await tc.ok(sec, 'org.undelivered', { communityId: c })
    expect(missed.items.map((m) => m.text)).toEqual([
      `给${'孙*华'}的「心愿认领通知」没有送达：对方没有订阅这类消息，或订阅次数已用完`,
      `给${'孙*华'}的「心愿审核结果通知」没有送达：对方没有订阅这类消息，或订阅次数已用完`,
    ])
    // Posting again for the elder, the building head accepts in the 发布 tap; the next claim is delivered.
    await tc.ok(pm, 'wish.release', { communityId: c, wishId: w.id, reason: '临时有事' })
    await accept(P.head.openid, 'wishClaimed', 'wishFulfilled')
    await tc.ok(pm, 'wish.claim', { communityId: c, wishId: w.id })
    // The offline resident is told through the building head.
    expect((await tc.engine.find('outbox', {})).map((m) => m.touser)).toEqual([P.head.openid])
    await tc.ok(pm, 'wish.fulfil', { communityId: c, wishId: w.id, proof: '已陪同复查' })
    expect((await tc.ok(P.head.openid, 'wish.confirm', { communityId: c, wishId: w.id, stars: 5, thanks: '赵阿姨说谢谢' })).status).toBe('closed')
    expect((await tc.ok(P.head.openid, 'wish.mine', { communityId: c, as: 'wisher' })).items.map((x) => x.id)).toEqual([w.id])
  })
})

describe('queues and lists', () => {
  test('overdue: old open wishes and claimed ones without progress; claimers reminded once', async () => {
    await setup()
    const a = await openWish()
    const b = await openWish()
    await accept(pm, 'wishConfirmed', 'reminder') // the 我来认领 tap: one reminder allowed
    await tc.ok(pm, 'wish.claim', { communityId: c, wishId: b.id })
    expect((await tc.ok(sec, 'wish.overdue', { communityId: c })).items).toEqual([])
    // Nine days on, with no progress (overdue after 7).
    tc.advance(9 * DAY)
    tc.resetLimits()
    const q = await tc.ok(sec, 'wish.overdue', { communityId: c })
    expect(q.items.map((w) => w.id).sort()).toEqual([a.id, b.id].sort())
    // A page at a time, longest waiting first, across both kinds (one open since day 0, one claimed right after), each once.
    const [first, second] = [a.id, b.id]
    const p1 = await tc.ok(sec, 'wish.overdue', { communityId: c, limit: 1 })
    expect(p1.items.map((w) => w.id)).toEqual([first])
    const p2 = await tc.ok(sec, 'wish.overdue', { communityId: c, limit: 1, cursor: p1.nextCursor! })
    expect([p2.items.map((w) => w.id), p2.nextCursor]).toEqual([[second], null])
    await tc.raw(null, { Type: 'Timer', TriggerName: 'hourly' })
    await tc.raw(null, { Type: 'Timer', TriggerName: 'hourly' })
    const reminders = await tc.engine.find('outbox', { templateId: 'local-tpl-reminder' })
    expect(reminders.map((m) => m.touser)).toEqual([pm])
    expect(codeOf(await tc.call(pm, 'wish.overdue', { communityId: c }))).toBe('FORBIDDEN')
    // The secretary can also remind by hand; it is part of the wish's story.
    const reminded = await tc.ok(sec, 'wish.remind', { communityId: c, wishId: b.id })
    expect(reminded.history.at(-1)).toMatchObject({ event: 'remind', byName: '陈*芬' })
    // The one acceptance went to the timer's reminder: WeChat refuses this one, and the secretary is told.
    expect(await tc.engine.count('outbox', { templateId: 'local-tpl-reminder' })).toBe(1)
    const missed = (await tc.ok(sec, 'org.undelivered', { communityId: c })).items.filter((m) => m.template === 'reminder')
    expect(missed.map((m) => [m.errcode, m.recipientName])).toEqual([[43101, '周*刚']])
    await accept(pm, 'reminder') // e.g. the 反馈进展 tap
    await tc.ok(sec, 'wish.remind', { communityId: c, wishId: b.id })
    expect(await tc.engine.count('outbox', { templateId: 'local-tpl-reminder' })).toBe(2)
    expect(codeOf(await tc.call(sec, 'wish.remind', { communityId: c, wishId: a.id }))).toBe('CONFLICT')
    expect(codeOf(await tc.call(pm, 'wish.remind', { communityId: c, wishId: b.id }))).toBe('FORBIDDEN')
  })

  test('the wall filters by status, category and building and pages newest first without loss', async () => {
    await setup({ autoApprove: true })
    const ids: string[] = []
    for (let i = 0; i < 7; i++) ids.push((await post(res, { category: i % 2 ? '助老' : '生活帮扶', buildingId: i < 4 ? T.b1 : T.b2 })).id)
    await tc.ok(pm, 'wish.claim', { communityId: c, wishId: ids[0] })
    const seen: string[] = []
    let cursor: string | undefined
    do {
      const p = await tc.ok(pm, 'wish.list', { communityId: c, limit: 3, ...(cursor ? { cursor } : {}) })
      seen.push(...p.items.map((w) => w.id))
      cursor = p.nextCursor ?? undefined
    } while (cursor)
    expect(seen).toEqual([...ids].reverse())
    expect((await tc.ok(pm, 'wish.list', { communityId: c, status: 'claimed' })).items.map((w) => w.id)).toEqual([ids[0]])
    expect((await tc.ok(pm, 'wish.list', { communityId: c, category: '助老' })).items).toHaveLength(3)
    expect((await tc.ok(pm, 'wish.list', { communityId: c, buildingId: T.b2 })).items).toHaveLength(3)
    expect((await tc.ok(pm, 'wish.list', { communityId: c, compoundId: T.compound1 })).items).toHaveLength(7)
    expect(codeOf(await tc.call(pm, 'wish.list', { communityId: c, cursor: 'nope' }))).toBe('INVALID_INPUT')
  })

  test('settings are for secretaries; categories for everyone', async () => {
    await setup()
    expect((await tc.ok(res, 'wish.settings', { communityId: c })).categories).toContain('助老')
    expect(codeOf(await tc.call(res, 'wish.setSettings', { communityId: c, categories: ['x'], autoApprove: true, autoCloseDays: 1, overdueDays: 1 }))).toBe(
      'FORBIDDEN',
    )
    expect(codeOf(await tc.call(res, 'wish.stats', { communityId: c }))).toBe('FORBIDDEN')
  })
})

/**
 * Subscribe messages through the real main() and the local WeChat stand-in, which refuses what WeChat
 * refuses (field rules → 47003, no acceptance → 43101): the values the function sends pass the rules of
 * their field types, consent is counted per person and template (org.subscribed), and every refused send is
 * recorded and listed for the community's secretary (org.undelivered).
 */
import { codeOf, openTestCloud, type TestCloud } from '../support/cloud'
import { P, T, seedFixtures } from '../support/fixtures'
import { inChina } from '../../cloudfunctions/api/src/platform/chinaTime'
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
afterAll(async () => {
  await tc.close()
})

async function setup() {
  await seedFixtures(tc.engine)
  tc.resetLimits()
  await tc.ok(sec, 'wish.setSettings', { communityId: c, categories: ['生活帮扶', '其他'], autoApprove: true, autoCloseDays: 7, overdueDays: 7 })
  await tc.ok(sec, 'points.setRule', { communityId: c, kind: 'wish_fulfilled', points: 20, dailyCap: null, monthlyCap: null, active: true })
  const [s] = await tc.ok(sec, 'points.setSponsor', { communityId: c, name: '青山区税务局', warnBelow: 0 })
  await tc.ok(sec, 'points.fundSponsor', { communityId: c, sponsorId: s.id, amount: 10000, note: '经费', requestKey: `fund-msg-${++n}` })
}

/** The consent a tap asks for, reported by the app after 'accept'. */
const accept = (openid: string, ...templates: TemplateName[]) => tc.ok(openid, 'org.subscribed', { templates })
const openWish = (title = '想请人帮忙换个灯泡') =>
  tc.ok(res, 'wish.create', { communityId: c, title, description: '厨房灯坏了，我腿脚不便，够不着。', category: '生活帮扶', buildingId: T.b1 })
const outbox = (template: TemplateName) => tc.engine.find('outbox', { template }, { sort: { at: 1 } })

describe('values WeChat accepts', () => {
  test('心愿确认: the stars are a phrase of Chinese words (5星好评 has digits and was refused with 47003)', async () => {
    await setup()
    const expected = ['不太满意', '一般', '还不错', '很满意', '非常满意']
    for (const stars of [1, 2, 3, 4, 5]) {
      await accept(res, 'wishClaimed', 'wishFulfilled')
      const w = await openWish(`心愿${stars}`)
      await accept(pm, 'wishConfirmed', 'reminder')
      await tc.ok(pm, 'wish.claim', { communityId: c, wishId: w.id })
      await tc.ok(pm, 'wish.fulfil', { communityId: c, wishId: w.id, proof: '已经办好了' })
      await tc.ok(res, 'wish.confirm', { communityId: c, wishId: w.id, stars, thanks: '谢谢' })
    }
    expect((await outbox('wishConfirmed')).map((m) => m.data.phrase2.value)).toEqual(expected)
    expect(await tc.engine.find('message_failures', {})).toEqual([])
  })

  test('心愿认领: the claimer is named as the wall names them (王*英 in a name field was refused with 47003), claimed or dispatched', async () => {
    await setup()
    await accept(res, 'wishClaimed', 'wishFulfilled')
    const a = await openWish('认领的心愿')
    await tc.ok(pm, 'wish.claim', { communityId: c, wishId: a.id })
    await accept(res, 'wishClaimed', 'wishFulfilled')
    const b = await openWish('派单的心愿')
    await accept(pm, 'reminder') // e.g. accepted 社区派单 reminders when registering
    await tc.ok(sec, 'wish.dispatch', { communityId: c, wishId: b.id, memberId: P.member.id })
    const claimed = await outbox('wishClaimed')
    expect(claimed.map((m) => [m.touser, m.data.thing1.value, m.data.thing2.value])).toEqual([
      [res, '认领的心愿', '周*刚'],
      [res, '派单的心愿', '周*刚'],
    ])
    expect((await outbox('reminder')).map((m) => [m.touser, m.data.thing1.value])).toEqual([[pm, '社区派单：派单的心愿']])
    expect(await tc.engine.find('message_failures', {})).toEqual([])
  })

  test('time fields are China time, 24-hour, with the date', async () => {
    await setup()
    await accept(res, 'wishClaimed', 'wishFulfilled')
    const w = await openWish()
    const before = tc.now()
    await tc.ok(pm, 'wish.claim', { communityId: c, wishId: w.id })
    const after = tc.now()
    const [m] = await outbox('wishClaimed')
    const fmt = (d: Date) => inChina(d).format('YYYY年M月D日 HH:mm')
    expect([fmt(before), fmt(after)]).toContain(m.data.time3.value)
  })
})

describe('consent: org.subscribed', () => {
  test('each acceptance adds one per template; each message uses one; none left is 43101, recorded', async () => {
    await setup()
    expect(await accept(res, 'wishClaimed', 'wishFulfilled')).toEqual({ counts: { wishClaimed: 1, wishFulfilled: 1 } })
    expect(await accept(res, 'wishClaimed')).toEqual({ counts: { wishClaimed: 2 } })
    const a = await openWish('一')
    const b = await openWish('二')
    const d = await openWish('三')
    for (const w of [a, b, d]) await tc.ok(pm, 'wish.claim', { communityId: c, wishId: w.id })
    expect((await outbox('wishClaimed')).map((m) => m.data.thing1.value)).toEqual(['一', '二'])
    const [failure] = await tc.engine.find('message_failures', {})
    expect(failure).toMatchObject({
      communityId: c,
      userId: P.resident.id,
      template: 'wishClaimed',
      errcode: 43101,
      reason: expect.stringContaining('没有订阅'),
    })
    expect(failure.at).toBeInstanceOf(Date)
    const [sub] = await tc.engine.find('subscriptions', { _id: `${P.resident.id}_wishClaimed` })
    expect(sub).toMatchObject({ userId: P.resident.id, openid: res, templateId: 'local-tpl-wish-claimed', count: 0 })
  })

  test('at most 3 templates, no repeats, only known ones; a profile is needed', async () => {
    await setup()
    expect(codeOf(await tc.call(res, 'org.subscribed', { templates: ['wishClaimed', 'wishFulfilled', 'wishConfirmed', 'reminder'] }))).toBe('INVALID_INPUT')
    expect(codeOf(await tc.call(res, 'org.subscribed', { templates: ['reminder', 'reminder'] }))).toBe('INVALID_INPUT')
    expect(codeOf(await tc.call(res, 'org.subscribed', { templates: ['nope' as TemplateName] }))).toBe('INVALID_INPUT')
    expect(codeOf(await tc.call(res, 'org.subscribed', { templates: [] }))).toBe('INVALID_INPUT')
    expect(codeOf(await tc.call('o-stranger', 'org.subscribed', { templates: ['reminder'] }))).toBe('UNAUTHENTICATED')
    expect(await tc.engine.count('subscriptions', {})).toBe(0)
  })
})

describe('undelivered messages: org.undelivered', () => {
  test('an activity reminder to someone who never accepted is recorded and listed for the secretary, in Chinese, masked', async () => {
    await setup()
    await tc.ok(sec, 'org.assignRole', { communityId: c, userId: P.neighbour.id, role: 'volunteer' })
    const start = new Date(tc.now().getTime() + 3 * 3600_000)
    const a = await tc.ok(sec, 'activity.upsert', {
      communityId: c,
      title: '楼道清洁日',
      description: '一起打扫楼道',
      place: '幸福里小区 1栋',
      capacity: 10,
      pointsPerHour: 10,
      startAt: start.toISOString(),
      endAt: new Date(start.getTime() + 3600_000).toISOString(),
    })
    await tc.ok(P.neighbour.openid, 'activity.signUp', { communityId: c, activityId: a.id }) // signed up without accepting the reminder
    await tc.raw(null, { Type: 'Timer', TriggerName: 'hourly' })
    expect(await tc.engine.count('outbox', {})).toBe(0)
    const page = await tc.ok(sec, 'org.undelivered', { communityId: c })
    expect(page.nextCursor).toBeNull()
    expect(page.items).toEqual([
      expect.objectContaining({
        recipientName: '李*国',
        template: 'reminder',
        templateTitle: '待办提醒',
        errcode: 43101,
        text: '给李*国的「待办提醒」没有送达：对方没有订阅这类消息，或订阅次数已用完',
        page: `packages/party/pages/activity/index?id=${a.id}&c=${c}`,
      }),
    ])
    expect(JSON.stringify(page)).not.toContain('李建国')
    expect(JSON.stringify(page)).not.toContain(P.neighbour.openid)
  })

  test('newest first, cursor-paged without loss; only the community’s secretary or street admin, only that community', async () => {
    await setup()
    const w = await openWish()
    await tc.ok(pm, 'wish.claim', { communityId: c, wishId: w.id }) // the member never accepted a reminder
    for (let i = 0; i < 23; i++) await tc.ok(sec, 'wish.remind', { communityId: c, wishId: w.id })
    const all = await tc.engine.find('message_failures', { communityId: c })
    expect(all).toHaveLength(24) // 23 reminders + the resident's 心愿认领通知 (never accepted either)
    const seen: string[] = []
    let cursor: string | undefined
    let pages = 0
    do {
      const p = await tc.ok(sec, 'org.undelivered', { communityId: c, limit: 10, ...(cursor ? { cursor } : {}) })
      seen.push(...p.items.map((x) => x.id))
      for (let i = 1; i < p.items.length; i++) expect(p.items[i - 1].at >= p.items[i].at).toBe(true)
      cursor = p.nextCursor ?? undefined
      pages++
    } while (cursor)
    expect(pages).toBe(3)
    expect(new Set(seen).size).toBe(24)
    expect(seen).toEqual([...all].sort((x, y) => y.at.getTime() - x.at.getTime() || (y._id < x._id ? -1 : 1)).map((d) => d._id))

    expect((await tc.ok(P.streetAdmin.openid, 'org.undelivered', { communityId: c, limit: 1 })).items).toHaveLength(1)
    expect((await tc.ok(P.otherSecretary.openid, 'org.undelivered', { communityId: T.c2 })).items).toEqual([])
    for (const who of [P.otherSecretary.openid, res, pm, P.head.openid])
      expect(codeOf(await tc.call(who, 'org.undelivered', { communityId: c }))).toBe('FORBIDDEN')
    expect(codeOf(await tc.call(sec, 'org.undelivered', { communityId: c, cursor: 'not a cursor' }))).toBe('INVALID_INPUT')
  })
})

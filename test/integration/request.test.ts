/**
 * Requests 一键报修 / 求助 through the real main() on the local engine: the whole flow, every illegal move refused
 * with nothing changed, dispatch to the right grid worker / unit / secretary, the clock's colours and reminders
 * with the injected clock at each boundary, reopen, auto-close, 500 unit staff racing to accept one request (one
 * owner), an adopted suggestion paid once, conversion into a wish and a council topic, reassignment (audited),
 * and the running counters equal to a recount of the requests after a mixed run.
 */
import { codeOf, dataSnapshot, openTestCloud, type TestCloud } from '../support/cloud'
import { fixtureDocs, P, T } from '../support/fixtures'
import { PRIVACY_VERSION, type User } from '../../types/org'
import type { Request, RequestCounter, Unit } from '../../types/requests'
import type { TemplateName } from '../../types/templates'
import type { Role } from '../../types/common'
import { chinaMonth } from '../../cloudfunctions/api/src/platform/chinaTime'
import { bucketOf, handlingHours, HOUR_BUCKETS } from '../../cloudfunctions/api/src/modules/request/counters'
import { DEFAULT_LIMITS } from '../../cloudfunctions/api/src/modules/request/rules'

let tc: TestCloud
const c = T.c1
const sec = P.secretary.openid
const res = P.resident.openid
const nb = P.neighbour.openid
const MIN = 60_000
const DAY = 86_400_000

/** People beyond the fixtures: two grid workers, the property company's staff, the street's 城管科 staff. */
const WORKER = { id: 'u-gw', openid: 'o-gw', name: '黄志强' }
const WORKER2 = { id: 'u-gw2', openid: 'o-gw2', name: '林美玲' }
const DEPT_STAFF = { id: 'u-cg', openid: 'o-cg', name: '马国栋' }
const PROPERTY = 'un-prop'
const DEPT = 'un-cg'
const STAFF = 500
const staffOpenid = (i: number) => `o-ps${i}`

function person(id: string, openid: string, name: string, roles: { communityId: string; role: Role; unitId?: string }[], now: Date): User {
  return {
    _id: id,
    openid,
    offline: false,
    nickname: name,
    avatarUrl: null,
    realName: name,
    phone: '13900000000',
    householdId: null,
    communityId: null,
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

function unit(id: string, communityId: string | null, name: string, kind: Unit['kind'], categories: Unit['categories'], now: Date): Unit {
  return {
    _id: id,
    streetId: T.street,
    communityId,
    name,
    kind,
    categories,
    limits: {},
    escalationAcceptMinutes: 120,
    active: true,
    onTime: 0,
    late: 0,
    createdAt: now,
    updatedAt: now,
  }
}

/** The fixtures plus grids with workers (g-1 over compound 1; g-2 takes building 2 out of it), a property company owning repairs, a street department owning environment. */
async function setup(opts: { staff?: number } = {}) {
  const now = new Date('2026-11-01T08:00:00Z')
  const docs = fixtureDocs(now) as Record<string, any[]>
  docs.grids = [
    { _id: 'g-1', communityId: c, name: '第一网格', compoundIds: [T.compound1], workerId: WORKER.id },
    { _id: 'g-2', communityId: c, name: '第二网格', compoundIds: [], buildingIds: [T.b2], workerId: WORKER2.id },
  ]
  docs.users.push(
    person(WORKER.id, WORKER.openid, WORKER.name, [{ communityId: c, role: 'grid_worker' }], now),
    person(WORKER2.id, WORKER2.openid, WORKER2.name, [{ communityId: c, role: 'grid_worker' }], now),
    person(DEPT_STAFF.id, DEPT_STAFF.openid, DEPT_STAFF.name, [{ communityId: T.street, role: 'unit_staff', unitId: DEPT }], now),
    ...Array.from({ length: opts.staff ?? 3 }, (_, i) =>
      person(`u-ps${i}`, staffOpenid(i), `物业${i}号`, [{ communityId: c, role: 'unit_staff', unitId: PROPERTY }], now),
    ),
  )
  docs.units = [unit(PROPERTY, c, '幸福里物业', 'property', ['repair'], now), unit(DEPT, null, '街道城管科', 'street_dept', ['environment'], now)]
  await tc.engine.clearAll()
  for (const [coll, list] of Object.entries(docs)) await tc.engine.insertMany(coll, list)
  tc.resetLimits()
}

beforeAll(async () => {
  tc = await openTestCloud()
})
afterEach(() => tc.resetClock())
afterAll(async () => {
  await tc.close()
})

const report = (openid: string, extra: Partial<Parameters<typeof create>[1]> = {}) => create(openid, extra)
function create(
  openid: string,
  extra: { category?: any; urgency?: any; description?: string; buildingId?: string | null; onBehalfOf?: string; channel?: any; photos?: string[] } = {},
) {
  return tc.ok(openid, 'request.create', { communityId: c, category: 'help', description: '楼道灯坏了，晚上看不见路', ...extra })
}
const get = (openid: string, requestId: string) => tc.ok(openid, 'request.get', { communityId: c, requestId })
const stored = async (id: string) => (await tc.engine.find('requests', { _id: id }))[0] as Request
/** Sends attempted to a person with a template: delivered (outbox) or refused (message_failures). */
async function told(userId: string, openid: string, template: TemplateName): Promise<number> {
  const { TEMPLATES } = await import('../../types/templates')
  return (
    (await tc.engine.count('outbox', { touser: openid, templateId: TEMPLATES[template].id })) +
    (await tc.engine.count('message_failures', { userId, template }))
  )
}

describe('the whole flow', () => {
  test('reported → dispatched to the grid worker → accepted → in progress → resolved → confirmed: closed, rated, counted, everyone told', async () => {
    await setup()
    for (let i = 0; i < 3; i++) await tc.ok(res, 'org.subscribed', { templates: ['requestProgress'] })
    const r = await report(res)
    expect(r).toMatchObject({
      status: 'dispatched',
      holder: '网格员 黄*强',
      place: '幸福里小区 1栋',
      channel: 'online',
      clock: { colour: 'green', stage: 'respond' },
    })
    expect(r.reporter).toEqual({ name: '王秀英', phone: P.resident.phone })
    expect(r.can).toMatchObject({ cancel: true, accept: false, confirm: false })
    expect(r.flow.map((f) => f.event)).toEqual(['report', 'dispatch'])
    expect(await told(WORKER.id, WORKER.openid, 'reminder')).toBe(1) // the new request

    // The worker's queue; the worker sees the reporter's name and phone in full.
    const q = await tc.ok(WORKER.openid, 'request.queue', { communityId: c })
    expect(q.items.map((x) => x.id)).toEqual([r.id])
    const seen = await get(WORKER.openid, r.id)
    expect(seen.reporter).toEqual({ name: '王秀英', phone: P.resident.phone })
    expect(seen.can).toMatchObject({ accept: true, progress: false })

    const accepted = await tc.ok(WORKER.openid, 'request.accept', { communityId: c, requestId: r.id })
    expect(accepted).toMatchObject({ status: 'accepted', clock: { stage: 'resolve', colour: 'green' }, can: { progress: true, resolve: true } })
    await tc.ok(WORKER.openid, 'request.progress', { communityId: c, requestId: r.id, note: '已联系电工，下午来换' })
    const resolved = await tc.ok(WORKER.openid, 'request.resolve', { communityId: c, requestId: r.id, proof: '灯已换好', photos: ['cloud://env/proof.jpg'] })
    expect(resolved).toMatchObject({ status: 'resolved', clock: { colour: 'none' }, proof: { text: '灯已换好', photos: ['cloud://env/proof.jpg'] } })
    // Waiting on the reporter: not in the worker's queue.
    expect((await tc.ok(WORKER.openid, 'request.queue', { communityId: c })).items).toEqual([])

    const closed = await tc.ok(res, 'request.confirm', { communityId: c, requestId: r.id, stars: 5, comment: '很及时' })
    expect(closed).toMatchObject({ status: 'closed', rating: { stars: 5, comment: '很及时' } })
    expect(closed.flow.map((f) => [f.event, f.to])).toEqual([
      ['report', 'reported'],
      ['dispatch', 'dispatched'],
      ['accept', 'accepted'],
      ['progress', 'in_progress'],
      ['resolve', 'resolved'],
      ['confirm', 'closed'],
    ])
    const doc = await stored(r.id)
    expect(doc).toMatchObject({ open: false, dueAt: null, late: false, ownerId: WORKER.id })

    // A neighbour sees nothing of it; the list of the reporter has it.
    expect(codeOf(await tc.call(nb, 'request.get', { communityId: c, requestId: r.id }))).toBe('NOT_FOUND')
    expect((await tc.ok(res, 'request.mine', { communityId: c })).items.map((x) => [x.id, x.status])).toEqual([[r.id, 'closed']])

    const stats = await tc.ok(sec, 'request.stats', { communityId: c, months: 1 })
    expect(stats.months[0]).toMatchObject({ reported: 1, closed: 1, onTime: 1, late: 0, medianHours: 1 })
    expect(stats).toMatchObject({ byCategory: { help: { reported: 1, closed: 1 } }, closureRate: 1, ratingAverage: 5, open: { red: 0, yellow: 0, green: 0 } })
    expect((await tc.engine.find('request_counters', { _id: 'grid_g-1' }))[0]).toMatchObject({ closed: 1, onTime: 1, late: 0 })

    // Told at each step: accepted, progress, resolved (the requestProgress message), delivered with consent.
    const msgs = await tc.engine.find('outbox', { touser: res }, { sort: { at: 1 } })
    expect(msgs.map((m) => m.data.phrase2.value)).toEqual(['已受理', '处理中', '待确认'])
    expect(msgs[0].page).toContain(r.id)
    expect(await told(WORKER.id, WORKER.openid, 'reminder')).toBe(2) // + confirmed
  })
})

describe('dispatch', () => {
  test.each([
    ['a repair to the property company that owns repairs', { category: 'repair' }, `unit_${PROPERTY}`, '幸福里物业'],
    ['environment to the street department', { category: 'environment' }, `unit_${DEPT}`, '街道城管科'],
    ['feedback to the secretary', { category: 'feedback' }, `sec_${c}`, '社区书记'],
    ['safety in building 1 to the worker of its compound’s grid', { category: 'safety', buildingId: T.b1 }, `u_${WORKER.id}`, '网格员 黄*强'],
    ['help in building 2 to the grid that lists the building', { category: 'help', buildingId: T.b2 }, `u_${WORKER2.id}`, '网格员 林*玲'],
    ['help without a building (the reporter’s own: building 1)', { category: 'help' }, `u_${WORKER.id}`, '网格员 黄*强'],
    ['help with no building at all to the secretary', { category: 'help', buildingId: null }, `sec_${c}`, '社区书记'],
  ] as const)('%s', async (_, extra, holderKey, holder) => {
    await setup()
    const r = await report(res, extra as object)
    expect(r.holder).toBe(holder)
    expect((await stored(r.id)).holderKey).toBe(holderKey)
  })

  test('the unit’s staff see it in their unit’s queue; a street department’s staff (grant on the street) too; others not', async () => {
    await setup()
    const repair = await report(res, { category: 'repair', urgency: 'urgent' })
    const env = await report(res, { category: 'environment' })
    expect((await tc.ok(staffOpenid(0), 'request.queue', { communityId: c, unitId: PROPERTY })).items.map((x) => x.id)).toEqual([repair.id])
    expect((await tc.ok(DEPT_STAFF.openid, 'request.queue', { communityId: c, unitId: DEPT })).items.map((x) => x.id)).toEqual([env.id])
    expect(codeOf(await tc.call(DEPT_STAFF.openid, 'request.queue', { communityId: c, unitId: PROPERTY }))).toBe('FORBIDDEN')
    expect(codeOf(await tc.call(res, 'request.queue', { communityId: c }))).toBe('FORBIDDEN')
    expect(codeOf(await tc.call(DEPT_STAFF.openid, 'request.get', { communityId: c, requestId: repair.id }))).toBe('NOT_FOUND')
    expect((await get(DEPT_STAFF.openid, env.id)).can.accept).toBe(true)
    expect((await tc.ok(DEPT_STAFF.openid, 'request.accept', { communityId: c, requestId: env.id })).status).toBe('accepted')
    // The urgent repair's limit: 20 minutes to respond.
    expect((await stored(repair.id)).limit).toEqual({ respondMinutes: 20, resolveMinutes: 240 })
  })

  test('a building head reports for a resident they act for (proxy); staff enter one taken by phone; others refused', async () => {
    await setup()
    expect(codeOf(await tc.call(P.head.openid, 'request.create', { communityId: c, category: 'help', description: '帮忙买药', onBehalfOf: P.elder.id }))).toBe(
      'FORBIDDEN',
    )
    await tc.ok(P.head.openid, 'org.setProxy', { communityId: c, residentId: P.elder.id, enabled: true })
    const proxied = await create(P.head.openid, { onBehalfOf: P.elder.id, description: '帮忙买药' })
    expect(proxied.channel).toBe('proxy')
    expect(await stored(proxied.id)).toMatchObject({ reporterId: P.elder.id, enteredById: P.head.id, buildingId: T.b1 })
    // The building head acts as the reporter: may confirm or cancel.
    expect((await get(P.head.openid, proxied.id)).can.cancel).toBe(true)

    const phoned = await create(sec, { onBehalfOf: P.neighbour.id, channel: 'phone', category: 'repair', description: '水管漏水' })
    expect(phoned.channel).toBe('phone')
    expect((await tc.ok(nb, 'request.mine', { communityId: c })).items.map((x) => x.id)).toEqual([phoned.id])
    expect(
      codeOf(await tc.call(res, 'request.create', { communityId: c, category: 'help', description: '代登记', onBehalfOf: P.neighbour.id, channel: 'phone' })),
    ).toBe('FORBIDDEN')
    expect(codeOf(await tc.call(sec, 'request.create', { communityId: c, category: 'help', description: '没有居民', channel: 'door' }))).toBe('INVALID_INPUT')
  })
})

describe('illegal moves are refused and change nothing', () => {
  test('wrong person or wrong status: FORBIDDEN / CONFLICT / NOT_FOUND, the data unchanged', async () => {
    await setup()
    const r = await report(res)
    const moves: [string, string, any, string][] = [
      ['the reporter accepts', res, ['request.accept', {}], 'FORBIDDEN'],
      ['a neighbour accepts', nb, ['request.accept', {}], 'NOT_FOUND'],
      ['another worker accepts', WORKER2.openid, ['request.accept', {}], 'NOT_FOUND'],
      ['the worker resolves before accepting', WORKER.openid, ['request.resolve', { proof: '好了' }], 'CONFLICT'],
      ['the worker confirms', WORKER.openid, ['request.confirm', { stars: 5 }], 'FORBIDDEN'],
      ['the reporter confirms before it is resolved', res, ['request.confirm', { stars: 5 }], 'CONFLICT'],
      ['the reporter reopens before it is resolved', res, ['request.reopen', { reason: '没修好' }], 'CONFLICT'],
      ['the secretary progresses it', sec, ['request.progress', { note: '进展' }], 'FORBIDDEN'],
      ['the worker cancels', WORKER.openid, ['request.cancel', {}], 'FORBIDDEN'],
      ['a resident reassigns', res, ['request.reassign', { userId: WORKER2.id, reason: '换人' }], 'FORBIDDEN'],
      ['the secretary converts a help request into a topic', sec, ['request.convert', { into: 'topic' }], 'INVALID_INPUT'],
    ]
    for (const [why, who, [action, extra], code] of moves) {
      const before = await dataSnapshot(tc.engine)
      const out = await tc.call(who, action, { communityId: c, requestId: r.id, ...extra })
      expect([why, codeOf(out)]).toEqual([why, code])
      expect(await dataSnapshot(tc.engine)).toBe(before)
    }
    await tc.ok(WORKER.openid, 'request.accept', { communityId: c, requestId: r.id })
    const later: [string, string, any, string][] = [
      ['accepted twice', WORKER.openid, ['request.accept', {}], 'CONFLICT'],
      ['cancelled once accepted', res, ['request.cancel', {}], 'CONFLICT'],
      ['converted into a wish once accepted', sec, ['request.convert', { into: 'wish' }], 'CONFLICT'],
    ]
    for (const [why, who, [action, extra], code] of later) {
      const before = await dataSnapshot(tc.engine)
      const out = await tc.call(who, action, { communityId: c, requestId: r.id, ...extra })
      expect([why, codeOf(out), !out.ok && out.error.code === 'CONFLICT' ? out.error.details?.reason : null]).toEqual([
        why,
        code,
        code === 'CONFLICT' ? 'STATE_CHANGED' : null,
      ])
      expect(await dataSnapshot(tc.engine)).toBe(before)
    }
  })
})

describe('the clock', () => {
  test('green → yellow at the yellow share → red one ms past the deadline; one reminder per colour; late marked; board, queue and stats agree', async () => {
    await setup()
    const t0 = new Date('2026-11-10T01:00:00Z')
    tc.setNow(t0)
    const r = await report(res) // help, normal: 120 minutes to respond, yellow at 70% (84 minutes in)
    const doc = await stored(r.id)
    const due = new Date(doc.dueAt!).getTime()
    const yellowAt = due - 36 * MIN
    expect(new Date(doc.yellowAt!).getTime()).toBe(yellowAt)
    const colour = async () => (await get(sec, r.id)).clock.colour
    const board = async (col: 'green' | 'yellow' | 'red') => (await tc.ok(sec, 'request.board', { communityId: c, colour: col })).items.map((x) => x.id)
    const open = async () => (await tc.ok(sec, 'request.stats', { communityId: c, months: 1 })).open
    const reminders = () => told(WORKER.id, WORKER.openid, 'reminder')
    const tickUntilDone = async (job: string) => {
      for (let i = 0; i < 5; i++) {
        const report = (await tc.tick()) as { ok: true; data: { _timer: { pending: string[] } } }
        if (!report.data._timer.pending.includes(job)) return
      }
      throw new Error(`${job} still pending after 5 ticks`)
    }
    const before = await reminders()

    tc.setNow(yellowAt - 1000)
    expect(await colour()).toBe('green')
    expect(await board('green')).toEqual([r.id])
    expect(await open()).toEqual({ green: 1, yellow: 0, red: 0 })
    await tc.tick()
    expect(await reminders()).toBe(before)

    tc.setNow(yellowAt)
    expect(await colour()).toBe('yellow')
    expect([await board('yellow'), await board('green'), await board('red')]).toEqual([[r.id], [], []])
    expect(await open()).toEqual({ green: 0, yellow: 1, red: 0 })
    // Ticks until the clocks' walk is done: on a loaded machine a tick's budget can run out before every job
    // has had its batch (the timer carries the rest to the next tick, as in production).
    await tickUntilDone('request.clocks')
    expect(await reminders()).toBe(before + 1)
    await tc.tick()
    expect(await reminders()).toBe(before + 1) // once per colour

    tc.setNow(due - 1000)
    expect(await colour()).toBe('yellow')
    await tc.tick()
    expect(await reminders()).toBe(before + 1)

    tc.setNow(due + 1)
    expect(await colour()).toBe('red')
    expect(await board('red')).toEqual([r.id])
    expect(await open()).toEqual({ green: 0, yellow: 0, red: 1 })
    await tickUntilDone('request.clocks')
    expect(await reminders()).toBe(before + 2)
    expect(await told(P.secretary.id, sec, 'reminder')).toBe(1) // the secretary hears of it when it is red
    expect((await stored(r.id)).late).toBe(true)
    await tc.tick()
    expect(await reminders()).toBe(before + 2)
    expect((await stored(r.id)).flow.filter((f) => f.event === 'remind').map((f) => f.note)).toEqual([
      expect.stringContaining('即将超时'),
      expect.stringContaining('已超过时限'),
    ])

    // Accepted late: a fresh resolve clock, green again; late stays and counts at closing.
    const accepted = await tc.ok(WORKER.openid, 'request.accept', { communityId: c, requestId: r.id })
    expect(accepted.clock).toMatchObject({ colour: 'green', stage: 'resolve' })
    expect(accepted.flow.find((f) => f.event === 'accept')?.note).toBe('超过受理时限后受理')
    await tc.ok(WORKER.openid, 'request.resolve', { communityId: c, requestId: r.id, proof: '修好了' })
    await tc.ok(res, 'request.confirm', { communityId: c, requestId: r.id, stars: 3 })
    expect((await tc.ok(sec, 'request.stats', { communityId: c, months: 1 })).months[0]).toMatchObject({ closed: 1, onTime: 0, late: 1 })
  })

  test('the queue and the board run by deadline: overdue first, then by time left', async () => {
    await setup()
    const t0 = new Date('2026-11-10T01:00:00Z')
    tc.setNow(t0)
    const slow = await report(res, { category: 'help' }) // 120 min
    const fast = await report(res, { category: 'help', urgency: 'urgent' }) // 30 min
    tc.setNow(t0.getTime() + 10 * MIN)
    const later = await report(res, { category: 'safety', urgency: 'urgent' }) // 15 min → due t0+25
    tc.setNow(t0.getTime() + 31 * MIN) // fast is overdue
    const q = await tc.ok(WORKER.openid, 'request.queue', { communityId: c })
    expect(q.items.map((x) => [x.id, x.clock.colour])).toEqual([
      [later.id, 'red'], // due t0 + 25 minutes
      [fast.id, 'red'], // due t0 + 30 minutes
      [slow.id, 'green'],
    ])
    const p1 = await tc.ok(WORKER.openid, 'request.queue', { communityId: c, limit: 2 })
    const p2 = await tc.ok(WORKER.openid, 'request.queue', { communityId: c, limit: 2, cursor: p1.nextCursor! })
    expect([...p1.items, ...p2.items].map((x) => x.id)).toEqual([later.id, fast.id, slow.id])
    expect(p2.nextCursor).toBeNull()
    expect((await tc.ok(sec, 'request.board', { communityId: c, category: 'safety' })).items.map((x) => x.id)).toEqual([later.id])
    expect((await tc.ok(sec, 'request.board', { communityId: c, gridId: 'g-1' })).items.map((x) => x.id)).toEqual([later.id, fast.id, slow.id])
    expect(codeOf(await tc.call(res, 'request.board', { communityId: c }))).toBe('FORBIDDEN')
    expect(codeOf(await tc.call(sec, 'request.board', { communityId: c, cursor: 'nonsense' }))).toBe('INVALID_INPUT')
  })
})

describe('reopen and auto-close', () => {
  test('reopened: back to the same holder with a fresh respond clock; then resolved again and closed by the timer after autoCloseDays', async () => {
    await setup()
    const r = await report(res)
    await tc.ok(WORKER.openid, 'request.accept', { communityId: c, requestId: r.id })
    await tc.ok(WORKER.openid, 'request.resolve', { communityId: c, requestId: r.id, proof: '修好了' })
    tc.advance(2 * 3600_000)
    const reopened = await tc.ok(res, 'request.reopen', { communityId: c, requestId: r.id, reason: '晚上又不亮了' })
    expect(reopened).toMatchObject({ status: 'dispatched', reopened: 1, holder: '网格员 黄*强', clock: { stage: 'respond', colour: 'green' } })
    const doc = await stored(r.id)
    expect(doc.holderKey).toBe(`u_${WORKER.id}`)
    expect(new Date(doc.respondBy!).getTime()).toBeGreaterThanOrEqual(tc.now().getTime() + 119 * MIN)
    expect((await tc.ok(WORKER.openid, 'request.queue', { communityId: c })).items.map((x) => x.id)).toEqual([r.id])

    await tc.ok(WORKER.openid, 'request.accept', { communityId: c, requestId: r.id })
    await tc.ok(WORKER.openid, 'request.resolve', { communityId: c, requestId: r.id, proof: '换了整套灯具' })
    const resolvedAt = tc.now().getTime()
    tc.setNow(resolvedAt + 7 * DAY - 3600_000)
    await tc.tick()
    expect((await stored(r.id)).status).toBe('resolved')
    tc.setNow(resolvedAt + 7 * DAY + 60_000)
    const tick = await tc.tick()
    expect(tick.ok && tick.data['request.autoClose']).toMatchObject({ closed: 1 })
    const closed = await stored(r.id)
    expect(closed).toMatchObject({ status: 'closed', open: false, rating: null })
    expect(closed.flow[closed.flow.length - 1]).toMatchObject({ event: 'autoclose', note: '7 天未确认，自动办结' })
    expect(await told(P.resident.id, res, 'requestProgress')).toBeGreaterThanOrEqual(1)
    const month = (await tc.ok(sec, 'request.stats', { communityId: c, months: 1 })).months[0]
    expect(month).toMatchObject({ reported: 1, closed: 1 })
  })

  test('the reporter cancels before anyone accepted', async () => {
    await setup()
    const r = await report(res)
    const cancelled = await tc.ok(res, 'request.cancel', { communityId: c, requestId: r.id, reason: '自己修好了' })
    expect(cancelled).toMatchObject({ status: 'cancelled', clock: { colour: 'none' } })
    expect((await tc.ok(WORKER.openid, 'request.queue', { communityId: c })).items).toEqual([])
  })
})

describe('races', () => {
  test('500 staff of the holding unit accept one request at once: exactly one owner, 499 told it changed', async () => {
    await setup({ staff: STAFF })
    const r = await report(res, { category: 'repair', urgency: 'urgent' })
    const results = await Promise.all(Array.from({ length: STAFF }, (_, i) => tc.call(staffOpenid(i), 'request.accept', { communityId: c, requestId: r.id })))
    const winners = results.flatMap((x, i) => (x.ok ? [i] : []))
    expect(winners).toHaveLength(1)
    expect(results.filter((x) => !x.ok && x.error.code === 'CONFLICT' && x.error.details?.reason === 'STATE_CHANGED')).toHaveLength(STAFF - 1)
    const doc = await stored(r.id)
    expect(doc).toMatchObject({ status: 'accepted', ownerId: `u-ps${winners[0]}` })
    expect(doc.flow.filter((f) => f.event === 'accept')).toHaveLength(1)
    // Only the owner may go on; the others see it but may not progress it.
    expect(codeOf(await tc.call(staffOpenid((winners[0] + 1) % STAFF), 'request.progress', { communityId: c, requestId: r.id, note: '我来' }))).toBe(
      'FORBIDDEN',
    )
    expect((await tc.ok(staffOpenid(winners[0]), 'request.progress', { communityId: c, requestId: r.id, note: '已到现场' })).status).toBe('in_progress')
  }, 120_000)
})

describe('suggestions, reassignment, conversion', () => {
  test('an adopted suggestion pays suggestion_adopted once, however often adopted', async () => {
    await setup()
    await tc.ok(sec, 'points.setRule', { communityId: c, kind: 'suggestion_adopted', points: 10, dailyCap: null, monthlyCap: null, active: true })
    const [s] = await tc.ok(sec, 'points.setSponsor', { communityId: c, name: '社区经费', warnBelow: 0 })
    await tc.ok(sec, 'points.fundSponsor', { communityId: c, sponsorId: s.id, amount: 1000, note: '经费', requestKey: 'fund-request-1' })
    const balance = async () => (await tc.ok(res, 'points.balance', { communityId: c })).balance
    const start = await balance()
    const r = await report(res, { category: 'feedback', description: '建议在小区门口加装自行车棚' })
    expect(r.holder).toBe('社区书记')
    expect((await tc.ok(sec, 'request.queue', { communityId: c })).items.map((x) => x.id)).toEqual([r.id])
    await tc.ok(sec, 'request.accept', { communityId: c, requestId: r.id })
    expect(codeOf(await tc.call(sec, 'request.resolve', { communityId: c, requestId: r.id, proof: '好', adopt: true }))).toBe('OK')
    const first = await get(res, r.id)
    expect(first).toMatchObject({ adopted: true, answer: '好', status: 'resolved' })
    expect(await balance()).toBe(start + 10)
    await tc.ok(res, 'request.reopen', { communityId: c, requestId: r.id, reason: '什么时候建？' })
    await tc.ok(sec, 'request.accept', { communityId: c, requestId: r.id })
    await tc.ok(sec, 'request.resolve', { communityId: c, requestId: r.id, proof: '下月开工', adopt: true })
    expect(await balance()).toBe(start + 10)
    // Adopting a repair is refused.
    const repair = await report(res, { category: 'repair' })
    await tc.ok(staffOpenid(0), 'request.accept', { communityId: c, requestId: repair.id })
    expect(codeOf(await tc.call(staffOpenid(0), 'request.resolve', { communityId: c, requestId: repair.id, proof: '好', adopt: true }))).toBe('INVALID_INPUT')
  })

  test('reassigned by the secretary (audited) to another worker or a unit, with a fresh clock', async () => {
    await setup()
    const r = await report(res)
    expect(codeOf(await tc.call(sec, 'request.reassign', { communityId: c, requestId: r.id, userId: WORKER.id, reason: '同一人' }))).toBe('INVALID_INPUT')
    expect(codeOf(await tc.call(sec, 'request.reassign', { communityId: c, requestId: r.id, userId: P.neighbour.id, reason: '不是网格员' }))).toBe(
      'INVALID_INPUT',
    )
    const moved = await tc.ok(sec, 'request.reassign', { communityId: c, requestId: r.id, userId: WORKER2.id, reason: '黄志强休假' })
    expect(moved).toMatchObject({ status: 'dispatched', holder: '网格员 林*玲' })
    expect((await tc.ok(WORKER.openid, 'request.queue', { communityId: c })).items).toEqual([])
    expect((await tc.ok(WORKER2.openid, 'request.queue', { communityId: c })).items.map((x) => x.id)).toEqual([r.id])
    const audit = await tc.engine.find('audit_log', { action: 'request.reassign' })
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ actorId: P.secretary.id, resource: { type: 'request', id: r.id }, after: { reason: '黄志强休假' } })
    const toUnit = await tc.ok(sec, 'request.reassign', { communityId: c, requestId: r.id, unitId: DEPT, reason: '需要城管处理' })
    expect(toUnit.holder).toBe('街道城管科')
    expect((await stored(r.id)).holderKey).toBe(`unit_${DEPT}`)
  })

  test('converted into a wish (one transaction: the wish open on the wall, the request linked) or a dispute into a council topic after mediation', async () => {
    await setup()
    const r = await report(res, { description: '想找人陪老人去医院复查' })
    const converted = await tc.ok(sec, 'request.convert', { communityId: c, requestId: r.id, into: 'wish', note: '志愿者更合适' })
    expect(converted.status).toBe('converted')
    const [wish] = await tc.engine.find('wishes', { _id: converted.wishId })
    expect(wish).toMatchObject({ status: 'open', wisherId: P.resident.id, buildingId: T.b1, description: '想找人陪老人去医院复查' })
    expect(wish.history[0].note).toContain('由居民诉求转为心愿')
    expect(await tc.engine.count('audit_log', { action: 'request.convert' })).toBe(1)

    const t0 = new Date('2026-11-10T01:00:00Z')
    tc.setNow(t0)
    const d = await report(res, { category: 'dispute', description: '楼上装修噪音扰民，多次沟通无果' })
    await tc.ok(WORKER.openid, 'request.accept', { communityId: c, requestId: d.id })
    tc.setNow(t0.getTime() + 6 * DAY)
    const early = await tc.call(sec, 'request.convert', { communityId: c, requestId: d.id, into: 'topic' })
    expect(codeOf(early)).toBe('CONFLICT')
    tc.setNow(t0.getTime() + 7 * DAY + MIN)
    const raised = await tc.ok(sec, 'request.convert', { communityId: c, requestId: d.id, into: 'topic', note: '双方各执一词' })
    expect(raised).toMatchObject({ status: 'converted', topicId: expect.any(String) })
    const [topic] = await tc.engine.find('topics', { _id: raised.topicId })
    expect(topic).toMatchObject({ authorId: P.resident.id, enteredById: P.secretary.id, title: '楼上装修噪音扰民，多次沟通无果' })
  })
})

describe('settings', () => {
  test('the secretary sets limits (audited); new requests use them; residents read them', async () => {
    await setup()
    const s = await tc.ok(res, 'request.settings', { communityId: c })
    expect(s.limits.help.normal).toEqual({ respondMinutes: 120, resolveMinutes: 2880 })
    const limits = { ...DEFAULT_LIMITS, help: { ...DEFAULT_LIMITS.help, normal: { respondMinutes: 60, resolveMinutes: 600 } } }
    expect(codeOf(await tc.call(res, 'request.setSettings', { communityId: c, limits, mediationDays: 5, yellowShare: 0.8, autoCloseDays: 3 }))).toBe(
      'FORBIDDEN',
    )
    const set = await tc.ok(sec, 'request.setSettings', { communityId: c, limits, mediationDays: 5, yellowShare: 0.8, autoCloseDays: 3 })
    expect(set).toMatchObject({
      mediationDays: 5,
      yellowShare: 0.8,
      limits: { help: { normal: { respondMinutes: 60 } }, repair: { urgent: { respondMinutes: 20 } } },
    })
    expect(await tc.engine.count('audit_log', { action: 'request.setSettings' })).toBe(1)
    const r = await report(res)
    const doc = await stored(r.id)
    expect(doc.limit).toEqual({ respondMinutes: 60, resolveMinutes: 600 })
    expect(new Date(doc.dueAt!).getTime() - new Date(doc.yellowAt!).getTime()).toBe(12 * MIN) // 20% of 60 minutes
    const bad = { ...DEFAULT_LIMITS, help: { ...DEFAULT_LIMITS.help, normal: { respondMinutes: 600, resolveMinutes: 60 } } }
    expect(codeOf(await tc.call(sec, 'request.setSettings', { communityId: c, limits: bad, mediationDays: 5, yellowShare: 0.8, autoCloseDays: 3 }))).toBe(
      'INVALID_INPUT',
    )
  })
})

describe('counters', () => {
  test('after a mixed run across a month boundary, the counters equal a recount of the requests', async () => {
    await setup()
    const start = new Date('2026-11-29T02:00:00Z')
    tc.setNow(start)
    const cats = ['repair', 'help', 'environment', 'feedback', 'safety', 'dispute'] as const
    const ids: string[] = []
    for (let i = 0; i < 18; i++)
      ids.push((await report(res, { category: cats[i % cats.length], urgency: i % 4 === 0 ? 'urgent' : 'normal', description: `第${i}件事` })).id)
    const holderOf = async (id: string) => {
      const d = await stored(id)
      if (d.assignee?.kind === 'worker') return d.assignee.userId === WORKER.id ? WORKER.openid : WORKER2.openid
      if (d.assignee?.kind === 'unit') return d.assignee.unitId === PROPERTY ? staffOpenid(0) : DEPT_STAFF.openid
      return sec
    }
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]
      if (i % 6 === 5) {
        await tc.ok(res, 'request.cancel', { communityId: c, requestId: id })
        continue
      }
      tc.advance(i % 3 === 0 ? 3 * 3600_000 : 5 * MIN) // some respond late
      const h = await holderOf(id)
      await tc.ok(h, 'request.accept', { communityId: c, requestId: id })
      if (i % 5 === 4) continue // left open
      await tc.ok(h, 'request.resolve', { communityId: c, requestId: id, proof: '办好了' })
      if (i % 4 === 1) continue // waits for the reporter (auto-closed below)
      await tc.ok(res, 'request.confirm', { communityId: c, requestId: id, stars: 1 + (i % 5) })
    }
    tc.setNow(start.getTime() + 9 * DAY) // into December (China time), past autoCloseDays
    for (let k = 0; k < 3; k++) await tc.tick()
    await report(res, { category: 'help', description: '十二月的一件事' })

    // The recount, from the requests themselves.
    const all = (await tc.engine.find('requests', { communityId: c })) as Request[]
    const want = new Map<string, RequestCounter>()
    const counter = (month: string, category: Request['category']) => {
      const id = `${c}_${month}_${category}`
      if (!want.has(id))
        want.set(id, {
          _id: id,
          communityId: c,
          month,
          category,
          reported: 0,
          closed: 0,
          onTime: 0,
          late: 0,
          hoursSum: 0,
          hoursBuckets: HOUR_BUCKETS.map(() => 0),
          ratingSum: 0,
          ratings: 0,
        })
      return want.get(id)!
    }
    const units = new Map<string, { onTime: number; late: number }>()
    const grids = new Map<string, { closed: number; onTime: number; late: number }>()
    for (const r of all) {
      counter(chinaMonth(new Date(r.createdAt)), r.category).reported++
      if (r.status !== 'closed') continue
      const k = counter(chinaMonth(new Date(r.closedAt!)), r.category)
      k.closed++
      k[r.late ? 'late' : 'onTime']++
      const h = handlingHours(r)
      k.hoursSum += h
      k.hoursBuckets[bucketOf(h)]++
      if (r.rating) {
        k.ratingSum += r.rating.stars
        k.ratings++
      }
      if (r.assignee?.kind === 'unit') {
        const u = units.get(r.assignee.unitId) ?? { onTime: 0, late: 0 }
        u[r.late ? 'late' : 'onTime']++
        units.set(r.assignee.unitId, u)
      }
      if (r.assignee?.kind === 'worker' && r.assignee.gridId) {
        const g = grids.get(r.assignee.gridId) ?? { closed: 0, onTime: 0, late: 0 }
        g.closed++
        g[r.late ? 'late' : 'onTime']++
        grids.set(r.assignee.gridId, g)
      }
    }
    expect(all.filter((r) => r.status === 'closed').length).toBeGreaterThanOrEqual(8)
    expect(all.some((r) => r.late) && all.some((r) => r.status === 'closed' && !r.late)).toBe(true)
    expect(all.some((r) => r.flow.some((f) => f.event === 'autoclose'))).toBe(true)
    const got = (await tc.engine.find('request_counters', { month: { $ne: '*' } }, { sort: { _id: 1 } })) as RequestCounter[]
    const round = (k: RequestCounter) => ({ ...k, hoursSum: Math.round(k.hoursSum * 1000) / 1000 })
    expect(got.map(round)).toEqual([...want.values()].sort((a, b) => (a._id < b._id ? -1 : 1)).map(round))
    for (const [id, u] of units) expect((await tc.engine.find('units', { _id: id }))[0]).toMatchObject(u)
    for (const [id, g] of grids) expect((await tc.engine.find('request_counters', { _id: `grid_${id}` }))[0]).toMatchObject(g)
    expect(await tc.engine.count('request_counters', { month: '*' })).toBe(grids.size)

    // request.stats reads them: months and categories add up to the recount.
    const stats = await tc.ok(sec, 'request.stats', { communityId: c, months: 2 })
    const sum = (f: 'reported' | 'closed') => [...want.values()].reduce((s, k) => s + k[f], 0)
    expect(stats.months.reduce((s, m) => s + m.reported, 0)).toBe(sum('reported'))
    expect(stats.months.reduce((s, m) => s + m.closed, 0)).toBe(sum('closed'))
    const openNow = all.filter((r) => r.open && r.dueAt).length
    expect(stats.open.red + stats.open.yellow + stats.open.green).toBe(openNow)
  })
})

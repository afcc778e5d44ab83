/**
 * Scale cases of the request area (see bench/scale.ts): request.mine / queue / board (first and deep pages, the
 * closed list) / stats / lateUnits and unit.list, as community 1's requests grow (made over the last year; the
 * open backlog stays ≤ 500, as a community's does whatever its history). The running counters (request_counters
 * per month × category, grid counters) of the requests put straight into the engine are made by the
 * 'request.counters' recount, as production repairs them; request.stats and lateUnits are checked against the
 * requests inserted.
 */
import { chinaMonth } from '../cloudfunctions/api/src/platform/chinaTime'
import { P, T } from '../test/support/fixtures'
import { runRecount } from '../test/support/recount'
import type { ScaleCase, ScaleCtx } from './scale'

const MIN = 60_000
const CATS = ['repair', 'safety', 'environment', 'dispute', 'help', 'feedback'] as const
/** The world's "now" (the function runs on the system clock): requests were made over the year before it. */
const NOW = Date.now()
const SPAN = 330 * 24 * 60 * MIN
const OPEN_EVERY = 20
/** The backlog does not grow with the history: one in 20 of the first 10,000 requests is still open (≤ 500). */
const OPEN_UNTIL = 10_000
const openCount = (n: number) => Math.ceil(Math.min(n, OPEN_UNTIL) / OPEN_EVERY)
const GRID_WORKER = { id: 'u-gw', openid: 'o-gw' }
const UNIT_STAFF = { id: 'u-us', openid: 'o-us' }
const UNIT = 'unit-prop'

/** Request i of n's world: made at a fixed place in the year (so sizes interleave), open one in 20. */
function requestDoc(i: number) {
  // spread over the year by a permutation of i, so every size covers every month
  const createdAt = new Date(NOW - SPAN + ((i * 7919) % 50_000) * (SPAN / 50_000) + (i % 1000))
  const open = i % OPEN_EVERY === 0 && i < OPEN_UNTIL
  const category = CATS[i % CATS.length]
  const grid = i % 3 ? 'g-a' : 'g-b'
  const worker = grid === 'g-a' ? GRID_WORKER.id : P.head.id
  const toUnit = open && i % 60 === 0
  const dueAt = open ? new Date(NOW - 2 * 1440 * MIN + ((i * 7919) % (4 * 1440)) * MIN) : null
  const closedAt = open ? null : new Date(Math.min(createdAt.getTime() + (1 + (i % 100)) * 3600_000, NOW - MIN))
  return {
    _id: 'r' + createdAt.getTime().toString(36).padStart(9, '0') + i.toString(16).padStart(12, '0'),
    communityId: T.c1,
    streetId: T.street,
    category,
    urgency: i % 5 ? 'normal' : 'urgent',
    description: '楼道灯坏了',
    photos: [],
    hiddenPhotos: [],
    buildingId: grid === 'g-a' ? T.b1 : T.b2,
    gridId: grid,
    location: null,
    reporterId: i % 2 ? P.resident.id : P.neighbour.id,
    enteredById: P.resident.id,
    channel: 'online',
    status: open ? 'dispatched' : 'closed',
    assignee: toUnit ? { kind: 'unit', unitId: UNIT } : { kind: 'worker', userId: worker, gridId: grid },
    holderKey: toUnit ? `unit_${UNIT}` : `u_${worker}`,
    open,
    dueAt,
    yellowAt: dueAt ? new Date(dueAt.getTime() - 36 * MIN) : null,
    nextCheckAt: null,
    warned: null,
    ownerId: null,
    respondBy: dueAt,
    resolveBy: null,
    limit: { respondMinutes: 120, resolveMinutes: 2880 },
    escalation: null,
    reopened: 0,
    proof: null,
    rating: open || i % 4 === 0 ? null : { stars: 1 + (i % 5), comment: '', at: closedAt! },
    answer: null,
    adopted: false,
    wishId: null,
    topicId: null,
    flow: [],
    createdAt,
    acceptedAt: null,
    resolvedAt: closedAt,
    closedAt,
    late: i % 7 === 0,
    updatedAt: closedAt ?? createdAt,
  }
}

async function setup(ctx: ScaleCtx) {
  const now = new Date()
  const person = (id: string, openid: string, roles: object[]) => ({
    _id: id,
    openid,
    offline: false,
    nickname: '工作人员',
    avatarUrl: null,
    realName: '刘建华',
    phone: null,
    householdId: null,
    communityId: T.c1,
    buildingId: null,
    householdStatus: null,
    roles,
    proxies: [],
    privacy: null,
    elderMode: null,
    birthYear: null,
    createdAt: now,
    updatedAt: now,
  })
  await ctx.engine.insertMany('users', [
    person(GRID_WORKER.id, GRID_WORKER.openid, [{ communityId: T.c1, role: 'grid_worker' }]),
    person(UNIT_STAFF.id, UNIT_STAFF.openid, [{ communityId: T.c1, role: 'unit_staff', unitId: UNIT }]),
  ])
  await ctx.engine.insertMany('grids', [
    { _id: 'g-a', communityId: T.c1, name: '第一网格', compoundIds: [T.compound1], workerId: GRID_WORKER.id },
    { _id: 'g-b', communityId: T.c1, name: '第二网格', compoundIds: [], buildingIds: [T.b2], workerId: P.head.id },
  ])
  await ctx.engine.insertMany('units', [
    {
      _id: UNIT,
      streetId: T.street,
      communityId: T.c1,
      name: '幸福里物业',
      kind: 'property',
      categories: ['repair'],
      limits: {},
      escalationAcceptMinutes: 120,
      active: true,
      onTime: 0,
      late: 0,
      createdAt: now,
      updatedAt: now,
    },
  ])
  ctx.state.cursor = null
}

const grow: ScaleCase['grow'] = async (ctx, from, to) => {
  await ctx.engine.insertMany(
    'requests',
    Array.from({ length: to - from }, (_, k) => requestDoc(from + k)),
  )
}

/** Requests, then their counters made right by the recount (they went straight into the engine). */
const growCounted: ScaleCase['grow'] = async (ctx, from, to) => {
  await grow(ctx, from, to)
  await runRecount('request.counters', { fix: true })
}

const sec = P.secretary.openid!

function deepCheck(openid: string, action: string, data: object, total: (n: number) => number) {
  return async (_answer: any, n: number, ctx: ScaleCtx) => {
    const limit = total(n) < 2000 ? 10 : 50
    const first = await ctx.ok(openid, action, { ...data, limit })
    let cursor = first.nextCursor
    let seen = first.items.length
    while (cursor && seen < total(n) / 2) {
      const next = await ctx.ok(openid, action, { ...data, limit, cursor })
      cursor = next.nextCursor
      seen += next.items.length
    }
    if (!cursor) throw new Error(`${action}: no page half-way (${seen} seen)`)
    ctx.state.cursor = cursor
  }
}

const full = (what: string) => (answer: any) => {
  if (!Array.isArray(answer.items) || answer.items.length !== 20) throw new Error(`${what} answered ${answer.items?.length} items`)
}
const withCursor = (ctx: ScaleCtx, data: object) => ({ ...data, limit: 20, ...(ctx.state.cursor ? { cursor: ctx.state.cursor } : {}) })

export const REQUEST_SCALE: ScaleCase[] = [
  {
    name: 'request.mine',
    setup,
    grow,
    call: () => ({ openid: P.resident.openid!, action: 'request.mine', data: { communityId: T.c1, limit: 20 } }),
    check: full('request.mine'),
  },
  {
    name: 'request.mine#deep',
    setup,
    grow,
    call: (ctx) => ({ openid: P.resident.openid!, action: 'request.mine', data: withCursor(ctx, { communityId: T.c1 }) }),
    check: deepCheck(P.resident.openid!, 'request.mine', { communityId: T.c1 }, (n) => n / 2),
  },
  {
    name: 'request.queue',
    setup,
    grow,
    call: () => ({ openid: GRID_WORKER.openid, action: 'request.queue', data: { communityId: T.c1, limit: 20 } }),
    check: full('request.queue'),
  },
  {
    name: 'request.queue#deep',
    setup,
    grow,
    call: (ctx) => ({ openid: GRID_WORKER.openid, action: 'request.queue', data: withCursor(ctx, { communityId: T.c1 }) }),
    // a grid worker holds two in three open requests of its grid (g-a), less those sent to the unit
    check: deepCheck(GRID_WORKER.openid, 'request.queue', { communityId: T.c1 }, (n) => openCount(n) / 2),
  },
  {
    name: 'request.board',
    setup,
    grow,
    call: () => ({ openid: sec, action: 'request.board', data: { communityId: T.c1, limit: 20 } }),
    check: full('request.board'),
  },
  {
    name: 'request.board#deep',
    setup,
    grow,
    call: (ctx) => ({ openid: sec, action: 'request.board', data: withCursor(ctx, { communityId: T.c1 }) }),
    check: deepCheck(sec, 'request.board', { communityId: T.c1 }, (n) => openCount(n)),
  },
  {
    name: 'request.board#closed-deep',
    setup,
    grow,
    call: (ctx) => ({ openid: sec, action: 'request.board', data: withCursor(ctx, { communityId: T.c1, status: 'closed' }) }),
    check: deepCheck(sec, 'request.board', { communityId: T.c1, status: 'closed' }, (n) => n - openCount(n)),
  },
  {
    name: 'request.stats',
    setup,
    grow: growCounted,
    call: () => ({ openid: sec, action: 'request.stats', data: { communityId: T.c1, months: 12 } }),
    check(answer, n) {
      // reported and closed per China month, from the requests inserted (all within the last 12 months)
      const want = new Map<string, { reported: number; closed: number; late: number }>()
      let red = 0
      for (let i = 0; i < n; i++) {
        const r = requestDoc(i)
        const m = (k: string) => want.get(k) ?? (want.set(k, { reported: 0, closed: 0, late: 0 }), want.get(k)!)
        m(chinaMonth(r.createdAt)).reported++
        if (r.closedAt) {
          m(chinaMonth(r.closedAt)).closed++
          if (r.late) m(chinaMonth(r.closedAt)).late++
        }
        if (r.open && r.dueAt!.getTime() < Date.now()) red++
      }
      for (const month of answer.months) {
        const w = want.get(month.month) ?? { reported: 0, closed: 0, late: 0 }
        if (month.reported !== w.reported || month.closed !== w.closed || month.late !== w.late)
          throw new Error(`request.stats ${month.month}: ${JSON.stringify(month)}, want ${JSON.stringify(w)}`)
      }
      const total = answer.months.reduce((s: number, m: any) => s + m.reported, 0)
      if (total !== n) throw new Error(`request.stats reported ${total}, want ${n}`)
      // red is counted against the clock of the call, a moment after this check's: allow the turn of a minute
      if (Math.abs(answer.open.red - red) > 2) throw new Error(`request.stats red ${answer.open.red}, want ${red}`)
    },
  },
  {
    name: 'request.lateUnits',
    setup,
    grow: growCounted,
    call: () => ({ openid: P.streetAdmin.openid!, action: 'request.lateUnits', data: { streetId: T.street } }),
    check(answer, n) {
      const g1 = answer.find((r: any) => r.id === 'g-a')
      let closed = 0
      for (let i = 0; i < n; i++) if (!requestDoc(i).open && i % 3) closed++
      if (!g1 || g1.closed !== closed) throw new Error(`request.lateUnits g-a closed ${g1?.closed}, want ${closed}`)
    },
  },
  {
    name: 'unit.list',
    setup,
    grow,
    call: () => ({ openid: sec, action: 'unit.list', data: { communityId: T.c1 } }),
    check(answer) {
      if (!answer.some((u: any) => u.id === UNIT)) throw new Error('unit.list lost the property company')
    },
  },
]

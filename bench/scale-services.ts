/**
 * Scale cases of the service area (see bench/scale.ts): service.list / stats / slots, booking.mine (first and
 * deep) / roster (first and deep), errand.list (first and deep) and venue.list, as one service's bookings and
 * the community's errands grow. The service's counters for the bookings put straight into the engine are made
 * by the 'service.counters' recount, as production repairs them; service.stats is checked against them.
 */
import { addDays } from '../cloudfunctions/api/src/platform/chinaTime'
import { P, T } from '../test/support/fixtures'
import { runRecount } from '../test/support/recount'
import type { ScaleCase, ScaleCtx } from './scale'

const START = Date.UTC(2025, 0, 1)
const MIN = 60_000
const DAY0 = '2025-03-01'
/** Bookings are spread over ten days (a busy service: thousands a day at 50k). */
const DAYS = 10
const STATUSES = ['booked', 'attended', 'attended', 'cancelled', 'no_show'] as const
const sec = P.secretary.openid!
const provider = P.member

function bookingDoc(i: number, serviceId: string) {
  const at = new Date(START + i * MIN)
  const day = addDays(DAY0, i % DAYS)
  const status = STATUSES[i % STATUSES.length]
  const userId = i % 2 ? P.resident.id : `u-bk-${i}`
  const slotId = `${serviceId}_${day}_0900`
  return {
    _id: 'b' + at.getTime().toString(36).padStart(9, '0') + i.toString(36).padStart(8, '0'),
    serviceId,
    communityId: T.c1,
    slotId,
    day,
    start: '09:00',
    end: '11:00',
    userId,
    bookedById: userId,
    channel: 'online',
    status,
    code: String(10_000_000 + i),
    child: null,
    address: null,
    note: null,
    paid: null,
    rating: status === 'attended' && i % 3 === 0 ? { stars: 1 + (i % 5), comment: '', at } : null,
    remindedAt: null,
    liveKey: status === 'cancelled' ? `x_b${i}` : `${slotId}_${userId}_${i}`,
    createdAt: at,
    updatedAt: at,
  }
}

function errandDoc(i: number) {
  const at = new Date(START + i * MIN)
  const status = i % 4 === 0 ? 'submitted' : i % 4 === 1 ? 'accepted' : 'done'
  return {
    _id: 'e' + at.getTime().toString(36).padStart(9, '0') + i.toString(16).padStart(12, '0'),
    communityId: T.c1,
    serviceId: null,
    residentId: i % 2 ? P.resident.id : P.neighbour.id,
    enteredById: P.resident.id,
    title: '代办老年证',
    description: '腿脚不便，请社区代办',
    documents: ['身份证'],
    status,
    ownerId: status === 'submitted' ? null : P.secretary.id,
    handovers: [],
    bookingId: null,
    requestId: null,
    flow: [],
    createdAt: at,
    updatedAt: at,
  }
}

/** The menu: a weekly reception (its bookings grow) and a venue. */
async function setup(ctx: ScaleCtx) {
  const s = await ctx.ok(sec, 'service.upsert', {
    communityId: T.c1,
    name: '书记接待日',
    category: 'reception',
    description: '书记面对面听取居民意见',
    provider: { kind: 'staff', userIds: [provider.id] },
    place: '党群服务中心',
    delivery: 'slots',
    schedule: { weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '11:00', capacity: 20 })), dated: [], closures: [] },
    cutoffHours: 2,
  })
  ctx.state.serviceId = s.id
  ctx.state.cursor = null
}

const growBookings: ScaleCase['grow'] = async (ctx, from, to) => {
  await ctx.engine.insertMany(
    'bookings',
    Array.from({ length: to - from }, (_, k) => bookingDoc(from + k, ctx.state.serviceId)),
  )
}

/** Bookings, then the service's counters made right by the recount (they went straight into the engine). */
const growCounted: ScaleCase['grow'] = async (ctx, from, to) => {
  await growBookings(ctx, from, to)
  await runRecount('service.counters', { fix: true })
}

const growErrands: ScaleCase['grow'] = async (ctx, from, to) => {
  await ctx.engine.insertMany(
    'errands',
    Array.from({ length: to - from }, (_, k) => errandDoc(from + k)),
  )
}

function deepCheck(openid: string, action: string, data: (ctx: ScaleCtx) => object, total: (n: number) => number) {
  return async (_answer: any, n: number, ctx: ScaleCtx) => {
    const first = await ctx.ok(openid, action, { ...data(ctx), limit: 50 })
    let cursor = first.nextCursor
    let seen = first.items.length
    while (cursor && seen < total(n) / 2) {
      const next = await ctx.ok(openid, action, { ...data(ctx), limit: 50, cursor })
      cursor = next.nextCursor
      seen += next.items.length
    }
    if (!cursor) throw new Error(`${action}: no page half-way (${seen} seen)`)
    ctx.state.cursor = cursor
  }
}

const full =
  (what: string, size = 20) =>
  (answer: any) => {
    if (!Array.isArray(answer.items) || answer.items.length !== size) throw new Error(`${what} answered ${answer.items?.length} items`)
  }
const withCursor = (ctx: ScaleCtx, data: object, limit = 20) => ({ ...data, limit, ...(ctx.state.cursor ? { cursor: ctx.state.cursor } : {}) })

export const SERVICE_SCALE: ScaleCase[] = [
  {
    name: 'service.list',
    setup,
    grow: growBookings,
    call: () => ({ openid: P.resident.openid!, action: 'service.list', data: { communityId: T.c1 } }),
    check(answer) {
      if (answer.items.length !== 1) throw new Error(`service.list answered ${answer.items.length}`)
    },
  },
  {
    name: 'service.stats',
    setup,
    grow: growCounted,
    call: () => ({ openid: sec, action: 'service.stats', data: { communityId: T.c1 } }),
    check(answer, n) {
      const [s] = answer.services
      const want = { bookings: n, attended: 0, cancelled: 0, noShows: 0 }
      for (let i = 0; i < n; i++) {
        const st = STATUSES[i % STATUSES.length]
        if (st === 'attended') want.attended++
        if (st === 'cancelled') want.cancelled++
        if (st === 'no_show') want.noShows++
      }
      const got = { bookings: s.bookings, attended: s.attended, cancelled: s.cancelled, noShows: s.noShows }
      if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`service.stats ${JSON.stringify(got)}, want ${JSON.stringify(want)}`)
    },
  },
  {
    name: 'service.slots',
    setup,
    grow: growBookings,
    call: (ctx) => ({ openid: P.resident.openid!, action: 'service.slots', data: { communityId: T.c1, serviceId: ctx.state.serviceId } }),
    check(answer) {
      if (!Array.isArray(answer) || answer.length < 8) throw new Error(`service.slots answered ${answer?.length}`)
    },
  },
  {
    name: 'booking.mine',
    setup,
    grow: growBookings,
    call: () => ({ openid: P.resident.openid!, action: 'booking.mine', data: { communityId: T.c1, limit: 20 } }),
    check: full('booking.mine'),
  },
  {
    name: 'booking.mine#deep',
    setup,
    grow: growBookings,
    call: (ctx) => ({ openid: P.resident.openid!, action: 'booking.mine', data: withCursor(ctx, { communityId: T.c1 }) }),
    check: deepCheck(
      P.resident.openid!,
      'booking.mine',
      () => ({ communityId: T.c1 }),
      (n) => n / 2,
    ),
  },
  {
    name: 'booking.roster',
    setup,
    grow: growBookings,
    call: (ctx) => ({ openid: provider.openid!, action: 'booking.roster', data: { communityId: T.c1, serviceId: ctx.state.serviceId, day: DAY0, limit: 50 } }),
    check: full('booking.roster', 50),
  },
  {
    name: 'booking.roster#deep',
    setup,
    grow: growBookings,
    call: (ctx) => ({
      openid: provider.openid!,
      action: 'booking.roster',
      data: withCursor(ctx, { communityId: T.c1, serviceId: ctx.state.serviceId, day: DAY0 }, 50),
    }),
    check: deepCheck(
      provider.openid!,
      'booking.roster',
      (ctx) => ({ communityId: T.c1, serviceId: ctx.state.serviceId, day: DAY0 }),
      (n) => n / DAYS,
    ),
  },
  {
    name: 'errand.list',
    setup,
    grow: growErrands,
    call: () => ({ openid: sec, action: 'errand.list', data: { communityId: T.c1, view: 'all', limit: 20 } }),
    check: full('errand.list'),
  },
  {
    name: 'errand.list#deep',
    setup,
    grow: growErrands,
    call: (ctx) => ({ openid: sec, action: 'errand.list', data: withCursor(ctx, { communityId: T.c1, view: 'all' }) }),
    check: deepCheck(
      sec,
      'errand.list',
      () => ({ communityId: T.c1, view: 'all' }),
      (n) => n,
    ),
  },
  {
    name: 'errand.list#open-deep',
    setup,
    grow: growErrands,
    call: (ctx) => ({ openid: sec, action: 'errand.list', data: withCursor(ctx, { communityId: T.c1, view: 'open' }) }),
    check: deepCheck(
      sec,
      'errand.list',
      () => ({ communityId: T.c1, view: 'open' }),
      (n) => n / 4,
    ),
  },
  {
    name: 'venue.list',
    setup,
    grow: growBookings,
    call: () => ({ openid: P.resident.openid!, action: 'venue.list', data: { communityId: T.c1 } }),
    check(answer) {
      if (!Array.isArray(answer)) throw new Error('venue.list answered no list')
    },
  },
]

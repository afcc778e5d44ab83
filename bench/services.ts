/**
 * 服务预约 through main(), open loop at 500 arrivals per second (a request starts every 2 ms whether or not
 * the earlier ones have answered), 1,000 residents each:
 * - service.slots: everyone opens the same service's 14 days of slots (the schedule expanded, the slot
 *   documents of the range, the caller's own bookings by liveKey);
 * - booking.create, a rush: everyone taps the same slot of 20 places (20 book, the rest are told it is full);
 * - booking.create, spread: everyone books one of 20 slots of 60 places on the same service (every booking
 *   succeeds; the service's counters are written in each booking's transaction).
 */
import { Engine, loadDatabaseManifest } from '../local/engine'
import { installLocalCloud, runAsCaller } from '../local/cloud'
import { addDays, chinaDay } from '../cloudfunctions/api/src/platform/chinaTime'
import { fixtureDocs, P, T } from '../test/support/fixtures'
import type { Row, Section } from './run'

type Main = (event: unknown) => Promise<{ ok: boolean; data?: any; error?: any }>
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)))
const RATE = 500
const N = 1000

async function world() {
  const engine = await Engine.open({ dataDir: null, manifest: loadDatabaseManifest() })
  installLocalCloud(engine)
  for (const [c, docs] of Object.entries(fixtureDocs())) await engine.insertMany(c, docs)
  const { main } = require('../cloudfunctions/api/src/index') as { main: Main }
  const ok = async (openid: string, action: string, data: object) => {
    const res = await runAsCaller({ OPENID: openid }, () => main({ action, data }))
    if (!res.ok) throw new Error(`${action}: ${JSON.stringify(res.error)}`)
    return res.data
  }
  const now = new Date()
  const people = Array.from({ length: N }, (_, i) => ({ id: `u-bk-${i}`, openid: `o-bk-${i}` }))
  await engine.insertMany(
    'users',
    people.map((p) => ({
      _id: p.id,
      openid: p.openid,
      offline: false,
      nickname: '居民',
      avatarUrl: null,
      realName: null,
      phone: null,
      householdId: T.h1,
      communityId: T.c1,
      buildingId: T.b1,
      householdStatus: 'verified',
      roles: [{ communityId: T.c1, role: 'resident' }],
      proxies: [],
      privacy: null,
      elderMode: null,
      birthYear: null,
      createdAt: now,
      updatedAt: now,
    })),
  )
  // Slots on the day after tomorrow (China): open for booking whatever the hour the bench runs.
  const day = addDays(chinaDay(now), 2)
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
  const service = await ok(P.secretary.openid!, 'service.upsert', {
    communityId: T.c1,
    name: '健康义诊',
    category: 'elderly',
    description: '社区医院医生坐诊',
    provider: { kind: 'staff', userIds: [P.member.id] },
    place: '党群服务中心',
    delivery: 'slots',
    schedule: {
      weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '07:00', end: '07:20', capacity: 20 })),
      dated: Array.from({ length: 20 }, (_, i) => ({ day, start: hhmm(8 * 60 + i * 20), end: hhmm(8 * 60 + i * 20 + 20), capacity: 60 })),
      closures: [],
    },
    cutoffHours: 0,
  })
  return { engine, main, ok, people, day, serviceId: service.id as string }
}

/** Fire one request per person at RATE arrivals per second; latencies and outcomes. */
async function arrivals(main: Main, people: { openid: string }[], event: (i: number) => object) {
  const times: number[] = []
  const outcomes = new Map<string, number>()
  const started = process.hrtime.bigint()
  await Promise.all(
    people.map(async (p, i) => {
      await sleep(i * (1000 / RATE) - Number(process.hrtime.bigint() - started) / 1e6)
      const t = process.hrtime.bigint()
      const res = await runAsCaller({ OPENID: p.openid }, () => main(event(i)))
      times.push(Number(process.hrtime.bigint() - t) / 1e6)
      const k = res.ok ? 'ok' : `${res.error.code}${res.error.details?.reason ? ' ' + res.error.details.reason : ''}`
      outcomes.set(k, (outcomes.get(k) ?? 0) + 1)
    }),
  )
  const wall = Number(process.hrtime.bigint() - started) / 1e9
  times.sort((x, y) => x - y)
  return {
    结果: [...outcomes].map(([k, n]) => `${k}×${n}`).join(' '),
    'p50 ms': +percentile(times, 50).toFixed(1),
    'p95 ms': +percentile(times, 95).toFixed(1),
    'p99 ms': +percentile(times, 99).toFixed(1),
    '总耗时 s': +wall.toFixed(2),
  }
}

export const bookingSection: Section = {
  name: 'service.slots / booking.create（每秒 500 人）',
  async run(): Promise<Row[]> {
    const { engine, main, ok, people, day, serviceId } = await world()
    const c = T.c1
    // Warm the function (module loading, JIT) with a few calls of other people first.
    for (const p of [P.resident, P.neighbour]) {
      await ok(p.openid!, 'service.slots', { communityId: c, serviceId })
      await ok(p.openid!, 'booking.create', { communityId: c, serviceId, day, start: '08:00' })
    }
    const rows: Row[] = []
    rows.push({
      操作: 'service.slots（14 天，34 个时段）',
      人数: N,
      '到达/秒': RATE,
      ...(await arrivals(main, people, () => ({ action: 'service.slots', data: { communityId: c, serviceId } }))),
    })
    const rushDay = addDays(day, 1) // its weekly 07:00 slot of 20 places
    const rush = await arrivals(main, people, () => ({ action: 'booking.create', data: { communityId: c, serviceId, day: rushDay, start: '07:00' } }))
    rows.push({ 操作: 'booking.create 抢一个 20 人时段', 人数: N, '到达/秒': RATE, ...rush, 已约: await engine.count('bookings', { serviceId, day: rushDay }) })
    const conflicts = engine.conflicts
    const spread = await arrivals(main, people, (i) => {
      const m = 8 * 60 + (i % 20) * 20
      return {
        action: 'booking.create',
        data: { communityId: c, serviceId, day, start: `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}` },
      }
    })
    rows.push({
      操作: 'booking.create 分散到 20 个 60 人时段',
      人数: N,
      '到达/秒': RATE,
      ...spread,
      已约: await engine.count('bookings', { serviceId, day, status: 'booked' }),
      // transactions refused because another one held a document they wrote (each runs again after a pause)
      事务冲突: engine.conflicts - conflicts,
    })
    const [s] = await engine.find('services', { _id: serviceId })
    rows.push({
      操作: '计数器核对',
      人数: '',
      '到达/秒': '',
      结果: `counters.bookings+分片=${s.counters.bookings + (await engine.find('service_counters', { serviceId })).reduce((n: number, x: any) => n + x.bookings, 0)} 存储=${await engine.count('bookings', { serviceId })}`,
    })
    await engine.close()
    return rows
  },
}

/**
 * Points figures for `npm run bench`:
 * - mall.redeem under concurrency (closed loop: 1, 20, 100 at a time) and open loop at 500 arrivals a second:
 *   p50/p95 latency and throughput through main() on the local engine;
 * - points.statement paging at 200,000 ledger entries: the first page and a deep cursor page
 *   (the target: a deep page no slower than twice the first).
 */
import { Engine, loadDatabaseManifest } from '../local/engine'
import { installLocalCloud, runAsCaller } from '../local/cloud'
import { fixtureDocs, P, T } from '../test/support/fixtures'
import type { Row, Section } from './run'

type Main = (event: unknown) => Promise<{ ok: boolean; data?: any; error?: any }>

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6

async function open() {
  const engine = await Engine.open({ dataDir: null, manifest: loadDatabaseManifest() })
  installLocalCloud(engine)
  for (const [c, docs] of Object.entries(fixtureDocs())) await engine.insertMany(c, docs)

  const { main } = require('../cloudfunctions/api/src/index') as { main: Main }

  const { resetRateLimits } = require('../cloudfunctions/api/src/router') as { resetRateLimits: () => void }
  const call = async (openid: string, action: string, data: object) => {
    const res = await runAsCaller({ OPENID: openid }, () => main({ action, data }))
    return res
  }
  const ok = async (openid: string, action: string, data: object) => {
    const res = await call(openid, action, data)
    if (!res.ok) throw new Error(`${action}: ${JSON.stringify(res.error)}`)
    return res.data
  }
  return { engine, call, ok, resetRateLimits }
}

export const redeemSection: Section = {
  name: 'mall.redeem（main() → SDK → 引擎，200 人并发兑换）',
  async run(): Promise<Row[]> {
    const { engine, call, ok, resetRateLimits } = await open()
    const sec = P.secretary.openid!
    const now = new Date()
    const people = Array.from({ length: 200 }, (_, i) => ({ id: `u-b${i}`, openid: `o-b${i}` }))
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
        roles: [{ communityId: T.c1, role: 'resident' }],
        proxies: [],
        privacy: null,
        elderMode: null,
        birthYear: null,
        createdAt: now,
        updatedAt: now,
      })),
    )
    const [s] = await ok(sec, 'points.setSponsor', { communityId: T.c1, name: '共建单位', warnBelow: 0 })
    await ok(sec, 'points.fundSponsor', { communityId: T.c1, sponsorId: s.id, amount: 1_000_000, note: 'bench', requestKey: 'bench-fund-1' })
    const item = await ok(sec, 'mall.upsertItem', {
      communityId: T.c1,
      name: '大米',
      kind: 'goods',
      description: '',
      photos: [],
      price: 1,
      stockDelta: 100_000,
      perPersonLimit: null,
      pickupPlace: '服务中心',
      pickupHours: '全天',
      pickupDays: 7,
      sponsorId: s.id,
      active: true,
    })
    for (const p of people) {
      resetRateLimits()
      await ok(sec, 'points.grant', { communityId: T.c1, userId: p.id, amount: 1000, reason: 'bench', requestKey: `bench-grant-${p.id}` })
    }
    const rows: Row[] = []
    for (const concurrency of [1, 20, 100]) {
      resetRateLimits()
      const N = concurrency === 1 ? 200 : 1000
      const times: number[] = []
      let n = 0
      let failed = 0
      const started = process.hrtime.bigint()
      await Promise.all(
        Array.from({ length: concurrency }, async (_, w) => {
          while (n < N) {
            const i = n++
            const who = people[(i + w) % people.length]
            const t = process.hrtime.bigint()
            const res = await call(who.openid, 'mall.redeem', { communityId: T.c1, itemId: item.id, quantity: 1, requestKey: `bench-${concurrency}-${i}` })
            if (!res.ok) failed++
            times.push(ms(t))
          }
        }),
      )
      const wall = ms(started) / 1000
      times.sort((a, b) => a - b)
      rows.push({
        并发: concurrency,
        次数: N,
        失败: failed,
        'p50 ms': +percentile(times, 50).toFixed(2),
        'p95 ms': +percentile(times, 95).toFixed(2),
        '次/秒': Math.round(N / wall),
      })
    }
    // Open loop: 500 arrivals a second (one every 2 ms whether or not the earlier ones are done), 1,000 of
    // them by the 200 people, as a rush at the supermarket's opening comes.
    resetRateLimits()
    const RATE = 500
    const N = 1000
    const times: number[] = []
    let failed = 0
    const started = process.hrtime.bigint()
    await Promise.all(
      Array.from({ length: N }, async (_, i) => {
        const due = i * (1000 / RATE) - Number(process.hrtime.bigint() - started) / 1e6
        if (due > 0) await new Promise((r) => setTimeout(r, due))
        const who = people[i % people.length]
        const t = process.hrtime.bigint()
        const res = await call(who.openid, 'mall.redeem', { communityId: T.c1, itemId: item.id, quantity: 1, requestKey: `bench-open-${i}` })
        if (!res.ok) failed++
        times.push(ms(t))
      }),
    )
    const wall = ms(started) / 1000
    times.sort((a, b) => a - b)
    rows.push({
      并发: `${RATE}/秒`,
      次数: N,
      失败: failed,
      'p50 ms': +percentile(times, 50).toFixed(2),
      'p95 ms': +percentile(times, 95).toFixed(2),
      '次/秒': Math.round(N / wall),
    })
    await engine.close()
    return rows
  },
}

export const statementSection: Section = {
  name: 'points.statement 翻页（20 万条流水，其中本人 5 万条）',
  async run(): Promise<Row[]> {
    const { engine, ok } = await open()
    const account = `pa_${T.c1}_${P.resident.id}`
    const start = Date.UTC(2024, 0, 1)
    const docs: object[] = []
    for (let i = 0; i < 200_000; i++) {
      const mine = i % 4 === 0
      const at = new Date(start + i * 60_000)
      docs.push({
        _id: `e${at.getTime().toString(36).padStart(9, '0')}${(i % 0xffffffffffff).toString(16).padStart(12, '0')}0`,
        transferId: `t${i}`,
        accountId: mine ? account : `pa_${T.c1}_u-other-${i % 97}`,
        accountKind: 'person',
        communityId: T.c1,
        amount: (i % 7) + 1,
        kind: 'earn',
        reason: '志愿服务',
        cause: null,
        sponsorId: null,
        at,
      })
    }
    const t0 = process.hrtime.bigint()
    await engine.insertMany('point_entries', docs)
    const loadMs = ms(t0)
    const openid = P.resident.openid!
    const page = (cursor?: string) => ok(openid, 'points.statement', { communityId: T.c1, limit: 20, ...(cursor ? { cursor } : {}) })
    // Walk to a deep cursor (page 2,000 of 2,500) once, then time first and deep pages alike.
    const mineSorted = docs
      .filter((d: any) => d.accountId === account)
      .map((d: any) => d._id as string)
      .sort()
      .reverse()
    const deepCursor = mineSorted[40_000 - 1]
    const time = async (cursor?: string) => {
      const times: number[] = []
      for (let i = 0; i < 200; i++) {
        const t = process.hrtime.bigint()
        const res = await page(cursor)
        times.push(ms(t))
        if (res.items.length !== 20) throw new Error('short page')
      }
      times.sort((a, b) => a - b)
      return times
    }
    await time()
    const first = await time()
    const deep = await time(deepCursor)
    const examined = (engine as unknown as { stats: { examined: number } }).stats.examined
    await engine.close()
    return [
      {
        页: '第 1 页',
        'p50 ms': +percentile(first, 50).toFixed(2),
        'p95 ms': +percentile(first, 95).toFixed(2),
        说明: `载入 20 万条 ${Math.round(loadMs)} ms`,
      },
      {
        页: '第 2001 页（游标）',
        'p50 ms': +percentile(deep, 50).toFixed(2),
        'p95 ms': +percentile(deep, 95).toFixed(2),
        说明: `深页/首页 p50 = ${(percentile(deep, 50) / percentile(first, 50)).toFixed(2)}（目标 ≤ 2），末次查询检查 ${examined} 条`,
      },
    ]
  },
}

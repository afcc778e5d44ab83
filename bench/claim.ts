/**
 * wish.claim under load, through main(): 500 volunteers claiming 500 open wishes of one community, month and
 * category (every claim a transaction on the wish and its wish.stats counter shard) arriving at 500 a second;
 * then 200 at once on one wish (one wins). The counters are checked afterwards (stats and a recount with no drift).
 */
import { Engine, loadDatabaseManifest } from '../local/engine'
import { installLocalCloud, runAsCaller } from '../local/cloud'
import { fixtureDocs, P, T } from '../test/support/fixtures'
import { wishDocs } from './scale-wish'
import type { Row, Section } from './run'

type Main = (event: unknown) => Promise<{ ok: boolean; data?: any; error?: any }>
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export const claimSection: Section = {
  name: 'wish.claim（每秒 500 人认领 500 个心愿；200 人同时抢一个）',
  async run(): Promise<Row[]> {
    const engine = await Engine.open({ dataDir: null, manifest: loadDatabaseManifest() })
    installLocalCloud(engine)
    for (const [c, docs] of Object.entries(fixtureDocs())) await engine.insertMany(c, docs)
    const { main } = require('../cloudfunctions/api/src/index') as { main: Main }
    const { resetRateLimits } = require('../cloudfunctions/api/src/router') as { resetRateLimits: () => void }
    const call = (openid: string, action: string, data: object) => runAsCaller({ OPENID: openid }, () => main({ action, data }))
    const ok = async (openid: string, action: string, data: object) => {
      const res = await call(openid, action, data)
      if (!res.ok) throw new Error(`${action}: ${JSON.stringify(res.error)}`)
      return res.data
    }
    const now = new Date()
    const people = Array.from({ length: 700 }, (_, i) => ({ id: `u-cl-${i}`, openid: `o-cl-${i}` }))
    await engine.insertMany(
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
        communityId: T.c1,
        roles: [{ communityId: T.c1, role: 'volunteer' }],
        proxies: [],
        privacy: null,
        elderMode: null,
        birthYear: null,
        createdAt: now,
        updatedAt: now,
      })),
    )
    // 501 open wishes of one month and category; counters made right by the repair, as in production
    const wishes = wishDocs(0, 4000)
      .filter((w: any) => w.status === 'open' && w.category === '生活帮扶')
      .slice(0, 501) as { _id: string }[]
    await engine.insertMany('wishes', wishes)
    const recount = async () => {
      let v = await ok(P.streetAdmin.openid!, 'counters.recount', { communityId: T.c1, name: 'wish.stats', fix: true })
      let found = v.found
      while (!v.done) {
        v = await ok(P.streetAdmin.openid!, 'counters.recount', { communityId: T.c1, name: 'wish.stats', fix: true, cursor: v.cursor })
        found += v.found
      }
      return found
    }
    await recount()
    resetRateLimits()

    const rows: Row[] = []
    // 500 arrivals a second, each claiming its own wish
    const times: number[] = []
    let failed = 0
    const started = process.hrtime.bigint()
    const paceFrom = performance.now()
    const running: Promise<void>[] = []
    for (let i = 0; i < 500; i++) {
      running.push(
        (async () => {
          const t = process.hrtime.bigint()
          const res = await call(people[i].openid, 'wish.claim', { communityId: T.c1, wishId: wishes[i]._id })
          times.push(Number(process.hrtime.bigint() - t) / 1e6)
          if (!res.ok) failed++
        })(),
      )
      // the next arrival 2 ms after this one was due (not after this one started: timers run late under load)
      await sleep(Math.max(0, paceFrom + (i + 1) * 2 - performance.now()))
    }
    await Promise.all(running)
    const wall = Number(process.hrtime.bigint() - started) / 1e9
    times.sort((x, y) => x - y)
    const stats = await ok(P.secretary.openid!, 'wish.stats', { communityId: T.c1 })
    rows.push({
      场景: '每秒 500 个，各抢一个',
      人数: 500,
      成功: stats.byStatus.claimed,
      失败: failed,
      'p50 ms': +percentile(times, 50).toFixed(1),
      'p95 ms': +percentile(times, 95).toFixed(1),
      '总耗时 s': +wall.toFixed(2),
    })

    // 200 at once on the last wish: one wins, the others are told at once
    const rush: number[] = []
    let won = 0
    const t0 = process.hrtime.bigint()
    await Promise.all(
      people.slice(500, 700).map(async (p) => {
        const t = process.hrtime.bigint()
        const res = await call(p.openid, 'wish.claim', { communityId: T.c1, wishId: wishes[500]._id })
        rush.push(Number(process.hrtime.bigint() - t) / 1e6)
        if (res.ok) won++
      }),
    )
    const rushWall = Number(process.hrtime.bigint() - t0) / 1e9
    rush.sort((x, y) => x - y)
    const drift = await recount()
    const after = await ok(P.secretary.openid!, 'wish.stats', { communityId: T.c1 })
    rows.push({
      场景: '200 人同时抢一个',
      人数: 200,
      成功: won,
      失败: 200 - won,
      'p50 ms': +percentile(rush, 50).toFixed(1),
      'p95 ms': +percentile(rush, 95).toFixed(1),
      '总耗时 s': +rushWall.toFixed(2),
    })
    rows.push({ 场景: '计数核对', 人数: after.byStatus.claimed, 成功: after.byStatus.claimed === 501 && drift === 0 ? 1 : 0, 失败: drift })
    await engine.close()
    return rows
  },
}

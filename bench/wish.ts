/**
 * wish.list (the wish wall) at 50,000 wishes: the first page and a deep cursor page, through main().
 */
import { Engine, loadDatabaseManifest } from '../local/engine'
import { installLocalCloud, runAsCaller } from '../local/cloud'
import { fixtureDocs, P, T } from '../test/support/fixtures'
import type { Row, Section } from './run'
import { wishDocs } from './scale-wish'

type Main = (event: unknown) => Promise<{ ok: boolean; data?: any; error?: any }>
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]

export const wishListSection: Section = {
  name: 'wish.list 心愿墙（5 万条心愿）',
  async run(): Promise<Row[]> {
    const engine = await Engine.open({ dataDir: null, manifest: loadDatabaseManifest() })
    installLocalCloud(engine)
    for (const [c, docs] of Object.entries(fixtureDocs())) await engine.insertMany(c, docs)

    const { main } = require('../cloudfunctions/api/src/index') as { main: Main }
    // 50,000 wishes, one in five in community 2
    const wishes = wishDocs(0, 50_000, (i) => (i % 5 === 0 ? T.c2 : T.c1))
    await engine.insertMany('wishes', wishes)
    const call = (data: object) =>
      runAsCaller({ OPENID: P.member.openid! }, () => main({ action: 'wish.list', data: { communityId: T.c1, limit: 20, ...data } }))
    const time = async (data: object) => {
      const times: number[] = []
      for (let i = 0; i < 100; i++) {
        const t = process.hrtime.bigint()
        const res = await call(data)
        times.push(Number(process.hrtime.bigint() - t) / 1e6)
        if (!res.ok || res.data.items.length !== 20) throw new Error(`wish.list failed: ${JSON.stringify(res.error ?? res.data.items.length)}`)
      }
      times.sort((a, b) => a - b)
      return times
    }
    const deepCursor = wishes
      .filter((w) => w.communityId === T.c1 && ['open', 'claimed', 'fulfilled', 'closed'].includes(w.status))
      .map((w) => w._id)
      .sort()
      .reverse()[20_000]
    const rows: Row[] = []
    for (const [label, data] of [
      ['全部 · 第 1 页', {}],
      ['全部 · 深页（第 1000 页后）', { cursor: deepCursor }],
      ['待认领 · 第 1 页', { status: 'open' }],
      ['待认领 · 深页', { status: 'open', cursor: deepCursor }],
      ['助老 · 第 1 页', { category: '助老' }],
      ['1栋 · 深页', { buildingId: T.b1, cursor: deepCursor }],
    ] as const) {
      await time(data)
      const t = await time(data)
      rows.push({ 查询: label, 'p50 ms': +percentile(t, 50).toFixed(2), 'p95 ms': +percentile(t, 95).toFixed(2) })
    }
    await engine.close()
    return rows
  },
}

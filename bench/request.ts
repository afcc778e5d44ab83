/**
 * 诉求 through main():
 * - request.board (the secretary's board) at 100,000 requests: the first page and a deep cursor page (past the
 *   20,000th open request) of the deadline order, of one grid, of one category, and of the red colour — each one
 *   range of a *_open_due index, with the documents the engine examined for the last query;
 * - request.stats as requests grow (1k / 10k / 100k, of which ~500 open: history grows, the backlog does not): it
 *   reads the month counters and three indexed counts of open requests, so its time should stay flat.
 */
import { Engine, loadDatabaseManifest } from '../local/engine'
import { installLocalCloud, runAsCaller } from '../local/cloud'
import { fixtureDocs, P, T } from '../test/support/fixtures'
import { chinaMonth } from '../cloudfunctions/api/src/platform/chinaTime'
import { bucketOf, emptyCounter, handlingHours } from '../cloudfunctions/api/src/modules/request/counters'
import type { Request, RequestCounter } from '../types/requests'
import type { Row, Section } from './run'

type Main = (event: unknown) => Promise<{ ok: boolean; data?: any; error?: any }>
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
const MIN = 60_000
const CATS = ['repair', 'safety', 'environment', 'dispute', 'help', 'feedback'] as const

async function openEngine() {
  const engine = await Engine.open({ dataDir: null, manifest: loadDatabaseManifest() })
  installLocalCloud(engine)
  const docs = fixtureDocs() as Record<string, any[]>
  docs.grids = [
    { _id: 'g-1', communityId: T.c1, name: '第一网格', compoundIds: [T.compound1], workerId: P.member.id },
    { _id: 'g-2', communityId: T.c1, name: '第二网格', compoundIds: [], buildingIds: [T.b2], workerId: P.head.id },
  ]
  for (const [c, list] of Object.entries(docs)) await engine.insertMany(c, list)
  const { main } = require('../cloudfunctions/api/src/index') as { main: Main }
  return { engine, main }
}

const requestId = (at: Date, i: number) => 'r' + at.getTime().toString(36).padStart(9, '0') + i.toString(16).padStart(12, '0')

/**
 * `n` requests of community 1 made over the last year up to `now`, one in `openEvery` still open (their deadlines
 * from two days ago to two days ahead, so all three colours), the rest closed; and the counters they would have kept.
 */
function requests(n: number, now: Date, openEvery: number): { list: Request[]; counters: RequestCounter[] } {
  const list: Request[] = []
  const counters = new Map<string, RequestCounter>()
  const counter = (month: string, category: Request['category']) => {
    const k = emptyCounter(T.c1, month, category)
    if (!counters.has(k._id)) counters.set(k._id, k)
    return counters.get(k._id)!
  }
  const span = 365 * 24 * 60 * MIN
  for (let i = 0; i < n; i++) {
    const createdAt = new Date(now.getTime() - span + Math.floor((i * span) / n))
    const open = i % openEvery === 0
    const grid = Math.floor(i / openEvery) % 2 ? 'g-1' : 'g-2'
    const category = CATS[i % CATS.length]
    const limit = { respondMinutes: 120, resolveMinutes: 2880 }
    const dueAt = open ? new Date(now.getTime() - 2 * 1440 * MIN + ((i * 7919) % (4 * 1440)) * MIN) : null
    const closedAt = open ? null : new Date(createdAt.getTime() + 30 * 3600_000)
    const r: Request = {
      _id: requestId(createdAt, i),
      communityId: T.c1,
      streetId: T.street,
      category,
      urgency: i % 5 ? 'normal' : 'urgent',
      description: '楼道灯坏了',
      photos: [],
      hiddenPhotos: [],
      buildingId: grid === 'g-1' ? T.b1 : T.b2,
      gridId: grid,
      location: null,
      reporterId: P.resident.id,
      enteredById: P.resident.id,
      channel: 'online',
      status: open ? 'dispatched' : 'closed',
      assignee: { kind: 'worker', userId: grid === 'g-1' ? P.member.id : P.head.id, gridId: grid },
      holderKey: `u_${grid === 'g-1' ? P.member.id : P.head.id}`,
      open,
      dueAt,
      yellowAt: dueAt ? new Date(dueAt.getTime() - 36 * MIN) : null,
      nextCheckAt: null,
      warned: null,
      ownerId: null,
      respondBy: dueAt,
      resolveBy: null,
      limit,
      escalation: null,
      reopened: 0,
      proof: null,
      rating: open ? null : { stars: 1 + (i % 5), comment: '', at: closedAt! },
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
    list.push(r)
    counter(chinaMonth(createdAt), category).reported++
    if (!open) {
      const k = counter(chinaMonth(closedAt!), category)
      const h = handlingHours(r)
      k.closed++
      k[r.late ? 'late' : 'onTime']++
      k.hoursSum += h
      k.hoursBuckets[bucketOf(h)]++
      k.ratingSum += r.rating!.stars
      k.ratings++
    }
  }
  return { list, counters: [...counters.values()] }
}

/** Documents the engine examined for the `requests` queries of one call (all its reads of that collection). */
function watchRequests(engine: Engine): { take(): { examined: number; plans: string[] } } {
  const e = engine as unknown as { findDocs: (c: { name: string }, ...rest: unknown[]) => unknown; stats: { examined: number; lastPlan?: string } }
  const real = e.findDocs.bind(engine)
  let examined = 0
  let plans: string[] = []
  e.findDocs = (c, ...rest) => {
    const out = real(c, ...rest)
    if (c.name === 'requests') {
      examined += e.stats.examined
      plans.push(e.stats.lastPlan ?? '')
    }
    return out
  }
  return {
    take() {
      const r = { examined, plans }
      examined = 0
      plans = []
      return r
    },
  }
}

async function timeCalls(main: Main, action: string, data: object, runs = 30): Promise<number[]> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint()
    const res = await runAsCaller({ OPENID: P.secretary.openid! }, () => main({ action, data }))
    times.push(Number(process.hrtime.bigint() - t) / 1e6)
    if (!res.ok) throw new Error(`${action} failed: ${JSON.stringify(res.error)}`)
  }
  return times.sort((a, b) => a - b)
}

export const requestBoardSection: Section = {
  name: 'request.board 诉求看板（10 万条诉求）',
  async run(): Promise<Row[]> {
    const { engine, main } = await openEngine()
    const now = new Date()
    const { list, counters } = requests(100_000, now, 4)
    for (let i = 0; i < list.length; i += 10_000) await engine.insertMany('requests', list.slice(i, i + 10_000))
    await engine.insertMany('request_counters', counters)
    const open = list.filter((r) => r.open).sort((a, b) => a.dueAt!.getTime() - b.dueAt!.getTime() || (a._id < b._id ? -1 : 1))
    const cursorAt = (rs: Request[], k: number) => `${rs[k].dueAt!.getTime()}_${rs[k]._id}`
    const deep = cursorAt(open, 20_000)
    const g1 = open.filter((r) => r.gridId === 'g-1')
    const repair = open.filter((r) => r.category === 'repair')
    const red = open.filter((r) => r.dueAt!.getTime() < now.getTime())
    const rows: Row[] = []
    const watch = watchRequests(engine)
    for (const [label, data] of [
      ['全部待办 · 第 1 页', {}],
      ['全部待办 · 深页（第 2 万条后）', { cursor: deep }],
      ['第一网格 · 第 1 页', { gridId: 'g-1' }],
      ['第一网格 · 深页', { gridId: 'g-1', cursor: cursorAt(g1, Math.floor(g1.length * 0.8)) }],
      ['报修 · 深页', { category: 'repair', cursor: cursorAt(repair, Math.floor(repair.length * 0.8)) }],
      ['红灯 · 第 1 页', { colour: 'red' }],
      ['红灯 · 深页', { colour: 'red', cursor: cursorAt(red, Math.floor(red.length * 0.8)) }],
    ] as const) {
      await timeCalls(main, 'request.board', { communityId: T.c1, ...data }, 3)
      const times = await timeCalls(main, 'request.board', { communityId: T.c1, ...data })
      watch.take()
      await timeCalls(main, 'request.board', { communityId: T.c1, ...data }, 1)
      const { examined } = watch.take()
      rows.push({ 查询: label, 'p50 ms': +percentile(times, 50).toFixed(2), 'p95 ms': +percentile(times, 95).toFixed(2), '检查诉求条数（每页 20）': examined })
    }
    await engine.close()
    return rows
  },
}

export const requestStatsSection: Section = {
  name: 'request.stats 诉求统计（1 千 / 1 万 / 10 万条诉求）',
  async run(): Promise<Row[]> {
    const rows: Row[] = []
    for (const n of [1_000, 10_000, 100_000]) {
      const { engine, main } = await openEngine()
      const now = new Date()
      const { list, counters } = requests(n, now, Math.ceil(n / 500))
      for (let i = 0; i < list.length; i += 10_000) await engine.insertMany('requests', list.slice(i, i + 10_000))
      await engine.insertMany('request_counters', counters)
      await timeCalls(main, 'request.stats', { communityId: T.c1, months: 12 }, 3)
      const times = await timeCalls(main, 'request.stats', { communityId: T.c1, months: 12 })
      const res = await runAsCaller({ OPENID: P.secretary.openid! }, () => main({ action: 'request.stats', data: { communityId: T.c1, months: 12 } }))
      const reported = (res.data.months as { reported: number }[]).reduce((s, m) => s + m.reported, 0)
      const o = res.data.open
      rows.push({
        诉求数: n,
        '12 个月上报': reported,
        '待办 红/黄/绿': `${o.red}/${o.yellow}/${o.green}`,
        'p50 ms': +percentile(times, 50).toFixed(2),
        'p95 ms': +percentile(times, 95).toFixed(2),
      })
      await engine.close()
    }
    return rows
  },
}

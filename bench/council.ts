/**
 * 议事 through main():
 * - topic.vote at 500 arrivals per second on one topic (open loop: a vote starts every 2 ms whether or not the
 *   earlier ones have answered; 1,000 voters of 1,000 households), then the timer ticks that pay each vote's
 *   参与议事;
 * - topic.list (the 议事厅's pages) at 50,000 topics: the first page and a deep cursor page of the public
 *   list, of one stage, and of one council.
 */
import { Engine, loadDatabaseManifest } from '../local/engine'
import { installLocalCloud, runAsCaller } from '../local/cloud'
import { fixtureDocs, P, T } from '../test/support/fixtures'
import type { Row, Section } from './run'

type Main = (event: unknown) => Promise<{ ok: boolean; data?: any; error?: any }>
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)))
const DAY = 86_400_000

async function openEngine() {
  const engine = await Engine.open({ dataDir: null, manifest: loadDatabaseManifest() })
  installLocalCloud(engine)
  for (const [c, docs] of Object.entries(fixtureDocs())) await engine.insertMany(c, docs)
  const { main } = require('../cloudfunctions/api/src/index') as { main: Main }
  const ok = async (openid: string, action: string, data: object) => {
    const res = await runAsCaller({ OPENID: openid }, () => main({ action, data }))
    if (!res.ok) throw new Error(`${action}: ${JSON.stringify(res.error)}`)
    return res.data
  }
  return { engine, main, ok }
}

/** A topic document of community 1's default council (the fields topic.create would write). */
export function topic(id: string, at: Date, extra: object) {
  return {
    _id: id,
    communityId: T.c1,
    councilId: `cc_${T.c1}`,
    title: '小区东门加装雨棚',
    description: '下雨天等车没地方躲',
    photos: [],
    buildingId: null,
    place: null,
    authorId: P.resident.id,
    enteredById: P.resident.id,
    channel: 'online',
    status: 'collecting',
    public: true,
    supports: 0,
    supportThreshold: 10,
    review: null,
    discussion: null,
    opinionsCloseAt: null,
    vote: null,
    votingClosesAt: null,
    tally: null,
    outcome: null,
    outcomeNote: null,
    decidedAt: null,
    milestones: [],
    feedback: { yes: 0, no: 0, round: 1 },
    mergedInto: null,
    retireReason: null,
    hiddenFrom: null,
    reports: 0,
    comments: 0,
    timeline: [],
    createdAt: at,
    updatedAt: at,
    ...extra,
  }
}

export const topicId = (at: Date, i: number) => 't' + at.getTime().toString(36).padStart(9, '0') + i.toString(16).padStart(12, '0')

export const voteSection: Section = {
  name: 'topic.vote（每秒 500 票涌入同一议题）',
  async run(): Promise<Row[]> {
    const { engine, main, ok } = await openEngine()
    const now = new Date()
    const sec = P.secretary.openid!
    await ok(sec, 'points.setRule', { communityId: T.c1, kind: 'council_participation', points: 5, dailyCap: null, monthlyCap: null, active: true })
    const [s] = await ok(sec, 'points.setSponsor', { communityId: T.c1, name: '青山区税务局', warnBelow: 0 })
    await ok(sec, 'points.fundSponsor', { communityId: T.c1, sponsorId: s.id, amount: 1_000_000, note: '经费', requestKey: 'bench-vote' })
    await ok(sec, 'council.list', { communityId: T.c1 })
    const N = 1000
    const RATE = 500
    const voters = Array.from({ length: N }, (_, i) => ({ id: `u-vote-${i}`, openid: `o-vote-${i}` }))
    await engine.insertMany(
      'users',
      voters.map((p, i) => ({
        _id: p.id,
        openid: p.openid,
        offline: false,
        nickname: '居民',
        avatarUrl: null,
        realName: null,
        phone: null,
        householdId: `hh-vote-${i}`,
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
    const closesAt = new Date(now.getTime() + 7 * DAY)
    const id = topicId(now, 1)
    await engine.insertMany('topics', [
      topic(id, now, {
        status: 'voting',
        vote: { opensAt: now, closesAt, eligibility: 'household', electorate: N + 3, quorumPercent: 0, passPercent: 50, secretBallot: true },
        votingClosesAt: closesAt,
      }),
    ])
    // Warm the function (module loading, JIT) with a few votes of other people first.
    for (const p of [P.resident, P.neighbour, P.member]) await ok(p.openid!, 'topic.vote', { communityId: T.c1, topicId: id, choice: 'yes' })

    const times: number[] = []
    let failed = 0
    const started = process.hrtime.bigint()
    await Promise.all(
      voters.map(async (p, i) => {
        await sleep(i * (1000 / RATE) - Number(process.hrtime.bigint() - started) / 1e6)
        const t = process.hrtime.bigint()
        const res = await runAsCaller({ OPENID: p.openid }, () =>
          main({ action: 'topic.vote', data: { communityId: T.c1, topicId: id, choice: i % 3 ? 'yes' : 'no' } }),
        )
        times.push(Number(process.hrtime.bigint() - t) / 1e6)
        if (!res.ok) failed++
      }),
    )
    const wall = Number(process.hrtime.bigint() - started) / 1e9
    times.sort((x, y) => x - y)
    const stored = await engine.count('topic_votes', { topicId: id })
    // 参与议事 is paid by the timer (a payment per vote would queue every vote on the sponsor's balance).
    const owed = await engine.count('topic_votes', { topicId: id, pointsPending: true })
    const paying = process.hrtime.bigint()
    let ticks = 0
    while ((await engine.count('topic_votes', { topicId: id, pointsPending: true })) > 0 && ticks < 20) {
      ticks++
      const res = await runAsCaller({ OPENID: '' }, () => main({ Type: 'Timer', TriggerName: 'tick', Time: new Date().toISOString() }))
      if (!res.ok) throw new Error(`tick: ${JSON.stringify(res.error)}`)
    }
    const paidIn = Number(process.hrtime.bigint() - paying) / 1e9
    const paid = await engine.count('point_transfers', { key: { $regex: `^council:vote:${id}:` } })
    await engine.close()
    return [
      {
        票数: N,
        '到达/秒': RATE,
        成功: N - failed,
        '已存票 (含预热 3)': stored,
        待发积分: owed,
        'p50 ms': +percentile(times, 50).toFixed(1),
        'p95 ms': +percentile(times, 95).toFixed(1),
        'p99 ms': +percentile(times, 99).toFixed(1),
        '总耗时 s': +wall.toFixed(2),
        定时任务发放: `${paid} 笔 / ${ticks} 次 / ${paidIn.toFixed(1)} s`,
      },
    ]
  },
}

export const topicListSection: Section = {
  name: 'topic.list 议事厅（5 万个议题）',
  async run(): Promise<Row[]> {
    const { engine, main } = await openEngine()
    const statuses = ['collecting', 'review', 'discussion', 'opinions', 'voting', 'decided', 'implementing', 'done', 'retired', 'withdrawn'] as const
    const start = Date.UTC(2024, 0, 1)
    const topics = Array.from({ length: 50_000 }, (_, i) => {
      const at = new Date(start + i * 20 * 60_000)
      const status = statuses[i % statuses.length]
      return topic(topicId(at, i), at, {
        communityId: i % 5 === 0 ? T.c2 : T.c1,
        councilId: i % 7 === 0 ? `cb_${T.b1}` : `cc_${T.c1}`,
        status,
        public: status !== 'withdrawn',
        authorId: i % 4 ? P.resident.id : P.neighbour.id,
      })
    })
    await engine.insertMany('councils', [
      {
        _id: `cc_${T.c1}`,
        communityId: T.c1,
        name: '社区议事会',
        scope: 'community',
        compoundId: null,
        buildingId: null,
        settings: {},
        seats: [],
        active: true,
        isDefault: true,
      },
      {
        _id: `cb_${T.b1}`,
        communityId: T.c1,
        name: '1栋议事会',
        scope: 'building',
        compoundId: T.compound1,
        buildingId: T.b1,
        settings: {},
        seats: [],
        active: true,
        isDefault: false,
      },
    ])
    await engine.insertMany('topics', topics)
    const call = (data: object) =>
      runAsCaller({ OPENID: P.member.openid! }, () => main({ action: 'topic.list', data: { communityId: T.c1, limit: 20, ...data } }))
    const time = async (data: object) => {
      const times: number[] = []
      for (let i = 0; i < 100; i++) {
        const t = process.hrtime.bigint()
        const res = await call(data)
        times.push(Number(process.hrtime.bigint() - t) / 1e6)
        if (!res.ok || res.data.items.length !== 20) throw new Error(`topic.list failed: ${JSON.stringify(res.error ?? res.data.items.length)}`)
      }
      times.sort((a, b) => a - b)
      return times
    }
    const deepCursor = topics
      .filter((t) => t.communityId === T.c1 && t.public)
      .map((t) => t._id)
      .sort()
      .reverse()[20_000]
    const rows: Row[] = []
    for (const [label, data] of [
      ['公开 · 第 1 页', {}],
      ['公开 · 深页（第 1000 页后）', { cursor: deepCursor }],
      ['表决中 · 第 1 页', { status: 'voting' }],
      ['表决中 · 深页', { status: 'voting', cursor: deepCursor }],
      ['1栋议事会 · 第 1 页', { councilId: `cb_${T.b1}` }],
      ['1栋议事会 · 深页', { councilId: `cb_${T.b1}`, cursor: deepCursor }],
    ] as const) {
      await time(data)
      const t = await time(data)
      rows.push({ 查询: label, 'p50 ms': +percentile(t, 50).toFixed(2), 'p95 ms': +percentile(t, 95).toFixed(2) })
    }
    await engine.close()
    return rows
  },
}

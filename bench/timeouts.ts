/**
 * Time limits at the bench's data sizes: the function's timeout (config.json) against
 * - the actions that read the most (p95 over repeated calls through main(), under the timeout as the
 *   platform enforces it), with the database / open-API requests each makes (a network round trip each
 *   in the cloud, microseconds here);
 * - the timer: ticks under the real timeout until every job has drained its work, with the time each job
 *   took in the first tick and its slowest batch.
 * Prints one line per figure, for grepping:
 *   timeout action=<name> p95_ms=<n> limit_ms=<n> margin=<x> requests=<n>
 *   timeout timer=<job> ms=<n> limit_ms=<n> batches=<n> batch_max_ms=<n>
 * The world: 50,000 wishes (40,000 in one community), 5,000 people signed up to each of three
 * activities (two cancelled, one tomorrow), 2,000 expired orders, 2,000 accounts with expiring points (20,000 entries), a resident with
 * 5,000 recent credits (all unspent: points.balance reads them all), 500 fulfilled and 500 stale claimed wishes, 200 owed, 100 stale stock holds;
 * 议事: 20,000 verified residents in 10,000 households (one in ten accepted the 表决开始 message), three topics whose
 * vote opens counting them (each vote's notice then walks them all, by the timer), three votes of 10,000 households
 * each whose window ended (topic.close tallies them), 30 more for the timer to close (1,000 votes each) and
 * 2,000 votes whose 参与议事 is owed.
 */
import { Engine, loadDatabaseManifest } from '../local/engine'
import { installLocalCloud, invoke, type Invocation } from '../local/cloud'
import { functionTimeoutMs } from '../local/host/functions'
import { fixtureDocs, P, T } from '../test/support/fixtures'
import { subscriptionId } from '../cloudfunctions/api/src/modules/messages/repo'
import { TEMPLATES } from '../types/templates'
import type { Row, Section } from './run'
import { topic, topicId } from './council'

type Main = (event: unknown) => Promise<{ ok: boolean; data?: any; error?: any }>

const DAY = 86400_000
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
const c = T.c1

export const timeoutSection: Section = {
  name: '超时余量（config.json 超时；动作 p95、定时任务每个 job）',
  async run(): Promise<Row[]> {
    const limitMs = functionTimeoutMs('api')
    const engine = await Engine.open({ dataDir: null, manifest: loadDatabaseManifest() })
    installLocalCloud(engine)
    for (const [coll, docs] of Object.entries(fixtureDocs())) await engine.insertMany(coll, docs)

    const { main } = require('../cloudfunctions/api/src/index') as { main: Main }

    const { resetRateLimits } = require('../cloudfunctions/api/src/router') as { resetRateLimits: () => void }

    const { limits } = require('../cloudfunctions/api/src/platform/limits') as { limits: { timeoutMs: number } }
    limits.timeoutMs = limitMs

    const seen: { last: (Invocation & { ms: number }) | null } = { last: null }
    const raw = (openid: string, event: object) =>
      invoke({ OPENID: openid, APPID: 'local' }, () => main(event), { fn: 'api', timeoutMs: limitMs, onEnd: (inv) => (seen.last = inv) })
    const ok = async (openid: string, action: string, data: object) => {
      const res = await raw(openid, { action, data })
      if (!res.ok) throw new Error(`${action}: ${JSON.stringify(res.error)}`)
      return res.data
    }
    const sec = P.secretary.openid!
    const now = new Date()

    // ---- the world
    await ok(sec, 'points.setRule', { communityId: c, kind: 'wish_fulfilled', points: 20, dailyCap: null, monthlyCap: null, active: true })
    const [sponsor] = await ok(sec, 'points.setSponsor', { communityId: c, name: '共建单位', warnBelow: 0 })
    await ok(sec, 'points.fundSponsor', { communityId: c, sponsorId: sponsor.id, amount: 1_000_000, note: 'bench', requestKey: 'bench-timeout-fund' })
    const item = await ok(sec, 'mall.upsertItem', {
      communityId: c,
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
      sponsorId: sponsor.id,
      active: true,
    })

    const statuses = ['open', 'claimed', 'fulfilled', 'closed', 'under_review', 'withdrawn'] as const
    const start = Date.UTC(2025, 0, 1)
    const wish = (i: number, extra: object = {}) => {
      const at = new Date(start + i * 10 * 60_000)
      const status = statuses[i % statuses.length]
      return {
        _id: 'w' + at.getTime().toString(36).padStart(9, '0') + i.toString(16).padStart(12, '0'),
        communityId: i % 5 === 0 ? T.c2 : c,
        compoundId: T.compound1,
        buildingId: i % 2 ? T.b1 : T.b2,
        title: `心愿 ${i}`,
        description: '……',
        category: '生活帮扶',
        photos: [],
        wishedBy: null,
        wisherId: P.resident.id,
        postedById: P.resident.id,
        onBehalf: false,
        status,
        onWall: ['open', 'claimed', 'fulfilled', 'closed'].includes(status),
        claimerId: status === 'open' ? null : P.member.id,
        claimVia: null,
        lastProgressAt: at,
        proof: null,
        rating: null,
        rejectReason: null,
        pointsPending: false,
        history: [],
        createdAt: at,
        openedAt: at,
        claimedAt: null,
        fulfilledAt: null,
        closedAt: null,
        remindedAt: now,
        updatedAt: at,
        ...extra,
      }
    }
    // 50,000 on the wall; timers find 500 fulfilled long ago, 500 claimed without progress, 200 owed.
    await engine.insertMany(
      'wishes',
      Array.from({ length: 50_000 }, (_, i) => wish(i)),
    )
    const old = new Date(Date.now() - 30 * DAY)
    await engine.insertMany('wishes', [
      ...Array.from({ length: 500 }, (_, i) =>
        wish(60_000 + i, { communityId: c, status: 'fulfilled', onWall: true, claimerId: P.member.id, fulfilledAt: old, remindedAt: null }),
      ),
      ...Array.from({ length: 500 }, (_, i) =>
        wish(61_000 + i, { communityId: c, status: 'claimed', onWall: true, claimerId: P.member.id, lastProgressAt: old, remindedAt: null }),
      ),
      ...Array.from({ length: 200 }, (_, i) =>
        wish(62_000 + i, { communityId: c, status: 'closed', onWall: true, claimerId: P.member.id, pointsPending: true }),
      ),
    ])

    // 5,000 volunteers, signed up to three activities: two to cancel, one tomorrow to remind.
    const crowd = Array.from({ length: 5000 }, (_, i) => ({ id: `u-bt-${String(i).padStart(5, '0')}`, openid: `o-bt-${i}` }))
    await engine.insertMany(
      'users',
      crowd.map((p) => ({
        _id: p.id,
        openid: p.openid,
        offline: false,
        nickname: '志愿者',
        avatarUrl: null,
        realName: null,
        phone: null,
        householdId: T.h2,
        communityId: c,
        roles: [{ communityId: c, role: 'volunteer' }],
        proxies: [],
        privacy: null,
        elderMode: null,
        birthYear: null,
        createdAt: now,
        updatedAt: now,
      })),
    )
    const activities = ['ac-bt-0', 'ac-bt-1', 'ac-bt-soon']
    for (const id of activities) {
      const startAt = new Date(Date.now() + (id.endsWith('soon') ? 12 * 3600_000 : 3 * DAY))
      await engine.insertMany('activities', [
        {
          _id: id,
          communityId: c,
          title: '社区运动会',
          description: '',
          place: '幸福里小区广场',
          startAt,
          endAt: new Date(startAt.getTime() + 2 * 3600_000),
          capacity: 5000,
          signedUp: 5000,
          pointsPerHour: 5,
          postId: null,
          location: null,
          organiserId: P.secretary.id,
          secret: 's'.repeat(48),
          status: 'published',
          createdAt: now,
          updatedAt: now,
        },
      ])
      await engine.insertMany(
        'activity_signups',
        crowd.map((p) => ({
          _id: `${id}_${p.id}`,
          activityId: id,
          communityId: c,
          userId: p.id,
          status: 'signed',
          signedAt: now,
          checkinAt: null,
          checkoutAt: null,
          hours: null,
          confirmedHours: null,
          correction: null,
          confirmedAt: null,
        })),
      )
    }

    // 2,000 orders past their pickup deadline.
    const orders = Array.from({ length: 2000 }, (_, i) => ({
      _id: `o-bt-${String(i).padStart(5, '0')}`,
      communityId: c,
      itemId: item.id,
      itemName: '大米',
      userId: P.resident.id,
      quantity: 1,
      points: 1,
      status: 'reserved',
      pickupCode: String(20_000_000 + i),
      deadline: new Date(Date.now() - 3600_000),
      createdAt: now,
      closedAt: null,
      verifiedBy: null,
      sponsorId: null,
    }))
    await engine.insertMany('mall_orders', orders)
    await engine.insertMany('mall_quotas', [{ _id: `${item.id}_${P.resident.id}`, itemId: item.id, userId: P.resident.id, count: 2000, updatedAt: now }])

    // 2,000 accounts with 10 credits each, half of them older than 12 months; the resident with 5,000 recent credits.
    const entries: object[] = []
    const accounts: object[] = []
    for (let a = 0; a < 2000; a++) {
      const acc = `pa_${c}_u-pt-${a}`
      accounts.push({ _id: acc, communityId: c, kind: 'person', ownerId: `u-pt-${a}`, balance: 100, createdAt: now, updatedAt: now })
      for (let k = 0; k < 10; k++) {
        const at = new Date(Date.now() - (k < 5 ? 400 : 30) * DAY - (a * 10 + k) * 1000)
        entries.push({
          _id: `e${at.getTime().toString(36).padStart(9, '0')}${(a * 10 + k).toString(16).padStart(12, '0')}0`,
          transferId: `t-pt-${a}-${k}`,
          accountId: acc,
          accountKind: 'person',
          communityId: c,
          amount: 10,
          kind: 'grant',
          reason: 'bench',
          cause: null,
          sponsorId: null,
          at,
        })
      }
    }
    const resident = `pa_${c}_${P.resident.id}`
    for (let k = 0; k < 5000; k++) {
      const at = new Date(Date.now() - 2 * DAY - k * 60_000)
      entries.push({
        _id: `e${at.getTime().toString(36).padStart(9, '0')}${(900_000 + k).toString(16).padStart(12, '0')}0`,
        transferId: `t-res-${k}`,
        accountId: resident,
        accountKind: 'person',
        communityId: c,
        amount: 1,
        kind: 'grant',
        reason: 'bench',
        cause: null,
        sponsorId: null,
        at,
      })
    }
    accounts.push({ _id: resident, communityId: c, kind: 'person', ownerId: P.resident.id, balance: 5000, createdAt: now, updatedAt: now })
    await engine.insertMany('point_accounts', accounts)
    await engine.insertMany('point_entries', entries)
    await ok(sec, 'points.setExpiry', { communityId: c, expireMonths: 12 })

    // 100 items with a stock hold left by a crash.
    await engine.insertMany(
      'mall_items',
      Array.from({ length: 100 }, (_, i) => ({
        _id: `it-bt-held-${i}`,
        communityId: c,
        name: '洗衣液',
        kind: 'goods',
        description: '',
        photos: [],
        price: 10,
        stock: 0,
        perPersonLimit: null,
        pickupPlace: '服务中心',
        pickupHours: '全天',
        pickupDays: 7,
        sponsorId: null,
        active: true,
        holds: [{ orderId: `o-bt-crashed-${i}`, quantity: 1, at: new Date(Date.now() - 10 * 60_000) }],
        createdAt: now,
        updatedAt: now,
      })),
    )

    // 议事: the default council (households vote) and its electorate, 20,000 verified residents of 10,000 households.
    await ok(sec, 'points.setRule', { communityId: c, kind: 'council_participation', points: 5, dailyCap: null, monthlyCap: null, active: true })
    await ok(sec, 'points.setRule', { communityId: c, kind: 'suggestion_adopted', points: 30, dailyCap: null, monthlyCap: null, active: true })
    await ok(sec, 'council.list', { communityId: c })
    const HOUSEHOLDS = 10_000
    const household = (h: number) => `hh-el-${String(h).padStart(5, '0')}`
    const elector = (h: number, k: number) => `u-el-${String(h).padStart(5, '0')}-${k}`
    await engine.insertMany(
      'users',
      Array.from({ length: 2 * HOUSEHOLDS }, (_, i) => ({
        _id: elector(i >> 1, i & 1),
        openid: `o-el-${i}`,
        offline: false,
        nickname: '居民',
        avatarUrl: null,
        realName: null,
        phone: null,
        householdId: household(i >> 1),
        communityId: c,
        buildingId: i % 4 < 2 ? T.b1 : T.b2,
        householdStatus: 'verified',
        roles: [{ communityId: c, role: 'resident' }],
        proxies: [],
        privacy: null,
        elderMode: null,
        birthYear: null,
        createdAt: now,
        updatedAt: now,
      })),
    )
    await engine.insertMany(
      'subscriptions',
      Array.from({ length: HOUSEHOLDS / 10 }, (_, h) => ({
        _id: subscriptionId(elector(h * 10, 0), 'topicVote'),
        userId: elector(h * 10, 0),
        openid: `o-el-${h * 20}`,
        template: 'topicVote',
        templateId: TEMPLATES.topicVote.id,
        count: 5,
        updatedAt: now,
      })),
    )
    const topicAt = new Date(Date.now() - 20 * DAY)
    const ended = new Date(Date.now() - DAY)
    const terms = {
      opensAt: new Date(ended.getTime() - 7 * DAY),
      closesAt: ended,
      eligibility: 'household',
      quorumPercent: 0,
      passPercent: 50,
      secretBallot: true,
    }
    const toOpen = [0, 1, 2].map((i) => topicId(topicAt, 70_000 + i))
    const toClose = [0, 1, 2].map((i) => topicId(topicAt, 71_000 + i))
    const dueForTimer = Array.from({ length: 30 }, (_, i) => topicId(topicAt, 72_000 + i))
    await engine.insertMany('topics', [
      ...toOpen.map((id) => topic(id, topicAt, { status: 'opinions', opinionsCloseAt: ended })),
      ...toClose.map((id) => topic(id, topicAt, { status: 'voting', vote: { ...terms, electorate: HOUSEHOLDS }, votingClosesAt: ended })),
      ...dueForTimer.map((id) => topic(id, topicAt, { status: 'voting', vote: { ...terms, electorate: HOUSEHOLDS }, votingClosesAt: ended })),
    ])
    // One vote per household: 10,000 on each vote topic.close publishes, 1,000 on each the timer closes; the
    // first 2,000 of the timer's still owe their 参与议事.
    const votes = (id: string, households: number, owed: (h: number) => boolean) =>
      Array.from({ length: households }, (_, h) => ({
        _id: `${id}_h_${household(h)}`,
        topicId: id,
        communityId: c,
        identity: `h_${household(h)}`,
        voterId: elector(h, 0),
        choice: h % 3 ? 'yes' : 'no',
        channel: h % 10 ? 'online' : 'paper',
        meetingId: null,
        recordedById: null,
        at: ended,
        pointsPending: owed(h),
      }))
    for (const id of toClose)
      await engine.insertMany(
        'topic_votes',
        votes(id, HOUSEHOLDS, () => false),
      )
    for (const [i, id] of dueForTimer.entries())
      await engine.insertMany(
        'topic_votes',
        votes(id, 1000, () => i < 2),
      )

    // ---- actions
    const wallIds = Array.from({ length: 50_000 }, (_, i) => wish(i))
      .filter((w) => w.communityId === c && w.onWall)
      .map((w) => w._id)
      .sort()
      .reverse()
    let cancelled = 0
    let redeems = 0
    let opened = 0
    let closed = 0
    const cases: [string, string, number, () => object][] = [
      ['org.me', P.resident.openid!, 30, () => ({})],
      ['wish.list', P.member.openid!, 30, () => ({ communityId: c, limit: 20, cursor: wallIds[20_000] })],
      ['wish.overdue', sec, 5, () => ({ communityId: c })],
      ['wish.stats', sec, 2, () => ({ communityId: c })],
      ['points.balance', P.resident.openid!, 20, () => ({ communityId: c })],
      ['points.statement', P.resident.openid!, 20, () => ({ communityId: c, limit: 20 })],
      ['points.report', sec, 5, () => ({ communityId: c })],
      ['mall.redeem', P.resident.openid!, 20, () => ({ communityId: c, itemId: item.id, quantity: 1, requestKey: `bt-redeem-${redeems++}` })],
      ['activity.get', sec, 5, () => ({ communityId: c, activityId: 'ac-bt-0' })],
      ['activity.cancel', sec, 2, () => ({ communityId: c, activityId: `ac-bt-${cancelled++}`, reason: '天气原因' })],
      // Counts the electorate (10,000 households), then tells the first 50 of them; the timer tells the rest.
      ['topic.openVote', sec, 3, () => ({ communityId: c, topicId: toOpen[opened++] })],
      // Tallies 10,000 stored votes and publishes the result.
      ['topic.close', sec, 3, () => ({ communityId: c, topicId: toClose[closed++] })],
    ]
    const rows: Row[] = []
    const lines: string[] = []
    let slowestAction = { name: '', p95: 0 }
    let slowestCouncil = { name: '', p95: 0 }
    for (const [action, openid, times, input] of cases) {
      const ms: number[] = []
      let requests = 0
      let failures = 0
      for (let i = 0; i < times; i++) {
        resetRateLimits()
        const t = process.hrtime.bigint()
        try {
          const res = await raw(openid, { action, data: input() })
          if (!res.ok) failures++
        } catch {
          failures++ // timed out
        }
        ms.push(Number(process.hrtime.bigint() - t) / 1e6)
        requests = Math.max(requests, seen.last?.requests ?? 0)
      }
      ms.sort((a, b) => a - b)
      const p95 = percentile(ms, 95)
      if (p95 > slowestAction.p95) slowestAction = { name: action, p95 }
      if (action.startsWith('topic.') && p95 > slowestCouncil.p95) slowestCouncil = { name: action, p95 }
      lines.push(
        `timeout action=${action} p95_ms=${p95.toFixed(1)} limit_ms=${limitMs} margin=${Math.floor(limitMs / p95)}x requests=${requests}${failures ? ` failures=${failures}` : ''}`,
      )
    }

    // ---- the timer, under the real limit, until everything is drained
    const ticks: any[] = []
    let err: unknown = null
    for (let i = 0; i < 50; i++) {
      try {
        const res = await invoke({ OPENID: '' }, () => main({ Type: 'Timer', TriggerName: 'tick' }), { fn: 'api', timeoutMs: limitMs })
        ticks.push(res.data)
      } catch (e) {
        err = e
        break
      }
      if (!ticks[ticks.length - 1]._timer.pending.length) break
    }
    const first = ticks[0]?._timer
    let slowestJob = { name: '', ms: 0 }
    for (const [job, j] of Object.entries<{ ms: number; batches: number; slowestMs: number }>(first?.jobs ?? {})) {
      const batchMax = Math.max(...ticks.map((t) => t._timer.jobs[job]?.slowestMs ?? 0))
      if (j.ms > slowestJob.ms) slowestJob = { name: job, ms: j.ms }
      lines.push(`timeout timer=${job} ms=${Math.round(j.ms)} limit_ms=${limitMs} batches=${j.batches} batch_max_ms=${Math.round(batchMax)}`)
    }
    for (const [i, t] of ticks.entries())
      lines.push(`timeout tick=${i + 1} ms=${Math.round(t._timer.ms)} budget_ms=${t._timer.budgetMs} limit_ms=${limitMs} pending=${t._timer.pending.length}`)
    if (err) lines.push(`timeout tick FAILED: ${(err as Error).message}`)
    const sent = await engine.count('outbox', {})
    // The council's work, done: every vote whose window ended decided, each notice told, no vote still owed.
    const decided = await engine.count('topics', { _id: { $in: [...toClose, ...dueForTimer] }, status: 'decided' })
    const told = await engine.count('outbox', { templateId: TEMPLATES.topicVote.id })
    const owedLeft = await engine.count('topic_votes', { pointsPending: true })
    lines.push(`timeout council decided=${decided}/${toClose.length + dueForTimer.length} vote_notices=${told} owed_votes=${owedLeft}`)
    await engine.close()
    for (const l of lines) console.log(l)
    rows.push({ 项目: '最慢的动作', 名称: slowestAction.name, ms: +slowestAction.p95.toFixed(1), '上限 ms': limitMs })
    rows.push({ 项目: '首个 tick 中最慢的定时任务', 名称: slowestJob.name, ms: Math.round(slowestJob.ms), '上限 ms': limitMs })
    rows.push({
      项目: `清空积压所需 tick（每 tick 预算 ${first?.budgetMs ?? '?'} ms）`,
      名称: `${ticks.length} 次`,
      ms: Math.round(Math.max(...ticks.map((t) => t._timer.ms))),
      '上限 ms': limitMs,
    })
    rows.push({ 项目: '议事最慢的动作（1 万户计票、1 万票唱票）', 名称: slowestCouncil.name, ms: +slowestCouncil.p95.toFixed(1), '上限 ms': limitMs })
    rows.push({ 项目: '订阅消息（取消通知、提醒、表决开始）', 名称: `${sent} 条`, ms: 0, '上限 ms': limitMs })
    return rows
  },
}

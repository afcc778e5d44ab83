/**
 * The timer within the function's time limit, through the real main() on the local engine.
 * - The timer shares one invocation's budget among its jobs, in bounded batches from saved cursors: with
 *   more work than fits, one tick stays within the budget and every job makes progress; repeated ticks
 *   finish everything, each thing once; a job that throws does not stop the others; a tick cut off by
 *   the limit loses nothing.
 * - Fan-out: cancelling an activity with 300 people answers at once; the timer tells the rest, once each.
 * - Council work shares the ticks: votes past their window closed, a vote's notice told to everyone eligible
 *   once, owed 参与议事 points paid.
 */
import { subscriptionId } from '../../cloudfunctions/api/src/modules/messages/repo'
import { TEMPLATES } from '../../types/templates'
import { addDays, chinaDay, chinaHour } from '../../cloudfunctions/api/src/platform/chinaTime'
import { openTestCloud, type TestCloud } from '../support/cloud'
import { P, T, seedFixtures } from '../support/fixtures'
import { InvocationTimeout } from '../../local/cloud'
import { MIN_BATCH_ESTIMATE_MS, TIMER_JOBS, type TimerJob } from '../../cloudfunctions/api/src/timers'

let tc: TestCloud
const sec = P.secretary.openid
const c = T.c1
const DAY = 86400_000
let n = 0

beforeAll(async () => {
  tc = await openTestCloud()
})
afterAll(async () => {
  await tc.close()
})
afterEach(() => tc.setTimeoutMs(null))

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function setup() {
  await seedFixtures(tc.engine)
  tc.resetLimits()
  await tc.ok(sec, 'points.setRule', { communityId: c, kind: 'wish_fulfilled', points: 20, dailyCap: null, monthlyCap: null, active: true })
  const [s] = await tc.ok(sec, 'points.setSponsor', { communityId: c, name: '青山区税务局', warnBelow: 0 })
  await tc.ok(sec, 'points.fundSponsor', { communityId: c, sponsorId: s.id, amount: 1_000_000, note: '经费', requestKey: `fund-timers-${++n}` })
}

/** `count` volunteers of community 1 (they can sign up to activities and receive messages). */
async function people(prefix: string, count: number) {
  const now = tc.now()
  const list = Array.from({ length: count }, (_, i) => ({ id: `u-${prefix}-${String(i).padStart(4, '0')}`, openid: `o-${prefix}-${i}` }))
  await tc.engine.insertMany(
    'users',
    list.map((p) => ({
      _id: p.id,
      openid: p.openid,
      offline: false,
      nickname: '志愿者',
      avatarUrl: null,
      realName: null,
      phone: null,
      householdId: T.h2,
      communityId: c,
      roles: [
        { communityId: c, role: 'resident' },
        { communityId: c, role: 'volunteer' },
      ],
      proxies: [],
      privacy: null,
      elderMode: null,
      birthYear: null,
      createdAt: now,
      updatedAt: now,
    })),
  )
  // Each accepted the reminder template in the taps that signed them up (WeChat allows one message per
  // acceptance: a reminder and a cancellation notice need two).
  await tc.engine.insertMany(
    'subscriptions',
    list.map((p) => ({
      _id: subscriptionId(p.id, 'reminder'),
      userId: p.id,
      openid: p.openid,
      template: 'reminder',
      templateId: TEMPLATES.reminder.id,
      count: 2,
      updatedAt: now,
    })),
  )
  return list
}

/** A published activity of community 1 with everyone in `who` signed up. */
async function activityWith(id: string, who: { id: string }[], startAt: Date) {
  const now = tc.now()
  await tc.engine.insertMany('activities', [
    {
      _id: id,
      communityId: c,
      title: '社区运动会',
      description: '',
      place: '幸福里小区广场',
      startAt,
      endAt: new Date(startAt.getTime() + 2 * 3600_000),
      capacity: 5000,
      signedUp: who.length,
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
  await tc.engine.insertMany(
    'activity_signups',
    who.map((p) => ({
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

function wish(id: string, extra: object) {
  const at = new Date(tc.now().getTime() - 20 * DAY)
  return {
    _id: id,
    communityId: c,
    compoundId: T.compound1,
    buildingId: T.b1,
    title: '帮忙换灯泡',
    description: '厨房灯坏了',
    category: '生活帮扶',
    photos: [],
    wishedBy: null,
    wisherId: P.resident.id,
    postedById: P.resident.id,
    onBehalf: false,
    status: 'open',
    onWall: true,
    claimerId: null,
    claimVia: null,
    lastProgressAt: null,
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
    remindedAt: null,
    updatedAt: at,
    ...extra,
  }
}

/** Orders of the resident for one item, all past their pickup deadline. */
async function expiredOrders(count: number) {
  const now = tc.now()
  const itemId = `it-exp-${++n}`
  await tc.engine.insertMany('mall_items', [
    {
      _id: itemId,
      communityId: c,
      name: '洗衣液',
      kind: 'goods',
      description: '',
      photos: [],
      price: 10,
      stock: 0,
      perPersonLimit: null,
      pickupPlace: '党群服务中心',
      pickupHours: '周三',
      pickupDays: 7,
      sponsorId: null,
      active: true,
      holds: [],
      createdAt: now,
      updatedAt: now,
    },
  ])
  await tc.engine.insertMany('mall_quotas', [{ _id: `${itemId}_${P.resident.id}`, itemId, userId: P.resident.id, count, updatedAt: now }])
  await tc.engine.insertMany(
    'mall_orders',
    Array.from({ length: count }, (_, i) => ({
      _id: `o-${itemId}-${String(i).padStart(4, '0')}`,
      communityId: c,
      itemId,
      itemName: '洗衣液',
      userId: P.resident.id,
      quantity: 1,
      points: 10,
      status: 'reserved',
      pickupCode: String(10_000_000 + n * 10_000 + i),
      deadline: new Date(tc.now().getTime() - 3600_000),
      createdAt: now,
      closedAt: null,
      verifiedBy: null,
      sponsorId: null,
    })),
  )
  return itemId
}

/** `count` person accounts holding 10 points earned 400 days ago (they expire under a 12-month rule). */
async function oldPoints(count: number) {
  const at = new Date(tc.now().getTime() - 400 * DAY)
  const stamp = at.getTime().toString(36).padStart(9, '0')
  const ids = Array.from({ length: count }, (_, i) => `u-old-${String(i).padStart(4, '0')}`)
  await tc.engine.insertMany(
    'point_accounts',
    ids.map((u) => ({ _id: `pa_${c}_${u}`, communityId: c, kind: 'person', ownerId: u, balance: 10, createdAt: at, updatedAt: at })),
  )
  await tc.engine.insertMany(
    'point_entries',
    ids.map((u, i) => ({
      _id: `e${stamp}${i.toString(16).padStart(12, '0')}0`,
      transferId: `t-old-${i}`,
      accountId: `pa_${c}_${u}`,
      accountKind: 'person',
      communityId: c,
      amount: 10,
      kind: 'grant',
      reason: '去年的积分',
      cause: null,
      sponsorId: null,
      at,
    })),
  )
  await tc.ok(sec, 'points.setExpiry', { communityId: c, expireMonths: 12 })
  return ids
}

/** A topic of community 1's default council, in voting under `vote` terms (the council is made if missing). */
function topicDoc(id: string, extra: object) {
  const now = tc.now()
  return {
    _id: id,
    communityId: c,
    councilId: `cc_${c}`,
    title: '东门加装雨棚',
    description: '下雨天等车没地方躲',
    photos: [],
    buildingId: null,
    place: null,
    authorId: P.resident.id,
    enteredById: P.resident.id,
    channel: 'online',
    status: 'voting',
    public: true,
    supports: 0,
    supportThreshold: 0,
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
    createdAt: now,
    updatedAt: now,
    ...extra,
  }
}

/**
 * Council work: 30 votes whose window ended long ago (to close), a vote open now whose 表决开始 notice still
 * has `voters` subscribed eligible residents to tell, and 30 votes whose 参与议事 points are owed.
 */
async function councilWork(voters: number) {
  const now = tc.now()
  await tc.ok(sec, 'points.setRule', { communityId: c, kind: 'council_participation', points: 5, dailyCap: null, monthlyCap: null, active: true })
  await tc.ok(sec, 'council.list', { communityId: c }) // the default council, made on first use
  const ended = new Date(now.getTime() - DAY)
  const terms = (closesAt: Date) => ({
    opensAt: new Date(closesAt.getTime() - 7 * DAY),
    closesAt,
    eligibility: 'resident',
    electorate: 400,
    quorumPercent: 0,
    passPercent: 50,
    secretBallot: true,
  })
  const open = new Date(now.getTime() + 3 * DAY)
  await tc.engine.insertMany('topics', [
    ...Array.from({ length: 30 }, (_, i) => topicDoc(`t-due-${String(i).padStart(2, '0')}`, { vote: terms(ended), votingClosesAt: ended })),
    topicDoc('t-open', { vote: terms(open), votingClosesAt: open }),
  ])
  const list = Array.from({ length: voters }, (_, i) => `u-voter-${String(i).padStart(4, '0')}`)
  await tc.engine.insertMany(
    'users',
    list.map((id) => ({
      _id: id,
      openid: `o-${id}`,
      offline: false,
      nickname: '居民',
      avatarUrl: null,
      realName: null,
      phone: null,
      householdId: `hh-${id}`,
      communityId: c,
      buildingId: T.b1,
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
  await tc.engine.insertMany(
    'subscriptions',
    list.map((id) => ({
      _id: subscriptionId(id, 'topicVote'),
      userId: id,
      openid: `o-${id}`,
      template: 'topicVote',
      templateId: TEMPLATES.topicVote.id,
      count: 1,
      updatedAt: now,
    })),
  )
  await tc.engine.insertMany('notify_jobs', [
    {
      _id: 'vote_t-open',
      kind: 'topic.vote',
      status: 'pending',
      topicId: 't-open',
      communityId: c,
      phase: 'residents',
      phases: ['residents', 'permits'],
      after: null,
      sent: 0,
      createdAt: now,
      doneAt: null,
    },
  ])
  await tc.engine.insertMany(
    'topic_votes',
    list.slice(0, 30).map((id) => ({
      _id: `t-due-00_u_${id}`,
      topicId: 't-due-00',
      communityId: c,
      identity: `u_${id}`,
      voterId: id,
      choice: 'yes',
      channel: 'online',
      meetingId: null,
      recordedById: null,
      at: ended,
      pointsPending: true,
    })),
  )
  return list
}

/** A request of community 1 held by the grid worker (P.member, grid g-1), with the fields request.create writes. */
function requestDoc(id: string, extra: object) {
  const now = tc.now()
  return {
    _id: id,
    communityId: c,
    streetId: T.street,
    category: 'help',
    urgency: 'normal',
    description: '楼道灯坏了',
    photos: [],
    hiddenPhotos: [],
    buildingId: T.b1,
    gridId: 'g-1',
    location: null,
    reporterId: P.resident.id,
    enteredById: P.resident.id,
    channel: 'online',
    status: 'dispatched',
    assignee: { kind: 'worker', userId: P.member.id, gridId: 'g-1' },
    holderKey: `u_${P.member.id}`,
    open: true,
    dueAt: null,
    yellowAt: null,
    nextCheckAt: null,
    warned: null,
    ownerId: null,
    respondBy: null,
    resolveBy: null,
    limit: { respondMinutes: 120, resolveMinutes: 2880 },
    escalation: null,
    reopened: 0,
    proof: null,
    rating: null,
    answer: null,
    adopted: false,
    wishId: null,
    topicId: null,
    flow: [],
    createdAt: new Date(now.getTime() - 12 * DAY),
    acceptedAt: null,
    resolvedAt: null,
    closedAt: null,
    late: false,
    updatedAt: now,
    ...extra,
  }
}

/** Requests for the timer: 60 past their respond deadline (red, not yet warned), 40 resolved 10 days ago (auto-close). */
async function requestWork(): Promise<void> {
  const now = tc.now().getTime()
  const overdue = new Date(now - 3600_000)
  await tc.engine.insertMany('requests', [
    ...Array.from({ length: 60 }, (_, i) =>
      requestDoc(`r-red-${i}`, {
        dueAt: overdue,
        respondBy: overdue,
        yellowAt: new Date(overdue.getTime() - 36 * 60_000),
        nextCheckAt: new Date(overdue.getTime() - 36 * 60_000),
      }),
    ),
    ...Array.from({ length: 40 }, (_, i) =>
      requestDoc(`r-res-${i}`, { status: 'resolved', ownerId: P.member.id, acceptedAt: new Date(now - 11 * DAY), resolvedAt: new Date(now - 10 * DAY) }),
    ),
  ])
}

/**
 * Bookings to remind (at 23:59 China, made two days ago, their people having accepted a reminder: tomorrow's
 * from 08:00 China, else today's) and slots with places held by bookings that never came: work for
 * booking.remind and booking.releaseStaleHolds.
 */
async function bookingWork(people: string[]) {
  const now = tc.now()
  const made = new Date(now.getTime() - 2 * DAY)
  const today = chinaDay(now)
  const day = chinaHour(now) >= 8 ? addDays(today, 1) : today
  await tc.engine.insertMany('services', [
    {
      _id: 's-timer',
      communityId: c,
      name: '书记接待日',
      category: 'reception',
      description: '',
      provider: { kind: 'staff', unitId: null, postId: null, userIds: [P.secretary.id] },
      place: '党群服务中心',
      audience: { minAge: null, buildingIds: [] },
      delivery: 'slots',
      schedule: { weekly: [], dated: [], closures: [] },
      walkIn: null,
      daily: null,
      venue: null,
      private: false,
      forChild: false,
      pricePoints: 0,
      cutoffHours: 0,
      noShowRule: { count: 3, withinDays: 30, blockDays: 14 },
      active: true,
      counters: { bookings: 0, cancelled: 0, attended: 0, noShows: 0, ratingSum: 0, ratings: 0 },
      createdAt: made,
      updatedAt: made,
    },
  ])
  await tc.engine.insertMany(
    'bookings',
    people.map((u, i) => {
      const slot = `s-timer_${day}_2359`
      return {
        _id: `b-timer-${String(i).padStart(4, '0')}`,
        serviceId: 's-timer',
        communityId: c,
        slotId: slot,
        day,
        start: '23:59',
        end: '23:59',
        userId: u,
        bookedById: u,
        channel: 'online',
        status: 'booked',
        code: String(30_000_000 + i),
        child: null,
        address: null,
        note: null,
        paid: null,
        rating: null,
        remindedAt: null,
        liveKey: `${slot}_${u}`,
        createdAt: made,
        updatedAt: made,
      }
    }),
  )
  await tc.engine.insertMany(
    'subscriptions',
    people.map((u) => ({
      _id: subscriptionId(u, 'bookingReminder'),
      userId: u,
      openid: `o-${u}`,
      template: 'bookingReminder',
      templateId: TEMPLATES.bookingReminder.id,
      count: 1,
      updatedAt: made,
    })),
  )
  await tc.engine.insertMany(
    'service_slots',
    Array.from({ length: 30 }, (_, i) => ({
      _id: `s-timer_${addDays(today, 3 + i)}_0900`,
      serviceId: 's-timer',
      communityId: c,
      day: addDays(today, 3 + i),
      start: '09:00',
      end: '10:00',
      capacity: 5,
      taken: 2,
      holds: [{ bookingId: `b-crashed-${i}`, at: new Date(now.getTime() - 10 * 60_000) }],
    })),
  )
}

const tick = async () => {
  const res = await tc.tick()
  if (!res.ok) throw new Error(`tick failed: ${JSON.stringify(res)}`)
  return res.data
}

describe('the timer', () => {
  test('with more work than one tick can do: each tick stays within its budget, every job makes progress, and ticks finish it all once', async () => {
    await setup()
    const itemId = await expiredOrders(400)
    const oldAccounts = await oldPoints(400)
    const crowd = await people('crowd', 300)
    await activityWith('ac-soon', crowd, new Date(tc.now().getTime() + 12 * 3600_000))
    await activityWith('ac-off', crowd.slice(0, 250), new Date(tc.now().getTime() + 3 * DAY))
    await tc.ok(sec, 'activity.cancel', { communityId: c, activityId: 'ac-off', reason: '场地临时被占用' })
    const voters = await councilWork(400)
    await requestWork()
    await bookingWork(voters.slice(0, 120))
    await tc.engine.insertMany('wishes', [
      ...Array.from({ length: 40 }, (_, i) =>
        wish(`w-ful-${i}`, {
          status: 'fulfilled',
          claimerId: P.member.id,
          claimVia: 'claim',
          claimedAt: new Date(tc.now().getTime() - 15 * DAY),
          fulfilledAt: new Date(tc.now().getTime() - 10 * DAY),
          lastProgressAt: new Date(tc.now().getTime() - 10 * DAY),
        }),
      ),
      ...Array.from({ length: 40 }, (_, i) =>
        wish(`w-stale-${i}`, {
          status: 'claimed',
          claimerId: P.member.id,
          claimVia: 'claim',
          claimedAt: new Date(tc.now().getTime() - 15 * DAY),
          lastProgressAt: new Date(tc.now().getTime() - 10 * DAY),
        }),
      ),
      ...Array.from({ length: 25 }, (_, i) =>
        wish(`w-owed-${i}`, {
          status: 'closed',
          onWall: true,
          claimerId: P.member.id,
          fulfilledAt: new Date(tc.now().getTime() - 10 * DAY),
          closedAt: new Date(tc.now().getTime() - 9 * DAY),
          pointsPending: true,
        }),
      ),
    ])
    const now = tc.now()
    await tc.engine.insertMany(
      'mall_items',
      Array.from({ length: 30 }, (_, i) => ({
        _id: `it-held-${i}`,
        communityId: c,
        name: '大米',
        kind: 'goods',
        description: '',
        photos: [],
        price: 10,
        stock: 0,
        perPersonLimit: null,
        pickupPlace: '党群服务中心',
        pickupHours: '周三',
        pickupDays: 7,
        sponsorId: null,
        active: true,
        holds: [{ orderId: `o-crashed-${i}`, quantity: 2, at: new Date(tc.now().getTime() - 10 * 60_000) }],
        createdAt: now,
        updatedAt: now,
      })),
    )

    // The function as if deployed with a 4 s timeout: a 2 s budget per tick, far less than the work (about
    // 13 s of batches on a quiet 2-core machine: 7 ticks; a machine 3 times faster still needs 3).
    tc.setTimeoutMs(4000)
    const first = await tick()
    expect(first._timer.ms).toBeLessThan(4000)
    // What each job reports as done.
    const DONE: Record<string, string> = {
      'mall.releaseStaleHolds': 'released',
      'mall.expireOrders': 'expired',
      'points.expire': 'accounts',
      'wish.autoClose': 'closed',
      'wish.payOwed': 'retried',
      'wish.remindOverdue': 'reminded',
      'activity.remind': 'reminded',
      'activity.cancelNotice': 'sent',
      'topic.closeVotes': 'closed',
      'topic.notices': 'sent',
      'topic.payOwed': 'votes',
      'request.clocks': 'red',
      'request.autoClose': 'closed',
      'booking.remind': 'reminded',
      'booking.releaseStaleHolds': 'released',
      'counters.recount': 'batches',
    }
    const jobs = Object.keys(TIMER_JOBS)
    expect(Object.keys(DONE).sort()).toEqual([...jobs].sort())
    const progressed = (t: any, job: string) => (t[job]?.[DONE[job]] ?? 0) > 0
    // The first tick: every job that got a batch made progress (the one it started with among them), and a job
    // got none only because the budget was spent (the timer keeps back one estimated batch for every job still
    // to come, but before any batch is measured the estimate is MIN_BATCH_ESTIMATE_MS: on a loaded machine the
    // first batches of the jobs before it can take the whole budget — the last ones, the council's, then wait).
    const ran = Object.keys(first._timer.jobs)
    expect(ran).toContain(first._timer.first)
    for (const job of ran) expect({ job, progressed: progressed(first, job) }).toEqual({ job, progressed: true })
    const left = jobs.filter((job) => !ran.includes(job))
    expect({ left, budgetSpent: left.length === 0 || first._timer.ms > first._timer.budgetMs - MIN_BATCH_ESTIMATE_MS }).toEqual({ left, budgetSpent: true })
    expect(first._timer.pending.length).toBeGreaterThan(0)
    expect(first._timer.failed).toEqual([])

    // Ticks until nothing is left; each within the limit (the harness would throw otherwise).
    const ticks = [first]
    while (ticks[ticks.length - 1]._timer.pending.length > 0 && ticks.length < 60) ticks.push(await tick())
    expect(ticks[ticks.length - 1]._timer.pending).toEqual([])
    expect(ticks.length).toBeGreaterThan(2)
    for (const t of ticks) expect(t._timer.ms).toBeLessThan(4000)
    // No job waits longer than one round of the round robin (as many ticks as jobs: each starts one once).
    const round = ticks.slice(0, jobs.length)
    for (const job of jobs) expect({ job, progressed: round.some((t) => progressed(t, job)) }).toEqual({ job, progressed: true })
    const total = (job: string, key: string) => ticks.reduce((s, t) => s + (t[job]?.[key] ?? 0), 0)

    // Everything done, and once.
    expect(total('mall.expireOrders', 'expired')).toBe(400)
    expect(await tc.engine.count('mall_orders', { itemId, status: 'expired' })).toBe(400)
    expect(await tc.engine.count('point_transfers', { kind: 'refund' })).toBe(400)
    expect(total('points.expire', 'accounts')).toBe(400)
    expect(total('points.expire', 'expired')).toBe(4000)
    expect(await tc.engine.count('point_accounts', { _id: { $in: oldAccounts.map((u) => `pa_${c}_${u}`) }, balance: 0 })).toBe(400)
    expect(total('wish.autoClose', 'closed')).toBe(40)
    expect(await tc.engine.count('wishes', { status: 'closed', pointsPending: false })).toBe(65)
    expect(total('wish.remindOverdue', 'reminded')).toBe(40)
    expect(await tc.engine.count('activity_signups', { activityId: 'ac-soon', remindedAt: { $exists: true } })).toBe(300)
    expect(total('activity.remind', 'reminded')).toBe(300)
    expect(total('activity.cancelNotice', 'sent')).toBe(200)
    const told = await tc.engine.find('outbox', { page: `packages/party/pages/activity/index?id=ac-off&c=${c}` })
    expect(told).toHaveLength(250)
    expect(new Set(told.map((m) => m.touser)).size).toBe(250)
    expect(total('topic.closeVotes', 'closed')).toBe(30)
    expect(await tc.engine.count('topics', { _id: /^t-due-/, status: 'decided' })).toBe(30)
    expect(await tc.engine.count('audit_log', { action: 'topic.close' })).toBe(30)
    expect(total('topic.notices', 'sent')).toBe(400)
    const asked = await tc.engine.find('outbox', { templateId: TEMPLATES.topicVote.id })
    expect(new Set(asked.map((m) => m.touser)).size).toBe(400)
    expect(asked.every((m) => voters.includes(m.touser.slice(2)))).toBe(true)
    expect(total('topic.payOwed', 'votes')).toBe(30)
    expect(await tc.engine.count('topic_votes', { pointsPending: true })).toBe(0)
    expect(await tc.engine.count('point_transfers', { key: /^council:vote:t-due-00:/ })).toBe(30)
    expect(total('mall.releaseStaleHolds', 'released')).toBe(30)
    expect(await tc.engine.count('mall_items', { _id: /^it-held-/, stock: 2 })).toBe(30)
    expect(total('request.clocks', 'red')).toBe(60)
    expect(await tc.engine.count('requests', { _id: /^r-red-/, late: true, warned: 'red', nextCheckAt: null })).toBe(60)
    expect(total('request.autoClose', 'closed')).toBe(40)
    expect(await tc.engine.count('requests', { _id: /^r-res-/, status: 'closed', open: false })).toBe(40)
    const reminders = await tc.engine.find('outbox', { templateId: TEMPLATES.bookingReminder.id })
    expect(reminders.length).toBe(total('booking.remind', 'reminded'))
    expect(new Set(reminders.map((m) => m.touser)).size).toBe(reminders.length)
    expect(total('booking.remind', 'reminded')).toBe(120)
    expect(await tc.engine.count('bookings', { _id: /^b-timer-/, remindedAt: { $ne: null } })).toBe(120)
    expect(total('booking.releaseStaleHolds', 'released')).toBe(30)
    expect(await tc.engine.count('service_slots', { _id: /^s-timer_/, taken: 1, holds: { $size: 0 } })).toBe(30)

    // A further tick finds nothing to do, and says so quickly.
    const idle = await tick()
    expect(idle._timer.pending).toEqual([])
    expect(idle['mall.expireOrders']).toEqual({ expired: 0 })
    expect(idle['points.expire']).toEqual({ expired: 0, accounts: 0 })
  }, 180_000)

  test('a job that throws does not stop the others, is recorded, and runs again on the next tick', async () => {
    await setup()
    await expiredOrders(3)
    await oldPoints(2)
    const real = TIMER_JOBS['mall.releaseStaleHolds']
    TIMER_JOBS['mall.releaseStaleHolds'] = async () => {
      throw new Error('boom')
    }
    try {
      const t = await tick()
      expect(t['mall.releaseStaleHolds']).toEqual({ error: true })
      expect(t._timer.failed).toEqual(['mall.releaseStaleHolds'])
      expect(t['mall.expireOrders']).toEqual({ expired: 3 })
      expect(t['points.expire']).toEqual({ expired: 20, accounts: 2 })
      const [state] = await tc.engine.find('timer_state', { _id: 'mall.releaseStaleHolds' })
      expect(state).toMatchObject({ lastError: 'boom', lastErrorAt: expect.any(Date) })
    } finally {
      TIMER_JOBS['mall.releaseStaleHolds'] = real
    }
    const next = await tick()
    expect(next['mall.releaseStaleHolds']).toEqual({ released: 0 })
    expect((await tc.engine.find('timer_state', { _id: 'mall.releaseStaleHolds' }))[0].lastError).toBeNull()
  })

  test('a tick cut off by the time limit loses nothing: the next one resumes from the saved cursor, each order once', async () => {
    await setup()
    const itemId = await expiredOrders(60)
    const real = TIMER_JOBS['mall.expireOrders']
    let batches = 0
    // Two real batches, then one that hangs past the limit.
    const hanging: TimerJob = async (deps, cursor) => {
      if (++batches > 2) await sleep(2500)
      return real(deps, cursor)
    }
    TIMER_JOBS['mall.expireOrders'] = hanging
    tc.setTimeoutMs(1500)
    try {
      const err = await tc.tick().then(
        () => null,
        (e: unknown) => e,
      )
      expect(err).toBeInstanceOf(InvocationTimeout)
      expect(await tc.engine.count('mall_orders', { itemId, status: 'expired' })).toBe(20)
      const [state] = await tc.engine.find('timer_state', { _id: 'mall.expireOrders' })
      expect(state.cursor).not.toBeNull()
      // The cut-off batch wakes up later and can no longer write.
      await sleep(1200)
      expect(await tc.engine.count('mall_orders', { itemId, status: 'expired' })).toBe(20)
    } finally {
      TIMER_JOBS['mall.expireOrders'] = real
    }
    tc.setTimeoutMs(null)
    const ticks = [await tick()]
    while (ticks[ticks.length - 1]._timer.pending.length > 0 && ticks.length < 10) ticks.push(await tick())
    expect(await tc.engine.count('mall_orders', { itemId, status: 'expired' })).toBe(60)
    expect(await tc.engine.count('point_transfers', { kind: 'refund' })).toBe(60)
  }, 30_000)

  test('two ticks at once: the second finds the lease taken and does nothing', async () => {
    await setup()
    await expiredOrders(30)
    const [a, b] = await Promise.all([tc.tick(), tc.tick()])
    const answers = [a, b].map((r) => (r.ok ? r.data : null))
    expect(answers.filter((d) => d?._timer.skipped)).toHaveLength(1)
    expect(await tc.engine.count('point_transfers', { kind: 'refund' })).toBe(30)
  })
})

describe('fan-out in batches', () => {
  test('cancelling an activity with 300 people answers at once; ticks tell everyone else, each person once', async () => {
    await setup()
    const crowd = await people('fan', 300)
    await activityWith('ac-big', crowd, new Date(tc.now().getTime() + 2 * DAY))
    const page = `packages/party/pages/activity/index?id=ac-big&c=${c}`
    const res = await tc.call(sec, 'activity.cancel', { communityId: c, activityId: 'ac-big', reason: '天气原因，改期举行' })
    expect(res.ok).toBe(true)
    const inv = tc.lastInvocation()!
    expect(inv.timedOut).toBe(false)
    // One batch of 50, whatever the crowd: a bounded number of round trips (it was 600+ for 300 people).
    expect(inv.requests).toBeLessThan(250)
    expect(await tc.engine.count('outbox', { page })).toBe(50)
    expect(await tc.engine.count('notify_jobs', { _id: 'cancel_ac-big', status: 'pending' })).toBe(1)

    // A tick racing another tick and the rest of the queue: still once each.
    const ticks = await Promise.all([tc.tick(), tc.tick()])
    expect(ticks.every((t) => t.ok)).toBe(true)
    for (let i = 0; i < 10 && (await tc.engine.count('notify_jobs', { status: 'pending' })) > 0; i++) await tick()
    const told = await tc.engine.find('outbox', { page })
    expect(told).toHaveLength(300)
    expect(new Set(told.map((m) => m.touser)).size).toBe(300)
    expect(told.every((m) => m.data.thing1.value.startsWith('活动取消'))).toBe(true)
    expect((await tc.engine.find('notify_jobs', { _id: 'cancel_ac-big' }))[0]).toMatchObject({ status: 'done', sent: 300, doneAt: expect.any(Date) })
    // Cancelling again changes nothing and tells nobody twice.
    expect((await tc.call(sec, 'activity.cancel', { communityId: c, activityId: 'ac-big', reason: '再取消' })).ok).toBe(false)
    await tick()
    expect(await tc.engine.count('outbox', { page })).toBe(300)
  }, 60_000)
})

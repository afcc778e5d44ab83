/**
 * Scale cases of the council area (see bench/scale.ts): council.list / stats / talkPoints, topic.list (first,
 * deep and awaiting-vote pages), topic.comments (first and deep) and meeting.list (first and deep), as the
 * community's topics, votes, comments and meetings grow. Counters the topics carry (supports, comments) are
 * made right the way production repairs them: the 'council.topics' recount (counters.recount) after each growth.
 */
import { P, T } from '../test/support/fixtures'
import { topic, topicId } from './council'
import { runRecount } from '../test/support/recount'
import type { ScaleCase, ScaleCtx } from './scale'

const STATUSES = ['collecting', 'review', 'discussion', 'opinions', 'voting', 'decided', 'implementing', 'done', 'retired', 'withdrawn'] as const
const OTHERS = STATUSES.filter((s) => s !== 'voting')
const START = Date.UTC(2025, 0, 1)
const COUNCIL = `cc_${T.c1}`
const MIN = 60_000

/** Topic i's status: the first 20 topics are voting (a community holds few votes open at once), the rest cycle. */
const statusOf = (i: number) => (i < 20 ? 'voting' : OTHERS[i % OTHERS.length])
/** Topics past their vote carry its tally and outcome (implementing and done ones passed). */
const outcomeOf = (i: number) => {
  const s = statusOf(i)
  return s === 'decided' ? (i % 20 < 10 ? 'passed' : 'rejected') : s === 'implementing' || s === 'done' ? 'passed' : null
}
/** Topics with a vote: those voting and those decided (one vote each, by another household). */
const votedOn = (i: number) => statusOf(i) === 'voting' || outcomeOf(i) !== null

/** Topics i of [from, to) of community 1's default council, twenty minutes apart, every status. */
function topicDocs(from: number, to: number) {
  return Array.from({ length: to - from }, (_, k) => {
    const i = from + k
    const at = new Date(START + i * 20 * MIN)
    const status = statusOf(i)
    const outcome = outcomeOf(i)
    // voting topics close long after the bench's clock: they are still open to vote
    const closesAt = new Date(Date.UTC(2099, 0, 1))
    return topic(topicId(at, i), at, {
      status,
      public: status !== 'withdrawn',
      outcome,
      tally: outcome ? { yes: outcome === 'passed' ? 1 : 0, no: outcome === 'passed' ? 0 : 1, abstain: 0, online: 1, offline: 0 } : null,
      authorId: i % 4 ? P.resident.id : P.neighbour.id,
      ...(status === 'voting'
        ? {
            vote: { opensAt: at, closesAt, eligibility: 'household', electorate: 100, quorumPercent: 0, passPercent: 50, secretBallot: true },
            votingClosesAt: closesAt,
          }
        : {}),
    })
  })
}

/** One vote on each topic voted on (by a household that is not the bench caller's). */
function voteDocs(from: number, to: number) {
  return topicDocs(from, to).flatMap((t, k) =>
    votedOn(from + k)
      ? [
          {
            _id: `${t._id}_h_other-${from + k}`,
            topicId: t._id,
            communityId: T.c1,
            identity: `h_other-${from + k}`,
            voterId: `u-other-${from + k}`,
            choice: t.outcome === 'rejected' ? 'no' : 'yes',
            channel: 'online',
            meetingId: null,
            recordedById: null,
            at: t.createdAt,
          },
        ]
      : [],
  )
}

/** The first topic: every comment of the comments cases is on it. */
const FIRST = topicId(new Date(START), 0)

/** Comments [from, to) on the first topic, one in five held; its `comments` counter is set by the recount. */
function commentDocs(from: number, to: number) {
  return Array.from({ length: to - from }, (_, k) => {
    const i = from + k
    const at = new Date(START + i * MIN)
    return {
      _id: 'k' + at.getTime().toString(36).padStart(9, '0') + i.toString(16).padStart(12, '0'),
      topicId: FIRST,
      communityId: T.c1,
      authorId: i % 2 ? P.resident.id : P.neighbour.id,
      text: `意见 ${i}`,
      status: i % 5 === 0 ? 'held' : 'visible',
      reports: 0,
      at,
    }
  })
}

/** Meetings [from, to) of the default council (activities carrying `meeting`), each discussing two topics. */
function meetingDocs(from: number, to: number) {
  return Array.from({ length: to - from }, (_, k) => {
    const i = from + k
    const at = new Date(START + i * 60 * MIN)
    return {
      _id: 'ac' + at.getTime().toString(36).padStart(9, '0') + i.toString(16).padStart(10, '0'),
      communityId: T.c1,
      title: `议事日 ${i}`,
      description: '',
      place: '党群服务中心',
      startAt: at,
      endAt: new Date(at.getTime() + 60 * MIN),
      capacity: 50,
      signedUp: 0,
      pointsPerHour: 0,
      organiserId: P.secretary.id,
      postId: null,
      location: null,
      secret: 'x',
      status: 'published',
      meeting: { councilId: COUNCIL, kind: 'council_day', topicIds: [topicId(new Date(START + i * 20 * MIN), i)], minutes: null },
      createdAt: at,
      updatedAt: at,
    }
  })
}

const sec = P.secretary.openid!

/** The default council exists (council.list makes it on first use). */
async function setup(ctx: ScaleCtx) {
  await ctx.ok(sec, 'council.list', { communityId: T.c1 })
  ctx.state.cursor = null
}

/** Counters made right the way production repairs them: the 'council.topics' recount, to the end of its pass. */
async function recount() {
  await runRecount('council.topics', { fix: true })
}

const growTopics: ScaleCase['grow'] = async (ctx, from, to) => {
  await ctx.engine.insertMany('topics', topicDocs(from, to))
  await ctx.engine.insertMany('topic_votes', voteDocs(from, to))
}

/** Topics and votes, then the council counters made right by the recount (the topics went straight in). */
const growCounted: ScaleCase['grow'] = async (ctx, from, to) => {
  await growTopics(ctx, from, to)
  await recount()
}

const growComments: ScaleCase['grow'] = async (ctx, from, to) => {
  if (from === 0) await ctx.engine.insertMany('topics', topicDocs(0, 1))
  await ctx.engine.insertMany('topic_comments', commentDocs(from, to))
  await recount()
}

const growMeetings: ScaleCase['grow'] = async (ctx, from, to) => {
  await ctx.engine.insertMany('topics', topicDocs(from, to))
  await ctx.engine.insertMany('activities', meetingDocs(from, to))
}

/** Walk (not measured) to the page half-way through a list, and keep its cursor for the measured calls. */
function deepCheck(action: string, data: object, total: (n: number) => number) {
  return async (_answer: any, n: number, ctx: ScaleCtx) => {
    // from the first page (the answer checked is the page of the previous size's cursor)
    const first = await ctx.ok(sec, action, { ...data, limit: 50 })
    let cursor = first.nextCursor
    let seen = first.items.length
    while (cursor && seen < total(n) / 2) {
      const next = await ctx.ok(sec, action, { ...data, limit: 50, cursor })
      cursor = next.nextCursor
      seen += next.items.length
    }
    if (!cursor) throw new Error(`${action}: no page half-way (${seen} seen)`)
    ctx.state.cursor = cursor
  }
}

const page20 = (what: string) => (answer: any) => {
  if (!Array.isArray(answer.items) || answer.items.length !== 20) throw new Error(`${what} answered ${answer.items?.length} items`)
}

export const COUNCIL_SCALE: ScaleCase[] = [
  {
    name: 'council.list',
    setup,
    grow: growTopics,
    call: () => ({ openid: P.resident.openid!, action: 'council.list', data: { communityId: T.c1 } }),
    check(answer) {
      if (!Array.isArray(answer) || !answer.some((c: any) => c.id === COUNCIL)) throw new Error('council.list lost the default council')
    },
  },
  {
    name: 'council.stats',
    setup,
    grow: growCounted,
    call: () => ({ openid: sec, action: 'council.stats', data: { communityId: T.c1 } }),
    check(answer, n) {
      const want = { byStatus: {} as Record<string, number>, passed: 0, rejected: 0, votes: 0 }
      for (let i = 0; i < n; i++) {
        want.byStatus[statusOf(i)] = (want.byStatus[statusOf(i)] ?? 0) + 1
        if (outcomeOf(i) === 'passed') want.passed++
        if (outcomeOf(i) === 'rejected') want.rejected++
        if (votedOn(i)) want.votes++
      }
      const got = { byStatus: answer.byStatus, passed: answer.decided.passed, rejected: answer.decided.rejected, votes: answer.votesCast }
      if (JSON.stringify(got, Object.keys(got).concat(STATUSES).sort()) !== JSON.stringify(want, Object.keys(want).concat(STATUSES).sort()))
        throw new Error(`council.stats answered ${JSON.stringify(got)}, want ${JSON.stringify(want)}`)
    },
  },
  {
    name: 'council.talkPoints',
    async setup(ctx) {
      await setup(ctx)
      for (const name of ['3栋门口长椅', '小区东门', '菜市场口']) await ctx.ok(sec, 'council.talkPoint', { communityId: T.c1, name })
    },
    grow: growTopics,
    call: () => ({ openid: sec, action: 'council.talkPoints', data: { communityId: T.c1 } }),
    check(answer) {
      if (!Array.isArray(answer) || answer.length !== 3) throw new Error(`council.talkPoints answered ${answer?.length}`)
    },
  },
  {
    name: 'topic.list',
    setup,
    grow: growTopics,
    call: () => ({ openid: P.member.openid!, action: 'topic.list', data: { communityId: T.c1, limit: 20 } }),
    check: page20('topic.list'),
  },
  {
    name: 'topic.list#deep',
    setup,
    grow: growTopics,
    call: (ctx) => ({
      openid: P.member.openid!,
      action: 'topic.list',
      data: { communityId: T.c1, limit: 20, ...(ctx.state.cursor ? { cursor: ctx.state.cursor } : {}) },
    }),
    check: deepCheck('topic.list', { communityId: T.c1 }, (n) => (n * 9) / 10),
  },
  {
    name: 'topic.list#awaiting',
    setup,
    grow: growTopics,
    call: () => ({ openid: P.resident.openid!, action: 'topic.list', data: { communityId: T.c1, limit: 20, awaiting: 'vote' } }),
    check(answer) {
      // every voting topic awaits the resident's household (the grown votes are other households')
      if (answer.items.length !== 20 || answer.items.some((t: any) => t.status !== 'voting')) throw new Error(`awaiting vote answered ${answer.items.length}`)
    },
  },
  {
    name: 'topic.comments',
    setup,
    grow: growComments,
    call: () => ({ openid: P.member.openid!, action: 'topic.comments', data: { communityId: T.c1, topicId: FIRST, limit: 20 } }),
    async check(answer, n, ctx) {
      page20('topic.comments')(answer)
      const t = (await ctx.engine.find('topics', { _id: FIRST }))[0]
      const visible = n - Math.ceil(n / 5)
      if (t.comments !== visible) throw new Error(`topic.comments counter ${t.comments}, want ${visible} (recount)`)
    },
  },
  {
    name: 'topic.comments#deep',
    setup,
    grow: growComments,
    call: (ctx) => ({
      openid: P.member.openid!,
      action: 'topic.comments',
      data: { communityId: T.c1, topicId: FIRST, limit: 20, ...(ctx.state.cursor ? { cursor: ctx.state.cursor } : {}) },
    }),
    check: deepCheck('topic.comments', { communityId: T.c1, topicId: FIRST }, (n) => (n * 4) / 5),
  },
  {
    name: 'meeting.list',
    setup,
    grow: growMeetings,
    call: () => ({ openid: P.resident.openid!, action: 'meeting.list', data: { communityId: T.c1, limit: 20 } }),
    check(answer) {
      page20('meeting.list')(answer)
      if (answer.items.some((m: any) => m.topics.length !== 1)) throw new Error('meeting.list lost a meeting topic')
    },
  },
  {
    name: 'meeting.list#deep',
    setup,
    grow: growMeetings,
    call: (ctx) => ({
      openid: P.resident.openid!,
      action: 'meeting.list',
      data: { communityId: T.c1, limit: 20, ...(ctx.state.cursor ? { cursor: ctx.state.cursor } : {}) },
    }),
    check: deepCheck('meeting.list', { communityId: T.c1 }, (n) => n),
  },
]

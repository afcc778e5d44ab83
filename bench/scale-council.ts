/**
 * Scale cases of the council area (see bench/scale.ts): council.list / stats / talkPoints, topic.list (first,
 * deep and awaiting-vote pages), topic.comments (first and deep) and meeting.list (first and deep), as the
 * community's topics, votes, comments and meetings grow. Counters the topics carry (supports, comments) are
 * made right the way production repairs them: the 'council.topics' recount (counters.recount) after each growth.
 */
import { P, T } from '../test/support/fixtures'
import { topic, topicId } from './council'
import type { ScaleCase, ScaleCtx } from './scale'

const STATUSES = ['collecting', 'review', 'discussion', 'opinions', 'voting', 'decided', 'implementing', 'done', 'retired', 'withdrawn'] as const
const START = Date.UTC(2025, 0, 1)
const COUNCIL = `cc_${T.c1}`
const MIN = 60_000

/** The status of topic i and whether it is public. */
const statusOf = (i: number) => STATUSES[i % STATUSES.length]

/** Topics i of [from, to) of community 1's default council, twenty minutes apart, every status. */
function topicDocs(from: number, to: number) {
  return Array.from({ length: to - from }, (_, k) => {
    const i = from + k
    const at = new Date(START + i * 20 * MIN)
    const status = statusOf(i)
    const voting = status === 'voting'
    // voting topics close long after the bench's clock: they are still open to vote
    const closesAt = new Date(Date.UTC(2099, 0, 1))
    return topic(topicId(at, i), at, {
      status,
      public: status !== 'withdrawn',
      outcome: status === 'decided' ? (i % 20 < 10 ? 'passed' : 'rejected') : null,
      authorId: i % 4 ? P.resident.id : P.neighbour.id,
      ...(voting
        ? {
            vote: { opensAt: at, closesAt, eligibility: 'household', electorate: 100, quorumPercent: 0, passPercent: 50, secretBallot: true },
            votingClosesAt: closesAt,
          }
        : {}),
    })
  })
}

/** One vote per topic (by a household that is not the bench caller's), so votesCast grows with the topics. */
function voteDocs(from: number, to: number) {
  return topicDocs(from, to).map((t, k) => ({
    _id: `${t._id}_h_other-${from + k}`,
    topicId: t._id,
    communityId: T.c1,
    identity: `h_other-${from + k}`,
    voterId: `u-other-${from + k}`,
    choice: k % 3 ? 'yes' : 'no',
    channel: 'online',
    meetingId: null,
    recordedById: null,
    at: t.createdAt,
  }))
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

/** Counters made right the way production repairs them: the council recount, run until its pass is over. */
async function recount(ctx: ScaleCtx) {
  let cursor: unknown = null
  for (let i = 0; i < 1000; i++) {
    const r = await ctx.ok(P.streetAdmin.openid!, 'counters.recount', { name: 'council.topics', fix: true, ...(cursor ? { cursor } : {}) })
    if (r.done) return
    cursor = r.cursor
  }
  throw new Error('council.topics recount did not finish')
}

const growTopics: ScaleCase['grow'] = async (ctx, from, to) => {
  await ctx.engine.insertMany('topics', topicDocs(from, to))
  await ctx.engine.insertMany('topic_votes', voteDocs(from, to))
}

const growComments: ScaleCase['grow'] = async (ctx, from, to) => {
  if (from === 0) await ctx.engine.insertMany('topics', topicDocs(0, 1))
  await ctx.engine.insertMany('topic_comments', commentDocs(from, to))
  await recount(ctx)
}

const growMeetings: ScaleCase['grow'] = async (ctx, from, to) => {
  await ctx.engine.insertMany('topics', topicDocs(from, to))
  await ctx.engine.insertMany('activities', meetingDocs(from, to))
}

/** Walk (not measured) to the page half-way through a list, and keep its cursor for the measured calls. */
function deepCheck(action: string, data: object, total: (n: number) => number) {
  return async (answer: any, n: number, ctx: ScaleCtx) => {
    let cursor = answer.nextCursor
    let seen = answer.items.length
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
    grow: growTopics,
    call: () => ({ openid: sec, action: 'council.stats', data: { communityId: T.c1 } }),
    check(answer, n) {
      for (const s of STATUSES) {
        const want = Array.from({ length: STATUSES.length }, (_, r) => r).filter((r) => STATUSES[r] === s)[0]
        const expected = Math.floor((n - want - 1) / STATUSES.length) + 1
        if ((answer.byStatus[s] ?? 0) !== expected) throw new Error(`council.stats byStatus.${s}=${answer.byStatus[s]}, want ${expected}`)
      }
      if (answer.votesCast !== n) throw new Error(`council.stats votesCast=${answer.votesCast}, want ${n}`)
      const decided = answer.decided.passed + answer.decided.rejected
      if (decided !== answer.byStatus.decided) throw new Error(`council.stats decided ${decided} ≠ ${answer.byStatus.decided}`)
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

/**
 * Scale cases of the wish area (see bench/scale.ts): the wish wall, my wishes (as wisher and as claimer), the
 * review queue and the overdue queue, each first and deep page; and wish.stats, whose counters are made right
 * by the repair (counters.recount, as production repairs them) after every growth and checked against what
 * was inserted.
 */
import { P, T } from '../test/support/fixtures'
import type { ScaleCase, ScaleCtx } from './scale'

const STATUSES = ['open', 'claimed', 'fulfilled', 'closed', 'under_review', 'withdrawn'] as const
const CATEGORIES = ['生活帮扶', '助老', '助学', '医疗', '物品', '其他']
const START = Date.UTC(2025, 0, 1)

/** Wishes `from`…`to`-1 (of community 1 unless `communityOf` says otherwise), ten minutes apart, every status. */
export function wishDocs(from: number, to: number, communityOf: (i: number) => string = () => T.c1) {
  return Array.from({ length: to - from }, (_, k) => {
    const i = from + k
    const at = new Date(START + i * 10 * 60_000)
    const status = STATUSES[i % STATUSES.length]
    return {
      _id: 'w' + at.getTime().toString(36).padStart(9, '0') + i.toString(16).padStart(12, '0'),
      communityId: communityOf(i),
      compoundId: T.compound1,
      buildingId: i % 2 ? T.b1 : T.b2,
      title: `心愿 ${i}`,
      description: '……',
      category: CATEGORIES[i % CATEGORIES.length],
      photos: [],
      wishedBy: null,
      wisherId: P.resident.id,
      postedById: P.resident.id,
      onBehalf: false,
      status,
      onWall: ['open', 'claimed', 'fulfilled', 'closed'].includes(status),
      claimerId: status === 'open' ? null : P.member.id,
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
    }
  })
}

const grow: ScaleCase['grow'] = async (ctx, from, to) => {
  await ctx.engine.insertMany('wishes', wishDocs(from, to))
}

/** Runs a registered recount to its end through the street admin's action (what the daily timer job does). */
export async function repair(ctx: ScaleCtx, name: string, communityId = T.c1): Promise<void> {
  let cursor: string | undefined
  for (;;) {
    const v = await ctx.ok(P.streetAdmin.openid!, 'counters.recount', { communityId, name, fix: true, ...(cursor ? { cursor } : {}) })
    if (v.done) return
    cursor = v.cursor
  }
}

type Call = ReturnType<ScaleCase['call']>

/**
 * A list's first page and its deep page (`#deep`): the page after `share` of the list's `n × perDoc` items, its
 * cursor found once per size by walking (not measured), then every measured call reads that page.
 */
export function listCases(name: string, call: (n: number) => Call, perDoc: number, g: ScaleCase['grow'] = grow, share = 0.5): ScaleCase[] {
  return [
    {
      name,
      grow: g,
      call: (_ctx, n) => call(n),
      check(answer) {
        if (!Array.isArray(answer.items) || answer.items.length === 0) throw new Error(`${name} answered ${answer.items?.length} items`)
      },
    },
    {
      name: `${name}#deep`,
      grow: g,
      call: (ctx, n) => {
        const c = call(n)
        return { ...c, data: { ...c.data, ...(ctx.state.cursor ? { cursor: ctx.state.cursor } : {}) } }
      },
      async check(_answer, n, ctx) {
        // from the first page (the measured call may have started at the last size's deep cursor)
        const c = call(n)
        const head = await ctx.ok(c.openid, c.action, { ...c.data, limit: 50 })
        let cursor = head.nextCursor
        let seen = head.items.length
        while (cursor && seen < n * perDoc * share) {
          const next = await ctx.ok(c.openid, c.action, { ...c.data, limit: 50, cursor })
          cursor = next.nextCursor
          seen += next.items.length
        }
        if (!cursor) throw new Error(`${name}: the list ended after ${seen} items, before its deep page`)
        ctx.state.cursor = cursor
      },
    },
  ]
}

const sec = P.secretary.openid!

export const WISH_SCALE: ScaleCase[] = [
  {
    name: 'wish.stats',
    async grow(ctx, from, to) {
      await grow(ctx, from, to)
      await repair(ctx, 'wish.stats')
    },
    call: () => ({ openid: sec, action: 'wish.stats', data: { communityId: T.c1 } }),
    check(answer, n) {
      // wishDocs: the statuses in turn, so each holds n / 6; none claimed (no claim times), none rated; the open
      // ones opened in 2025, long overdue
      const each = (k: number) => Math.floor((n - k + STATUSES.length - 1) / STATUSES.length)
      const wrong = STATUSES.filter((s, k) => answer.byStatus[s] !== each(k))
      // (the open ones are all overdue: counted up to 100, and said to be more)
      const overdue = Math.min(100, each(0))
      if (answer.posted !== n || wrong.length || answer.overdue !== overdue || answer.overdueMore !== each(0) >= 100 || answer.ratings.count !== 0)
        throw new Error(`wish.stats at ${n}: ${JSON.stringify({ posted: answer.posted, byStatus: answer.byStatus, overdue: answer.overdue })}`)
    },
  },
  ...listCases('wish.mine', () => ({ openid: P.resident.openid!, action: 'wish.mine', data: { communityId: T.c1, as: 'wisher', limit: 20 } }), 1),
  ...listCases('wish.mine(claimer)', () => ({ openid: P.member.openid!, action: 'wish.mine', data: { communityId: T.c1, as: 'claimer', limit: 20 } }), 5 / 6),
  ...listCases('wish.reviewQueue', () => ({ openid: sec, action: 'wish.reviewQueue', data: { communityId: T.c1, limit: 20 } }), 1 / 6),
  ...listCases('wish.overdue', () => ({ openid: sec, action: 'wish.overdue', data: { communityId: T.c1, limit: 20 } }), 1 / 6),
  {
    name: 'wish.list',
    grow,
    call: () => ({ openid: P.member.openid!, action: 'wish.list', data: { communityId: T.c1, limit: 20 } }),
    check(answer) {
      if (!Array.isArray(answer.items) || answer.items.length !== 20) throw new Error(`wish.list answered ${answer.items?.length} items`)
    },
  },
  {
    name: 'wish.list#deep',
    grow,
    async setup(ctx) {
      ctx.state.cursor = null
    },
    // the page after the first 90% of the wall: the cursor of a page near the end, found once per size
    call: (ctx) => ({
      openid: P.member.openid!,
      action: 'wish.list',
      data: { communityId: T.c1, limit: 20, ...(ctx.state.cursor ? { cursor: ctx.state.cursor } : {}) },
    }),
    async check(answer, n, ctx) {
      // walk once (not measured) to the page half-way through the wall (4 in 6 wishes are on it); every
      // measured call then reads that page
      let cursor = answer.nextCursor
      let seen = answer.items.length
      while (cursor && seen < (n * 4) / 6 / 2) {
        const next = await ctx.ok(P.member.openid!, 'wish.list', { communityId: T.c1, limit: 50, cursor })
        cursor = next.nextCursor
        seen += next.items.length
      }
      ctx.state.cursor = cursor
    },
  },
]

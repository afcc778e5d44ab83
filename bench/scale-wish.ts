/**
 * Scale cases of the wish area (see bench/scale.ts): the wish wall's first and deep pages.
 */
import { P, T } from '../test/support/fixtures'
import type { ScaleCase } from './scale'

const STATUSES = ['open', 'claimed', 'fulfilled', 'closed', 'under_review', 'withdrawn'] as const
const CATEGORIES = ['生活帮扶', '助老', '助学', '医疗', '物品', '其他']
const START = Date.UTC(2025, 0, 1)

/** Wishes `from`…`to`-1 of community 1, ten minutes apart, every status. */
export function wishDocs(from: number, to: number): object[] {
  return Array.from({ length: to - from }, (_, k) => {
    const i = from + k
    const at = new Date(START + i * 10 * 60_000)
    const status = STATUSES[i % STATUSES.length]
    return {
      _id: 'w' + at.getTime().toString(36).padStart(9, '0') + i.toString(16).padStart(12, '0'),
      communityId: T.c1,
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

export const WISH_SCALE: ScaleCase[] = [
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

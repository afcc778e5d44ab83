/**
 * Scale cases of points and the supermarket (see bench/scale.ts). n = ledger transfers of the resident's account
 * (each one entry on the account and one on a sponsor or the supermarket; three earnings of 10 for two
 * redemptions of 14, twenty minutes apart over the last two years), or orders / items of the community.
 * The counters of inserted entries are made right the way production repairs them: the 'points.accounts' and
 * 'points.sponsors' recounts (modules/counters/registry.ts), run to the end of their pass in `grow`.
 */
import * as cloud from 'wx-server-sdk'
import { P, T } from '../test/support/fixtures'
import { RECOUNTS } from '../cloudfunctions/api/src/modules/counters/registry'
import type { Cursor } from '../cloudfunctions/api/src/platform/batches'
import type { Deps } from '../cloudfunctions/api/src/platform/context'
import type { Db } from '../cloudfunctions/api/src/platform/db'
import { accountId, nextExpiry } from '../cloudfunctions/api/src/modules/points/policy'
import { chinaDay, chinaMonth, chinaMonthsBack } from '../cloudfunctions/api/src/platform/chinaTime'
import type { ScaleCase, ScaleCtx } from './scale'

const NOW = Date.now()
const STEP = 20 * 60_000
const SPONSOR = 'sp-bench'
const ME = accountId.person(T.c1, P.resident.id)

/** When transfer i happened: transfer 0 is the newest, each next one 20 minutes older (50k: two years back). */
const atOf = (i: number) => new Date(NOW - i * STEP)

const isEarn = (i: number) => i % 5 < 3
const amountOf = (i: number) => (isEarn(i) ? 10 : -14)

/** Transfer i's two entries: the person's and the sponsor's (earning) or the supermarket's (redeeming). */
function entriesOf(i: number): object[] {
  const at = atOf(i)
  const stamp = at.getTime().toString(36).padStart(9, '0')
  const t = `t${i.toString(16).padStart(31, '0')}`
  const earn = isEarn(i)
  const base = { transferId: t, communityId: T.c1, kind: earn ? 'earn' : 'redeem', reason: earn ? '志愿服务' : '兑换', cause: null, sponsorId: SPONSOR, at }
  return [
    { _id: `e${stamp}${t.slice(1, 13)}0`, ...base, accountId: ME, accountKind: 'person', amount: amountOf(i) },
    earn
      ? { _id: `e${stamp}${t.slice(1, 13)}1`, ...base, accountId: accountId.sponsor(T.c1, SPONSOR), accountKind: 'sponsor', amount: -10 }
      : { _id: `e${stamp}${t.slice(1, 13)}1`, ...base, accountId: accountId.mall(T.c1), accountKind: 'mall', amount: 14 },
  ]
}

const db = () => cloud.database({ throwOnNotFound: false } as Parameters<typeof cloud.database>[0]) as unknown as Db

/** Runs a recount to the end of its pass, fixing what it finds (as the counters.recount job does). */
export async function recountAll(name: string): Promise<number> {
  const deps: Deps = { db: db(), openid: null, now: () => new Date(), openapi: null as unknown as Deps['openapi'] }
  let cursor: Cursor = null
  let fixed = 0
  for (;;) {
    const b = await RECOUNTS[name](deps, cursor, { fix: true })
    fixed += b.drift.filter((d) => d.fixed).length
    if (b.done) return fixed
    cursor = b.cursor
  }
}

async function setupLedger(ctx: ScaleCtx) {
  const now = new Date()
  await ctx.engine.insertMany('point_settings', [{ _id: T.c1, expireMonths: 12, updatedAt: now }])
  await ctx.engine.insertMany('point_sponsors', [
    { _id: SPONSOR, communityId: T.c1, name: '青山区税务局', partnerUnitId: null, contact: null, warnBelow: 100, priority: 10, active: true, createdAt: now },
  ])
  // The accounts as a deployment before lots were kept: balances and lots are the recount's to make right.
  await ctx.engine.insertMany('point_accounts', [
    { _id: ME, communityId: T.c1, kind: 'person', ownerId: P.resident.id, balance: 0, createdAt: now, updatedAt: now },
    { _id: accountId.sponsor(T.c1, SPONSOR), communityId: T.c1, kind: 'sponsor', ownerId: SPONSOR, balance: 0, createdAt: now, updatedAt: now },
  ])
}

/** Older history at each size; then the recounts make the balances, lots and counters right. */
const growLedger: ScaleCase['grow'] = async (ctx, from, to) => {
  const docs: object[] = []
  for (let i = from; i < to; i++) docs.push(...entriesOf(i))
  await ctx.engine.insertMany('point_entries', docs)
  ctx.state.fixed = (await recountAll('points.accounts')) + (await recountAll('points.sponsors'))
}

function expected(n: number) {
  const list = Array.from({ length: n }, (_, i) => ({ amount: amountOf(i), at: atOf(i), earn: isEarn(i) }))
  const balance = list.reduce((s, e) => s + e.amount, 0)
  return { list, balance }
}

const call =
  (action: string, extra: object = {}) =>
  () => ({
    openid: ['points.sponsors', 'points.report'].includes(action) ? P.secretary.openid! : P.resident.openid!,
    action,
    data: { communityId: T.c1, ...extra },
  })

export const POINTS_SCALE: ScaleCase[] = [
  {
    name: 'points.balance',
    setup: setupLedger,
    grow: growLedger,
    call: () => ({ openid: P.resident.openid!, action: 'points.balance', data: { communityId: T.c1 } }),
    check(answer, n) {
      const { list, balance } = expected(n)
      if (answer.balance !== balance) throw new Error(`points.balance: ${answer.balance}, the ledger says ${balance}`)
      const e = nextExpiry(list, 12, chinaDay(new Date()), 30)
      const want = e ? { amount: Math.min(e.amount, balance), on: e.on } : null
      if (JSON.stringify(answer.expiring) !== JSON.stringify(want))
        throw new Error(`points.balance expiring ${JSON.stringify(answer.expiring)}, the ledger says ${JSON.stringify(want)}`)
    },
  },
  {
    name: 'points.statement',
    setup: setupLedger,
    grow: growLedger,
    call: call('points.statement', { limit: 20 }),
    check(answer) {
      if (answer.items.length !== 20) throw new Error(`points.statement answered ${answer.items.length} lines`)
    },
  },
  {
    name: 'points.statement#deep',
    setup: setupLedger,
    grow: growLedger,
    call: (ctx) => ({
      openid: P.resident.openid!,
      action: 'points.statement',
      data: { communityId: T.c1, limit: 20, ...(ctx.state.cursor ? { cursor: ctx.state.cursor } : {}) },
    }),
    async check(answer, n, ctx) {
      // The page 90% down the statement: its cursor is the entry id just newer than it.
      const ids = (await ctx.engine.find('point_entries', { accountId: ME }, { sort: { _id: -1 }, skip: Math.floor(n * 0.9), limit: 1 })).map((e) => e._id)
      ctx.state.cursor = ids[0]
      if (!answer.items.length) throw new Error('points.statement: empty')
    },
  },
  {
    name: 'points.sponsors',
    setup: setupLedger,
    grow: growLedger,
    call: call('points.sponsors'),
    check(answer, n) {
      const { list } = expected(n)
      const s = answer.find((x: { id: string }) => x.id === SPONSOR)
      const issued = list.filter((e) => e.earn).length * 10
      const redeemed = list.filter((e) => !e.earn).length * 14
      if (s?.issued !== issued || s?.redeemed !== redeemed)
        throw new Error(`points.sponsors: ${s?.issued}/${s?.redeemed}, the ledger says ${issued}/${redeemed}`)
    },
  },
  {
    name: 'points.report',
    setup: setupLedger,
    grow: growLedger,
    call: call('points.report', { months: 12 }),
    check(answer, n) {
      const { list } = expected(n)
      const want = new Map(chinaMonthsBack(new Date(), 12).map((m) => [m, { issued: 0, redeemed: 0 }]))
      for (const e of list) {
        const m = want.get(chinaMonth(e.at))
        if (m && e.earn) m.issued += 10
        else if (m) m.redeemed += 14
      }
      for (const m of answer.months) {
        const w = want.get(m.month)!
        if (m.issued !== w.issued || m.redeemed !== w.redeemed)
          throw new Error(`points.report ${m.month}: ${m.issued}/${m.redeemed}, the ledger says ${w.issued}/${w.redeemed}`)
      }
    },
  },
  {
    name: 'points.rules',
    setup: setupLedger,
    grow: growLedger,
    call: call('points.rules'),
    check(answer) {
      if (answer.expireMonths !== 12) throw new Error(`points.rules: expireMonths ${answer.expireMonths}`)
    },
  },
]

// ---------------------------------------------------------------- the supermarket

const ITEM = 'mi-bench'

/** Order i: three to a minute (ties on createdAt), every status, the resident's every other one. */
function orderDocs(from: number, to: number): object[] {
  const start = NOW - to * 20_000
  return Array.from({ length: to - from }, (_, k) => {
    const i = from + k
    const at = new Date(start + Math.floor(i / 3) * 60_000)
    return {
      _id: `mo${i.toString(16).padStart(10, '0')}`,
      communityId: T.c1,
      itemId: ITEM,
      itemName: '大米 5kg',
      userId: i % 2 ? P.resident.id : P.member.id,
      quantity: 1,
      points: 14,
      status: ['reserved', 'picked_up', 'cancelled', 'expired'][i % 4],
      pickupCode: `${(10_000_000 + i).toString()}`,
      deadline: new Date(at.getTime() + 7 * 86400_000),
      createdAt: at,
      closedAt: null,
      verifiedBy: null,
      sponsorId: SPONSOR,
    }
  })
}

async function setupShelf(ctx: ScaleCtx) {
  const now = new Date()
  await ctx.engine.insertMany('mall_items', [
    {
      _id: ITEM,
      communityId: T.c1,
      name: '大米 5kg',
      kind: 'goods',
      description: '',
      photos: [],
      price: 14,
      stock: 1000,
      perPersonLimit: null,
      pickupPlace: '党群服务中心',
      pickupHours: '周三上午',
      pickupDays: 7,
      sponsorId: SPONSOR,
      active: true,
      holds: [],
      createdAt: now,
      updatedAt: now,
    },
  ])
}

const growOrders: ScaleCase['grow'] = async (ctx, from, to) => {
  await ctx.engine.insertMany('mall_orders', orderDocs(from, to))
}

/** The cursor of the page 80% down a list, walked once (not measured) with pages of 100. */
async function deepCursor(ctx: ScaleCtx, openid: string, action: string, data: object, total: number): Promise<string | null> {
  let cursor: string | null = null
  let seen = 0
  while (seen < total * 0.8) {
    const page: { items: unknown[]; nextCursor: string | null } = await ctx.ok(openid, action, { ...data, limit: 50, ...(cursor ? { cursor } : {}) })
    seen += page.items.length
    cursor = page.nextCursor
    if (!cursor) break
  }
  return cursor
}

/** A list's first page and its page 80% down (`seen` = how many documents the list shows at size n). */
export function listCases(
  name: string,
  openid: string,
  data: object,
  seen: (n: number) => number,
  setup: ScaleCase['setup'],
  grow: ScaleCase['grow'],
): ScaleCase[] {
  return [
    {
      name,
      setup,
      grow,
      call: () => ({ openid, action: name, data: { ...data, limit: 20 } }),
      check(answer) {
        if (answer.items.length !== 20) throw new Error(`${name} answered ${answer.items.length} items`)
      },
    },
    {
      name: `${name}#deep`,
      setup,
      grow,
      call: (ctx) => ({ openid, action: name, data: { ...data, limit: 20, ...(ctx.state.cursor ? { cursor: ctx.state.cursor } : {}) } }),
      async check(answer, n, ctx) {
        if (!answer.items.length) throw new Error(`${name}: empty`)
        ctx.state.cursor = await deepCursor(ctx, openid, name, data, seen(n))
        if (!ctx.state.cursor) throw new Error(`${name}: no deep page at n=${n}`)
      },
    },
  ]
}

const growItems: ScaleCase['grow'] = async (ctx, from, to) => {
  const now = new Date()
  await ctx.engine.insertMany(
    'mall_items',
    Array.from({ length: to - from }, (_, k) => ({
      _id: `mi${(from + k).toString(16).padStart(10, '0')}`,
      communityId: T.c1,
      name: `物品 ${from + k}`,
      kind: 'goods',
      description: '',
      photos: [],
      price: 10,
      stock: 5,
      perPersonLimit: 2,
      pickupPlace: '党群服务中心',
      pickupHours: '周三上午',
      pickupDays: 7,
      sponsorId: null,
      active: (from + k) % 10 !== 0,
      holds: [],
      createdAt: now,
      updatedAt: now,
    })),
  )
}

export const MALL_SCALE: ScaleCase[] = [
  ...listCases('mall.orders', P.secretary.openid!, { communityId: T.c1 }, (n) => n, setupShelf, growOrders),
  ...listCases('mall.orders', P.secretary.openid!, { communityId: T.c1, status: 'reserved' }, (n) => n / 4, setupShelf, growOrders).map((c) => ({
    ...c,
    name: c.name.replace('mall.orders', 'mall.orders?status'),
    call: (ctx: ScaleCtx, n: number) => ({ ...c.call(ctx, n), action: 'mall.orders' }),
  })),
  ...listCases('mall.myOrders', P.resident.openid!, { communityId: T.c1 }, (n) => n / 2, setupShelf, growOrders),
  ...listCases('mall.items', P.resident.openid!, { communityId: T.c1 }, (n) => n * 0.9, undefined, growItems),
]

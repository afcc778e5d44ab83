/**
 * Scale cases of org (see bench/scale.ts): the secretary's lists (members, audit log, household queue,
 * undelivered messages) first and 80% deep, and the doors of one building among n households of the street.
 * n = people of the community (each in a household of their own; every other one's declaration pending),
 * audit entries, or message failures.
 */
import { P, T } from '../test/support/fixtures'
import { listCases } from './scale-points'
import type { ScaleCase } from './scale'

const NOW = Date.now()
const BUILDINGS = 100

/** Household i of the community: one of 100 bench buildings (not the fixtures' 1栋, which keeps its 2 doors). */
const householdOf = (i: number) => ({
  _id: `hb${i.toString(16).padStart(8, '0')}`,
  communityId: T.c1,
  compoundId: T.compound1,
  buildingId: `bb${(i % BUILDINGS).toString().padStart(3, '0')}`,
  unit: 1 + (i % 4),
  room: `${100 + Math.floor(i / BUILDINGS)}`,
})

async function setupBuildings(ctx: Parameters<NonNullable<ScaleCase['setup']>>[0]) {
  await ctx.engine.insertMany(
    'buildings',
    Array.from({ length: BUILDINGS }, (_, b) => ({
      _id: `bb${b.toString().padStart(3, '0')}`,
      communityId: T.c1,
      compoundId: T.compound1,
      name: `${b + 3}栋`,
      units: 4,
    })),
  )
}

const growPeople: ScaleCase['grow'] = async (ctx, from, to) => {
  const now = new Date(NOW)
  const households = Array.from({ length: to - from }, (_, k) => householdOf(from + k))
  await ctx.engine.insertMany('households', households)
  await ctx.engine.insertMany(
    'users',
    households.map((h, k) => {
      const i = from + k
      return {
        _id: `ub${i.toString(16).padStart(8, '0')}`,
        openid: `ob${i}`,
        offline: false,
        nickname: `居民${i}`,
        avatarUrl: null,
        realName: `张${i}`,
        phone: `139${i.toString().padStart(8, '0')}`,
        householdId: h._id,
        communityId: T.c1,
        buildingId: h.buildingId,
        householdStatus: i % 2 ? 'pending' : 'verified',
        householdDeclaredAt: new Date(NOW - (to - i) * 60_000),
        roles: i % 2 ? [] : [{ communityId: T.c1, role: 'resident' }],
        proxies: [],
        privacy: null,
        elderMode: null,
        birthYear: null,
        createdAt: now,
        updatedAt: now,
      }
    }),
  )
}

const growAudit: ScaleCase['grow'] = async (ctx, from, to) => {
  await ctx.engine.insertMany(
    'audit_log',
    Array.from({ length: to - from }, (_, k) => {
      const i = from + k
      return {
        // Three to a second: ties on `at` are ordered by the index's _id.
        _id: `al${i.toString(16).padStart(10, '0')}`,
        at: new Date(NOW - 86400_000 + Math.floor(i / 3) * 1000),
        communityId: T.c1,
        actorId: i % 2 ? P.secretary.id : null,
        action: 'points.grant',
        resource: { type: 'point_transfer', id: `t${i}`, label: '王*英' },
        before: null,
        after: { amount: 10 },
        requestId: `r${i}`,
      }
    }),
  )
}

const growFailures: ScaleCase['grow'] = async (ctx, from, to) => {
  await ctx.engine.insertMany(
    'message_failures',
    Array.from({ length: to - from }, (_, k) => {
      const i = from + k
      return {
        _id: `mf${i.toString(16).padStart(10, '0')}`,
        communityId: T.c1,
        userId: P.resident.id,
        template: 'wishClaimed',
        templateId: 'tpl-wish-claimed',
        page: 'packages/wish/pages/detail/index',
        errcode: 43101,
        errmsg: 'user refuse to accept the msg',
        reason: '对方没有订阅这类消息',
        at: new Date(NOW - 86400_000 + Math.floor(i / 3) * 1000),
      }
    }),
  )
}

const sec = P.secretary.openid!

export const ORG_SCALE: ScaleCase[] = [
  // Members: the fixtures' people and every other bench person hold a role here.
  ...listCases('org.members', sec, { communityId: T.c1 }, (n) => n / 2, setupBuildings, growPeople),
  ...listCases('org.householdQueue', sec, { communityId: T.c1 }, (n) => n / 2, setupBuildings, growPeople),
  ...listCases('org.audit', sec, { communityId: T.c1 }, (n) => n, undefined, growAudit),
  ...listCases('org.undelivered', sec, { communityId: T.c1 }, (n) => n, undefined, growFailures),
  {
    name: 'org.households',
    setup: setupBuildings,
    grow: growPeople,
    call: () => ({ openid: P.resident.openid!, action: 'org.households', data: { buildingId: T.b1 } }),
    check(answer) {
      // 1栋 keeps its two doors however many the community has.
      if (answer.length !== 2) throw new Error(`org.households answered ${answer.length} doors`)
    },
  },
]

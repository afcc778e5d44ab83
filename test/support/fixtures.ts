/**
 * A small, explicit organisation for integration tests (independent of the demo seed, so tests say
 * exactly what they rely on): one street, two communities, a compound each with two buildings, and
 * people in every role.
 */
import type { Engine } from '../../local/engine'
import type { Role } from '../../types/common'
import { PRIVACY_VERSION, type User } from '../../types/org'

export const T = {
  street: 'st-1',
  c1: 'c-1',
  c2: 'c-2',
  compound1: 'cp-1',
  compound2: 'cp-2',
  b1: 'b-1', // compound1
  b2: 'b-2', // compound1
  b3: 'b-3', // compound2 (community 2)
  h1: 'h-1-101', // b1
  h2: 'h-1-102', // b1
  h3: 'h-2-101', // b2
  h4: 'h-3-101', // b3
} as const

export interface Person {
  id: string
  openid: string | null
  name: string
  phone: string
  household: string | null
  community: string | null
  roles: [string, Role][]
}

export const P = {
  resident: { id: 'u-res', openid: 'o-res', name: '王秀英', phone: '13800001111', household: T.h1, community: T.c1, roles: [[T.c1, 'resident']] },
  neighbour: { id: 'u-nb', openid: 'o-nb', name: '李建国', phone: '13800002222', household: T.h2, community: T.c1, roles: [[T.c1, 'resident']] },
  elder: { id: 'u-elder', openid: null, name: '赵桂兰', phone: '13800003333', household: T.h2, community: T.c1, roles: [[T.c1, 'resident']] },
  farElder: { id: 'u-far', openid: null, name: '钱德福', phone: '13800004444', household: T.h3, community: T.c1, roles: [[T.c1, 'resident']] },
  head: {
    id: 'u-head',
    openid: 'o-head',
    name: '孙丽华',
    phone: '13800005555',
    household: T.h1,
    community: T.c1,
    roles: [
      [T.c1, 'resident'],
      [T.c1, 'building_head'],
    ],
  },
  member: {
    id: 'u-pm',
    openid: 'o-pm',
    name: '周志刚',
    phone: '13800006666',
    household: T.h3,
    community: T.c1,
    roles: [
      [T.c1, 'resident'],
      [T.c1, 'party_member'],
    ],
  },
  secretary: {
    id: 'u-sec',
    openid: 'o-sec',
    name: '陈淑芬',
    phone: '13800007777',
    household: T.h3,
    community: T.c1,
    roles: [
      [T.c1, 'resident'],
      [T.c1, 'secretary'],
    ],
  },
  otherSecretary: {
    id: 'u-sec2',
    openid: 'o-sec2',
    name: '吴海燕',
    phone: '13800008888',
    household: T.h4,
    community: T.c2,
    roles: [
      [T.c2, 'resident'],
      [T.c2, 'secretary'],
    ],
  },
  streetAdmin: {
    id: 'u-street',
    openid: 'o-street',
    name: '郑伟',
    phone: '13800009999',
    household: null,
    community: null,
    roles: [[T.street, 'street_admin']],
  },
  noConsent: { id: 'u-new', openid: 'o-new', name: '冯小红', phone: '13800000000', household: null, community: null, roles: [] },
} satisfies Record<string, Person>

/** The building of each fixture household (users carry it denormalised, like their community). */
const HOUSEHOLD_BUILDING: Record<string, string> = { [T.h1]: T.b1, [T.h2]: T.b1, [T.h3]: T.b2, [T.h4]: T.b3 }

/** A person's user document as the fixtures store it (tests add their own staff with it). */
export function userDoc(p: Person, now: Date): User {
  return {
    _id: p.id,
    openid: p.openid ?? `offline_${p.id}`,
    offline: p.openid === null,
    nickname: p.name,
    avatarUrl: null,
    realName: p.name,
    phone: p.phone,
    householdId: p.household,
    communityId: p.community,
    buildingId: p.household ? HOUSEHOLD_BUILDING[p.household] : null,
    householdStatus: p.household ? 'verified' : null,
    roles: p.roles.map(([communityId, role]) => (role === 'building_head' ? { communityId, role, buildingIds: [T.b1] } : { communityId, role })),
    proxies: [],
    privacy: p.id === 'u-new' ? null : { version: PRIVACY_VERSION, at: now },
    elderMode: null,
    birthYear: null,
    createdAt: now,
    updatedAt: now,
  }
}

export function fixtureDocs(now = new Date('2026-11-01T08:00:00Z')): Record<string, object[]> {
  const user = (p: Person): User => userDoc(p, now)
  return {
    streets: [{ _id: T.street, name: '青山街道', district: '青山区' }],
    communities: [
      { _id: T.c1, streetId: T.street, name: '幸福里社区', address: '幸福路1号', householdCount: 4, population: 9 },
      { _id: T.c2, streetId: T.street, name: '和平社区', address: '和平路2号', householdCount: 1, population: 1 },
    ],
    compounds: [
      { _id: T.compound1, communityId: T.c1, name: '幸福里小区', address: '幸福路1号', gridId: 'g-1' },
      { _id: T.compound2, communityId: T.c2, name: '和平小区', address: '和平路2号', gridId: null },
    ],
    buildings: [
      { _id: T.b1, communityId: T.c1, compoundId: T.compound1, name: '1栋', units: 2 },
      { _id: T.b2, communityId: T.c1, compoundId: T.compound1, name: '2栋', units: 2 },
      { _id: T.b3, communityId: T.c2, compoundId: T.compound2, name: '1栋', units: 1 },
    ],
    households: [
      { _id: T.h1, communityId: T.c1, compoundId: T.compound1, buildingId: T.b1, unit: 1, room: '101' },
      { _id: T.h2, communityId: T.c1, compoundId: T.compound1, buildingId: T.b1, unit: 1, room: '102' },
      { _id: T.h3, communityId: T.c1, compoundId: T.compound1, buildingId: T.b2, unit: 2, room: '101' },
      { _id: T.h4, communityId: T.c2, compoundId: T.compound2, buildingId: T.b3, unit: 1, room: '101' },
    ],
    grids: [{ _id: 'g-1', communityId: T.c1, name: '第一网格', compoundIds: [T.compound1], workerId: P.member.id }],
    partner_units: [{ _id: 'pu-1', communityId: T.c1, name: '青山区税务局', kind: '机关' }],
    users: Object.values(P).map(user),
  }
}

/** Wipe the engine and seed the fixtures, made at `now` (default 2026-11-01 08:00 UTC). */
export async function seedFixtures(engine: Engine, now?: Date): Promise<void> {
  await engine.clearAll()
  for (const [coll, docs] of Object.entries(fixtureDocs(now))) await engine.insertMany(coll, docs)
}

/**
 * The world the authorization walk (test/integration/authz.test.ts) runs in: the fixture organisation
 * (test/support/fixtures.ts) plus a second street and a few more people, and then realistic objects of
 * community 1 made by their rightful owners through the real actions (a sponsor funded and points
 * granted, an order redeemed, party registrations verified and pending, posts, a pair, activities now,
 * coming and past, wishes in every state, a council with seats and topics in every live stage (a draft,
 * collecting support, review, discussion, opinions with a visible and a held comment, voting, decided, done);
 * units with their staff and requests held by the grid worker, the property company, 城管科 (escalated) and the
 * secretary).
 *
 * The world is built once, dumped, and restored (engine.clearAll + insertMany, in memory) whenever a
 * call changed anything, so every row starts from the same state. `fingerprint()` hashes every
 * document of every collection, to prove a refused call changed nothing.
 */
import { createHash } from 'crypto'
import type { Engine } from '../../local/engine'
import type { Role } from '../../types/common'
import { PRIVACY_VERSION } from '../../types/org'
import { checkinToken } from '../../cloudfunctions/api/src/modules/party/rules'
import { addDays, chinaDay } from '../../cloudfunctions/api/src/platform/chinaTime'
import { slotStartsAt } from '../../cloudfunctions/api/src/modules/service/rules'
import type { TestCloud } from './cloud'
import { P, T, fixtureDocs } from './fixtures'

/** More places: a second street with one community, so "another street" is a real place. */
export const T2 = {
  street: 'st-2',
  c3: 'c-3',
  compound3: 'cp-3',
  b4: 'b-4',
  h5: 'h-4-101',
} as const

const Q_HEAD2 = 'u-head2'

interface Extra {
  id: string
  openid: string
  name: string
  phone: string
  household: string | null
  community: string | null
  roles: [string, Role][]
  householdStatus: 'pending' | 'verified' | null
}

/** People beyond the fixture's, each with a reason to exist. */
export const Q = {
  /** A volunteer of community 1 (b2). */
  volunteer: {
    id: 'u-vol',
    openid: 'o-vol',
    name: '何志愿',
    phone: '13900001001',
    household: T.h3,
    community: T.c1,
    roles: [
      [T.c1, 'resident'],
      [T.c1, 'volunteer'],
    ],
    householdStatus: 'verified',
  },
  /** The grid worker of community 1's grid (b2). */
  grid: {
    id: 'u-grid',
    openid: 'o-grid',
    name: '张网格',
    phone: '13900001002',
    household: T.h3,
    community: T.c1,
    roles: [
      [T.c1, 'resident'],
      [T.c1, 'grid_worker'],
    ],
    householdStatus: 'verified',
  },
  /** A resident of community 2. */
  otherResident: {
    id: 'u-res2',
    openid: 'o-res2',
    name: '马和平',
    phone: '13900001003',
    household: T.h4,
    community: T.c2,
    roles: [[T.c2, 'resident']],
    householdStatus: 'verified',
  },
  /** The street admin of another street. */
  farAdmin: {
    id: 'u-street2',
    openid: 'o-street2',
    name: '钱远方',
    phone: '13900001004',
    household: null,
    community: null,
    roles: [[T2.street, 'street_admin']],
    householdStatus: null,
  },
  /** A resident of community 1 whose party registration is waiting for review. */
  applicant: {
    id: 'u-appl',
    openid: 'o-appl',
    name: '孔申请',
    phone: '13900001005',
    household: T.h1,
    community: T.c1,
    roles: [[T.c1, 'resident']],
    householdStatus: 'verified',
  },
  /** Lives in community 2, registered (双报到, verified) in community 1. */
  c2member: {
    id: 'u-c2pm',
    openid: 'o-c2pm',
    name: '杜双报',
    phone: '13900001006',
    household: T.h4,
    community: T.c2,
    roles: [[T.c2, 'resident']],
    householdStatus: 'verified',
  },
  /**
   * Lives in community 2 and neither lives nor is registered in community 1, yet holds a community-1 role
   * (what a secretary can hand out today through org.assignRole).
   */
  stray: {
    id: 'u-stray',
    openid: 'o-stray',
    name: '申越界',
    phone: '13900001007',
    household: T.h4,
    community: T.c2,
    roles: [
      [T.c2, 'resident'],
      [T.c1, 'volunteer'],
    ],
    householdStatus: 'verified',
  },
  /** Declared a door in b1 (the building head's scope); not yet confirmed, so not yet a resident (居民). */
  pending: { id: 'u-pend', openid: 'o-pend', name: '邹待定', phone: '13900001008', household: T.h2, community: T.c1, roles: [], householdStatus: 'pending' },
  /** Declared a door in b2 (outside the building head's scope); not yet confirmed. */
  pending2: { id: 'u-pend2', openid: 'o-pend2', name: '祁待审', phone: '13900001009', household: T.h3, community: T.c1, roles: [], householdStatus: 'pending' },
  /** Staff of community 1's property company (appointed through unit.setStaff in the world); lives nowhere here. */
  unitStaff: {
    id: 'u-propstaff',
    openid: 'o-propstaff',
    name: '房物业',
    phone: '13900001011',
    household: null,
    community: null,
    roles: [],
    householdStatus: null,
  },
  /** Staff of the street's 城管科 (a street department: the grant is held at the street). */
  deptStaff: {
    id: 'u-deptstaff',
    openid: 'o-deptstaff',
    name: '常城管',
    phone: '13900001012',
    household: null,
    community: null,
    roles: [],
    householdStatus: null,
  },
  /** A second building head: lives in b1, appointed to b2 (scope comes from the appointment, not the home). */
  head2: {
    id: 'u-head2',
    openid: 'o-head2',
    name: '鲁楼长',
    phone: '13900001010',
    household: T.h1,
    community: T.c1,
    roles: [
      [T.c1, 'resident'],
      [T.c1, 'building_head'],
    ],
    householdStatus: 'verified',
  },
} satisfies Record<string, Extra>

/** The buildings each building head is appointed to. */
const SCOPES: Record<string, string[]> = { [P.head.id]: [T.b1], [Q_HEAD2]: [T.b2] }

/** The kinds of caller the walk tries for every action. */
export const CALLERS = {
  anon: null,
  stranger: 'o-stranger',
  /** Has a profile (logged in) but no place and no role yet. */
  newcomer: P.noConsent.openid,
  /** The resident who owns the objects: posted the wishes, redeemed the order. */
  owner: P.neighbour.openid,
  resident: P.resident.openid,
  partyMember: P.member.openid,
  volunteer: Q.volunteer.openid,
  head: P.head.openid,
  /** A building head appointed to b2 while living in b1. */
  head2: 'o-head2',
  grid: Q.grid.openid,
  secretary: P.secretary.openid,
  otherSecretary: P.otherSecretary.openid,
  otherResident: Q.otherResident.openid,
  streetAdmin: P.streetAdmin.openid,
  farAdmin: Q.farAdmin.openid,
  /** Staff of community 1's property company (安居物业, owns 环境卫生). */
  unitStaff: Q.unitStaff.openid,
  /** Staff of the street's 城管科 (serves every community of the street). */
  deptStaff: Q.deptStaff.openid,
} as const
export type Caller = keyof typeof CALLERS
export const CALLER_NAMES = Object.keys(CALLERS) as Caller[]

/** The fixture documents, extended: a second street, more people, household status, building-head scope. */
export function authzDocs(now = new Date('2026-11-01T08:00:00Z')): Record<string, object[]> {
  const docs = fixtureDocs(now) as Record<string, Record<string, unknown>[]>
  docs.grids = docs.grids.map((g) => ({ ...g, workerId: Q.grid.id }))
  docs.streets.push({ _id: T2.street, name: '远山街道', district: '远山区' })
  docs.communities.push({ _id: T2.c3, streetId: T2.street, name: '远山社区', address: '远山路3号', householdCount: 1, population: 1 })
  docs.compounds.push({ _id: T2.compound3, communityId: T2.c3, name: '远山小区', address: '远山路3号', gridId: null })
  docs.buildings.push({ _id: T2.b4, communityId: T2.c3, compoundId: T2.compound3, name: '1栋', units: 1 })
  docs.households.push({ _id: T2.h5, communityId: T2.c3, compoundId: T2.compound3, buildingId: T2.b4, unit: 1, room: '101' })
  for (const p of Object.values(Q) as Extra[]) {
    docs.users.push({
      _id: p.id,
      openid: p.openid,
      offline: false,
      nickname: p.name,
      avatarUrl: null,
      realName: p.name,
      phone: p.phone,
      householdId: p.household,
      communityId: p.community,
      householdStatus: p.householdStatus,
      householdDeclaredAt: p.household ? now : null,
      roles: p.roles.map(([communityId, role]) => ({ communityId, role })),
      proxies: [],
      privacy: { version: PRIVACY_VERSION, at: now },
      elderMode: null,
      birthYear: null,
      createdAt: now,
      updatedAt: now,
    })
  }
  // Every fixture person with a household lives there (verified); users carry their building; building
  // heads carry their appointed buildings. (Harmless where the function does not read these yet.)
  const buildingOf = new Map(docs.households.map((h) => [h._id as string, h.buildingId as string]))
  for (const u of docs.users) {
    u.buildingId = u.householdId ? (buildingOf.get(u.householdId as string) ?? null) : null
    if (!Object.values(Q).some((q) => q.id === u._id)) u.householdStatus = u.householdId ? 'verified' : null
    u.roles = (u.roles as { communityId: string; role: Role }[]).map((g) => (g.role === 'building_head' ? { ...g, buildingIds: SCOPES[u._id as string] } : g))
  }
  return docs
}

/** What the world holds: ids of community 1's objects, made by their owners. */
export interface World {
  sponsorId: string
  itemId: string
  orderId: string
  pickupCode: string
  scene: string
  memberRegId: string
  c2memberRegId: string
  pendingRegId: string
  postId: string
  /** A post nobody holds yet. */
  freePostId: string
  /** On now, organised by the party member (for the post they hold); the volunteer is checked in. */
  actNow: string
  actNowSecret: string
  /** Coming in two days, organised by the secretary; the volunteer is signed up. */
  actSoon: string
  /** Over, organised by the party member; the volunteer checked in and out, the party member signed up. */
  actPast: string
  wishUnderReview: string
  wishOpen: string
  /** Claimed by the party member. */
  wishClaimed: string
  /** Fulfilled by the party member, waiting for the owner's confirmation. */
  wishFulfilled: string
  /** Posted by the building head for the offline elder they act for; open. */
  wishForElder: string
  /** 议事: community 1's default council (household votes, a one-day window). */
  councilId: string
  /** Topics by the owner: in opinions; being voted on (nobody has voted yet); decided passed; done (the
   * resident, the owner and the party member voted on the last two). */
  topicOpinions: string
  topicVoting: string
  topicPassed: string
  topicDone: string
  /** A 议事日 of the council, coming, discussing topicVoting. */
  meetingId: string
  /** 一键报修: community 1's property company (安居物业, owns 环境卫生, the unitStaff's) and the street's 城管科 (the deptStaff's). */
  propertyId: string
  deptId: string
  /** Requests by the owner: repairs with the grid worker — dispatched, accepted, resolved; 环境卫生 with the property
   * company (dispatched); a safety one escalated to 城管科 three hours ago and not yet reported (its 2 hours are up);
   * a suggestion with the secretary. */
  reqDispatched: string
  reqAccepted: string
  reqResolved: string
  reqUnit: string
  reqEscalated: string
  reqFeedback: string
  /** Topics by the owner, made at the real time: collecting support (3 needed), the resident supports it. */
  topicCollecting: string
  /** Collecting support, nobody has backed it yet (the owner may still withdraw it). */
  topicUnbacked: string
  /** Held as a draft (it has a photo): only the owner and the secretary see it. */
  topicDraft: string
  /** Waiting for the party branch's review (the party member holds the council's party-branch seat). */
  topicReview: string
  /** Reviewed, waiting for the owners' committee (the volunteer holds an owners'-committee seat). */
  topicDiscussion: string
  /** The resident's visible comment on topicOpinions. */
  commentId: string
  /** The volunteer's comment on topicOpinions, held by the content check for the secretary. */
  heldCommentId: string
  /** A 居民说事点 of community 1 (its poster's scene token), made by the secretary. */
  talkPoint: string
  /**
   * 服务菜单, published by the secretary three days ago: the reception (slots every day 9:00-11:00, the secretary
   * provides it), counselling (private, the party member provides it), home care (at home, the volunteer), the
   * property company's meeting room after hours (a venue, its staff decide), 社区代办 (the party member).
   */
  serviceReception: string
  serviceCounsel: string
  serviceHome: string
  serviceVenue: string
  serviceErrand: string
  /** The day after tomorrow (China) and two days ago. */
  dayFuture: string
  dayPast: string
  /** The owner's coming bookings: the reception, counselling (private), home care (with the owner's address). */
  bookingPlain: string
  bookingPrivate: string
  bookingHome: string
  /** The reception's code of bookingPlain (its day has not come). */
  bookingPlainCode: string
  /** Two days ago: the owner came (verified by the secretary); the resident did not come (still booked). */
  bookingAttended: string
  bookingMissed: string
  /** The owner's request for the meeting room, waiting for the property company. */
  venuePending: string
  /** Errands of the owner: waiting; taken by the grid worker. */
  errandSubmitted: string
  errandOwned: string
  /** Roles of every caller as stored in the world (for working out who passes a community gate). */
  roles: Record<Caller, { communityId: string; role: Role }[]>
  streetOf: Record<string, string>
  /** The current rotating check-in token of actNow. */
  token(): string
}

export interface Dump {
  docs: Record<string, Record<string, unknown>[]>
  fingerprint: string
}

/** All documents of every non-empty collection, each sorted by _id. */
export async function dumpAll(engine: Engine): Promise<Record<string, Record<string, unknown>[]>> {
  const out: Record<string, Record<string, unknown>[]> = {}
  for (const c of engine.collections().sort()) {
    const docs = (await engine.find(c, {})) as Record<string, unknown>[]
    if (docs.length) out[c] = docs.sort((a, b) => (String(a._id) < String(b._id) ? -1 : String(a._id) > String(b._id) ? 1 : 0))
  }
  return out
}

export const hashDocs = (docs: Record<string, unknown>) => createHash('sha256').update(JSON.stringify(docs)).digest('hex')

/** A hash of the sorted JSON of every document in every collection (empty collections do not count). */
export async function fingerprint(engine: Engine): Promise<string> {
  return hashDocs(await dumpAll(engine))
}

/** Which collections and documents differ between two dumps (for a readable failure). */
export function diffDumps(a: Record<string, Record<string, unknown>[]>, b: Record<string, Record<string, unknown>[]>): string[] {
  const out: string[] = []
  for (const c of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = new Map((a[c] ?? []).map((d) => [String(d._id), JSON.stringify(d)]))
    const y = new Map((b[c] ?? []).map((d) => [String(d._id), JSON.stringify(d)]))
    for (const id of new Set([...x.keys(), ...y.keys()])) {
      if (x.get(id) !== y.get(id)) out.push(`${c}/${id}: ${!x.has(id) ? 'added' : !y.has(id) ? 'removed' : 'changed'}`)
    }
  }
  return out
}

export async function restore(engine: Engine, dump: Dump): Promise<void> {
  await engine.clearAll()
  for (const [c, docs] of Object.entries(dump.docs)) await engine.insertMany(c, docs)
}

/**
 * Seed the extended fixtures and make community 1's objects through the real actions, as their owners
 * would. Returns the world and its dump.
 */
export async function buildWorld(tc: TestCloud): Promise<{ world: World; dump: Dump }> {
  await tc.engine.clearAll()
  for (const [coll, docs] of Object.entries(authzDocs())) await tc.engine.insertMany(coll, docs)
  const ok = async (openid: string, action: string, data: Record<string, unknown>): Promise<any> => {
    tc.resetLimits()
    const res = await tc.raw(openid, { action, data })
    if (!res.ok) throw new Error(`world: ${action} failed: ${res.error.code} ${res.error.message}`)
    return res.data
  }
  const c = T.c1
  const sec = P.secretary.openid
  const owner = P.neighbour.openid
  const pm = P.member.openid
  const vol = Q.volunteer.openid
  // The world begins 3 h 20 min ago (the harness's clock is moved back, then forward), so the past activity
  // really happened in the past: organised, attended and checked out at its own times.
  const now = tc.now().getTime()
  const iso = (ms: number) => new Date(now + ms).toISOString()
  const MIN = 60_000
  tc.setNow(now - 200 * MIN)

  // Settings, points and the supermarket: a funded sponsor, points for the owner, one item, one order.
  await ok(sec, 'wish.setSettings', { communityId: c, categories: ['生活帮扶', '助老', '其他'], autoApprove: false, autoCloseDays: 7, overdueDays: 7 })
  await ok(sec, 'points.setRule', { communityId: c, kind: 'wish_fulfilled', points: 20, dailyCap: null, monthlyCap: null, active: true })
  await ok(sec, 'points.setRule', { communityId: c, kind: 'volunteer_hour', points: 10, dailyCap: null, monthlyCap: null, active: true })
  const [sponsor] = await ok(sec, 'points.setSponsor', { communityId: c, name: '青山区税务局', partnerUnitId: 'pu-1', warnBelow: 100 })
  await ok(sec, 'points.fundSponsor', { communityId: c, sponsorId: sponsor.id, amount: 5000, note: '年度共建经费', requestKey: 'authz-fund-0001' })
  await ok(sec, 'points.grant', { communityId: c, userId: P.neighbour.id, amount: 300, reason: '垃圾分类示范户', requestKey: 'authz-grant-0001' })
  const item = await ok(sec, 'mall.upsertItem', {
    communityId: c,
    name: '洗衣液',
    kind: 'goods',
    description: '2kg 装',
    photos: [],
    price: 30,
    stockDelta: 10,
    perPersonLimit: 3,
    pickupPlace: '党群服务中心一楼',
    pickupHours: '工作日 9:00-17:00',
    pickupDays: 7,
    sponsorId: sponsor.id,
    active: true,
  })
  const order = await ok(owner, 'mall.redeem', { communityId: c, itemId: item.id, quantity: 1, requestKey: 'authz-redeem-0001' })

  // 双报到: the party member verified; a community-2 resident registered and verified here; one pending.
  const code = await ok(sec, 'party.registerCode', { communityId: c })
  const reg = (name: string, building: string, extra: object = {}) => ({
    communityId: c,
    scene: code.scene,
    name,
    employerUnitId: 'pu-1',
    employerName: '青山区税务局',
    branch: '税务局第一党支部',
    memberType: '在职',
    homeCompoundId: T.compound1,
    homeBuildingId: building,
    skills: ['电工', '政策宣讲'],
    pledge: '每月为楼里老人义务修一次电器',
    ...extra,
  })
  const memberReg = await ok(pm, 'party.register', reg('周志刚', T.b2))
  await ok(sec, 'party.review', { communityId: c, registrationId: memberReg.id, approve: true })
  const c2memberReg = await ok(Q.c2member.openid, 'party.register', reg('杜双报', T.b1))
  await ok(sec, 'party.review', { communityId: c, registrationId: c2memberReg.id, approve: true })
  const pendingReg = await ok(Q.applicant.openid, 'party.register', reg('孔申请', T.b1))

  // Posts and a pair.
  const post = await ok(sec, 'post.upsert', { communityId: c, title: '楼栋联络员', description: '联系本楼居民', skills: ['沟通'], capacity: 3, active: true })
  const freePost = await ok(sec, 'post.upsert', { communityId: c, title: '电器义修', description: '', skills: ['电工'], capacity: 3, active: true })
  await ok(pm, 'post.claim', { communityId: c, postId: post.id })
  await ok(sec, 'pair.assign', { communityId: c, memberId: P.member.id, householdId: T.h2, needs: ['独居老人'], active: true })
  await ok(pm, 'pair.logVisit', { communityId: c, householdId: T.h2, note: '量了血压，正常' })

  // The building head acts for the offline elder of their building.
  await ok(P.head.openid, 'org.setProxy', { communityId: c, residentId: P.elder.id, enabled: true })

  // Activities: the past one (3 h to 2 h ago) organised, signed up to and attended at its own times; then,
  // back at the real time, one on now and one in two days.
  const activity = (title: string, from: number, to: number, extra: object = {}) => ({
    communityId: c,
    title,
    description: '一起打扫楼道',
    place: '幸福里小区 1栋',
    capacity: 10,
    pointsPerHour: 10,
    startAt: iso(from),
    endAt: iso(to),
    ...extra,
  })
  const secretOf = async (id: string) => ((await tc.engine.find('activities', { _id: id }))[0] as { secret: string }).secret
  const actPast = await ok(pm, 'activity.upsert', activity('小区义诊', -180 * MIN, -120 * MIN, { postId: post.id }))
  const pastSecret = await secretOf(actPast.id)
  await ok(vol, 'activity.signUp', { communityId: c, activityId: actPast.id })
  await ok(pm, 'activity.signUp', { communityId: c, activityId: actPast.id })
  tc.setNow(now - 175 * MIN)
  await ok(vol, 'activity.checkin', { communityId: c, token: checkinToken(pastSecret, actPast.id, tc.now()).token })
  tc.setNow(now - 125 * MIN)
  await ok(vol, 'activity.checkout', { communityId: c, token: checkinToken(pastSecret, actPast.id, tc.now()).token })
  tc.resetClock()

  const actNow = await ok(pm, 'activity.upsert', activity('楼道清洁日', -10 * MIN, 50 * MIN, { postId: post.id }))
  const actSoon = await ok(sec, 'activity.upsert', activity('垃圾分类宣传', 48 * 60 * MIN, 50 * 60 * MIN))
  const nowSecret = await secretOf(actNow.id)
  await ok(vol, 'activity.signUp', { communityId: c, activityId: actNow.id })
  await ok(vol, 'activity.checkin', { communityId: c, token: checkinToken(nowSecret, actNow.id, tc.now()).token })
  await ok(vol, 'activity.signUp', { communityId: c, activityId: actSoon.id })

  // Wishes, posted by the owner (and one by the building head for the elder), in every live state.
  const wish = (title: string, extra: object = {}) => ({
    communityId: c,
    title,
    description: '厨房灯坏了，我腿脚不便，够不着。',
    category: '生活帮扶',
    buildingId: T.b1,
    ...extra,
  })
  const approve = (id: string) => ok(sec, 'wish.review', { communityId: c, wishId: id, approve: true })
  const underReview = await ok(owner, 'wish.create', wish('想请人帮忙换个灯泡'))
  const open = await ok(owner, 'wish.create', wish('想请人帮忙修水龙头'))
  await approve(open.id)
  const claimed = await ok(owner, 'wish.create', wish('想请人帮忙搬花盆'))
  await approve(claimed.id)
  await ok(pm, 'wish.claim', { communityId: c, wishId: claimed.id })
  await ok(pm, 'wish.progress', { communityId: c, wishId: claimed.id, note: '明天上午过去' })
  const fulfilled = await ok(owner, 'wish.create', wish('想请人帮忙贴春联'))
  await approve(fulfilled.id)
  await ok(pm, 'wish.claim', { communityId: c, wishId: fulfilled.id })
  await ok(pm, 'wish.fulfil', { communityId: c, wishId: fulfilled.id, proof: '春联贴好了' })
  const forElder = await ok(P.head.openid, 'wish.create', wish('想请人陪老人去医院', { onBehalfOf: P.elder.id }))
  await approve(forElder.id)

  // 议事: three days ago two topics went to a one-day vote (the resident, the owner and the party member
  // voted) and passed; one was then finished. Back at the real time, one topic is in opinions and one is
  // being voted on, with a 议事日 coming.
  const DAY = 24 * 60 * MIN
  tc.setNow(now - 3 * DAY)
  const [council] = await ok(sec, 'council.list', { communityId: c })
  const terms = {
    supportThreshold: 0,
    eligibility: 'household',
    quorumPercent: 0,
    passPercent: 50,
    opinionDays: 7,
    votingDays: 1,
    secretBallot: true,
    youthMaxAge: null,
  }
  await ok(sec, 'council.upsert', { communityId: c, councilId: council.id, name: council.name, scope: 'community', settings: terms })
  const toOpinions = async (title: string) => {
    const t = await ok(owner, 'topic.create', { communityId: c, title, description: '下雨天等车没地方躲，希望加个雨棚。' })
    await ok(sec, 'topic.review', { communityId: c, topicId: t.id, note: '同意进入商议' })
    await ok(sec, 'topic.discuss', { communityId: c, topicId: t.id, note: '同意征求意见' })
    return t.id as string
  }
  const passed: string[] = []
  for (const title of ['东门加装雨棚', '楼道加装扶手']) {
    const id = await toOpinions(title)
    await ok(sec, 'topic.openVote', { communityId: c, topicId: id })
    for (const voter of [P.resident.openid, owner, pm]) await ok(voter, 'topic.vote', { communityId: c, topicId: id, choice: 'yes' })
    passed.push(id)
  }
  tc.setNow(now - DAY)
  for (const id of passed) await ok(sec, 'topic.close', { communityId: c, topicId: id })
  const today = new Date(tc.now().getTime() + 8 * 60 * MIN).toISOString().slice(0, 10)
  await ok(sec, 'topic.addMilestone', { communityId: c, topicId: passed[0], date: today, note: '雨棚已装好', done: true })
  tc.resetClock()
  const topicOpinions = await toOpinions('小区增设充电桩')
  const topicVoting = await toOpinions('路灯维修')
  await ok(sec, 'topic.openVote', { communityId: c, topicId: topicVoting })
  const meeting = await ok(sec, 'meeting.upsert', {
    communityId: c,
    councilId: council.id,
    kind: 'council_day',
    title: '十二月议事日',
    place: '党群服务中心',
    startAt: iso(24 * 60 * MIN),
    endAt: iso(26 * 60 * MIN),
    capacity: 30,
    topicIds: [topicVoting],
  })
  const resident = P.resident.openid
  await ok(resident, 'topic.comment', { communityId: c, topicId: topicOpinions, text: '支持，地下车库可以先装几个试试' })
  await ok(vol, 'topic.comment', { communityId: c, topicId: topicOpinions, text: '门口总有人发兼职传单，充电桩附近也要管一管' })
  const commentOf = async (authorId: string) =>
    ((await tc.engine.find('topic_comments', { topicId: topicOpinions, authorId }))[0] as { _id: string; status: string })._id
  // Seats: the party member for the party branch (reviews), the volunteer for the owners' committee (discusses).
  await ok(sec, 'council.setSeat', { communityId: c, councilId: council.id, userId: P.member.id, seat: 'party_branch' })
  await ok(sec, 'council.setSeat', { communityId: c, councilId: council.id, userId: Q.volunteer.id, seat: 'owners_committee' })
  const topicReview = (await ok(owner, 'topic.create', { communityId: c, title: '单元门禁维修', description: '2单元门禁坏了一个月了。' })).id as string
  const topicDiscussion = (await ok(owner, 'topic.create', { communityId: c, title: '绿化带补种', description: '东侧绿化带秃了一大块。' })).id as string
  await ok(sec, 'topic.review', { communityId: c, topicId: topicDiscussion, note: '同意进入商议' })
  // For a while the council asks for 3 supports: two topics collect support (the resident backs one), one is
  // held as a draft; then the council's terms are as before.
  await ok(sec, 'council.upsert', {
    communityId: c,
    councilId: council.id,
    name: council.name,
    scope: 'community',
    settings: { ...terms, supportThreshold: 3 },
  })
  const topicCollecting = (await ok(owner, 'topic.create', { communityId: c, title: '小区门口增设快递柜', description: '快递总堆在门卫室。' })).id as string
  await ok(resident, 'topic.support', { communityId: c, topicId: topicCollecting })
  const topicUnbacked = (await ok(owner, 'topic.create', { communityId: c, title: '楼下增设晾衣架', description: '天好的时候没地方晒被子。' })).id as string
  const draft = await ok(owner, 'topic.create', {
    communityId: c,
    title: '修补篮球场',
    description: '场地裂了，照片在这里。',
    photos: ['cloud://env/topic/court.jpg'],
  })
  await ok(sec, 'council.upsert', { communityId: c, councilId: council.id, name: council.name, scope: 'community', settings: terms })
  const talkPoint = await ok(sec, 'council.talkPoint', { communityId: c, name: '幸福里东门说事点' })

  // 一键报修: units and their staff; requests by the owner in several states (the escalated one three hours ago,
  // so its department's two hours to report are up).
  const street = P.streetAdmin.openid
  const property = await ok(sec, 'unit.upsert', {
    communityId: c,
    name: '安居物业',
    kind: 'property',
    categories: ['environment'],
    escalationAcceptMinutes: 60,
  })
  const dept = await ok(street, 'unit.upsert', {
    communityId: c,
    name: '街道城管科',
    kind: 'street_dept',
    streetWide: true,
    categories: [],
    escalationAcceptMinutes: 120,
  })
  await ok(sec, 'unit.setStaff', { communityId: c, unitId: property.id, userId: Q.unitStaff.id, staff: true })
  await ok(street, 'unit.setStaff', { communityId: c, unitId: dept.id, userId: Q.deptStaff.id, staff: true })
  const request = (category: string, description: string) => ok(owner, 'request.create', { communityId: c, category, description })
  const grid = Q.grid.openid
  tc.setNow(now - 180 * MIN)
  const reqEscalated = await request('safety', '小区门口有人违章搭建彩钢棚')
  await ok(sec, 'request.escalate', { communityId: c, requestId: reqEscalated.id, unitId: dept.id, reason: '违建需城管执法' })
  tc.resetClock()
  const reqDispatched = await request('repair', '楼道灯不亮了')
  const reqAccepted = await request('repair', '水管漏水')
  await ok(grid, 'request.accept', { communityId: c, requestId: reqAccepted.id })
  const reqResolved = await request('repair', '门禁坏了')
  await ok(grid, 'request.accept', { communityId: c, requestId: reqResolved.id })
  await ok(grid, 'request.resolve', { communityId: c, requestId: reqResolved.id, proof: '已更换门禁锁' })
  const reqUnit = await request('environment', '垃圾桶满了没人清')
  const reqFeedback = await request('feedback', '建议加装电动车充电桩')

  // 服务菜单: published three days ago; two days ago the owner came to the reception (verified) and the resident
  // did not; coming bookings of the owner (the reception, private counselling, home care with an address), the
  // owner's request for the property company's meeting room, and two errands of the owner.
  const D = 24 * 60 * MIN
  const everyDay = (start: string, end: string, capacity: number) => [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start, end, capacity }))
  const slots = (start: string, end: string, capacity: number) => ({ weekly: everyDay(start, end, capacity), dated: [], closures: [] })
  const publish = (data: object) => ok(sec, 'service.upsert', { communityId: c, description: '社区服务', place: '党群服务中心', ...data })
  tc.setNow(now - 3 * D)
  const serviceReception = await publish({
    name: '书记接待日',
    category: 'reception',
    provider: { kind: 'staff', userIds: [P.secretary.id] },
    delivery: 'slots',
    schedule: slots('09:00', '11:00', 10),
  })
  const serviceCounsel = await publish({
    name: '心灵驿站',
    category: 'counselling',
    provider: { kind: 'staff', userIds: [P.member.id] },
    delivery: 'slots',
    schedule: slots('14:00', '15:00', 5),
    private: true,
  })
  const serviceHome = await publish({
    name: '康养上门',
    category: 'elderly',
    provider: { kind: 'staff', userIds: [Q.volunteer.id] },
    delivery: 'at_home',
    schedule: slots('10:00', '11:00', 5),
  })
  const serviceVenue = await publish({
    name: '物业会议室',
    category: 'venue',
    provider: { kind: 'unit', unitId: property.id, userIds: [] },
    delivery: 'venue',
    venue: { unitId: property.id, opens: '18:00', closes: '21:00', days: [] },
  })
  const serviceErrand = await publish({
    name: '社区代办',
    category: 'errand',
    provider: { kind: 'staff', userIds: [P.member.id] },
    delivery: 'walk_in',
    walkIn: '工作日 9:00-17:00',
  })
  const dayPast = addDays(chinaDay(new Date(now)), -2)
  const receptionStart = slotStartsAt(dayPast, '09:00').getTime()
  tc.setNow(receptionStart - 180 * MIN)
  const book = (openid: string, serviceId: string, day: string, start: string, extra: object = {}) =>
    ok(openid, 'booking.create', { communityId: c, serviceId, day, start, ...extra })
  const attended = await book(owner, serviceReception.id, dayPast, '09:00')
  const missed = await book(P.resident.openid, serviceReception.id, dayPast, '09:00')
  tc.setNow(receptionStart + 20 * MIN)
  await ok(sec, 'booking.verify', { communityId: c, code: attended.code })
  tc.resetClock()
  const dayFuture = addDays(chinaDay(new Date(now)), 2)
  const plain = await book(owner, serviceReception.id, dayFuture, '09:00')
  const privately = await book(owner, serviceCounsel.id, dayFuture, '14:00')
  const atHome = await book(owner, serviceHome.id, dayFuture, '10:00', { address: '幸福里小区1栋1单元102' })
  const venuePending = await ok(owner, 'venue.book', {
    communityId: c,
    serviceId: serviceVenue.id,
    day: dayFuture,
    start: '19:00',
    end: '20:00',
    purpose: '楼栋议事',
  })
  const errand = (title: string) => ok(owner, 'errand.create', { communityId: c, title, description: '请社区帮忙代办', documents: ['身份证'] })
  const errandSubmitted = await errand('代办医保报销')
  const errandOwned = await errand('代办老年证')
  await ok(grid, 'errand.advance', { communityId: c, errandId: errandOwned.id, step: 'accept' })

  const docs = await dumpAll(tc.engine)
  const dump: Dump = { docs, fingerprint: hashDocs(docs) }
  await restore(tc.engine, dump)
  // Restoring must reproduce the dump exactly (else every comparison below would be meaningless).
  if ((await fingerprint(tc.engine)) !== dump.fingerprint) throw new Error('world: restore does not reproduce the dump')

  const users = new Map(docs.users.map((u) => [u.openid as string, u]))
  const roles = Object.fromEntries(
    CALLER_NAMES.map((k) => [k, ((CALLERS[k] && users.get(CALLERS[k]!)?.roles) ?? []) as { communityId: string; role: Role }[]]),
  ) as World['roles']
  const streetOf = Object.fromEntries(docs.communities.map((x) => [x._id as string, x.streetId as string]))
  const world: World = {
    sponsorId: sponsor.id,
    itemId: item.id,
    orderId: order.id,
    pickupCode: order.pickupCode,
    scene: code.scene,
    memberRegId: memberReg.id,
    c2memberRegId: c2memberReg.id,
    pendingRegId: pendingReg.id,
    postId: post.id,
    freePostId: freePost.id,
    actNow: actNow.id,
    actNowSecret: nowSecret,
    actSoon: actSoon.id,
    actPast: actPast.id,
    wishUnderReview: underReview.id,
    wishOpen: open.id,
    wishClaimed: claimed.id,
    wishFulfilled: fulfilled.id,
    wishForElder: forElder.id,
    councilId: council.id,
    topicOpinions,
    topicVoting,
    topicPassed: passed[1],
    topicDone: passed[0],
    meetingId: meeting.id,
    propertyId: property.id,
    deptId: dept.id,
    reqDispatched: reqDispatched.id,
    reqAccepted: reqAccepted.id,
    reqResolved: reqResolved.id,
    reqUnit: reqUnit.id,
    reqEscalated: reqEscalated.id,
    reqFeedback: reqFeedback.id,
    serviceReception: serviceReception.id,
    serviceCounsel: serviceCounsel.id,
    serviceHome: serviceHome.id,
    serviceVenue: serviceVenue.id,
    serviceErrand: serviceErrand.id,
    dayFuture,
    dayPast,
    bookingPlain: plain.id,
    bookingPrivate: privately.id,
    bookingHome: atHome.id,
    bookingPlainCode: plain.code,
    bookingAttended: attended.id,
    bookingMissed: missed.id,
    venuePending: venuePending.id,
    errandSubmitted: errandSubmitted.id,
    errandOwned: errandOwned.id,
    topicCollecting,
    topicUnbacked,
    topicDraft: draft.id,
    topicReview,
    topicDiscussion,
    commentId: await commentOf(P.resident.id),
    heldCommentId: await commentOf(Q.volunteer.id),
    talkPoint: talkPoint.scene,
    roles,
    streetOf,
    token: () => checkinToken(nowSecret, actNow.id, tc.now()).token,
  }
  return { world, dump }
}

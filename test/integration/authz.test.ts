/**
 * Authorization, walked: EVERY action of the registry (types/api.ts) × every kind of caller × own
 * community / the other community, each against realistic objects of community 1 made first by their
 * rightful owners (test/support/authz-world.ts). A refused call must answer the expected code AND change
 * nothing in the database (a hash of every document of every collection, before and after). An allowed
 * call must not be refused (it may still meet CONFLICT and the like from the object's state); some rows
 * also check what an allowed answer must not contain (another person's orders, contact details, ...).
 *
 * A row per action: adding an action to the registry without a row here fails the first test.
 *
 * How a row reads:
 *   gate   — who may ask at all, in the community the input names: 'wechat' (any WeChat identity),
 *            'user' (has a profile), 'member' (any role there, or street admin of its street),
 *            'secretary' (secretary there or street admin of its street), or a list of roles held there.
 *            Failing it: UNAUTHENTICATED without an identity or a profile, FORBIDDEN otherwise.
 *   allow  — of those through the gate, who is allowed (default: all of them).
 *   deny   — the code for those through the gate but not allowed (default FORBIDDEN; per caller if needed).
 *   other  — the same input naming community 2 instead (same objects of community 1): 'open' (everyone
 *            through the gate there is allowed: nothing of community 1 is named), a code for everyone
 *            through the gate there (default NOT_FOUND: community 1's objects named under community 2),
 *            an object like the own variant, or false (the action names no community).
 *   check  — for allowed answers: what must (not) be in them.
 *   rule   — set when the expectation follows a rule being implemented in the org module now.
 *
 * Rows for actions the org work announced (org.householdQueue, org.confirmHousehold) join the table when
 * the registry has them. AUTHZ_TRACE=<file> writes every call's outcome (and time) to that file.
 */
import { actionInputs } from '../../types/api'
import type { ApiResult, ErrorCode, Role } from '../../types/common'
import { openTestCloud, codeOf, type TestCloud } from '../support/cloud'
import { chinaDay, chinaYear } from '../../cloudfunctions/api/src/platform/chinaTime'
import { P, T } from '../support/fixtures'
import {
  CALLER_NAMES,
  CALLERS,
  Q,
  T2,
  buildWorld,
  diffDumps,
  dumpAll,
  fingerprint,
  hashDocs,
  restore,
  type Caller,
  type Dump,
  type World,
} from '../support/authz-world'

type Gate = 'wechat' | 'user' | 'member' | 'secretary' | Role[]
type Deny = ErrorCode | ErrorCode[] | Partial<Record<Caller, ErrorCode | ErrorCode[]>>
interface Variant {
  allow?: Caller[]
  deny?: Deny
}
interface Case extends Variant {
  label: string
  gate: Gate
  input: (w: World, communityId: string) => Record<string, unknown>
  other?: 'open' | ErrorCode | ErrorCode[] | Variant | false
  check?: (data: any, caller: Caller, variant: 'own' | 'other') => string | null | undefined
  rule?: string
  /**
   * Collections a refusal may still change, by design (say why at the row): a short code's wrong try is counted
   * before the code is looked up (checkin_tries), so guesses at once cannot slip past the limit.
   */
  refusalMayWrite?: string[]
}

const c1 = T.c1
const c2 = T.c2
const SEC: Caller[] = ['secretary', 'streetAdmin']
const OTHER_SEC: Caller[] = ['otherSecretary', 'streetAdmin']
const REQ = 'authz-req-0001'
/** Whose household is verified in community 1: the residents a council of community 1 hears (and counts). */
const RESIDENTS: Caller[] = ['owner', 'resident', 'partyMember', 'volunteer', 'head', 'head2', 'grid', 'secretary']

/** Rules another engineer is implementing in the org module right now. */
const RULE_MEMBER = 'org: a full record only of people living (verified) or registered (双报到) in the community'
const RULE_ASSIGN = 'org: roles only for people living (verified) or registered in the community; answers list only that community'
const RULE_SCOPE = 'org: building heads act only for verified residents of buildings in their scope'

const empty = (field: string) => (data: any) => (data[field].length ? `${field} should be empty, got ${data[field].length}` : null)
const onlyIn = (data: any, communityId: string) => {
  const elsewhere = (data.roles as { communityId: string }[]).filter((r) => r.communityId !== communityId)
  return elsewhere.length ? `answer lists roles outside ${communityId}: ${JSON.stringify(elsewhere)}` : null
}

const one = (c: Omit<Case, 'label'> & { label?: string }): Case[] => [{ label: '', ...c }]

// 服务菜单: who provides what in the world (authz-world.ts): the secretary the reception, the party member
// counselling (private) and 社区代办, the volunteer home care (at home), the property company's staff the venue.
const RECEPTION_STAFF: Caller[] = ['secretary', 'streetAdmin']
const ERRAND_STAFF: Caller[] = ['grid', 'partyMember', 'secretary', 'streetAdmin']
/** Bookings of the owner that nobody else may see in a list of their own. */
const ownersBookings = () => [world.bookingPlain, world.bookingPrivate, world.bookingHome, world.bookingAttended, world.venuePending]
const HIDDEN = '预约人已隐藏'

/**
 * A request is between its reporter, who holds it and the secretary: anyone else is told it does not exist
 * (NOT_FOUND); those related to it but not allowed this step are refused (FORBIDDEN).
 */
const onlyRelated = (forbidden: Caller[]): Deny => Object.fromEntries(CALLER_NAMES.map((k) => [k, forbidden.includes(k) ? 'FORBIDDEN' : 'NOT_FOUND'])) as Deny
/** The reporter (the owner), the grid worker holding the repairs, the secretary and the street admin. */
const REPORTER_HOLDER_SEC: Caller[] = ['owner', 'grid', 'secretary', 'streetAdmin']
const masked = (field: string) => (data: any, caller: Caller) =>
  !SEC.includes(caller) && JSON.stringify(data[field] ?? data).includes('房物业') ? `unmasked staff name shown to ${caller}` : null
const requestLimits = () =>
  Object.fromEntries(
    ['repair', 'safety', 'environment', 'dispute', 'help', 'feedback'].map((k) => [
      k,
      { normal: { respondMinutes: 120, resolveMinutes: 2880 }, urgent: { respondMinutes: 20, resolveMinutes: 240 } },
    ]),
  )

const activityInput = (w: World, communityId: string, extra: object = {}) => ({
  communityId,
  title: '义务理发',
  description: '给老人理发',
  place: '党群服务中心',
  capacity: 5,
  pointsPerHour: 10,
  startAt: new Date(tc.now().getTime() + 72 * 3600_000).toISOString(),
  endAt: new Date(tc.now().getTime() + 74 * 3600_000).toISOString(),
  ...extra,
})
const itemInput = (communityId: string, extra: object = {}) => ({
  communityId,
  name: '大米',
  kind: 'goods',
  description: '5kg',
  photos: [],
  price: 50,
  stockDelta: 5,
  perPersonLimit: 1,
  pickupPlace: '党群服务中心',
  pickupHours: '周末',
  pickupDays: 7,
  sponsorId: null,
  active: true,
  ...extra,
})
const regInput = (communityId: string) => ({
  communityId,
  name: '新党员',
  employerUnitId: null,
  employerName: '青山区教育局',
  branch: '教育局机关党支部',
  memberType: '在职',
  homeCompoundId: T.compound1,
  homeBuildingId: T.b1,
  skills: ['教学'],
  pledge: '每周辅导孩子功课',
})

/** Rows for actions announced by the org work; they join the table when the registry has them. */
const announced: Record<string, Case[]> = {
  'org.householdQueue': one({
    gate: ['building_head', 'secretary', 'street_admin'],
    rule: 'org: household confirmation (new action)',
    input: (_w, communityId) => ({ communityId }),
    other: { allow: OTHER_SEC },
    // A building head sees the pending households of the buildings they are appointed to, and no others.
    check: (d, c, v) => {
      const scope: string[] | null = c === 'head' ? [T.b1] : c === 'head2' ? [T.b2] : null
      const outside = scope ? (d.items as { household: { buildingId: string } }[]).filter((x) => !scope.includes(x.household.buildingId)) : []
      if (outside.length) return `pending households outside the building head’s scope listed: ${outside.map((x) => x.household.buildingId)}`
      return v === 'other' ? empty('items')(d) : null
    },
  }),
  'org.confirmHousehold': [
    {
      label: 'a pending household in b1 (the first building head’s scope)',
      gate: ['building_head', 'secretary', 'street_admin'],
      rule: 'org: household confirmation (new action)',
      input: (_w, communityId) => ({ communityId, userId: Q.pending.id, approve: true }),
      allow: ['head', ...SEC],
      other: 'NOT_FOUND',
    },
    {
      label: 'a pending household in b2 (the second building head’s scope, not the first’s)',
      gate: ['building_head', 'secretary', 'street_admin'],
      rule: 'org: household confirmation (new action)',
      input: (_w, communityId) => ({ communityId, userId: Q.pending2.id, approve: true }),
      allow: ['head2', ...SEC],
      other: 'NOT_FOUND',
    },
  ],
}

const TABLE: Record<string, Case[]> = {
  // ---------------------------------------------------------------- org
  'org.login': one({ gate: 'wechat', input: () => ({}), other: false }),
  'org.me': one({ gate: 'user', input: () => ({}), other: false }),
  'org.updateProfile': one({ gate: 'user', input: () => ({ elderMode: true }), other: false }),
  'org.communities': one({ gate: 'user', input: () => ({}), other: false }),
  'org.tree': one({ gate: 'user', input: (_w, communityId) => ({ communityId }), other: 'open' }),
  'org.households': one({ gate: 'user', input: (_w, communityId) => ({ buildingId: communityId === c1 ? T.b1 : T.b3 }), other: 'open' }),
  'org.assignRole': [
    {
      label: 'a resident of the community',
      gate: 'secretary',
      rule: RULE_ASSIGN,
      input: (_w, communityId) => ({ communityId, userId: P.neighbour.id, role: 'volunteer' }),
      allow: SEC,
      check: (d, _c, v) => onlyIn(d, v === 'own' ? c1 : c2),
    },
    {
      // A secretary is staff the street appoints: the street admin may appoint anyone with a profile, anywhere in the street.
      label: 'appointing a secretary',
      gate: 'secretary',
      rule: RULE_ASSIGN,
      input: (_w, communityId) => ({ communityId, userId: P.neighbour.id, role: 'secretary' }),
      allow: ['streetAdmin'],
      other: { allow: ['streetAdmin'], deny: ['FORBIDDEN', 'NOT_FOUND'] },
      check: (d, _c, v) => onlyIn(d, v === 'own' ? c1 : c2),
    },
    {
      label: 'appointing a building head to a building',
      gate: 'secretary',
      rule: RULE_ASSIGN,
      input: (_w, communityId) => ({ communityId, userId: P.neighbour.id, role: 'building_head', buildingIds: [T.b2] }),
      allow: SEC,
      check: (d, _c, v) => onlyIn(d, v === 'own' ? c1 : c2),
    },
    {
      label: 'appointing a building head to a building of the other community',
      gate: 'secretary',
      rule: RULE_ASSIGN,
      input: (_w, communityId) => ({ communityId, userId: P.neighbour.id, role: 'building_head', buildingIds: [T.b3] }),
      allow: [],
      deny: 'INVALID_INPUT',
      other: { deny: { otherSecretary: ['NOT_FOUND', 'INVALID_INPUT'], streetAdmin: ['NOT_FOUND', 'INVALID_INPUT'] } },
    },
    {
      label: 'a resident of the other community',
      gate: 'secretary',
      rule: RULE_ASSIGN,
      input: (_w, communityId) => ({ communityId, userId: Q.otherResident.id, role: 'volunteer' }),
      allow: [],
      deny: 'NOT_FOUND',
      other: { allow: OTHER_SEC },
    },
    {
      label: 'someone living in community 2, registered (双报到) in community 1',
      gate: 'secretary',
      rule: RULE_ASSIGN,
      input: (_w, communityId) => ({ communityId, userId: Q.c2member.id, role: 'volunteer' }),
      allow: SEC,
      other: { allow: OTHER_SEC },
      check: (d, _c, v) => onlyIn(d, v === 'own' ? c1 : c2),
    },
  ],
  'org.revokeRole': [
    {
      label: 'the building head’s role',
      gate: 'secretary',
      rule: RULE_ASSIGN,
      input: (_w, communityId) => ({ communityId, userId: P.head.id, role: 'building_head' }),
      allow: SEC,
      other: ['NOT_FOUND', 'CONFLICT'],
      check: (d, _c, v) => onlyIn(d, v === 'own' ? c1 : c2),
    },
    {
      label: 'the secretary’s role',
      gate: 'secretary',
      input: (_w, communityId) => ({ communityId, userId: P.secretary.id, role: 'secretary' }),
      allow: ['streetAdmin'],
      other: { deny: { otherSecretary: ['FORBIDDEN', 'NOT_FOUND', 'CONFLICT'], streetAdmin: ['NOT_FOUND', 'CONFLICT'] } },
    },
  ],
  'org.members': one({
    gate: 'secretary',
    input: (_w, communityId) => ({ communityId }),
    other: 'open',
    // Where someone lives in another community is not this community's business (org.member hides it too).
    check: (d, _c, v) => {
      const here = v === 'own' ? c1 : c2
      const elsewhere = here === c1 ? [Q.c2member.id, Q.stray.id, Q.otherResident.id, P.otherSecretary.id] : [P.neighbour.id, P.resident.id, P.member.id]
      const leaked = (d.items as { userId: string; householdLabel: string | null }[]).filter((x) => elsewhere.includes(x.userId) && x.householdLabel)
      return leaked.length
        ? `the home of people living in another community listed: ${leaked.map((x) => `${x.userId} → ${x.householdLabel}`).join('; ')}`
        : null
    },
  }),
  'org.member': [
    {
      label: 'a resident (verified household)',
      gate: 'secretary',
      rule: RULE_MEMBER,
      input: (_w, communityId) => ({ communityId, userId: P.neighbour.id }),
    },
    {
      label: 'someone of community 2 holding a community-1 role',
      gate: 'secretary',
      rule: RULE_MEMBER,
      input: (_w, communityId) => ({ communityId, userId: Q.stray.id }),
      allow: [],
      deny: 'NOT_FOUND',
      other: { allow: OTHER_SEC },
    },
    {
      label: 'someone whose household is not yet confirmed',
      gate: 'secretary',
      rule: RULE_MEMBER,
      input: (_w, communityId) => ({ communityId, userId: Q.pending.id }),
      allow: [],
      deny: 'NOT_FOUND',
    },
    {
      label: 'someone living in community 2, registered (双报到) in community 1',
      gate: 'secretary',
      rule: RULE_MEMBER,
      input: (_w, communityId) => ({ communityId, userId: Q.c2member.id }),
      other: { allow: OTHER_SEC },
    },
  ],
  'org.setProxy': [
    {
      label: 'for the elder of the building head’s building',
      gate: ['building_head', 'secretary', 'street_admin'],
      input: (_w, communityId) => ({ communityId, residentId: P.elder.id, proxyId: P.head.id, enabled: true }),
      allow: ['head', ...SEC],
    },
    {
      label: 'for an elder of b2 by the head appointed to b2 (who lives in b1)',
      gate: ['building_head', 'secretary', 'street_admin'],
      rule: RULE_SCOPE,
      input: (_w, communityId) => ({ communityId, residentId: P.farElder.id, proxyId: Q.head2.id, enabled: true }),
      allow: ['head2', ...SEC],
    },
    {
      label: 'for an elder of b1 by the head appointed to b2 (their own building, not their scope)',
      gate: ['building_head', 'secretary', 'street_admin'],
      rule: RULE_SCOPE,
      // The secretary naming a head whose scope does not cover the building: INVALID_INPUT, not a refusal.
      input: (_w, communityId) => ({ communityId, residentId: P.elder.id, proxyId: Q.head2.id, enabled: true }),
      allow: SEC,
    },
    {
      label: 'for an elder outside the building head’s scope',
      gate: ['building_head', 'secretary', 'street_admin'],
      rule: RULE_SCOPE,
      input: (_w, communityId) => ({ communityId, residentId: P.farElder.id, proxyId: P.head.id, enabled: true }),
      allow: SEC,
    },
    {
      label: 'for someone in scope whose household is not yet confirmed',
      gate: ['building_head', 'secretary', 'street_admin'],
      rule: RULE_SCOPE,
      input: (_w, communityId) => ({ communityId, residentId: Q.pending.id, proxyId: P.head.id, enabled: true }),
      allow: [],
    },
    {
      label: 'withdrawing as proxy of an elder outside the building head’s scope',
      gate: ['building_head', 'secretary', 'street_admin'],
      rule: RULE_SCOPE,
      // The building head never was this elder's proxy: refused, or at least nothing written (no audit entry, no touched profile).
      input: (_w, communityId) => ({ communityId, residentId: P.farElder.id, proxyId: P.head.id, enabled: false }),
      allow: SEC,
      deny: { head: ['FORBIDDEN', 'NOT_FOUND', 'CONFLICT'] },
    },
    {
      label: 'a building head naming another proxy',
      gate: ['building_head', 'secretary', 'street_admin'],
      input: (_w, communityId) => ({ communityId, residentId: P.elder.id, proxyId: P.secretary.id, enabled: true }),
      // The secretary is no building head: INVALID_INPUT for the secretary and the street admin is fine.
      allow: SEC,
    },
  ],
  'org.audit': one({
    gate: 'secretary',
    input: (_w, communityId) => ({ communityId }),
    other: 'open',
    check: (d, _c, v) => (v === 'other' ? empty('items')(d) : null),
  }),
  'org.subscribed': one({ gate: 'user', input: () => ({ templates: ['reminder'] }), other: false }),
  'org.undelivered': one({
    gate: 'secretary',
    input: (_w, communityId) => ({ communityId }),
    other: 'open',
    check: (d, _c, v) => (v === 'other' ? empty('items')(d) : null),
  }),

  // ---------------------------------------------------------------- points
  'points.balance': one({
    gate: 'member',
    input: (_w, communityId) => ({ communityId }),
    other: 'open',
    check: (d, c) => (c !== 'owner' && d.balance !== 0 ? `balance ${d.balance} is not the caller’s` : null),
  }),
  'points.statement': one({
    gate: 'member',
    input: (_w, communityId) => ({ communityId }),
    other: 'open',
    check: (d, c) => (c !== 'owner' ? empty('items')(d) : null),
  }),
  'points.rules': one({ gate: 'member', input: (_w, communityId) => ({ communityId }), other: 'open' }),
  'points.setRule': one({
    gate: 'secretary',
    input: (_w, communityId) => ({ communityId, kind: 'volunteer_hour', points: 5, dailyCap: null, monthlyCap: null, active: true }),
    other: 'open',
  }),
  'points.setExpiry': one({ gate: 'secretary', input: (_w, communityId) => ({ communityId, expireMonths: 12 }), other: 'open' }),
  'points.grant': [
    {
      label: 'to a resident',
      gate: 'secretary',
      input: (w, communityId) => ({ communityId, userId: P.neighbour.id, amount: 10, reason: '志愿服务表彰', requestKey: REQ }),
    },
    {
      label: 'to a community-2 resident from community 1’s sponsor',
      gate: 'secretary',
      input: (w, communityId) => ({ communityId, userId: Q.otherResident.id, amount: 10, reason: '志愿服务表彰', sponsorId: w.sponsorId, requestKey: REQ }),
      allow: [],
      deny: 'NOT_FOUND',
    },
  ],
  'points.sponsors': one({
    gate: 'secretary',
    input: (_w, communityId) => ({ communityId }),
    other: 'open',
    check: (d, _c, v) => (v === 'other' && d.length ? 'community 1’s sponsors listed' : null),
  }),
  'points.setSponsor': [
    { label: 'a new sponsor', gate: 'secretary', input: (_w, communityId) => ({ communityId, name: '青山小学', warnBelow: 0 }), other: 'open' },
    {
      label: 'editing the sponsor',
      gate: 'secretary',
      input: (w, communityId) => ({ communityId, sponsorId: w.sponsorId, name: '青山区税务局（改）', warnBelow: 0 }),
    },
  ],
  'points.fundSponsor': one({
    gate: 'secretary',
    input: (w, communityId) => ({ communityId, sponsorId: w.sponsorId, amount: 100, note: '追加经费', requestKey: REQ }),
  }),
  'points.report': one({
    gate: 'secretary',
    input: (_w, communityId) => ({ communityId }),
    other: 'open',
    check: (d, _c, v) => (v === 'other' && d.totals.budget !== 0 ? 'community 1’s budget reported' : null),
  }),

  // ---------------------------------------------------------------- mall
  'mall.items': one({
    gate: 'member',
    input: (_w, communityId) => ({ communityId }),
    other: 'open',
    check: (d, _c, v) => (v === 'other' ? empty('items')(d) : null),
  }),
  'mall.item': one({ gate: 'member', input: (w, communityId) => ({ communityId, itemId: w.itemId }) }),
  'mall.upsertItem': [
    { label: 'a new item', gate: 'secretary', input: (_w, communityId) => itemInput(communityId), other: 'open' },
    { label: 'a new item paid by community 1’s sponsor', gate: 'secretary', input: (w, communityId) => itemInput(communityId, { sponsorId: w.sponsorId }) },
    { label: 'editing the item', gate: 'secretary', input: (w, communityId) => itemInput(communityId, { itemId: w.itemId, stockDelta: 1 }) },
  ],
  'mall.redeem': one({ gate: 'member', input: (w, communityId) => ({ communityId, itemId: w.itemId, quantity: 1, requestKey: REQ }) }),
  'mall.cancel': one({ gate: 'member', input: (w, communityId) => ({ communityId, orderId: w.orderId }), allow: ['owner'], deny: 'NOT_FOUND' }),
  'mall.order': one({ gate: 'member', input: (w, communityId) => ({ communityId, orderId: w.orderId }), allow: ['owner', ...SEC], deny: 'NOT_FOUND' }),
  'mall.pickupQr': one({ gate: 'member', input: (w, communityId) => ({ communityId, orderId: w.orderId }), allow: ['owner'], deny: 'NOT_FOUND' }),
  'mall.myOrders': one({
    gate: 'member',
    input: (_w, communityId) => ({ communityId }),
    other: 'open',
    check: (d, c) => (c !== 'owner' ? empty('items')(d) : null),
  }),
  'mall.verify': one({ gate: 'secretary', input: (w, communityId) => ({ communityId, code: w.pickupCode }) }),
  'mall.orders': one({
    gate: 'secretary',
    input: (_w, communityId) => ({ communityId }),
    other: 'open',
    check: (d, _c, v) => (v === 'other' ? empty('items')(d) : null),
  }),

  // ---------------------------------------------------------------- wishes
  'wish.create': [
    {
      label: 'for oneself',
      gate: 'member',
      input: (_w, communityId) => ({ communityId, title: '想请人帮忙修门锁', description: '门锁坏了', category: '生活帮扶', buildingId: T.b1 }),
      other: 'INVALID_INPUT',
    },
    {
      label: 'for the elder the building head acts for',
      gate: 'member',
      input: (_w, communityId) => ({
        communityId,
        title: '想请人帮忙买药',
        description: '老人行动不便',
        category: '生活帮扶',
        buildingId: T.b1,
        onBehalfOf: P.elder.id,
      }),
      allow: ['head'],
      other: ['INVALID_INPUT', 'FORBIDDEN'],
    },
  ],
  'wish.list': one({
    gate: 'member',
    input: (_w, communityId) => ({ communityId }),
    other: 'open',
    check: (d, _c, v) => (v === 'other' ? empty('items')(d) : null),
  }),
  'wish.get': [
    { label: 'an open wish', gate: 'member', input: (w, communityId) => ({ communityId, wishId: w.wishOpen }) },
    {
      label: 'a wish under review',
      gate: 'member',
      input: (w, communityId) => ({ communityId, wishId: w.wishUnderReview }),
      allow: ['owner', ...SEC],
      deny: 'NOT_FOUND',
    },
    {
      label: 'a claimed wish: contact only for the claimer, the wisher and the secretary',
      gate: 'member',
      input: (w, communityId) => ({ communityId, wishId: w.wishClaimed }),
      check: (d, c) => (d.contact && !['owner', 'partyMember', ...SEC].includes(c) ? 'contact details shown' : null),
    },
    {
      label: 'the elder’s wish: contact for the building head who posted it',
      gate: 'member',
      input: (w, communityId) => ({ communityId, wishId: w.wishForElder }),
      check: (d, c) => (d.contact && !['head', ...SEC].includes(c) ? 'contact details shown' : null),
    },
  ],
  'wish.mine': one({
    gate: 'member',
    input: (_w, communityId) => ({ communityId, as: 'wisher' }),
    other: 'open',
    check: (d, c) => (c !== 'owner' && c !== 'head' ? empty('items')(d) : null),
  }),
  'wish.review': one({ gate: 'secretary', input: (w, communityId) => ({ communityId, wishId: w.wishUnderReview, approve: true }) }),
  'wish.reviewQueue': one({
    gate: 'secretary',
    input: (_w, communityId) => ({ communityId }),
    other: 'open',
    check: (d, _c, v) => (v === 'other' ? empty('items')(d) : null),
  }),
  'wish.claim': one({ gate: ['party_member', 'volunteer'], input: (w, communityId) => ({ communityId, wishId: w.wishOpen }) }),
  'wish.remind': one({ gate: 'secretary', input: (w, communityId) => ({ communityId, wishId: w.wishClaimed }) }),
  'wish.dispatch': one({ gate: 'secretary', input: (w, communityId) => ({ communityId, wishId: w.wishOpen, memberId: Q.volunteer.id }) }),
  'wish.convert': one({
    gate: 'secretary',
    input: (w, communityId) => ({ communityId, wishId: w.wishOpen, into: 'request', category: 'repair', note: '属于公共设施维修' }),
  }),
  'wish.release': one({ gate: 'member', input: (w, communityId) => ({ communityId, wishId: w.wishClaimed, reason: '临时出差' }), allow: ['partyMember'] }),
  'wish.progress': one({ gate: 'member', input: (w, communityId) => ({ communityId, wishId: w.wishClaimed, note: '买好材料了' }), allow: ['partyMember'] }),
  'wish.fulfil': one({ gate: 'member', input: (w, communityId) => ({ communityId, wishId: w.wishClaimed, proof: '已经搬好了' }), allow: ['partyMember'] }),
  'wish.confirm': [
    {
      label: 'the owner’s fulfilled wish',
      gate: 'member',
      input: (w, communityId) => ({ communityId, wishId: w.wishFulfilled, stars: 5, thanks: '谢谢' }),
      allow: ['owner'],
    },
  ],
  'wish.withdraw': [
    { label: 'the owner’s open wish', gate: 'member', input: (w, communityId) => ({ communityId, wishId: w.wishOpen }), allow: ['owner'] },
    {
      label: 'the elder’s wish (posted by the building head)',
      gate: 'member',
      input: (w, communityId) => ({ communityId, wishId: w.wishForElder }),
      allow: ['head'],
    },
  ],
  'wish.overdue': one({ gate: 'secretary', input: (_w, communityId) => ({ communityId }), other: 'open' }),
  'wish.stats': one({
    gate: 'secretary',
    input: (_w, communityId) => ({ communityId }),
    other: 'open',
    check: (d, _c, v) => (v === 'other' && d.posted !== 0 ? 'community 1’s wishes counted' : null),
  }),
  // Counter repair: the street admin only (a recount covers every community of the street); without fix it writes nothing.
  'counters.recount': one({
    gate: ['street_admin'],
    input: (_w, communityId) => ({ communityId, name: 'wish.stats', fix: false }),
    allow: ['streetAdmin'],
    other: { allow: ['streetAdmin'] },
  }),
  'wish.settings': one({ gate: 'member', input: (_w, communityId) => ({ communityId }), other: 'open' }),
  'wish.setSettings': one({
    gate: 'secretary',
    input: (_w, communityId) => ({ communityId, categories: ['生活帮扶'], autoApprove: true, autoCloseDays: 5, overdueDays: 5 }),
    other: 'open',
  }),

  // ---------------------------------------------------------------- party
  'party.registerCode': [
    { label: 'the community’s code', gate: 'secretary', input: (_w, communityId) => ({ communityId }), other: 'open' },
    { label: 'a compound’s code', gate: 'secretary', input: (_w, communityId) => ({ communityId, compoundId: T.compound1 }) },
  ],
  'party.resolveScene': one({ gate: 'user', input: (w) => ({ scene: w.scene }), other: false }),
  'party.register': one({ gate: 'user', input: (_w, communityId) => regInput(communityId), other: 'INVALID_INPUT' }),
  'party.myRegistration': one({ gate: 'user', input: () => ({}), other: false }),
  'party.review': one({ gate: 'secretary', input: (w, communityId) => ({ communityId, registrationId: w.pendingRegId, approve: true }) }),
  'party.members': one({
    gate: 'secretary',
    input: (_w, communityId) => ({ communityId }),
    other: 'open',
    check: (d, _c, v) => (v === 'other' ? empty('items')(d) : null),
  }),
  'party.pledge': one({
    gate: 'member',
    input: (_w, communityId) => ({ communityId, pledge: '每周三帮老人用手机' }),
    allow: ['partyMember'],
    deny: 'NOT_FOUND',
  }),
  'party.pledgeDone': one({ gate: 'member', input: (_w, communityId) => ({ communityId, note: '已经坚持了八周' }), allow: ['partyMember'], deny: 'NOT_FOUND' }),
  'post.list': one({
    gate: 'member',
    input: (_w, communityId) => ({ communityId }),
    other: 'open',
    check: (d, _c, v) => (v === 'other' && d.length ? 'community 1’s posts listed' : null),
  }),
  'post.upsert': [
    {
      label: 'a new post',
      gate: 'secretary',
      input: (_w, communityId) => ({ communityId, title: '环境监督', description: '', skills: [], capacity: 2, active: true }),
      other: 'open',
    },
    {
      label: 'editing the post',
      gate: 'secretary',
      input: (w, communityId) => ({ communityId, postId: w.postId, title: '楼栋联络员', description: '改', skills: [], capacity: 3, active: true }),
    },
  ],
  'post.claim': one({ gate: ['party_member'], input: (w, communityId) => ({ communityId, postId: w.freePostId }) }),
  'post.leave': one({
    gate: 'member',
    input: (w, communityId) => ({ communityId, postId: w.postId }),
    allow: ['partyMember'],
    deny: 'CONFLICT',
    other: 'CONFLICT',
  }),
  'pair.assign': one({ gate: 'secretary', input: (_w, communityId) => ({ communityId, memberId: P.member.id, householdId: T.h1, needs: [], active: true }) }),
  'pair.mine': one({
    gate: 'member',
    input: (_w, communityId) => ({ communityId }),
    other: 'open',
    check: (d, c, v) => (v === 'other' || c !== 'partyMember' ? (d.length ? 'someone else’s pairs (with needs) listed' : null) : null),
  }),
  'pair.list': one({
    gate: 'secretary',
    input: (_w, communityId) => ({ communityId }),
    other: 'open',
    check: (d, _c, v) => (v === 'other' && d.length ? 'community 1’s pairs listed' : null),
  }),
  'pair.logVisit': one({
    gate: 'member',
    input: (_w, communityId) => ({ communityId, householdId: T.h2, note: '陪老人聊天' }),
    allow: ['partyMember'],
    other: 'FORBIDDEN',
  }),
  'pair.settings': one({ gate: 'secretary', input: (_w, communityId) => ({ communityId }), other: 'open' }),
  'pair.setSettings': one({ gate: 'secretary', input: (_w, communityId) => ({ communityId, minPerMember: 1, maxPerMember: 3 }), other: 'open' }),
  'activity.list': one({
    gate: 'member',
    input: (_w, communityId) => ({ communityId }),
    other: 'open',
    check: (d, _c, v) => (v === 'other' ? empty('items')(d) : null),
  }),
  'activity.get': one({
    gate: 'member',
    input: (w, communityId) => ({ communityId, activityId: w.actNow }),
    check: (d, c) => ((d.roster || d.location) && !['partyMember', ...SEC].includes(c) ? 'roster shown to someone who does not organise' : null),
  }),
  'activity.upsert': [
    {
      label: 'a new activity (secretary)',
      gate: 'member',
      input: (w, communityId) => activityInput(w, communityId),
      allow: SEC,
      other: { allow: OTHER_SEC },
    },
    {
      label: 'a new activity for the post the party member holds',
      gate: 'member',
      input: (w, communityId) => activityInput(w, communityId, { postId: w.postId }),
      // Under community 2, community 1's post must not be accepted (secretaries skip the post check today).
      allow: ['partyMember', ...SEC],
      other: { deny: { otherSecretary: ['NOT_FOUND', 'INVALID_INPUT'], streetAdmin: ['NOT_FOUND', 'INVALID_INPUT'] } },
    },
    {
      label: 'editing the party member’s activity',
      gate: 'member',
      input: (w, communityId) => activityInput(w, communityId, { activityId: w.actNow, postId: w.postId }),
      allow: ['partyMember', ...SEC],
      other: { deny: { otherSecretary: 'NOT_FOUND', streetAdmin: 'NOT_FOUND' } },
    },
    {
      // A council meeting is changed only with meeting.upsert: as an activity, nobody may edit it.
      label: 'editing a council meeting as if it were an activity',
      gate: 'member',
      input: (w, communityId) => activityInput(w, communityId, { activityId: w.meetingId }),
      allow: [],
      deny: { secretary: 'NOT_FOUND', streetAdmin: 'NOT_FOUND' },
      other: { deny: { otherSecretary: 'NOT_FOUND', streetAdmin: 'NOT_FOUND' } },
    },
  ],
  'activity.cancel': one({
    gate: 'member',
    input: (w, communityId) => ({ communityId, activityId: w.actNow, reason: '下雨改期' }),
    allow: ['partyMember', ...SEC],
  }),
  'activity.signUp': one({ gate: ['party_member', 'volunteer'], input: (w, communityId) => ({ communityId, activityId: w.actSoon }) }),
  'activity.withdraw': one({ gate: 'member', input: (w, communityId) => ({ communityId, activityId: w.actSoon }), allow: ['volunteer'], deny: 'CONFLICT' }),
  'activity.checkinCode': one({ gate: 'member', input: (w, communityId) => ({ communityId, activityId: w.actNow }), allow: ['partyMember', ...SEC] }),
  'activity.checkin': one({ gate: 'member', input: (w, communityId) => ({ communityId, token: w.token() }), allow: ['volunteer'], other: 'INVALID_INPUT' }),
  'activity.checkout': one({ gate: 'member', input: (w, communityId) => ({ communityId, token: w.token() }), allow: ['volunteer'], other: 'INVALID_INPUT' }),
  'activity.confirmHours': [
    {
      label: 'the party member’s past activity',
      gate: 'member',
      input: (w, communityId) => ({ communityId, activityId: w.actPast }),
      allow: ['partyMember', ...SEC],
    },
    {
      label: 'setting the organiser’s own hours',
      gate: 'member',
      input: (w, communityId) => ({ communityId, activityId: w.actPast, corrections: [{ userId: P.member.id, hours: 1, reason: '我在现场' }] }),
      allow: SEC,
    },
  ],
  'party.record': [
    { label: 'one’s own', gate: 'member', input: (_w, communityId) => ({ communityId }), other: 'open' },
    {
      label: 'the party member’s',
      gate: 'member',
      input: (_w, communityId) => ({ communityId, userId: P.member.id }),
      allow: ['partyMember', ...SEC],
      other: { deny: { otherSecretary: 'NOT_FOUND', streetAdmin: 'NOT_FOUND' } },
    },
  ],
  'party.report': one({
    gate: 'secretary',
    input: (_w, communityId) => ({ communityId, year: chinaYear(tc.now()) }),
    other: 'open',
    check: (d, _c, v) => (v === 'other' ? empty('rows')(d) : null),
  }),
  'party.coverage': one({
    gate: 'user',
    input: (_w, communityId) => ({ streetId: communityId === c1 ? T.street : T2.street }),
    allow: ['streetAdmin'],
    other: { allow: ['farAdmin'] },
  }),
  // The street home: only the admin of that street, whoever else asks (a secretary of one of its communities included).
  'org.street': one({
    gate: 'user',
    input: (_w, communityId) => ({ streetId: communityId === c1 ? T.street : T2.street }),
    allow: ['streetAdmin'],
    other: { allow: ['farAdmin'] },
  }),
  // ---------------------------------------------------------------- 议事
  'org.setResidency': one({ gate: 'secretary', input: (_w, communityId) => ({ communityId, userId: P.resident.id, birthYear: 1990 }) }),
  'council.list': one({
    gate: 'user',
    input: (_w, communityId) => ({ communityId }),
    other: 'open',
    check: (d, _c, v) => (v === 'other' && (d as { communityId: string }[]).some((x) => x.communityId !== c2) ? 'community 1’s councils listed' : null),
  }),
  'council.get': one({ gate: 'user', input: (w, communityId) => ({ communityId, councilId: w.councilId }) }),
  'council.upsert': one({
    gate: 'secretary',
    input: (w, communityId) => ({
      communityId,
      councilId: w.councilId,
      name: '居民议事会',
      scope: 'community',
      settings: {
        supportThreshold: 5,
        eligibility: 'resident',
        quorumPercent: 10,
        passPercent: 50,
        opinionDays: 7,
        votingDays: 7,
        secretBallot: true,
        youthMaxAge: null,
      },
    }),
  }),
  'council.setSeat': one({ gate: 'secretary', input: (w, communityId) => ({ communityId, councilId: w.councilId, userId: P.head.id, seat: 'observer' }) }),
  'council.stats': one({
    gate: 'secretary',
    input: (_w, communityId) => ({ communityId }),
    other: 'open',
    check: (d, _c, v) => (v === 'other' && Object.keys(d.byStatus).length ? 'community 1’s topics counted' : null),
  }),
  // 居民说事点 posters: a new point names nothing of community 1 (open under community 2); an existing one is
  // community 1's; the list under community 2 shows none of community 1's.
  'council.talkPoint': [
    { label: 'a new point', gate: 'secretary', input: (_w, communityId) => ({ communityId, name: '3号楼下居民说事点' }), other: 'open' },
    { label: 'an existing point again, renamed', gate: 'secretary', input: (w, communityId) => ({ communityId, name: '东门说事点', tokenId: w.talkPoint }) },
  ],
  'council.talkPoints': one({
    gate: 'secretary',
    input: (_w, communityId) => ({ communityId }),
    other: 'open',
    check: (d, _c, v) =>
      v === 'other' && (d as unknown[]).length ? 'community 1’s points listed' : v === 'own' && !(d as unknown[]).length ? 'no points' : null,
  }),
  // Residents take part where their household is verified in community 1 (the others are told why:
  // FORBIDDEN NOT_ELIGIBLE); the topic's author does not support or report their own.
  'topic.create': [
    {
      label: 'for oneself',
      gate: 'user',
      input: (_w, communityId) => ({ communityId, title: '楼道加装感应灯', description: '晚上楼道太黑，老人上下楼不安全。' }),
      allow: RESIDENTS,
      // Community 2's residents may raise a topic there (in its default council, made on first use).
      other: { allow: ['otherResident', 'otherSecretary'] },
    },
    {
      label: 'for the elder the building head acts for',
      gate: 'user',
      input: (_w, communityId) => ({ communityId, title: '想在楼下放张长椅', description: '老人走不动，想歇一歇。', onBehalfOf: P.elder.id }),
      // The secretary acts for nobody here: asked to say how it came in (INVALID_INPUT), not refused.
      allow: ['head', ...SEC],
    },
    {
      label: 'entered by the secretary from a paper form, for a resident',
      gate: 'user',
      input: (_w, communityId) => ({ communityId, title: '垃圾桶挪个位置', description: '垃圾桶离窗户太近。', onBehalfOf: P.resident.id, channel: 'paper' }),
      allow: SEC,
      other: { deny: { otherSecretary: 'NOT_FOUND', streetAdmin: 'NOT_FOUND' } },
    },
    {
      label: 'from a 居民说事点 poster (its scene)',
      gate: 'user',
      input: (w, communityId) => ({ communityId, title: '楼下长椅修一修', description: '长椅坏了，老人没地方歇脚。', pointScene: w.talkPoint }),
      allow: RESIDENTS,
      // Community 1's point is no point of community 2.
    },
  ],
  'topic.list': [
    {
      label: 'the public list',
      gate: 'user',
      input: (_w, communityId) => ({ communityId }),
      other: 'open',
      check: (d, _c, v) => {
        if (v === 'other') return empty('items')(d)
        const unseen = (d.items as { id: string; status: string }[]).filter((x) => x.id === world.topicDraft || x.status === 'draft' || x.status === 'hidden')
        return unseen.length ? `the public list shows ${unseen.map((x) => `${x.id} (${x.status})`)}` : null
      },
    },
    {
      label: 'the drafts waiting for the secretary',
      gate: 'user',
      input: (_w, communityId) => ({ communityId, status: 'draft' }),
      allow: SEC,
      other: { allow: OTHER_SEC },
      check: (d, _c, v) =>
        v === 'other' ? empty('items')(d) : (d.items as { id: string }[]).some((x) => x.id === world.topicDraft) ? null : 'the draft is not listed',
    },
    {
      label: 'one’s own topics',
      gate: 'user',
      input: (_w, communityId) => ({ communityId, mine: true }),
      other: 'open',
      check: (d, c) => (c !== 'owner' ? empty('items')(d) : null),
    },
  ],
  'topic.get': [
    {
      label: 'a topic in opinions: the held comment is not among its comments',
      gate: 'user',
      input: (w, communityId) => ({ communityId, topicId: w.topicOpinions }),
      check: (d) => {
        const held = (d.recentComments as { id: string; status: string }[]).filter((x) => x.id === world.heldCommentId || x.status !== 'visible')
        return held.length ? `comments not visible are shown: ${held.map((x) => x.id)}` : null
      },
    },
    {
      label: 'a topic being voted on by secret ballot: no tally before the close',
      gate: 'user',
      input: (w, communityId) => ({ communityId, topicId: w.topicVoting }),
      check: (d) => (d.tally ? `the tally is shown during a secret vote: ${JSON.stringify(d.tally)}` : null),
    },
    {
      label: 'a done topic: nobody sees another’s choice',
      gate: 'user',
      input: (w, communityId) => ({ communityId, topicId: w.topicDone }),
      // The resident, the owner and the party member voted; their households see only that their household did.
      check: (d, c) =>
        ['yes', 'no', 'abstain'].includes(d.me.voted) && !['owner', 'resident', 'partyMember'].includes(c) ? `${c} sees a choice: ${d.me.voted}` : null,
    },
    {
      label: 'a draft: only its author and the secretary',
      gate: 'user',
      input: (w, communityId) => ({ communityId, topicId: w.topicDraft }),
      allow: ['owner', ...SEC],
      deny: 'NOT_FOUND',
    },
  ],
  'topic.support': one({
    gate: 'user',
    input: (w, communityId) => ({ communityId, topicId: w.topicUnbacked }),
    allow: RESIDENTS.filter((c) => c !== 'owner'),
  }),
  // Only the resident supports it; anyone else has nothing to withdraw.
  'topic.unsupport': one({ gate: 'user', input: (w, communityId) => ({ communityId, topicId: w.topicCollecting }), allow: ['resident'], deny: 'CONFLICT' }),
  'topic.review': one({
    gate: 'user',
    input: (w, communityId) => ({ communityId, topicId: w.topicReview, note: '党支部同意，请业委会商议' }),
    allow: ['partyMember', ...SEC],
  }),
  'topic.discuss': one({
    gate: 'user',
    input: (w, communityId) => ({ communityId, topicId: w.topicDiscussion, note: '业委会同意，征求居民意见' }),
    allow: ['volunteer', ...SEC],
  }),
  'topic.comment': one({
    gate: 'user',
    input: (w, communityId) => ({ communityId, topicId: w.topicOpinions, text: '同意，最好装在地面上' }),
    allow: RESIDENTS,
  }),
  'topic.comments': [
    {
      label: 'a topic’s visible comments',
      gate: 'user',
      input: (w, communityId) => ({ communityId, topicId: w.topicOpinions }),
      check: (d) => ((d.items as { id: string }[]).some((x) => x.id === world.heldCommentId) ? 'the held comment is listed' : null),
    },
    {
      label: 'a topic’s held comments',
      gate: 'user',
      input: (w, communityId) => ({ communityId, topicId: w.topicOpinions, held: true }),
      allow: SEC,
      other: { deny: { otherSecretary: 'NOT_FOUND', streetAdmin: 'NOT_FOUND' } },
    },
    {
      label: 'the moderation queue',
      gate: 'user',
      input: (_w, communityId) => ({ communityId, held: true }),
      allow: SEC,
      other: { allow: OTHER_SEC },
      check: (d, _c, v) => (v === 'other' ? empty('items')(d) : null),
    },
  ],
  // The secretary reports without being a resident; nobody reports their own.
  'topic.report': [
    {
      label: 'a topic',
      gate: 'user',
      input: (w, communityId) => ({ communityId, topicId: w.topicOpinions, reason: '重复提交' }),
      allow: [...RESIDENTS.filter((c) => c !== 'owner'), 'streetAdmin'],
    },
    {
      label: 'the resident’s comment',
      gate: 'user',
      input: (w, communityId) => ({ communityId, topicId: w.topicOpinions, commentId: w.commentId }),
      allow: [...RESIDENTS.filter((c) => c !== 'resident'), 'streetAdmin'],
    },
  ],
  'topic.moderate': [
    { label: 'approving the draft', gate: 'secretary', input: (w, communityId) => ({ communityId, topicId: w.topicDraft, decision: 'approve' }) },
    {
      label: 'showing the held comment',
      gate: 'secretary',
      input: (w, communityId) => ({ communityId, topicId: w.topicOpinions, commentId: w.heldCommentId, decision: 'approve' }),
    },
  ],
  'topic.withdraw': [
    {
      label: 'the owner’s draft',
      gate: 'user',
      input: (w, communityId) => ({ communityId, topicId: w.topicDraft }),
      allow: ['owner'],
      // Nobody else knows the draft exists; the secretary sees it, but withdrawing is its author's.
      deny: { ...Object.fromEntries(CALLER_NAMES.map((c) => [c, 'NOT_FOUND'])), secretary: 'FORBIDDEN', streetAdmin: 'FORBIDDEN' },
    },
    {
      label: 'the owner’s topic nobody has backed yet',
      gate: 'user',
      input: (w, communityId) => ({ communityId, topicId: w.topicUnbacked }),
      allow: ['owner'],
    },
  ],
  'topic.merge': one({
    gate: 'secretary',
    input: (w, communityId) => ({ communityId, topicId: w.topicCollecting, intoTopicId: w.topicOpinions, note: '都是停车问题' }),
  }),
  'topic.retire': one({ gate: 'secretary', input: (w, communityId) => ({ communityId, topicId: w.topicCollecting, reason: 'duplicate' }) }),
  'topic.openVote': one({ gate: 'secretary', input: (w, communityId) => ({ communityId, topicId: w.topicOpinions }) }),
  // Everyone whose household is verified in community 1 may vote (nobody has yet); the others are told why.
  'topic.vote': one({
    gate: 'user',
    input: (w, communityId) => ({ communityId, topicId: w.topicVoting, choice: 'yes' }),
    allow: ['owner', 'resident', 'partyMember', 'volunteer', 'head', 'head2', 'grid', 'secretary'],
  }),
  'topic.recordOfflineVotes': one({
    gate: 'secretary',
    input: (w, communityId) => ({ communityId, topicId: w.topicVoting, channel: 'paper', votes: [{ voterId: P.resident.id, choice: 'no' }] }),
  }),
  'topic.close': one({ gate: 'secretary', input: (w, communityId) => ({ communityId, topicId: w.topicVoting }) }),
  'topic.addMilestone': one({
    gate: 'secretary',
    input: (w, communityId) => ({ communityId, topicId: w.topicPassed, date: chinaDay(tc.now()), note: '施工队进场' }),
  }),
  // 办成了吗 is for those who voted: the resident, the owner and the party member.
  'topic.feedback': one({
    gate: 'user',
    input: (w, communityId) => ({ communityId, topicId: w.topicDone, done: true }),
    allow: ['owner', 'resident', 'partyMember'],
  }),
  'meeting.upsert': one({
    gate: 'secretary',
    input: (w, communityId) => ({
      communityId,
      councilId: w.councilId,
      kind: 'representatives',
      title: '居民代表会议',
      place: '党群服务中心',
      startAt: new Date(tc.now().getTime() + 48 * 3600_000).toISOString(),
      endAt: new Date(tc.now().getTime() + 50 * 3600_000).toISOString(),
      capacity: 20,
      topicIds: [w.topicVoting],
    }),
  }),
  'meeting.list': one({
    gate: 'user',
    input: (_w, communityId) => ({ communityId }),
    other: 'open',
    check: (d, _c, v) => (v === 'other' ? empty('items')(d) : null),
  }),
  // ---------------------------------------------------------------- 一键报修 / 吹哨报到 (requests, grids, units)
  'request.create': one({
    gate: 'member',
    input: (_w, communityId) => ({ communityId, category: 'repair', description: '单元门坏了，关不上' }),
    other: 'open',
  }),
  'request.get': one({
    gate: 'user',
    input: (w, communityId) => ({ communityId, requestId: w.reqDispatched }),
    allow: REPORTER_HOLDER_SEC,
    deny: 'NOT_FOUND',
    // The reporter's full name and phone: to who handles it and the secretary (and the reporter), no one else.
    check: (d) => (d.reporter.phone === null ? 'the reporter’s phone withheld from someone who handles it' : null),
  }),
  'request.mine': one({
    gate: 'member',
    input: (_w, communityId) => ({ communityId }),
    other: 'open',
    check: (d, c, v) => (v === 'other' || c !== 'owner' ? empty('items')(d) : d.items.length ? null : 'the owner’s requests missing'),
  }),
  'request.queue': [
    {
      label: 'own queue (grid worker, secretary)',
      gate: 'user',
      input: (_w, communityId) => ({ communityId }),
      allow: ['grid', ...SEC],
      other: { allow: OTHER_SEC },
      check: (d, _c, v) => (v === 'other' ? empty('items')(d) : null),
    },
    {
      label: 'a unit’s queue',
      gate: 'user',
      input: (w, communityId) => ({ communityId, unitId: w.propertyId }),
      allow: ['unitStaff'],
      // The unit's queue is the unit's, whatever community names it: only its staff.
      other: { allow: ['unitStaff'] },
    },
  ],
  'request.board': one({
    gate: 'secretary',
    input: (_w, communityId) => ({ communityId }),
    other: 'open',
    check: (d, _c, v) => (v === 'other' ? empty('items')(d) : null),
  }),
  'request.accept': [
    {
      label: 'the grid worker’s',
      gate: 'user',
      input: (w, communityId) => ({ communityId, requestId: w.reqDispatched }),
      allow: ['grid'],
      deny: onlyRelated(['owner', ...SEC]),
    },
    {
      label: 'the property company’s',
      gate: 'user',
      input: (w, communityId) => ({ communityId, requestId: w.reqUnit }),
      allow: ['unitStaff'],
      deny: onlyRelated(['owner', ...SEC]),
    },
  ],
  'request.progress': one({
    gate: 'user',
    input: (w, communityId) => ({ communityId, requestId: w.reqAccepted, note: '材料买好了' }),
    allow: ['grid'],
    deny: onlyRelated(['owner', ...SEC]),
  }),
  'request.resolve': one({
    gate: 'user',
    input: (w, communityId) => ({ communityId, requestId: w.reqAccepted, proof: '已修好' }),
    allow: ['grid'],
    deny: onlyRelated(['owner', ...SEC]),
  }),
  'request.confirm': one({
    gate: 'user',
    input: (w, communityId) => ({ communityId, requestId: w.reqResolved, stars: 5 }),
    allow: ['owner'],
    deny: onlyRelated(['grid', ...SEC]),
  }),
  'request.reopen': one({
    gate: 'user',
    input: (w, communityId) => ({ communityId, requestId: w.reqResolved, reason: '又坏了' }),
    allow: ['owner'],
    deny: onlyRelated(['grid', ...SEC]),
  }),
  'request.cancel': one({
    gate: 'user',
    input: (w, communityId) => ({ communityId, requestId: w.reqDispatched }),
    allow: ['owner'],
    deny: onlyRelated(['grid', ...SEC]),
  }),
  'request.reassign': one({
    gate: 'secretary',
    input: (w, communityId) => ({ communityId, requestId: w.reqDispatched, unitId: w.propertyId, reason: '物业负责' }),
  }),
  'request.escalate': one({
    gate: 'secretary',
    input: (w, communityId) => ({ communityId, requestId: w.reqAccepted, unitId: w.deptId, reason: '超出社区能力范围' }),
  }),
  // Only the staff of the unit it was escalated to report; other staff have nothing to do with it.
  'request.unitAccept': one({
    gate: ['unit_staff'],
    input: (w, communityId) => ({ communityId, requestId: w.reqEscalated }),
    allow: ['deptStaff'],
    deny: 'NOT_FOUND',
  }),
  'request.convert': one({ gate: 'secretary', input: (w, communityId) => ({ communityId, requestId: w.reqDispatched, into: 'wish' }) }),
  'request.stats': one({
    gate: 'secretary',
    input: (_w, communityId) => ({ communityId }),
    other: 'open',
    check: (d, _c, v) => (v === 'other' && Object.keys(d.byCategory).length ? 'community 1’s requests counted' : null),
  }),
  'request.settings': one({ gate: 'member', input: (_w, communityId) => ({ communityId }), other: 'open' }),
  'request.setSettings': one({
    gate: 'secretary',
    input: (_w, communityId) => ({ communityId, limits: requestLimits(), mediationDays: 7, yellowShare: 0.7, autoCloseDays: 7 }),
    other: 'open',
  }),
  'request.lateUnits': one({ gate: 'user', input: () => ({ streetId: T.street }), allow: ['streetAdmin'], other: false }),
  'request.supervise': one({
    gate: 'user',
    input: (w) => ({ streetId: T.street, unitId: w.deptId, note: '请尽快到场处理' }),
    allow: ['streetAdmin'],
    other: false,
  }),
  'org.setGrid': one({
    gate: 'secretary',
    input: (_w, communityId) => ({ communityId, gridId: 'g-1', name: '第一网格', compoundIds: [T.compound1], workerId: Q.volunteer.id }),
  }),
  // The community's people and the staff of units serving it; staff names masked but for the secretary.
  'unit.list': one({
    gate: 'user',
    input: (_w, communityId) => ({ communityId }),
    allow: ['owner', 'resident', 'partyMember', 'volunteer', 'head', 'head2', 'grid', 'secretary', 'streetAdmin', 'unitStaff', 'deptStaff'],
    other: { allow: ['otherSecretary', 'otherResident', 'streetAdmin', 'deptStaff'] },
    check: masked('staff'),
  }),
  'unit.upsert': [
    {
      label: 'the community’s property company',
      gate: 'secretary',
      input: (w, communityId) => ({
        communityId,
        unitId: w.propertyId,
        name: '安居物业',
        kind: 'property',
        categories: ['environment'],
        escalationAcceptMinutes: 45,
      }),
    },
    {
      label: 'a street department (the street admin’s)',
      gate: 'secretary',
      input: (w, communityId) => ({ communityId, unitId: w.deptId, name: '街道城管科', kind: 'street_dept', categories: [], escalationAcceptMinutes: 90 }),
      allow: ['streetAdmin'],
      other: { allow: ['streetAdmin'] },
    },
  ],
  'unit.setStaff': [
    {
      label: 'the community’s property company',
      gate: 'secretary',
      input: (w, communityId) => ({ communityId, unitId: w.propertyId, userId: P.resident.id, staff: true }),
    },
    {
      label: 'a street department (the street admin’s)',
      gate: 'secretary',
      input: (w, communityId) => ({ communityId, unitId: w.deptId, userId: P.resident.id, staff: true }),
      allow: ['streetAdmin'],
      other: { allow: ['streetAdmin'] },
    },
  ],
  'unit.findPerson': [
    {
      label: 'the community’s property company',
      gate: 'secretary',
      input: (w, communityId) => ({ communityId, unitId: w.propertyId, phone: P.resident.phone }),
    },
    {
      label: 'a street department (the street admin’s)',
      gate: 'secretary',
      input: (w, communityId) => ({ communityId, unitId: w.deptId, phone: P.resident.phone }),
      allow: ['streetAdmin'],
      other: { allow: ['streetAdmin'] },
    },
  ],
  // ---------------------------------------------------------------- 服务菜单 / 社区秘书 (services, bookings, errands, venues)
  'service.list': [
    {
      label: 'the menu',
      gate: 'member',
      input: (_w, communityId) => ({ communityId }),
      other: 'open',
      check: (d, _c, v) => (v === 'other' ? empty('items')(d) : d.items.length === 5 ? null : `the menu should list 5 services, got ${d.items.length}`),
    },
    {
      label: 'with the inactive ones (the secretary’s)',
      gate: 'member',
      input: (_w, communityId) => ({ communityId, all: true }),
      allow: SEC,
      other: { allow: OTHER_SEC },
      check: (d, _c, v) => (v === 'other' ? empty('items')(d) : null),
    },
    {
      // The staff desk's list: only what the caller provides (the secretary: every service), never another's.
      label: 'the services I provide',
      gate: 'member',
      input: (_w, communityId) => ({ communityId, provided: true }),
      other: 'open',
      check: (d, c, v) => {
        const items = d.items as { name: string; provided?: boolean }[]
        if (v === 'other') return empty('items')(d)
        if (SEC.includes(c)) return items.length >= 5 ? null : `the secretary should see every service, got ${items.length}`
        const names = items.map((s) => s.name)
        if (c === 'unitStaff') return items.length === 1 && items[0].provided ? null : `the unit’s staff should see only the venue: ${names}`
        if (['owner', 'resident', 'head', 'head2'].includes(c)) return items.length ? `${c} provides nothing, got ${names}` : null
        return items.every((s) => s.provided) ? null : `a service ${c} does not provide listed: ${names}`
      },
    },
  ],
  'service.get': one({
    gate: 'member',
    input: (w, communityId) => ({ communityId, serviceId: w.serviceReception }),
    check: (d, c) =>
      d.me.canEdit !== SEC.includes(c)
        ? `canEdit ${d.me.canEdit} for ${c}`
        : d.me.isProvider !== (c === 'secretary')
          ? `isProvider ${d.me.isProvider} for ${c}`
          : (d.edit !== undefined) !== SEC.includes(c)
            ? `the editor's provider (edit) ${d.edit ? 'shown' : 'hidden'} for ${c}`
            : null,
  }),
  'service.upsert': [
    {
      label: 'a new service',
      gate: 'secretary',
      input: (_w, communityId) => ({
        communityId,
        name: '理发义剪',
        category: 'elderly',
        description: '每月一次',
        place: '党群服务中心',
        provider: { kind: 'staff', userIds: [P.secretary.id] },
        delivery: 'walk_in',
        walkIn: '每月第一个周六上午',
      }),
      // Under community 2 the provider named does not serve there.
      other: 'INVALID_INPUT',
    },
    {
      label: 'editing the reception',
      gate: 'secretary',
      input: (w, communityId) => ({
        communityId,
        serviceId: w.serviceReception,
        name: '书记接待日',
        category: 'reception',
        description: '每天上午接待',
        place: '党群服务中心',
        provider: { kind: 'staff', userIds: [P.secretary.id] },
        delivery: 'slots',
        schedule: { weekly: [{ weekday: 3, start: '09:00', end: '11:00', capacity: 8 }], dated: [], closures: [] },
      }),
    },
  ],
  'service.slots': one({
    gate: 'member',
    input: (w, communityId) => ({ communityId, serviceId: w.serviceReception, days: 3 }),
    // The caller's own booking only: the owner's is named to the owner and to no one else.
    check: (d, c) => {
      const mine = (d as { mine: string | null }[]).filter((x) => x.mine).map((x) => x.mine)
      return mine.some((id) => id === world.bookingPlain) && c !== 'owner' ? `the owner’s booking shown to ${c}` : null
    },
  }),
  'service.stats': one({
    gate: 'secretary',
    input: (_w, communityId) => ({ communityId }),
    other: 'open',
    check: (d, _c, v) => (v === 'other' && (d.services.length || d.errands.open) ? 'community 1’s services counted' : null),
  }),
  'service.demand': one({ gate: 'member', input: (_w, communityId) => ({ communityId, words: '上门理发' }), other: 'open' }),
  'booking.create': [
    {
      label: 'for oneself (the owner already holds a place)',
      gate: 'member',
      input: (w, communityId) => ({ communityId, serviceId: w.serviceReception, day: w.dayFuture, start: '09:00' }),
      // Residents of community 1 (the owner meets CONFLICT: one booking per person per slot); not the staff who live elsewhere.
      allow: RESIDENTS,
    },
    {
      label: 'for the offline elder (the building head acts for her)',
      gate: 'member',
      input: (w, communityId) => ({ communityId, serviceId: w.serviceReception, day: w.dayFuture, start: '09:00', forUserId: P.elder.id }),
      allow: ['head'],
    },
    {
      label: 'by phone for the resident (staff)',
      gate: 'member',
      input: (w, communityId) => ({ communityId, serviceId: w.serviceReception, day: w.dayFuture, start: '09:00', forUserId: P.resident.id, channel: 'phone' }),
      allow: RECEPTION_STAFF,
      deny: { resident: 'INVALID_INPUT' },
    },
  ],
  'booking.cancel': one({
    gate: 'member',
    input: (w, communityId) => ({ communityId, bookingId: w.bookingPlain }),
    allow: ['owner'],
  }),
  'booking.mine': one({
    gate: 'member',
    input: (_w, communityId) => ({ communityId }),
    other: 'open',
    check: (d, c, v) => {
      const theirs = (d.items as { id: string }[]).filter((b) => ownersBookings().includes(b.id))
      if (v === 'other' || c !== 'owner') return theirs.length ? `the owner’s bookings listed to ${c}` : null
      return theirs.length === ownersBookings().length ? null : 'the owner’s bookings missing'
    },
  }),
  'booking.roster': [
    {
      label: 'the reception (codes never shown)',
      gate: 'member',
      input: (w, communityId) => ({ communityId, serviceId: w.serviceReception, day: w.dayFuture }),
      allow: RECEPTION_STAFF,
      check: (d) => ((d.items as { code: string | null }[]).some((b) => b.code) ? 'a code shown on the roster' : d.items.length ? null : 'empty roster'),
    },
    {
      // 心灵驿站: only the person and the provider ever see who booked; the secretary sees a place taken.
      label: 'counselling (private)',
      gate: 'member',
      input: (w, communityId) => ({ communityId, serviceId: w.serviceCounsel, day: w.dayFuture }),
      allow: ['partyMember', ...SEC],
      check: (d, c) => {
        const who = (d.items as { who: string }[]).map((b) => b.who)
        if (!who.length) return 'empty roster'
        if (c === 'partyMember') return who.every((x) => x === '李*国') ? null : `the provider should see who booked: ${who}`
        return who.every((x) => x === HIDDEN) ? null : `a private booking’s person shown to ${c}: ${who}`
      },
    },
    {
      // 康养上门: the address only to the provider who goes there.
      label: 'home care (the address)',
      gate: 'member',
      input: (w, communityId) => ({ communityId, serviceId: w.serviceHome, day: w.dayFuture }),
      allow: ['volunteer', ...SEC],
      check: (d, c) => {
        const addresses = (d.items as { address: string | null }[]).map((b) => b.address)
        if (!addresses.length) return 'empty roster'
        if (c === 'volunteer') return addresses.every((a) => a === '幸福里小区1栋1单元102') ? null : 'the provider should see the address'
        return addresses.every((a) => a === null) ? null : `an at-home address shown to ${c}`
      },
    },
  ],
  // A code is tried before it is looked up (5 wrong codes in 10 minutes per person), so a refusal counts the try:
  // the only write a refused call may leave. A caller who does not serve the code's service is answered as for a
  // code that does not exist (NOT_FOUND), so guessing codes tells an outsider nothing.
  'booking.verify': one({
    gate: 'member',
    input: (w, communityId) => ({ communityId, code: w.bookingPlainCode }),
    allow: RECEPTION_STAFF,
    deny: 'NOT_FOUND',
    refusalMayWrite: ['checkin_tries'],
  }),
  'booking.markNoShow': one({
    gate: 'member',
    input: (w, communityId) => ({ communityId, bookingId: w.bookingMissed }),
    allow: RECEPTION_STAFF,
  }),
  'booking.rate': one({
    gate: 'member',
    input: (w, communityId) => ({ communityId, bookingId: w.bookingAttended, stars: 5, comment: '书记很耐心' }),
    allow: ['owner'],
  }),
  'errand.create': [
    {
      label: 'for oneself',
      gate: 'member',
      input: (_w, communityId) => ({ communityId, title: '代办社保卡', description: '社保卡丢了，想补办', documents: ['身份证'] }),
      // Those who live here (not the street admin or the unit's staff, who live elsewhere).
      allow: RESIDENTS,
      other: { allow: ['otherSecretary', 'otherResident'] },
    },
    {
      label: 'for the offline elder (her building head, or staff at the counter)',
      gate: 'member',
      input: (_w, communityId) => ({ communityId, title: '代办养老金认证', description: '老人不会用手机', forUserId: P.elder.id }),
      allow: ['head', ...ERRAND_STAFF],
      // Under community 2 its staff may enter errands, but the elder does not live there.
      other: { deny: { otherSecretary: 'INVALID_INPUT', streetAdmin: 'INVALID_INPUT' } },
    },
  ],
  'errand.list': [
    {
      label: 'mine',
      gate: 'member',
      input: (_w, communityId) => ({ communityId, view: 'mine' }),
      other: 'open',
      check: (d, c, v) => {
        const theirs = (d.items as { id: string }[]).filter((e) => [world.errandSubmitted, world.errandOwned].includes(e.id))
        if (v === 'other' || c !== 'owner') return theirs.length ? `the owner’s errands listed to ${c}` : null
        return theirs.length === 2 ? null : 'the owner’s errands missing'
      },
    },
    {
      label: 'the staff’s queue',
      gate: 'member',
      input: (_w, communityId) => ({ communityId, view: 'open' }),
      allow: ERRAND_STAFF,
      other: { allow: OTHER_SEC },
      check: (d, _c, v) => (v === 'other' ? empty('items')(d) : d.items.length ? null : 'the waiting errand missing'),
    },
    {
      label: 'owned',
      gate: 'member',
      input: (_w, communityId) => ({ communityId, view: 'owned' }),
      allow: ERRAND_STAFF,
      other: { allow: OTHER_SEC },
      check: (d, c, v) => (v === 'own' && c === 'grid' && !d.items.length ? 'the grid worker’s errand missing' : v === 'other' ? empty('items')(d) : null),
    },
    {
      label: 'all (the secretary’s)',
      gate: 'member',
      input: (_w, communityId) => ({ communityId, view: 'all' }),
      allow: SEC,
      other: { allow: OTHER_SEC },
      check: (d, _c, v) => (v === 'other' ? empty('items')(d) : null),
    },
  ],
  // An errand is between the resident, who entered it and its staff: anyone else is told it does not exist.
  'errand.advance': [
    {
      label: 'accept (首问负责: any staff member of it)',
      gate: 'member',
      input: (w, communityId) => ({ communityId, errandId: w.errandSubmitted, step: 'accept' }),
      allow: ERRAND_STAFF,
      deny: onlyRelated(['owner']),
    },
    {
      label: 'progress (the owner of it only)',
      gate: 'member',
      input: (w, communityId) => ({ communityId, errandId: w.errandOwned, step: 'progress', note: '材料已递交' }),
      allow: ['grid'],
      deny: onlyRelated(['owner', ...ERRAND_STAFF]),
    },
    {
      label: 'done',
      gate: 'member',
      input: (w, communityId) => ({ communityId, errandId: w.errandOwned, step: 'done' }),
      allow: ['grid'],
      deny: onlyRelated(['owner', ...ERRAND_STAFF]),
    },
    {
      label: 'handover (the owner, or the secretary)',
      gate: 'member',
      input: (w, communityId) => ({ communityId, errandId: w.errandOwned, step: 'handover', toUserId: P.secretary.id }),
      allow: ['grid', ...SEC],
      deny: onlyRelated(['owner', ...ERRAND_STAFF]),
    },
    {
      label: 'toRequest (the owner)',
      gate: 'member',
      input: (w, communityId) => ({ communityId, errandId: w.errandOwned, step: 'toRequest' }),
      allow: ['grid'],
      deny: onlyRelated(['owner', ...ERRAND_STAFF]),
    },
  ],
  'venue.list': [
    {
      label: 'the venues',
      gate: 'member',
      input: (_w, communityId) => ({ communityId }),
      other: 'open',
      check: (d, _c, v) => (v === 'other' ? (d.length ? 'community 1’s venue listed' : null) : d.length === 1 ? null : 'the venue missing'),
    },
    {
      // The requests waiting across days: only to the venue's unit's staff and the secretary, and without codes.
      label: 'with the requests waiting for a decision',
      gate: 'member',
      input: (_w, communityId) => ({ communityId, pending: true }),
      other: 'open',
      check: (d, c, v) => {
        if (v === 'other') return d.length ? 'community 1’s venue listed' : null
        const pending = (d[0]?.pending ?? null) as { id: string; code: string | null }[] | null
        if (!['unitStaff', ...SEC].includes(c)) return pending ? `pending requests shown to ${c}` : null
        if (!pending?.some((r) => r.id === world.venuePending)) return `the pending request missing for ${c}`
        return pending.some((r) => r.code) ? 'a code shown with a pending request' : null
      },
    },
  ],
  'venue.book': one({
    gate: 'member',
    input: (w, communityId) => ({ communityId, serviceId: w.serviceVenue, day: w.dayFuture, start: '18:00', end: '19:00', purpose: '合唱排练' }),
    // Residents and the staff of a unit serving the community; not the street admin, who lives elsewhere.
    allow: [...RESIDENTS, 'unitStaff'],
  }),
  // The venue's unit's staff and the secretary decide; the one who asked may not; anyone else does not see it.
  'venue.approve': one({
    gate: 'member',
    input: (w, communityId) => ({ communityId, bookingId: w.venuePending, approve: true }),
    allow: ['unitStaff', ...SEC],
    deny: onlyRelated(['owner']),
  }),
  ...Object.fromEntries(Object.entries(announced).filter(([action]) => action in actionInputs)),
}

// ---------------------------------------------------------------- the walk

let tc: TestCloud
let world: World
let dump: Dump

beforeAll(async () => {
  tc = await openTestCloud()
  ;({ world, dump } = await buildWorld(tc))
}, 60_000)
afterAll(async () => {
  await tc.close()
})

/** Does the caller pass the gate in this community? */
function passes(caller: Caller, gate: Gate, communityId: string): boolean {
  if (CALLERS[caller] === null) return false
  if (gate === 'wechat') return true
  if (caller === 'stranger') return false
  if (gate === 'user') return true
  const street = world.streetOf[communityId]
  const grants = world.roles[caller]
  const holds = (roles: readonly Role[]) =>
    grants.some(
      (g) => roles.includes(g.role) && (g.communityId === communityId || (['street_admin', 'unit_staff'].includes(g.role) && g.communityId === street)),
    )
  if (gate === 'member') return grants.some((g) => g.communityId === communityId) || holds(['street_admin'])
  if (gate === 'secretary') return holds(['secretary', 'street_admin'])
  return holds(gate)
}

type Expect = { allowed: true } | { allowed: false; codes: ErrorCode[] }

function expected(row: Case, caller: Caller, variant: 'own' | 'other'): Expect {
  const communityId = variant === 'own' ? c1 : c2
  if (!passes(caller, row.gate, communityId)) {
    return { allowed: false, codes: [CALLERS[caller] === null || caller === 'stranger' ? 'UNAUTHENTICATED' : 'FORBIDDEN'] }
  }
  let v: Variant
  if (variant === 'own') v = { allow: row.allow, deny: row.deny }
  else if (row.other === 'open') v = {}
  else if (row.other === undefined) v = { allow: [], deny: 'NOT_FOUND' }
  else if (typeof row.other === 'string' || Array.isArray(row.other)) v = { allow: [], deny: row.other }
  else v = { allow: row.other ? (row.other.allow ?? []) : [], deny: row.other ? row.other.deny : undefined }
  if (!v.allow || v.allow.includes(caller)) return { allowed: true }
  const deny = v.deny ?? 'FORBIDDEN'
  const code = typeof deny === 'string' || Array.isArray(deny) ? deny : (deny[caller] ?? 'FORBIDDEN')
  return { allowed: false, codes: Array.isArray(code) ? code : [code] }
}

const NOT_FOR_ALLOWED = new Set(['FORBIDDEN', 'UNAUTHENTICATED', 'NOT_FOUND', 'RATE_LIMITED', 'INTERNAL'])

/** One call from the world's state; returns a problem, or null. Leaves the world as it found it. */
async function attempt(action: string, row: Case, caller: Caller, variant: 'own' | 'other'): Promise<string | null> {
  const communityId = variant === 'own' ? c1 : c2
  const exp = expected(row, caller, variant)
  tc.resetLimits()
  const t0 = performance.now()
  const res: ApiResult<unknown> = await tc.raw(CALLERS[caller], { action, data: row.input(world, communityId) })
  const ms = performance.now() - t0
  const code = codeOf(res)
  const after = await dumpAll(tc.engine)
  // Every call starts from the world (restored after any change), so the fingerprint before is the world's.
  const changed = hashDocs(after) !== dump.fingerprint
  // What a refusal changed beyond what its row says it may (a counted try of a short code).
  const unexpected = () => diffDumps(dump.docs, after).filter((d) => !(row.refusalMayWrite ?? []).some((c) => d.startsWith(`${c}/`)))
  let problem: string | null = null
  const msg = res.ok ? '' : ` (${res.error.message})`
  if (exp.allowed) {
    if (NOT_FOR_ALLOWED.has(code)) problem = `${caller}: should be allowed, got ${code}${msg}`
    else if (res.ok && row.check) {
      const bad = row.check(res.data, caller, variant)
      if (bad) problem = `${caller}: allowed, but ${bad}`
    }
  } else if (!exp.codes.includes(code as ErrorCode)) {
    problem = `${caller}: expected ${exp.codes.join('|')}, got ${code}${msg}${changed ? `, and changed ${diffDumps(dump.docs, after).join(', ')}` : ''}`
  } else if (changed && unexpected().length) {
    problem = `${caller}: refused with ${code} but changed ${unexpected().join(', ')}`
  }
  if (changed) await restore(tc.engine, dump)
  if (process.env.AUTHZ_TRACE) trace.push(`${ms.toFixed(1)}\t${action}\t${row.label}\t${variant}\t${caller}\t${exp.allowed ? 'allow' : 'deny'}\t${code}${msg}`)
  return problem
}

/** AUTHZ_TRACE=<file>: write every call's outcome there (to see what allowed callers actually got). */
const trace: string[] = []
afterAll(() => {
  if (process.env.AUTHZ_TRACE) require('fs').writeFileSync(process.env.AUTHZ_TRACE, trace.join('\n') + '\n')
})

test('every action of the registry has a row, and every row is an action', () => {
  expect(Object.keys(TABLE).sort()).toEqual(Object.keys(actionInputs).sort())
  for (const [action, cases] of Object.entries(TABLE)) expect([action, cases.length > 0]).toEqual([action, true])
})

test('the world holds what the rows rely on, and restoring it is exact', async () => {
  expect(await fingerprint(tc.engine)).toBe(dump.fingerprint)
  const status = async (coll: string, id: string) => ((await tc.engine.find(coll, { _id: id }))[0] as { status: string }).status
  expect(await status('wishes', world.wishUnderReview)).toBe('under_review')
  expect(await status('wishes', world.wishOpen)).toBe('open')
  expect(await status('wishes', world.wishClaimed)).toBe('claimed')
  expect(await status('wishes', world.wishFulfilled)).toBe('fulfilled')
  expect(await status('mall_orders', world.orderId)).toBe('reserved')
  expect(await status('party_registrations', world.pendingRegId)).toBe('pending')
  expect(await status('party_registrations', world.memberRegId)).toBe('verified')
  expect(await status('activity_signups', `${world.actNow}_${Q.volunteer.id}`)).toBe('checked_in')
  expect(await status('activity_signups', `${world.actPast}_${Q.volunteer.id}`)).toBe('checked_out')
  expect(await status('requests', world.reqDispatched)).toBe('dispatched')
  expect(await status('requests', world.reqAccepted)).toBe('accepted')
  expect(await status('requests', world.reqResolved)).toBe('resolved')
  expect(await status('requests', world.reqUnit)).toBe('dispatched')
  expect(await status('requests', world.reqEscalated)).toBe('escalated')
  expect(await status('requests', world.reqFeedback)).toBe('dispatched')
  const topics = [
    world.topicDraft,
    world.topicCollecting,
    world.topicUnbacked,
    world.topicReview,
    world.topicDiscussion,
    world.topicOpinions,
    world.topicVoting,
  ]
  expect(await Promise.all(topics.map((id) => status('topics', id)))).toEqual([
    'draft',
    'collecting',
    'collecting',
    'review',
    'discussion',
    'opinions',
    'voting',
  ])
  expect(await status('topics', world.topicPassed)).toBe('decided')
  expect(await status('topics', world.topicDone)).toBe('done')
  expect([await status('topic_comments', world.commentId), await status('topic_comments', world.heldCommentId)]).toEqual(['visible', 'held'])
  expect((await tc.engine.find('scene_tokens', { _id: world.talkPoint }))[0]).toMatchObject({ kind: 'talk_point', communityId: c1 })
  expect(CALLER_NAMES).toHaveLength(17)
})

test('the walk notices a refused call that wrote something, and puts the world back', async () => {
  // A row that wrongly expects a refusal of a write that is in fact allowed.
  const wrong: Case = { label: 'deliberately wrong', gate: 'user', input: () => ({ elderMode: true }), allow: [], deny: 'FORBIDDEN' }
  expect(await attempt('org.updateProfile', wrong, 'resident', 'own')).toBe('resident: expected FORBIDDEN, got OK, and changed users/u-res: changed')
  expect(await fingerprint(tc.engine)).toBe(dump.fingerprint)
})

const rows = Object.entries(TABLE).flatMap(([action, cases]) =>
  cases.flatMap((row) =>
    (['own', 'other'] as const)
      .filter((variant) => variant === 'own' || row.other !== false)
      .map((variant) => ({
        name: `${action}${row.label ? ` — ${row.label}` : ''} — ${variant === 'own' ? 'own community' : 'naming the other community'}`,
        action,
        row,
        variant,
      })),
  ),
)

describe.each(rows.map((r) => [r.name, r] as const))('%s', (_name, { action, row, variant }) => {
  test('every caller: refused with the expected code and nothing changed, or allowed', async () => {
    const problems: string[] = []
    for (const caller of CALLER_NAMES) {
      const p = await attempt(action, row, caller, variant)
      if (p) problems.push(p)
    }
    expect({ rule: row.rule ?? null, problems }).toEqual({ rule: row.rule ?? null, problems: [] })
  })
})

test('private and at-home bookings: who booked and where are seen only by the person and the provider, whoever asks and however', async () => {
  // The owner (李建国) booked counselling (private, the party member provides it) and home care (at home, the
  // volunteer provides it, at the owner's address). Every read that could show a booking, by every caller.
  const w = world
  const reads: [string, Record<string, unknown>][] = [
    ['booking.roster', { communityId: c1, serviceId: w.serviceCounsel, day: w.dayFuture }],
    ['booking.roster', { communityId: c1, serviceId: w.serviceHome, day: w.dayFuture }],
    ['booking.mine', { communityId: c1 }],
    ['service.slots', { communityId: c1, serviceId: w.serviceCounsel, days: 5 }],
    ['service.slots', { communityId: c1, serviceId: w.serviceHome, days: 5 }],
    ['service.get', { communityId: c1, serviceId: w.serviceCounsel }],
    ['service.stats', { communityId: c1 }],
    ['errand.list', { communityId: c1, view: 'all' }],
  ]
  const seen: string[] = []
  for (const caller of CALLER_NAMES) {
    for (const [action, data] of reads) {
      tc.resetLimits()
      const res = await tc.raw(CALLERS[caller], { action, data })
      if (!res.ok) continue
      const text = JSON.stringify(res.data)
      const counselBooking = action === 'booking.roster' && data.serviceId === w.serviceCounsel
      if (counselBooking && /李\*国|李建国/.test(text)) seen.push(`${caller} saw who booked counselling (${action})`)
      if (text.includes('幸福里小区1栋1单元102')) seen.push(`${caller} saw the home-care address (${action})`)
    }
  }
  expect(seen.sort()).toEqual(
    [
      'owner saw the home-care address (booking.mine)',
      'partyMember saw who booked counselling (booking.roster)',
      'volunteer saw the home-care address (booking.roster)',
    ].sort(),
  )
  expect(await fingerprint(tc.engine)).toBe(dump.fingerprint)
})

test('the walk leaves the world as it found it', async () => {
  expect(await fingerprint(tc.engine)).toBe(dump.fingerprint)
})

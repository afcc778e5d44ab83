/**
 * The request area's pure rules (cloudfunctions/api/src/modules/request/rules.ts): the lifecycle table (every move
 * from every status, by every relation), the refusals a person reads, relations, routing, the limit in force, the
 * clock's colour at each boundary, what the timer must do about a clock, converting, and the counters' histogram.
 */
import {
  canMoveRequest,
  clockDue,
  clockStage,
  colourAt,
  colourOf,
  convertRefusal,
  DEFAULT_LIMITS,
  defaultRequestSettings,
  dueOf,
  holderKeyOf,
  isRequestId,
  limitFor,
  OPEN_STATUSES,
  REQUEST_TRANSITIONS,
  requestRefusal,
  requestRelations,
  routeRequest,
  yellowPoint,
  type RequestMove,
  type RequestRelation,
} from '../../cloudfunctions/api/src/modules/request/rules'
import { newRequestId, gridOfBuilding } from '../../cloudfunctions/api/src/modules/request/repo'
import { bucketOf, HOUR_BUCKETS, medianHours } from '../../cloudfunctions/api/src/modules/request/counters'
import { REQUEST_STATUSES, REQUEST_STATUS_LABELS } from '../../types/vocabulary'
import type { Request, RequestStatus } from '../../types/requests'

const RELATIONS: RequestRelation[] = ['reporter', 'holder', 'unit_staff', 'escalation_staff', 'secretary', 'street_admin', 'timer']
const rel = (...r: RequestRelation[]) => new Set<RequestRelation>(r)
const MIN = 60_000

/** The lifecycle as the issue states it: event → [from statuses, to, who]. Written out, not derived from the table. */
const EXPECTED: Record<RequestMove, [RequestStatus[], RequestStatus, RequestRelation[]]> = {
  dispatch: [['reported'], 'dispatched', ['timer', 'secretary']],
  accept: [['dispatched'], 'accepted', ['holder', 'unit_staff']],
  progress: [['accepted', 'in_progress'], 'in_progress', ['holder']],
  resolve: [['accepted', 'in_progress'], 'resolved', ['holder']],
  confirm: [['resolved'], 'closed', ['reporter']],
  reopen: [['resolved'], 'dispatched', ['reporter']],
  autoclose: [['resolved'], 'closed', ['timer']],
  reassign: [['dispatched', 'accepted', 'in_progress'], 'dispatched', ['secretary']],
  escalate: [['dispatched', 'accepted', 'in_progress', 'resolved'], 'escalated', ['secretary']],
  unitAccept: [['escalated'], 'accepted', ['escalation_staff']],
  convert: [['reported', 'dispatched'], 'converted', ['secretary']],
  cancel: [['reported', 'dispatched'], 'cancelled', ['reporter']],
}

describe('the lifecycle table', () => {
  const cases: [RequestMove, RequestStatus, RequestRelation, boolean][] = []
  for (const ev of Object.keys(EXPECTED) as RequestMove[])
    for (const st of REQUEST_STATUSES) for (const r of RELATIONS) cases.push([ev, st, r, EXPECTED[ev][0].includes(st) && EXPECTED[ev][2].includes(r)])

  test.each(cases)('%s from %s by %s → allowed %s', (ev, st, r, allowed) => {
    expect(canMoveRequest(ev, st, rel(r))).toBe(allowed)
    const no = requestRefusal(ev, st, rel(r))
    if (allowed) expect(no).toBeNull()
    else expect(no?.code).toBe(EXPECTED[ev][2].includes(r) ? 'CONFLICT' : 'FORBIDDEN')
  })

  test('each move lands where the issue says, and the table has no other moves', () => {
    expect(Object.keys(REQUEST_TRANSITIONS).sort()).toEqual(Object.keys(EXPECTED).sort())
    for (const [ev, [, to]] of Object.entries(EXPECTED)) expect(REQUEST_TRANSITIONS[ev as RequestMove].to).toBe(to)
  })

  test('a refusal for the wrong status names the status in words, and open statuses are the unfinished ones', () => {
    expect(requestRefusal('accept', 'closed', rel('holder'))?.message).toContain(REQUEST_STATUS_LABELS.closed)
    expect(requestRefusal('confirm', 'resolved', rel('holder'))).toMatchObject({ code: 'FORBIDDEN', message: '只有提出诉求的居民可以确认' })
    expect([...OPEN_STATUSES].sort()).toEqual(['accepted', 'dispatched', 'escalated', 'in_progress', 'reported', 'resolved'])
    for (const s of REQUEST_STATUSES) expect(Array.from(REQUEST_STATUS_LABELS[s]).length).toBeLessThanOrEqual(5)
  })
})

describe('relations', () => {
  const base = { reporterId: 'u-r', enteredById: 'u-r', channel: 'online' as const, assignee: null, ownerId: null, escalation: null }
  const who = (id: string, roles: { role: string; communityId: string; unitId?: string }[] = []) => ({ _id: id, roles })
  const none = { isSecretary: false, isStreetAdmin: false }
  test.each([
    ['the reporter', base, who('u-r'), none, ['reporter']],
    ['a building head who reported for them', { ...base, reporterId: 'u-x', enteredById: 'u-h', channel: 'proxy' as const }, who('u-h'), none, ['reporter']],
    ['staff who entered one by phone is not the reporter', { ...base, reporterId: 'u-x', enteredById: 'u-s', channel: 'phone' as const }, who('u-s'), none, []],
    ['the assigned worker', { ...base, assignee: { kind: 'worker' as const, userId: 'u-w', gridId: 'g' } }, who('u-w'), none, ['holder']],
    [
      'a unit staff member before anyone accepted',
      { ...base, assignee: { kind: 'unit' as const, unitId: 'un' } },
      who('u-s', [{ role: 'unit_staff', communityId: 'c', unitId: 'un' }]),
      none,
      ['unit_staff'],
    ],
    [
      'the unit staff member who accepted it',
      { ...base, assignee: { kind: 'unit' as const, unitId: 'un' }, ownerId: 'u-s' },
      who('u-s', [{ role: 'unit_staff', communityId: 'c', unitId: 'un' }]),
      none,
      ['holder', 'unit_staff'],
    ],
    [
      'staff of another unit',
      { ...base, assignee: { kind: 'unit' as const, unitId: 'un' } },
      who('u-s', [{ role: 'unit_staff', communityId: 'c', unitId: 'other' }]),
      none,
      [],
    ],
    [
      'the secretary of a secretary-held request',
      { ...base, assignee: { kind: 'secretary' as const } },
      who('u-sec'),
      { isSecretary: true, isStreetAdmin: false },
      ['holder', 'secretary'],
    ],
    [
      'the escalated unit’s staff',
      { ...base, escalation: { unitId: 'dept', reason: '', at: new Date(), byId: 'x', acceptBy: new Date(), acceptedAt: null, acceptedById: null } },
      who('u-d', [{ role: 'unit_staff', communityId: 'st', unitId: 'dept' }]),
      none,
      ['escalation_staff'],
    ],
    ['the street admin', base, who('u-st'), { isSecretary: true, isStreetAdmin: true }, ['secretary', 'street_admin']],
  ])('%s', (_, r, user, facts, expected) => {
    expect([...requestRelations(r, user, facts)].sort()).toEqual([...expected].sort())
  })
})

describe('routing', () => {
  const grid = { _id: 'g-1', workerId: 'u-w' }
  const property = { _id: 'prop', communityId: 'c-1', categories: ['repair' as const], active: true }
  const dept = { _id: 'dept', communityId: null, categories: ['repair' as const, 'environment' as const], active: true }
  test.each([
    ['feedback always goes to the secretary', 'feedback', grid, [property, dept], { kind: 'secretary' }],
    ['the community’s unit owning the category before the street’s', 'repair', grid, [dept, property], { kind: 'unit', unitId: 'prop' }],
    ['a street department owning it when no community unit does', 'environment', grid, [property, dept], { kind: 'unit', unitId: 'dept' }],
    ['an inactive unit is passed over', 'repair', grid, [{ ...property, active: false }], { kind: 'worker', userId: 'u-w', gridId: 'g-1' }],
    ['the grid worker when no unit owns it', 'help', grid, [property, dept], { kind: 'worker', userId: 'u-w', gridId: 'g-1' }],
    ['the secretary when the grid has no worker', 'help', { _id: 'g-1', workerId: null }, [], { kind: 'secretary' }],
    ['the secretary without a grid', 'safety', null, [], { kind: 'secretary' }],
  ] as const)('%s', (_, category, g, units, expected) => {
    expect(routeRequest(category, g, units)).toEqual(expected)
  })

  test('holder keys', () => {
    expect(holderKeyOf({ kind: 'worker', userId: 'u', gridId: null }, 'c')).toBe('u_u')
    expect(holderKeyOf({ kind: 'unit', unitId: 'x' }, 'c')).toBe('unit_x')
    expect(holderKeyOf({ kind: 'secretary' }, 'c')).toBe('sec_c')
    expect(holderKeyOf(null, 'c')).toBeNull()
  })

  test('a building belongs to the grid listing it, else its compound’s grid', () => {
    const grids = [
      { _id: 'g-1', communityId: 'c', name: '一', compoundIds: ['cp-1'], workerId: 'a' },
      { _id: 'g-2', communityId: 'c', name: '二', compoundIds: ['cp-2'], buildingIds: ['b-9'], workerId: 'b' },
    ]
    expect(gridOfBuilding(grids, { _id: 'b-1', compoundId: 'cp-1' }, { gridId: 'g-1' })?._id).toBe('g-1')
    expect(gridOfBuilding(grids, { _id: 'b-9', compoundId: 'cp-1' }, { gridId: 'g-1' })?._id).toBe('g-2')
    expect(gridOfBuilding(grids, { _id: 'b-2', compoundId: 'cp-2' }, { gridId: null })?._id).toBe('g-2')
    expect(gridOfBuilding(grids, { _id: 'b-3', compoundId: 'cp-3' }, null)).toBeNull()
  })

  test('the limit in force: the holding unit’s own, else the community’s', () => {
    const s = defaultRequestSettings('c')
    expect(limitFor(s, 'repair', 'urgent')).toEqual(DEFAULT_LIMITS.repair.urgent)
    const unit = { limits: { repair: { urgent: { respondMinutes: 10, resolveMinutes: 60 } } } }
    expect(limitFor(s, 'repair', 'urgent', unit)).toEqual({ respondMinutes: 10, resolveMinutes: 60 })
    expect(limitFor(s, 'repair', 'normal', unit)).toEqual(DEFAULT_LIMITS.repair.normal)
    expect(limitFor(s, 'safety', 'urgent', unit)).toEqual(DEFAULT_LIMITS.safety.urgent)
  })
})

describe('the clock', () => {
  const now = new Date('2026-11-10T02:00:00Z')
  const due = new Date(now.getTime() + 100 * MIN)
  // Limit 100 minutes, yellow at 70%: yellow from 30 minutes before the deadline.
  test.each([
    ['a full limit left', 100 * MIN, 'green'],
    ['one ms before the yellow share', 30 * MIN + 1, 'green'],
    ['exactly at the yellow share', 30 * MIN, 'yellow'],
    ['exactly at the deadline', 0, 'yellow'],
    ['one ms past the deadline', -1, 'red'],
  ] as const)('%s → %s', (_, left, colour) => {
    const at = new Date(due.getTime() - left)
    expect(colourOf(due, 100, 0.7, at)).toBe(colour)
    // The stored yellow point gives the same colour at each boundary.
    const r = {
      status: 'dispatched' as const,
      open: true,
      dueAt: due,
      yellowAt: yellowPoint(due, 100, 0.7),
      limit: { respondMinutes: 100, resolveMinutes: 500 },
      escalation: null,
    }
    expect(colourAt(r, 0.7, at)).toBe(colour)
  })

  test('nothing waited for: none', () => {
    expect(colourOf(null, 100, 0.7, now)).toBe('none')
    expect(
      colourAt({ status: 'resolved', open: true, dueAt: null, yellowAt: null, limit: { respondMinutes: 1, resolveMinutes: 1 }, escalation: null }, 0.7, now),
    ).toBe('none')
  })

  test('stages and deadlines', () => {
    const limit = { respondMinutes: 20, resolveMinutes: 240 }
    const respondBy = new Date(1000)
    const resolveBy = new Date(2000)
    const esc = { unitId: 'd', reason: '', at: new Date(0), byId: 'x', acceptBy: new Date(60 * MIN), acceptedAt: null, acceptedById: null }
    const r = (status: RequestStatus) => ({ status, limit, escalation: status === 'escalated' ? esc : null, respondBy, resolveBy })
    expect(clockStage(r('dispatched'))).toEqual({ stage: 'respond', minutes: 20 })
    expect(clockStage(r('in_progress'))).toEqual({ stage: 'resolve', minutes: 240 })
    expect(clockStage(r('escalated'))).toEqual({ stage: 'escalation', minutes: 60 })
    expect(clockStage(r('resolved'))).toEqual({ stage: null, minutes: 0 })
    expect(dueOf(r('dispatched'))).toBe(respondBy)
    expect(dueOf(r('accepted'))).toBe(resolveBy)
    expect(dueOf(r('escalated'))).toEqual(esc.acceptBy)
    for (const s of ['resolved', 'closed', 'cancelled', 'converted'] as const) expect(dueOf(r(s))).toBeNull()
  })

  test('the timer warns once per colour and stage', () => {
    const base = {
      status: 'dispatched' as const,
      open: true,
      dueAt: due,
      yellowAt: yellowPoint(due, 100, 0.7),
      limit: { respondMinutes: 100, resolveMinutes: 500 },
      escalation: null,
    }
    const at = (left: number) => new Date(due.getTime() - left)
    expect(clockDue({ ...base, warned: null }, 0.7, at(50 * MIN))).toEqual({ action: 'none', nextCheckAt: base.yellowAt })
    expect(clockDue({ ...base, warned: null }, 0.7, at(30 * MIN))).toEqual({ action: 'yellow', nextCheckAt: new Date(due.getTime() + 1) })
    expect(clockDue({ ...base, warned: 'yellow' }, 0.7, at(0)).action).toBe('none')
    expect(clockDue({ ...base, warned: 'yellow' }, 0.7, at(-1))).toEqual({ action: 'red', nextCheckAt: null })
    expect(clockDue({ ...base, warned: null }, 0.7, at(-1)).action).toBe('red') // missed the yellow tick: straight to red
    expect(clockDue({ ...base, warned: 'red' }, 0.7, at(-1)).action).toBe('none')
  })
})

describe('convert', () => {
  const now = new Date('2026-11-20T00:00:00Z')
  const r = (status: RequestStatus, category: Request['category'] = 'dispute', daysAgo = 8) => ({
    status,
    category,
    createdAt: new Date(now.getTime() - daysAgo * 86400_000),
  })
  test.each([
    ['a wish from dispatched', 'wish', r('dispatched', 'help'), null],
    ['a wish once accepted', 'wish', r('accepted', 'help'), 'CONFLICT'],
    ['a topic from a dispute in progress past mediation', 'topic', r('in_progress'), null],
    ['a topic before mediation time is over', 'topic', r('in_progress', 'dispute', 6), 'CONFLICT'],
    ['a topic from a repair', 'topic', r('in_progress', 'repair'), 'INVALID'],
    ['a topic from a resolved dispute', 'topic', r('resolved'), 'CONFLICT'],
  ] as const)('%s', (_, into, req, code) => {
    expect(convertRefusal(into, req, rel('secretary'), 7, now)?.code ?? null).toBe(code)
    expect(convertRefusal(into, req, rel('holder'), 7, now)?.code).toBe('FORBIDDEN')
  })
})

test('request ids are time-ordered and recognised', () => {
  const a = newRequestId(new Date('2026-11-01T00:00:00Z'))
  const b = newRequestId(new Date('2026-11-01T00:00:00.001Z'))
  expect(isRequestId(a) && isRequestId(b)).toBe(true)
  expect(a < b).toBe(true)
  expect(isRequestId('w' + a.slice(1))).toBe(false)
})

test('the handling-hours histogram and its median', () => {
  expect(bucketOf(0.5)).toBe(0)
  expect(bucketOf(1)).toBe(0)
  expect(bucketOf(1.01)).toBe(1)
  expect(bucketOf(10_000)).toBe(HOUR_BUCKETS.length - 1)
  const b = HOUR_BUCKETS.map(() => 0)
  expect(medianHours(b, 0, 0)).toBeNull()
  b[bucketOf(3)] = 2 // two within 4 h
  b[bucketOf(30)] = 1 // one within 48 h
  expect(medianHours(b, 36, 3)).toBe(4)
})

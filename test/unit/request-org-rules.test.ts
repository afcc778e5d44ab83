/**
 * The pure rules of grids and the street's view: a building in one grid (overlapOf, buildingsOf,
 * compoundGrids), street roles covering a street's communities (holdsRole, sameGrant), how an
 * escalated request counts on its unit (unitCloseCount) and the lagging line.
 */
import { buildingsOf, compoundGrids, overlapOf } from '../../cloudfunctions/api/src/modules/org/gridLayout'
import { capabilitiesIn, holdsRole, isMemberOf, sameGrant } from '../../cloudfunctions/api/src/modules/org/rules'
import { acceptedLate, isLagging, unitCloseCount } from '../../cloudfunctions/api/src/modules/request/rules'
import type { Request } from '../../types/requests'

const compounds = [
  { _id: 'cpA', name: '甲小区' },
  { _id: 'cpB', name: '乙小区' },
]
const buildings = [
  { _id: 'a1', compoundId: 'cpA', name: '1栋' },
  { _id: 'a2', compoundId: 'cpA', name: '2栋' },
  { _id: 'b1', compoundId: 'cpB', name: '1栋' },
  { _id: 'b2', compoundId: 'cpB', name: '2栋' },
]

describe('grids: one building, one grid', () => {
  const g1 = { _id: 'g1', name: '一网格', compoundIds: ['cpA'], buildingIds: [] }
  test('a grid covers its compounds’ buildings and the ones it lists', () => {
    expect(buildingsOf({ compoundIds: ['cpA'], buildingIds: ['b2'] }, buildings)).toEqual(['a1', 'a2', 'b2'])
    expect(buildingsOf({ compoundIds: [] }, buildings)).toEqual([])
  })
  test('overlaps are named: a shared compound, a building of another grid’s compound, a building listed twice', () => {
    expect(overlapOf({ _id: 'g2', compoundIds: ['cpA'] }, [g1], compounds, buildings)).toBe(
      '「甲小区」已经属于「一网格」，一个楼栋只能属于一个网格，请先从那个网格移出',
    )
    expect(overlapOf({ _id: 'g2', compoundIds: [], buildingIds: ['a2'] }, [g1], compounds, buildings)).toContain('「甲小区2栋」已经属于「一网格」')
    const g3 = { _id: 'g3', name: '三网格', compoundIds: [], buildingIds: ['b1'] }
    expect(overlapOf({ _id: 'g2', compoundIds: ['cpB'] }, [g1, g3], compounds, buildings)).toContain('「乙小区1栋」已经属于「三网格」')
    expect(overlapOf({ _id: 'g2', compoundIds: [], buildingIds: ['b2'] }, [g1, g3], compounds, buildings)).toBeNull()
    // A grid does not overlap itself.
    expect(overlapOf({ _id: 'g1', compoundIds: ['cpA'], buildingIds: ['b2'] }, [g1, g3], compounds, buildings)).toBeNull()
  })
  test('each compound points at the grid that covers it whole, else none', () => {
    expect(compoundGrids([g1, { _id: 'g3', compoundIds: [] }], compounds)).toEqual(
      new Map([
        ['cpA', 'g1'],
        ['cpB', null],
      ]),
    )
  })
})

describe('unit staff in the org rules', () => {
  const street = 'st'
  const c1 = { _id: 'c1', streetId: street }
  const c2 = { _id: 'c2', streetId: street }
  const other = { _id: 'c9', streetId: 'st9' }
  const dept = { roles: [{ communityId: street, role: 'unit_staff' as const, unitId: 'un-dept' }] }
  const prop = { roles: [{ communityId: 'c1', role: 'unit_staff' as const, unitId: 'un-prop' }] }
  test('a street department’s staff hold unit_staff in every community of the street, and nowhere else', () => {
    expect([holdsRole(dept, c1, ['unit_staff']), holdsRole(dept, c2, ['unit_staff']), holdsRole(dept, other, ['unit_staff'])]).toEqual([true, true, false])
    expect([holdsRole(prop, c1, ['unit_staff']), holdsRole(prop, c2, ['unit_staff'])]).toEqual([true, false])
    // Serving a community is not belonging to it: a department's staff are not its members.
    expect([isMemberOf(dept, c1), isMemberOf(prop, c1)]).toEqual([false, true])
    expect(capabilitiesIn(dept, c1)).toEqual(['handleRequests'])
    expect(capabilitiesIn({ roles: [{ communityId: 'c1', role: 'grid_worker' }] }, c1)).toEqual(['member', 'handleRequests'])
  })
  test('unit_staff grants differ by unit; other grants by community and role only', () => {
    expect(sameGrant({ communityId: 'c1', role: 'unit_staff', unitId: 'a' }, { communityId: 'c1', role: 'unit_staff', unitId: 'b' })).toBe(false)
    expect(sameGrant({ communityId: 'c1', role: 'unit_staff', unitId: 'a' }, { communityId: 'c1', role: 'unit_staff', unitId: 'a' })).toBe(true)
    expect(sameGrant({ communityId: 'c1', role: 'building_head', buildingIds: ['x'] }, { communityId: 'c1', role: 'building_head' })).toBe(true)
  })
})

describe('an escalated request on its unit’s counters', () => {
  const t = (h: number) => new Date(Date.UTC(2026, 10, 1, h))
  const escalation = { unitId: 'u1', reason: '', at: t(0), byId: 's', acceptBy: t(2), acceptedAt: t(1), acceptedById: 'x' }
  const base: Pick<Request, 'assignee' | 'escalation' | 'late' | 'resolveBy' | 'resolvedAt'> = {
    assignee: { kind: 'unit', unitId: 'u1' },
    escalation,
    late: true, // it was overdue before it was escalated: not the unit's doing
    resolveBy: t(10),
    resolvedAt: t(9),
  }
  test('judged on the unit’s own clock: reported and resolved in time is on time, whatever came before', () => {
    expect(unitCloseCount(base)).toBe('onTime')
    expect(unitCloseCount({ ...base, resolvedAt: t(11) })).toBe('late')
  })
  test('a late report was counted when it happened: the closing adds nothing', () => {
    const late = { ...escalation, acceptedAt: t(3) }
    expect(acceptedLate(late)).toBe(true)
    expect(unitCloseCount({ ...base, escalation: late })).toBeNull()
  })
  test('a unit’s own (not escalated) request, or one taken back from the unit, counts by `late`', () => {
    expect(unitCloseCount({ ...base, escalation: null })).toBe('late')
    expect(unitCloseCount({ ...base, escalation: null, late: false })).toBe('onTime')
    expect(unitCloseCount({ ...base, assignee: { kind: 'unit', unitId: 'u2' } })).toBe('late')
  })
  test('lagging: below 80 % or anything overdue now', () => {
    expect([isLagging(0.79, 0), isLagging(0.8, 0), isLagging(null, 0), isLagging(1, 1)]).toEqual([true, false, false, true])
  })
})

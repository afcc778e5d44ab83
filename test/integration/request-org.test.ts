/**
 * Grids, units, staff, 吹哨 and the street's view, through the real main() on the local engine: a grid over
 * compounds and single buildings (a building belongs to one grid: overlaps refused, also when two
 * secretaries race), its worker granted and revoked; units of the community and the street's departments,
 * their staff (unit_staff grants naming the unit, audited) and what staff see; escalation to a department and
 * its acceptance limits with the injected clock (late recorded on the unit's counters); the street admin's
 * late units and grids equal to a recount; 督办.
 */
import { codeOf, openTestCloud, type TestCloud } from '../support/cloud'
import { P, T, seedFixtures } from '../support/fixtures'
import { PRIVACY_VERSION, type User } from '../../types/org'
import type { ApiResult } from '../../types/common'
import type { Unit } from '../../types/requests'

let tc: TestCloud
const sec = P.secretary.openid
const c = T.c1
const MIN = 60_000

beforeAll(async () => {
  tc = await openTestCloud()
})
afterEach(() => tc.resetClock())
afterAll(async () => {
  await tc.close()
})

/** Someone with a profile and no place in the fixtures' street (a department's or the property company's staff). */
function outsider(id: string, name: string, over: Partial<User> = {}): User {
  const now = new Date('2026-11-01T08:00:00Z')
  return {
    _id: id,
    openid: `o-${id}`,
    offline: false,
    nickname: name,
    avatarUrl: null,
    realName: name,
    phone: '13911112222',
    householdId: null,
    communityId: null,
    buildingId: null,
    householdStatus: null,
    roles: [],
    proxies: [],
    privacy: { version: PRIVACY_VERSION, at: now },
    elderMode: null,
    birthYear: null,
    createdAt: now,
    updatedAt: now,
    ...over,
  }
}
const STAFF = { prop: outsider('u-prop', '物业小刘'), dept: outsider('u-dept', '城管老赵'), dept2: outsider('u-dept2', '城管小钱') }

async function setup() {
  await seedFixtures(tc.engine)
  tc.resetLimits()
  await tc.engine.insertMany('users', Object.values(STAFF))
}

const messageOf = (r: ApiResult<unknown>) => (r.ok ? null : r.error.message)
const rolesOf = async (id: string) => ((await tc.engine.find('users', { _id: id }))[0] as User).roles
const gridDoc = async (id: string) =>
  (await tc.engine.find('grids', { _id: id }))[0] as { compoundIds: string[]; buildingIds?: string[]; workerId: string | null }
const compoundGrid = async (id: string) => ((await tc.engine.find('compounds', { _id: id }))[0] as { gridId: string | null }).gridId
const setGrid = (
  data: { gridId?: string; name: string; compoundIds: string[]; buildingIds?: string[]; workerId: string | null },
  openid = sec,
  communityId: string = c,
) => tc.call(openid, 'org.setGrid', { communityId, ...data })

describe('grids', () => {
  test('a building belongs to one grid: overlaps are refused with the building and the grid named', async () => {
    await setup()
    // The fixture grid g-1 (第一网格) covers compound1 (b1, b2).
    const whole = await setGrid({ name: '第二网格', compoundIds: [T.compound1], workerId: null })
    expect(codeOf(whole)).toBe('CONFLICT')
    expect(messageOf(whole)).toContain('「幸福里小区」已经属于「第一网格」')
    const one = await setGrid({ name: '第二网格', compoundIds: [], buildingIds: [T.b2], workerId: null })
    expect(codeOf(one)).toBe('CONFLICT')
    expect(messageOf(one)).toContain('「幸福里小区2栋」已经属于「第一网格」')
    expect(await tc.engine.count('grids', {})).toBe(1)

    // Split the compound: g-1 keeps 1栋, a new grid takes 2栋.
    const g1 = await tc.ok(sec, 'org.setGrid', { communityId: c, gridId: 'g-1', name: '第一网格', compoundIds: [], buildingIds: [T.b1], workerId: P.member.id })
    expect(g1).toEqual({ id: 'g-1', name: '第一网格', compoundIds: [], buildingIds: [T.b1], worker: { userId: P.member.id, name: '周志刚' } })
    expect(await compoundGrid(T.compound1)).toBeNull()
    const g2 = await tc.ok(sec, 'org.setGrid', { communityId: c, name: '第二网格', compoundIds: [], buildingIds: [T.b2], workerId: P.neighbour.id })
    expect(g2).toMatchObject({ name: '第二网格', buildingIds: [T.b2], worker: { userId: P.neighbour.id } })
    // Now neither may take the whole compound, nor the other's building.
    expect(codeOf(await setGrid({ gridId: 'g-1', name: '第一网格', compoundIds: [T.compound1], workerId: P.member.id }))).toBe('CONFLICT')
    expect(codeOf(await setGrid({ gridId: g2.id, name: '第二网格', compoundIds: [], buildingIds: [T.b1, T.b2], workerId: P.neighbour.id }))).toBe('CONFLICT')
    // A grid changing itself is not an overlap with itself.
    expect(codeOf(await setGrid({ gridId: g2.id, name: '第二网格（2栋）', compoundIds: [], buildingIds: [T.b2], workerId: P.neighbour.id }))).toBe('OK')

    // The tree shows the layout the board and the editor need.
    const tree = await tc.ok(sec, 'org.tree', { communityId: c })
    expect(tree.grids.map((g) => [g.name, g.compoundIds, g.buildingIds, g.workerId]).sort()).toEqual([
      ['第一网格', [], [T.b1], P.member.id],
      ['第二网格（2栋）', [], [T.b2], P.neighbour.id],
    ])
  })

  test('the compound’s gridId follows the grid that covers it; a building of a covered compound is not listed twice', async () => {
    await setup()
    await tc.ok(sec, 'org.setGrid', { communityId: c, gridId: 'g-1', name: '第一网格', compoundIds: [], buildingIds: [T.b1, T.b2], workerId: null })
    expect(await compoundGrid(T.compound1)).toBeNull()
    const back = await tc.ok(sec, 'org.setGrid', {
      communityId: c,
      gridId: 'g-1',
      name: '第一网格',
      compoundIds: [T.compound1],
      buildingIds: [T.b1],
      workerId: null,
    })
    expect(back.buildingIds).toEqual([])
    expect(await compoundGrid(T.compound1)).toBe('g-1')
    expect(await gridDoc('g-1')).toMatchObject({ compoundIds: [T.compound1], buildingIds: [], workerId: null })
  })

  test('the worker is appointed (grid_worker granted) and a previous worker with no other grid loses the role; all audited', async () => {
    await setup()
    const auditBefore = await tc.engine.count('audit_log', {})
    // g-1's fixture worker (the party member) never held grid_worker: replacing them revokes nothing.
    await tc.ok(sec, 'org.setGrid', { communityId: c, gridId: 'g-1', name: '第一网格', compoundIds: [], buildingIds: [T.b1], workerId: P.head.id })
    expect(await rolesOf(P.head.id)).toContainEqual({ communityId: c, role: 'grid_worker' })
    const g2 = await tc.ok(sec, 'org.setGrid', { communityId: c, name: '第二网格', compoundIds: [], buildingIds: [T.b2], workerId: P.neighbour.id })
    expect(await rolesOf(P.neighbour.id)).toContainEqual({ communityId: c, role: 'grid_worker' })
    // The building head takes grid 2 as well: the neighbour keeps no grid and loses the role; the head keeps it.
    await tc.ok(sec, 'org.setGrid', { communityId: c, gridId: g2.id, name: '第二网格', compoundIds: [], buildingIds: [T.b2], workerId: P.head.id })
    expect((await rolesOf(P.neighbour.id)).map((g) => g.role)).toEqual(['resident'])
    // Grid 1 left vacant: the head still works grid 2, so keeps the role.
    await tc.ok(sec, 'org.setGrid', { communityId: c, gridId: 'g-1', name: '第一网格', compoundIds: [], buildingIds: [T.b1], workerId: null })
    expect(await rolesOf(P.head.id)).toContainEqual({ communityId: c, role: 'grid_worker' })

    const grids = await tc.engine.find('audit_log', { 'resource.type': 'grid' }, { sort: { _id: 1 } })
    expect(grids.map((a) => [a.action, a.resource.label, a.before?.workerId ?? null, a.after.workerId])).toEqual([
      ['org.setGrid', '第一网格', P.member.id, P.head.id],
      ['org.setGrid', '第二网格', null, P.neighbour.id],
      ['org.setGrid', '第二网格', P.neighbour.id, P.head.id],
      ['org.setGrid', '第一网格', P.head.id, null],
    ])
    const grants = await tc.engine.find('audit_log', { 'resource.type': 'user', action: 'org.setGrid' })
    expect(grants.map((a) => a.resource.id).sort()).toEqual([P.head.id, P.neighbour.id, P.neighbour.id].sort())
    expect(await tc.engine.count('audit_log', {})).toBe(auditBefore + 4 + 3)

    // The worker sees their queue's capability; the neighbour no longer does.
    const me = await tc.ok(P.head.openid!, 'org.me', {})
    expect(me.access.find((a) => a.communityId === c)!.can).toContain('handleRequests')
    const nb = await tc.ok(P.neighbour.openid!, 'org.me', {})
    expect(nb.access.find((a) => a.communityId === c)!.can).not.toContain('handleRequests')
  })

  test('refusals: another community’s grid, compound or worker, an offline worker, a resident; nothing changes', async () => {
    await setup()
    const before = JSON.stringify(await tc.engine.find('grids', {}))
    expect(codeOf(await setGrid({ gridId: 'g-1', name: 'x', compoundIds: [], workerId: null }, P.otherSecretary.openid, T.c2))).toBe('NOT_FOUND')
    expect(codeOf(await setGrid({ name: 'x', compoundIds: [T.compound2], workerId: null }))).toBe('INVALID_INPUT')
    expect(codeOf(await setGrid({ name: 'x', compoundIds: [], buildingIds: [T.b3], workerId: null }))).toBe('INVALID_INPUT')
    expect(codeOf(await setGrid({ gridId: 'g-1', name: 'x', compoundIds: [T.compound1], workerId: P.otherSecretary.id }))).toBe('NOT_FOUND')
    expect(codeOf(await setGrid({ gridId: 'g-1', name: 'x', compoundIds: [T.compound1], workerId: P.elder.id }))).toBe('INVALID_INPUT')
    expect(codeOf(await setGrid({ gridId: 'g-1', name: 'x', compoundIds: [T.compound1], workerId: null }, P.resident.openid!))).toBe('FORBIDDEN')
    expect(JSON.stringify(await tc.engine.find('grids', {}))).toBe(before)
    expect(await tc.engine.count('audit_log', {})).toBe(0)
  })

  test('two secretaries drawing grids over the same building at once: exactly one grid gets it', async () => {
    await setup()
    await tc.ok(sec, 'org.setGrid', { communityId: c, gridId: 'g-1', name: '第一网格', compoundIds: [], buildingIds: [T.b1], workerId: null })
    const results = await Promise.all(
      ['东片网格', '西片网格', '南片网格', '北片网格'].map((name, i) =>
        setGrid({ name, compoundIds: [], buildingIds: [T.b2], workerId: null }, i % 2 ? sec : P.streetAdmin.openid),
      ),
    )
    expect(results.map(codeOf).sort()).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'OK'])
    const grids = (await tc.engine.find('grids', { communityId: c })) as { buildingIds?: string[] }[]
    expect(grids.filter((g) => (g.buildingIds ?? []).includes(T.b2))).toHaveLength(1)
  })
})

// ---------------------------------------------------------------- units and staff

const propertyInput = (extra: object = {}) => ({
  communityId: c,
  name: '安居物业',
  kind: 'property' as const,
  categories: ['repair' as const],
  escalationAcceptMinutes: 60,
  ...extra,
})
const deptInput = (extra: object = {}) => ({
  communityId: c,
  name: '街道城管科',
  kind: 'street_dept' as const,
  streetWide: true,
  categories: [],
  escalationAcceptMinutes: 120,
  ...extra,
})
const unitDoc = async (id: string) => (await tc.engine.find('units', { _id: id }))[0] as Unit

describe('units and staff', () => {
  test('the secretary sets up the community’s units, the street admin the street’s departments; one owner per category; audited', async () => {
    await setup()
    const prop = await tc.ok(sec, 'unit.upsert', propertyInput())
    expect(prop).toMatchObject({
      name: '安居物业',
      kind: 'property',
      communityId: c,
      categories: ['repair'],
      staff: [],
      onTimeRate: null,
      late: 0,
      active: true,
    })
    expect(codeOf(await tc.call(sec, 'unit.upsert', deptInput()))).toBe('FORBIDDEN')
    expect(codeOf(await tc.call(P.streetAdmin.openid, 'unit.upsert', deptInput({ streetWide: false })))).toBe('INVALID_INPUT')
    expect(codeOf(await tc.call(P.streetAdmin.openid, 'unit.upsert', propertyInput({ streetWide: true })))).toBe('INVALID_INPUT')
    const dept = await tc.ok(P.streetAdmin.openid, 'unit.upsert', deptInput())
    expect(dept).toMatchObject({ kind: 'street_dept', communityId: null })
    expect(await unitDoc(dept.id)).toMatchObject({ streetId: T.street, communityId: null, onTime: 0, late: 0 })

    // A second community unit owning 报修 would make dispatch a matter of chance.
    const second = await tc.call(sec, 'unit.upsert', propertyInput({ name: '保安公司', kind: 'partner' }))
    expect(codeOf(second)).toBe('CONFLICT')
    expect(messageOf(second)).toContain('「报修」已经由「安居物业」负责')
    // A department may own it (the community's own unit comes first in dispatch).
    expect(codeOf(await tc.call(P.streetAdmin.openid, 'unit.upsert', deptInput({ name: '街道住建科', categories: ['repair'] })))).toBe('OK')

    // Changes: the secretary may not touch a department; nobody changes a unit's scope; another community's
    // secretary does not find this community's unit.
    expect(codeOf(await tc.call(sec, 'unit.upsert', deptInput({ unitId: dept.id, streetWide: undefined })))).toBe('FORBIDDEN')
    expect(codeOf(await tc.call(sec, 'unit.upsert', propertyInput({ unitId: prop.id, streetWide: true })))).toBe('INVALID_INPUT')
    expect(codeOf(await tc.call(P.otherSecretary.openid, 'unit.upsert', propertyInput({ communityId: T.c2, unitId: prop.id })))).toBe('NOT_FOUND')
    const renamed = await tc.ok(sec, 'unit.upsert', propertyInput({ unitId: prop.id, name: '安居物业服务中心', escalationAcceptMinutes: 45 }))
    expect(renamed).toMatchObject({ id: prop.id, name: '安居物业服务中心', escalationAcceptMinutes: 45 })

    const audit = await tc.engine.find('audit_log', { 'resource.type': 'unit' }, { sort: { _id: 1 } })
    expect(audit.map((a) => [a.communityId, a.resource.label, a.before?.name ?? null, a.after.name])).toEqual([
      [c, '安居物业', null, '安居物业'],
      [T.street, '街道城管科', null, '街道城管科'],
      [T.street, '街道住建科', null, '街道住建科'],
      [c, '安居物业服务中心', '安居物业', '安居物业服务中心'],
    ])

    // Both communities see the street's departments; only community 1 its own property company.
    const list2 = await tc.ok(P.otherSecretary.openid, 'unit.list', { communityId: T.c2 })
    expect(list2.map((u) => u.name)).toEqual(['街道城管科', '街道住建科'])
    const list1 = await tc.ok(P.resident.openid!, 'unit.list', { communityId: c })
    expect(list1.map((u) => u.name)).toEqual(['安居物业服务中心', '街道城管科', '街道住建科'])
  })

  test('staff: unit_staff granted with the unit (at the street for a department), audited, seen in Me; masked for residents', async () => {
    await setup()
    const prop = await tc.ok(sec, 'unit.upsert', propertyInput())
    const dept = await tc.ok(P.streetAdmin.openid, 'unit.upsert', deptInput())
    const auditBefore = await tc.engine.count('audit_log', {})

    const withStaff = await tc.ok(sec, 'unit.setStaff', { communityId: c, unitId: prop.id, userId: STAFF.prop._id, staff: true })
    expect(withStaff.staff).toEqual([{ userId: STAFF.prop._id, name: '物业小刘' }])
    expect(await rolesOf(STAFF.prop._id)).toEqual([{ communityId: c, role: 'unit_staff', unitId: prop.id }])
    expect(codeOf(await tc.call(sec, 'unit.setStaff', { communityId: c, unitId: prop.id, userId: STAFF.prop._id, staff: true }))).toBe('CONFLICT')
    expect(codeOf(await tc.call(sec, 'unit.setStaff', { communityId: c, unitId: dept.id, userId: STAFF.dept._id, staff: true }))).toBe('FORBIDDEN')
    expect(codeOf(await tc.call(sec, 'unit.setStaff', { communityId: c, unitId: prop.id, userId: P.elder.id, staff: true }))).toBe('INVALID_INPUT')
    await tc.ok(P.streetAdmin.openid, 'unit.setStaff', { communityId: c, unitId: dept.id, userId: STAFF.dept._id, staff: true })
    await tc.ok(P.streetAdmin.openid, 'unit.setStaff', { communityId: T.c2, unitId: dept.id, userId: STAFF.dept2._id, staff: true })
    expect(await rolesOf(STAFF.dept._id)).toEqual([{ communityId: T.street, role: 'unit_staff', unitId: dept.id }])

    // Audited twice each: the person's roles, and the unit's staff (masked).
    const unitEntries = await tc.engine.find('audit_log', { action: 'unit.setStaff', 'resource.type': 'unit' }, { sort: { _id: 1 } })
    expect(unitEntries.map((a) => [a.communityId, a.before.staff, a.after.staff])).toEqual([
      [c, [], ['物**刘']],
      [T.street, [], ['城**赵']],
      [T.street, ['城**赵'], ['城**赵', '城**钱']],
    ])
    expect(await tc.engine.count('audit_log', {})).toBe(auditBefore + 6)

    // Me: the property company's staff work in community 1; the department's in every community of the street.
    const propMe = await tc.ok(STAFF.prop.openid, 'org.me', {})
    expect(propMe.roles).toEqual([{ communityId: c, communityName: '幸福里社区', role: 'unit_staff', unit: { id: prop.id, name: '安居物业' } }])
    expect(propMe.access.map((a) => [a.communityId, a.can])).toEqual([[c, ['member', 'handleRequests']]])
    const deptMe = await tc.ok(STAFF.dept.openid, 'org.me', {})
    expect(deptMe.roles).toEqual([{ communityId: T.street, communityName: '青山街道', role: 'unit_staff', unit: { id: dept.id, name: '街道城管科' } }])
    expect(deptMe.access.map((a) => [a.communityId, a.can]).sort()).toEqual([
      [c, ['handleRequests']],
      [T.c2, ['handleRequests']],
    ])
    expect(deptMe.streets).toEqual([])

    // The secretary sees staff in full, a resident masked, a department's staff too (they serve here).
    const full = await tc.ok(sec, 'unit.list', { communityId: c })
    expect(full.find((u) => u.id === dept.id)!.staff.map((s) => s.name)).toEqual(['城管老赵', '城管小钱'])
    const masked = await tc.ok(P.resident.openid!, 'unit.list', { communityId: c })
    expect(masked.find((u) => u.id === prop.id)!.staff).toEqual([{ userId: STAFF.prop._id, name: '物**刘' }])
    expect(codeOf(await tc.call(STAFF.dept.openid, 'unit.list', { communityId: T.c2 }))).toBe('OK')
    expect(codeOf(await tc.call(STAFF.prop.openid, 'unit.list', { communityId: T.c2 }))).toBe('FORBIDDEN')

    // Off the unit: the grant goes (and only that unit's), audited.
    const off = await tc.ok(sec, 'unit.setStaff', { communityId: c, unitId: prop.id, userId: STAFF.prop._id, staff: false })
    expect(off.staff).toEqual([])
    expect(await rolesOf(STAFF.prop._id)).toEqual([])
    expect(codeOf(await tc.call(sec, 'unit.setStaff', { communityId: c, unitId: prop.id, userId: STAFF.prop._id, staff: false }))).toBe('CONFLICT')

    // unit_staff is never handed out as a bare role.
    expect(codeOf(await tc.call(sec, 'org.assignRole', { communityId: c, userId: P.neighbour.id, role: 'unit_staff' }))).toBe('FORBIDDEN')
  })
})

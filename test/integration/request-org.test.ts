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
import type { Request, Unit } from '../../types/requests'
import { acceptedLate } from '../../cloudfunctions/api/src/modules/request/rules'

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

describe('staff from outside the community, found by their whole phone number', () => {
  const MANAGER = outsider('u-mgr', '物业经理周建华', { phone: '13755556666' })
  const OFFLINE = outsider('u-off', '没有手机的人', { phone: '13700001234', offline: true })
  const find = (openid: string | null, unitId: string, phone: string, communityId: string = c) =>
    tc.call(openid, 'unit.findPerson', { communityId, unitId, phone })

  test('the secretary finds a non-resident by the exact 11 digits (masked name), appoints them, and every lookup is audited', async () => {
    await setup()
    await tc.engine.insertMany('users', [MANAGER, OFFLINE])
    const prop = await tc.ok(sec, 'unit.upsert', propertyInput())
    // Not in the member search: not a resident of the community.
    expect((await tc.ok(sec, 'org.members', { communityId: c, keyword: '周建华' })).items).toEqual([])

    const hit = await tc.ok(sec, 'unit.findPerson', { communityId: c, unitId: prop.id, phone: ' 13755556666 ' })
    expect(hit.people).toEqual([{ userId: MANAGER._id, name: '物*****华', staff: false }])
    const appointed = await tc.ok(sec, 'unit.setStaff', { communityId: c, unitId: prop.id, userId: hit.people[0].userId, staff: true })
    expect(appointed.staff.map((x) => x.userId)).toEqual([MANAGER._id])
    expect((await tc.ok(sec, 'unit.findPerson', { communityId: c, unitId: prop.id, phone: '13755556666' })).people[0].staff).toBe(true)

    // Never a partial search; an offline resident is never found; an unknown number finds nobody.
    for (const phone of ['1375555666', '137555566667', '3755556666', '1375555666*', '137 5555 6666', '']) {
      expect([phone, codeOf(await find(sec, prop.id, phone))]).toEqual([phone, 'INVALID_INPUT'])
    }
    expect((await tc.ok(sec, 'unit.findPerson', { communityId: c, unitId: prop.id, phone: '13700001234' })).people).toEqual([])
    expect((await tc.ok(sec, 'unit.findPerson', { communityId: c, unitId: prop.id, phone: '13000000000' })).people).toEqual([])

    // Each lookup that ran is in the audit log: who, which unit, the number masked, how many found.
    const lookups = await tc.engine.find('audit_log', { action: 'unit.findPerson' }, { sort: { _id: 1 } })
    expect(lookups.map((a) => [a.actorId, a.resource.id, a.after.phone, a.after.matches])).toEqual([
      [P.secretary.id, prop.id, '137****6666', 1],
      [P.secretary.id, prop.id, '137****6666', 1],
      [P.secretary.id, prop.id, '137****1234', 0],
      [P.secretary.id, prop.id, '130****0000', 0],
    ])
  })

  test('only who may staff the unit: residents, staff and the other community’s secretary are refused; a department is the street admin’s', async () => {
    await setup()
    await tc.engine.insertMany('users', [MANAGER])
    const prop = await tc.ok(sec, 'unit.upsert', propertyInput())
    const dept = await tc.ok(P.streetAdmin.openid, 'unit.upsert', deptInput())
    const auditBefore = await tc.engine.count('audit_log', {})
    for (const openid of [P.resident.openid!, P.head.openid!, P.member.openid!, MANAGER.openid!, P.otherSecretary.openid!]) {
      expect([openid, codeOf(await find(openid, prop.id, MANAGER.phone!))]).toEqual([openid, 'FORBIDDEN'])
    }
    expect(codeOf(await find(null, prop.id, MANAGER.phone!))).toBe('UNAUTHENTICATED')
    expect(codeOf(await find(sec, dept.id, MANAGER.phone!))).toBe('FORBIDDEN')
    expect(codeOf(await find(P.otherSecretary.openid!, prop.id, MANAGER.phone!, T.c2))).toBe('NOT_FOUND')
    expect(await tc.engine.count('audit_log', {})).toBe(auditBefore)
    expect((await tc.ok(P.streetAdmin.openid, 'unit.findPerson', { communityId: c, unitId: dept.id, phone: MANAGER.phone! })).people).toHaveLength(1)
  })
})

// ---------------------------------------------------------------- dispatch, 吹哨, the street's view

const report = (openid: string, category: 'repair' | 'safety' | 'environment', extra: object = {}) =>
  tc.ok(openid, 'request.create', { communityId: c, category, description: `${category}：楼下有问题，请来看看`, ...extra })
const stored = async (id: string) => (await tc.engine.find('requests', { _id: id }))[0] as Request
const accept = (openid: string, requestId: string) => tc.call(openid, 'request.unitAccept', { communityId: c, requestId })

/** Units and staff through the actions: 物业 (owns 环境卫生) with one staff member, 城管科 with two, all subscribed. */
async function withUnits() {
  await setup()
  const prop = await tc.ok(sec, 'unit.upsert', propertyInput({ categories: ['environment'] }))
  const dept = await tc.ok(P.streetAdmin.openid, 'unit.upsert', deptInput())
  await tc.ok(sec, 'unit.setStaff', { communityId: c, unitId: prop.id, userId: STAFF.prop._id, staff: true })
  await tc.ok(P.streetAdmin.openid, 'unit.setStaff', { communityId: c, unitId: dept.id, userId: STAFF.dept._id, staff: true })
  await tc.ok(P.streetAdmin.openid, 'unit.setStaff', { communityId: c, unitId: dept.id, userId: STAFF.dept2._id, staff: true })
  for (const p of Object.values(STAFF)) for (let i = 0; i < 5; i++) await tc.ok(p.openid, 'org.subscribed', { templates: ['requestProgress', 'reminder'] })
  return { prop, dept }
}

describe('dispatch follows the grid; staff see their unit’s queue', () => {
  test('a request goes to the worker of its building’s grid as the grids now stand', async () => {
    const { prop } = await withUnits()
    await tc.ok(sec, 'org.setGrid', { communityId: c, gridId: 'g-1', name: '第一网格', compoundIds: [], buildingIds: [T.b1], workerId: P.head.id })
    const g2 = await tc.ok(sec, 'org.setGrid', { communityId: c, name: '第二网格', compoundIds: [], buildingIds: [T.b2], workerId: P.neighbour.id })
    const inB1 = await report(P.resident.openid!, 'repair') // 王秀英 lives in 1栋
    const inB2 = await report(P.member.openid!, 'repair') // 周志刚 lives in 2栋
    expect((await stored(inB1.id)).assignee).toEqual({ kind: 'worker', userId: P.head.id, gridId: 'g-1' })
    expect((await stored(inB2.id)).assignee).toEqual({ kind: 'worker', userId: P.neighbour.id, gridId: g2.id })
    // The worker changes: the next request of 2栋 goes to the new one.
    await tc.ok(sec, 'org.setGrid', { communityId: c, gridId: g2.id, name: '第二网格', compoundIds: [], buildingIds: [T.b2], workerId: P.head.id })
    const again = await report(P.member.openid!, 'repair')
    expect((await stored(again.id)).assignee).toEqual({ kind: 'worker', userId: P.head.id, gridId: g2.id })
    const queue = await tc.ok(P.head.openid!, 'request.queue', { communityId: c })
    expect(queue.items.map((x) => x.id).sort()).toEqual([inB1.id, again.id].sort())

    // 环境卫生 belongs to the property company: its staff see it in the unit's queue, nobody else may look.
    const bins = await report(P.resident.openid!, 'environment')
    expect((await stored(bins.id)).holderKey).toBe(`unit_${prop.id}`)
    const unitQueue = await tc.ok(STAFF.prop.openid, 'request.queue', { communityId: c, unitId: prop.id })
    expect(unitQueue.items.map((x) => [x.id, x.holder])).toEqual([[bins.id, '安居物业']])
    expect(codeOf(await tc.call(STAFF.dept.openid, 'request.queue', { communityId: c, unitId: prop.id }))).toBe('FORBIDDEN')
    expect((await tc.ok(STAFF.prop.openid, 'request.accept', { communityId: c, requestId: bins.id })).status).toBe('accepted')
  })
})

describe('吹哨: escalation to a department and its accept limit', () => {
  test('an overdue request is escalated; the department must report within its limit; on time it is judged on its own clock', async () => {
    const { dept } = await withUnits()
    const t0 = tc.now().getTime()
    const r = await report(P.resident.openid!, 'safety') // to the fixture grid's worker (the party member); 60 minutes to accept
    tc.setNow(t0 + 90 * MIN)
    expect((await tc.ok(sec, 'request.get', { communityId: c, requestId: r.id })).clock.colour).toBe('red')

    // Only the secretary (or street admin) blows the whistle, to a unit serving the community.
    const input = { communityId: c, requestId: r.id, unitId: dept.id, reason: '井盖归市政管理，需街道协调' }
    expect(codeOf(await tc.call(P.member.openid!, 'request.escalate', input))).toBe('FORBIDDEN')
    const c2unit = await tc.ok(P.otherSecretary.openid, 'unit.upsert', propertyInput({ communityId: T.c2, name: '和平物业' }))
    expect(codeOf(await tc.call(sec, 'request.escalate', { ...input, unitId: c2unit.id }))).toBe('NOT_FOUND')
    const outboxBefore = await tc.engine.count('outbox', {})

    const escalated = await tc.ok(sec, 'request.escalate', input)
    expect(escalated).toMatchObject({
      status: 'escalated',
      holder: '街道城管科',
      clock: { stage: 'escalation', colour: 'green', minutesLeft: 120 },
      escalation: { unitName: '街道城管科', reason: input.reason, acceptedAt: null },
      can: { escalate: false },
    })
    const s = await stored(r.id)
    expect(s).toMatchObject({ holderKey: `unit_${dept.id}`, assignee: { kind: 'unit', unitId: dept.id }, ownerId: null, late: true })
    expect(new Date(s.dueAt!).getTime()).toBe(new Date(s.escalation!.acceptBy).getTime())
    expect(new Date(s.escalation!.acceptBy).getTime()).toBe(new Date(s.escalation!.at).getTime() + 120 * MIN)
    const [audit] = await tc.engine.find('audit_log', { action: 'request.escalate' })
    expect(audit.after).toMatchObject({ status: 'escalated', unitId: dept.id, overdue: true, reopened: 0 })
    // The department's staff were told (the 哨), and the reporter.
    const told = (await tc.engine.find('outbox', {}, { sort: { at: 1 } })).slice(outboxBefore)
    expect(
      told
        .filter((m) => m.templateId === 'local-tpl-request-progress')
        .map((m) => m.touser)
        .sort(),
    ).toEqual([STAFF.dept.openid, STAFF.dept2.openid].sort())
    expect(told.find((m) => m.touser === STAFF.dept.openid)!.data.phrase2).toEqual({ value: '已吹哨' })

    // Escalating again, or the old worker carrying on: refused.
    expect(codeOf(await tc.call(sec, 'request.escalate', input))).toBe('CONFLICT')
    expect(codeOf(await tc.call(P.member.openid!, 'request.progress', { communityId: c, requestId: r.id, note: '我还在处理' }))).not.toBe('OK')
    // The department sees it in its queue, across the street; other staff have nothing to do with it.
    const q = await tc.ok(STAFF.dept.openid, 'request.queue', { communityId: c, unitId: dept.id })
    expect(q.items.map((x) => [x.id, x.status, x.clock.stage])).toEqual([[r.id, 'escalated', 'escalation']])
    expect(codeOf(await accept(STAFF.prop.openid, r.id))).toBe('NOT_FOUND')

    // Reported an hour in (within the limit): the department owns it, with a resolve clock; nothing counted yet.
    tc.advance(60 * MIN)
    const [a, b] = await Promise.all([accept(STAFF.dept.openid, r.id), accept(STAFF.dept2.openid, r.id)])
    expect([codeOf(a), codeOf(b)].sort()).toEqual(['CONFLICT', 'OK'])
    const owner = a.ok ? STAFF.dept : STAFF.dept2
    const won = a.ok ? a : b
    expect(won.ok && won.data).toMatchObject({ status: 'accepted', clock: { stage: 'resolve' }, escalation: { acceptedAt: expect.any(String) } })
    expect(await stored(r.id)).toMatchObject({ ownerId: owner._id, escalation: { acceptedById: owner._id } })
    expect(await unitDoc(dept.id)).toMatchObject({ onTime: 0, late: 0 })

    // Resolved and confirmed: on time on the department's own clock, though the request was late before it.
    await tc.ok(owner.openid, 'request.resolve', { communityId: c, requestId: r.id, proof: '已协调市政更换井盖' })
    await tc.ok(P.resident.openid!, 'request.confirm', { communityId: c, requestId: r.id, stars: 5 })
    expect(await unitDoc(dept.id)).toMatchObject({ onTime: 1, late: 0 })
  })

  test('a department reporting past its limit may still take it: the lateness is counted on the unit at once, and once', async () => {
    const { dept } = await withUnits()
    const r = await report(P.resident.openid!, 'safety')
    await tc.ok(sec, 'request.escalate', { communityId: c, requestId: r.id, unitId: dept.id, reason: '超出社区能力范围' })
    const acceptBy = new Date((await stored(r.id)).escalation!.acceptBy).getTime()
    tc.setNow(acceptBy + 1)
    expect((await tc.ok(sec, 'request.get', { communityId: c, requestId: r.id })).clock.colour).toBe('red')
    const took = await tc.ok(STAFF.dept.openid, 'request.unitAccept', { communityId: c, requestId: r.id })
    expect(took.flow.at(-1)).toMatchObject({ event: 'unitAccept', note: '超时接单' })
    expect(await stored(r.id)).toMatchObject({ late: true, status: 'accepted' })
    expect(await unitDoc(dept.id)).toMatchObject({ onTime: 0, late: 1 })
    const [audit] = await tc.engine.find('audit_log', { action: 'request.unitAccept' })
    expect(audit.after).toMatchObject({ late: true, unitId: dept.id })
    await tc.ok(STAFF.dept.openid, 'request.resolve', { communityId: c, requestId: r.id, proof: '已处理' })
    await tc.ok(P.resident.openid!, 'request.confirm', { communityId: c, requestId: r.id, stars: 3 })
    expect(await unitDoc(dept.id)).toMatchObject({ onTime: 0, late: 1 })
  })

  test('a second before the limit is on time; an inactive unit cannot be escalated to', async () => {
    const { dept, prop } = await withUnits()
    const r = await report(P.resident.openid!, 'safety')
    await tc.ok(sec, 'unit.upsert', propertyInput({ unitId: prop.id, active: false, categories: ['environment'] }))
    expect(codeOf(await tc.call(sec, 'request.escalate', { communityId: c, requestId: r.id, unitId: prop.id, reason: '物业负责' }))).toBe('INVALID_INPUT')
    await tc.ok(sec, 'request.escalate', { communityId: c, requestId: r.id, unitId: dept.id, reason: '超出社区能力范围' })
    tc.setNow(new Date((await stored(r.id)).escalation!.acceptBy).getTime() - 1000)
    await tc.ok(STAFF.dept.openid, 'request.unitAccept', { communityId: c, requestId: r.id })
    expect(await stored(r.id)).toMatchObject({ late: false })
    expect(await unitDoc(dept.id)).toMatchObject({ onTime: 0, late: 0 })
  })
})

describe('the street admin’s view', () => {
  test('late units and grids: rates from counters and overdue counts equal a recount; 督办 marks the overdue ones', async () => {
    const { dept, prop } = await withUnits()
    await tc.ok(sec, 'org.setGrid', { communityId: c, gridId: 'g-1', name: '第一网格', compoundIds: [T.compound1], workerId: P.member.id })
    const t0 = tc.now().getTime()
    const at = (min: number) => tc.setNow(t0 + min * MIN)
    // The grid worker: one closed on time, one closed late, one overdue now.
    const onTime = await report(P.resident.openid!, 'repair')
    await tc.ok(P.member.openid!, 'request.accept', { communityId: c, requestId: onTime.id })
    await tc.ok(P.member.openid!, 'request.resolve', { communityId: c, requestId: onTime.id, proof: '修好了' })
    await tc.ok(P.resident.openid!, 'request.confirm', { communityId: c, requestId: onTime.id, stars: 5 })
    const lateOne = await report(P.resident.openid!, 'repair')
    at(200) // past the 120 minutes to accept
    await tc.ok(P.member.openid!, 'request.accept', { communityId: c, requestId: lateOne.id })
    await tc.ok(P.member.openid!, 'request.resolve', { communityId: c, requestId: lateOne.id, proof: '修好了' })
    await tc.ok(P.resident.openid!, 'request.confirm', { communityId: c, requestId: lateOne.id, stars: 3 })
    await report(P.resident.openid!, 'repair')
    // The property company: one closed on time, one not accepted in time.
    const bins = await report(P.resident.openid!, 'environment')
    await tc.ok(STAFF.prop.openid, 'request.accept', { communityId: c, requestId: bins.id })
    await tc.ok(STAFF.prop.openid, 'request.resolve', { communityId: c, requestId: bins.id, proof: '清运了' })
    await tc.ok(P.resident.openid!, 'request.confirm', { communityId: c, requestId: bins.id, stars: 4 })
    await report(P.resident.openid!, 'environment')
    // 城管科: one reported late, two overdue escalations waiting.
    const e1 = await report(P.resident.openid!, 'safety')
    await tc.ok(sec, 'request.escalate', { communityId: c, requestId: e1.id, unitId: dept.id, reason: '需街道执法' })
    at(400)
    await tc.ok(STAFF.dept.openid, 'request.unitAccept', { communityId: c, requestId: e1.id })
    const waiting: string[] = []
    for (let i = 0; i < 2; i++) {
      const e = await report(P.resident.openid!, 'safety')
      await tc.ok(sec, 'request.escalate', { communityId: c, requestId: e.id, unitId: dept.id, reason: '需街道执法' })
      waiting.push(e.id)
    }
    at(1000)

    const view = await tc.ok(P.streetAdmin.openid, 'request.lateUnits', { streetId: T.street })
    const byId = new Map(view.map((v) => [v.id, v]))
    // The recount, from the requests themselves.
    const all = (await tc.engine.find('requests', {})) as Request[]
    const now = tc.now().getTime()
    const overdue = (holderKey: string, gridId?: string) =>
      all.filter((r) => r.open && r.holderKey === holderKey && r.dueAt && new Date(r.dueAt).getTime() < now && (!gridId || r.gridId === gridId)).length
    const closed = all.filter((r) => r.status === 'closed')
    const gridClosed = closed.filter((r) => r.assignee?.kind === 'worker' && r.assignee.gridId === 'g-1')
    expect(byId.get('g-1')).toEqual({
      kind: 'grid',
      id: 'g-1',
      name: '第一网格',
      communityName: '幸福里社区',
      onTimeRate: gridClosed.filter((r) => !r.late).length / gridClosed.length,
      closed: gridClosed.length,
      overdueNow: overdue(`u_${P.member.id}`, 'g-1'),
      lagging: true,
    })
    expect(byId.get('g-1')).toMatchObject({ onTimeRate: 0.5, closed: 2, overdueNow: 1 })
    const propClosed = closed.filter((r) => r.assignee?.kind === 'unit' && r.assignee.unitId === prop.id)
    expect(byId.get(prop.id)).toMatchObject({ kind: 'unit', onTimeRate: 1, closed: propClosed.length, overdueNow: overdue(`unit_${prop.id}`), lagging: true })
    expect(byId.get(prop.id)!.overdueNow).toBe(1)
    const deptLate = all.filter((r) => r.escalation?.unitId === dept.id && acceptedLate(r.escalation)).length
    expect(byId.get(dept.id)).toMatchObject({ communityName: null, onTimeRate: 0, closed: deptLate, overdueNow: overdue(`unit_${dept.id}`), lagging: true })
    expect(byId.get(dept.id)!.overdueNow).toBe(2)
    // Lagging first, the lowest rate first.
    expect(view[0].id).toBe(dept.id)

    // Only the street's admin.
    expect(codeOf(await tc.call(sec, 'request.lateUnits', { streetId: T.street }))).toBe('FORBIDDEN')
    expect(codeOf(await tc.call(STAFF.dept.openid, 'request.lateUnits', { streetId: T.street }))).toBe('FORBIDDEN')

    // 督办: each overdue request of the unit gets a flow entry; its staff one notice.
    const before = await tc.engine.count('outbox', { templateId: 'local-tpl-reminder' })
    const sup = await tc.ok(P.streetAdmin.openid, 'request.supervise', { streetId: T.street, unitId: dept.id, note: '请今天内到场处理' })
    expect(sup).toEqual({ notified: 2, requests: 2 })
    for (const id of waiting) expect((await stored(id)).flow.at(-1)).toMatchObject({ event: 'supervise', note: '请今天内到场处理', byId: P.streetAdmin.id })
    expect((await stored(e1.id)).flow.some((f) => f.event === 'supervise')).toBe(false)
    const notices = (await tc.engine.find('outbox', { templateId: 'local-tpl-reminder' }, { sort: { at: 1 } })).slice(before)
    expect(notices.map((m) => [m.touser, m.data.thing1.value]).sort()).toEqual([
      [STAFF.dept.openid, '街道督办：2件诉求已超时'],
      [STAFF.dept2.openid, '街道督办：2件诉求已超时'],
    ])
    // Nothing overdue, another street's unit, anyone else: refused, nothing written.
    await tc.ok(STAFF.dept.openid, 'request.unitAccept', { communityId: c, requestId: waiting[0] })
    await tc.ok(STAFF.dept.openid, 'request.unitAccept', { communityId: c, requestId: waiting[1] })
    expect(codeOf(await tc.call(P.streetAdmin.openid, 'request.supervise', { streetId: T.street, unitId: dept.id, note: '督办' }))).toBe('CONFLICT')
    expect(codeOf(await tc.call(P.streetAdmin.openid, 'request.supervise', { streetId: 'st-none', unitId: dept.id, note: '督办' }))).toBe('FORBIDDEN')
    expect(codeOf(await tc.call(sec, 'request.supervise', { streetId: T.street, unitId: prop.id, note: '督办' }))).toBe('FORBIDDEN')
  })
})

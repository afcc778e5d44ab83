/**
 * Authority and privacy (the review's findings), through the real main() on the local engine:
 * a secretary reads and appoints only people who live (verified) or registered (双报到) in their community;
 * a declared household is a claim until its building head or the secretary confirms it; a building head's
 * scope is the buildings they were appointed to, never their own household; prototype keys are refused.
 */
import { codeOf, dataSnapshot, openTestCloud, type TestCloud } from '../support/cloud'
import { P, T, seedFixtures } from '../support/fixtures'
import { PRIVACY_VERSION } from '../../types/org'

let tc: TestCloud
beforeAll(async () => {
  tc = await openTestCloud()
})
beforeEach(async () => {
  await seedFixtures(tc.engine)
  tc.resetLimits()
})
afterAll(async () => {
  await tc.close()
})

const snapshot = () => dataSnapshot(tc.engine)

const user = async (id: string) => (await tc.engine.find('users', { _id: id }))[0]

/** Data as older code or a hand edit could leave it, written through the real SDK on the local cloud. */
async function patch(collection: string, id: string, data: object) {
  const cloud = require('wx-server-sdk') as typeof import('wx-server-sdk')
  await cloud.database().collection(collection).doc(id).update({ data })
}

describe("a secretary reads and appoints only their own community's people", () => {
  test("the review's attack: granting a role to another community's resident, then reading her, is refused and changes nothing", async () => {
    // 王秀英 lives in 幸福里 (c1); 和平社区's secretary tries to make her a volunteer of 和平 and read her record.
    const before = await snapshot()
    expect(codeOf(await tc.call(P.otherSecretary.openid, 'org.member', { communityId: T.c2, userId: P.resident.id }))).toBe('NOT_FOUND')
    expect(codeOf(await tc.call(P.otherSecretary.openid, 'org.assignRole', { communityId: T.c2, userId: P.resident.id, role: 'volunteer' }))).toBe('NOT_FOUND')
    expect(codeOf(await tc.call(P.otherSecretary.openid, 'org.member', { communityId: T.c2, userId: P.resident.id }))).toBe('NOT_FOUND')
    expect(await snapshot()).toBe(before)
  })

  test('a role held there is not enough: someone given a role by hand, living elsewhere, is still not readable', async () => {
    // Data as the old code could leave it: a c1 resident holding a volunteer role in c2.
    const [res] = await tc.engine.find('users', { _id: P.resident.id })
    await patch('users', P.resident.id, { roles: [...res.roles, { communityId: T.c2, role: 'volunteer' }] })
    expect((await user(P.resident.id)).roles).toContainEqual({ communityId: T.c2, role: 'volunteer' })
    expect(codeOf(await tc.call(P.otherSecretary.openid, 'org.member', { communityId: T.c2, userId: P.resident.id }))).toBe('NOT_FOUND')
    expect(await tc.engine.count('audit_log', { action: 'org.member.read' })).toBe(0)
  })

  test('a party member registered here (双报到, approved) but living elsewhere can be read and appointed', async () => {
    // 周志刚 lives in 幸福里; he registers with 和平社区 where he works, and 和平 approves.
    const code = await tc.ok(P.otherSecretary.openid, 'party.registerCode', { communityId: T.c2 })
    const reg = await tc.ok(P.member.openid, 'party.register', {
      communityId: T.c2,
      scene: code.scene,
      name: '周志刚',
      employerUnitId: null,
      employerName: '和平路小学',
      branch: '和平路小学党支部',
      memberType: '在职',
      homeCompoundId: T.compound2,
      homeBuildingId: T.b3,
      skills: ['电工'],
      pledge: '每月义务修一次电器',
    })
    expect(codeOf(await tc.call(P.otherSecretary.openid, 'org.member', { communityId: T.c2, userId: P.member.id }))).toBe('NOT_FOUND') // pending
    await tc.ok(P.otherSecretary.openid, 'party.review', { communityId: T.c2, registrationId: reg.id, approve: true })
    const d = await tc.ok(P.otherSecretary.openid, 'org.member', { communityId: T.c2, userId: P.member.id })
    expect(d.realName).toBe(P.member.name)
    expect(d.household).toBeNull() // his home is in another community: not this secretary's to see
    const res = await tc.ok(P.otherSecretary.openid, 'org.assignRole', { communityId: T.c2, userId: P.member.id, role: 'volunteer' })
    // The answer and the audit speak of this community's roles only, never those held elsewhere.
    expect(res.roles.every((r) => r.communityId === T.c2)).toBe(true)
    expect(res.roles.map((r) => r.role).sort()).toEqual(['party_member', 'volunteer'])
    const [log] = await tc.engine.find('audit_log', { action: 'org.assignRole' })
    expect(JSON.stringify([log.before, log.after])).not.toContain(T.c1)
  })

  test('a street admin appoints a secretary who lives elsewhere (staff), but no other role', async () => {
    expect((await tc.ok(P.streetAdmin.openid, 'org.assignRole', { communityId: T.c2, userId: P.neighbour.id, role: 'secretary' })).roles).toEqual([
      { communityId: T.c2, communityName: '和平社区', role: 'secretary' },
    ])
    expect(codeOf(await tc.call(P.streetAdmin.openid, 'org.assignRole', { communityId: T.c2, userId: P.resident.id, role: 'volunteer' }))).toBe('NOT_FOUND')
  })
})

describe('a declared household is pending until confirmed', () => {
  async function declare(openid: string, householdId: string) {
    await tc.ok(openid, 'org.login', { privacyConsentVersion: PRIVACY_VERSION })
    return tc.ok(openid, 'org.updateProfile', { householdId })
  }

  test("pending: no resident role, the community's pages say why; the building head confirms; then a resident", async () => {
    const me = await declare(P.noConsent.openid, T.h2) // building 1, 孙丽华's
    expect([me.householdStatus, me.roles]).toEqual(['pending', []])
    const refused = await tc.call(P.noConsent.openid, 'wish.list', { communityId: T.c1 })
    expect(codeOf(refused)).toBe('FORBIDDEN')
    if (!refused.ok) expect(refused.error.message).toContain('等待楼栋长或社区确认')

    const queue = await tc.ok(P.head.openid, 'org.householdQueue', { communityId: T.c1 })
    expect(queue.items).toEqual([expect.objectContaining({ userId: P.noConsent.id, name: P.noConsent.name, phone: '138****0000' })])
    expect(queue.items[0].household.label).toBe('幸福里小区 1栋 1单元 102')
    expect((await tc.ok(P.head.openid, 'org.confirmHousehold', { communityId: T.c1, userId: P.noConsent.id, approve: true })).householdStatus).toBe('verified')
    const after = await tc.ok(P.noConsent.openid, 'org.me')
    expect([after.householdStatus, after.householdNote, after.roles.map((r) => r.role)]).toEqual(['verified', null, ['resident']])
    expect(await tc.ok(P.noConsent.openid, 'wish.list', { communityId: T.c1 })).toBeTruthy()
    expect(await tc.engine.count('audit_log', { action: 'org.confirmHousehold', actorId: P.head.id })).toBe(1)
    // Done once: a second decision is a conflict-free NOT_FOUND (nothing pending any more).
    expect(codeOf(await tc.call(P.secretary.openid, 'org.confirmHousehold', { communityId: T.c1, userId: P.noConsent.id, approve: true }))).toBe('NOT_FOUND')
  })

  test('a building head confirms only in their buildings; the secretary anywhere in the community; nobody elsewhere', async () => {
    await declare(P.noConsent.openid, T.h3) // building 2: not 孙丽华's
    expect((await tc.ok(P.head.openid, 'org.householdQueue', { communityId: T.c1 })).items).toEqual([])
    const before = await snapshot()
    for (const [openid, community, code] of [
      [P.head.openid, T.c1, 'FORBIDDEN'],
      [P.resident.openid, T.c1, 'FORBIDDEN'],
      [P.member.openid, T.c1, 'FORBIDDEN'],
      [P.otherSecretary.openid, T.c1, 'FORBIDDEN'],
      [P.otherSecretary.openid, T.c2, 'NOT_FOUND'],
    ] as const) {
      expect(codeOf(await tc.call(openid, 'org.confirmHousehold', { communityId: community, userId: P.noConsent.id, approve: true }))).toBe(code)
    }
    expect(codeOf(await tc.call(P.resident.openid, 'org.householdQueue', { communityId: T.c1 }))).toBe('FORBIDDEN')
    expect(await snapshot()).toBe(before)
    expect((await tc.ok(P.secretary.openid, 'org.householdQueue', { communityId: T.c1 })).items.map((i) => i.userId)).toEqual([P.noConsent.id])
    await tc.ok(P.secretary.openid, 'org.confirmHousehold', { communityId: T.c1, userId: P.noConsent.id, approve: true })
    expect((await user(P.noConsent.id)).householdStatus).toBe('verified')
  })

  test('refused with a reason the person sees; they may declare again', async () => {
    await declare(P.noConsent.openid, T.h2)
    expect(codeOf(await tc.call(P.head.openid, 'org.confirmHousehold', { communityId: T.c1, userId: P.noConsent.id, approve: false }))).toBe('INVALID_INPUT')
    await tc.ok(P.head.openid, 'org.confirmHousehold', { communityId: T.c1, userId: P.noConsent.id, approve: false, reason: '这户住的是赵桂兰一家' })
    const me = await tc.ok(P.noConsent.openid, 'org.me')
    expect([me.household, me.householdStatus]).toEqual([null, null])
    expect(me.householdNote).toContain('这户住的是赵桂兰一家')
    expect(me.householdNote).toContain('1栋 1单元 102')
    expect((await declare(P.noConsent.openid, T.h3)).householdStatus).toBe('pending')
  })

  test('nobody confirms their own household; racing confirmers decide once', async () => {
    // The building head moves within their own building: another must confirm it.
    await tc.ok(P.head.openid, 'org.updateProfile', { householdId: T.h2 })
    expect(codeOf(await tc.call(P.head.openid, 'org.confirmHousehold', { communityId: T.c1, userId: P.head.id, approve: true }))).toBe('FORBIDDEN')
    const codes = await Promise.all([
      tc.call(P.secretary.openid, 'org.confirmHousehold', { communityId: T.c1, userId: P.head.id, approve: true }),
      tc.call(P.secretary.openid, 'org.confirmHousehold', { communityId: T.c1, userId: P.head.id, approve: false, reason: '不是本户' }),
      tc.call(P.secretary.openid, 'org.confirmHousehold', { communityId: T.c1, userId: P.head.id, approve: true }),
    ]).then((r) => r.map(codeOf))
    expect(codes.filter((c) => c === 'OK')).toHaveLength(1)
    expect(await tc.engine.count('audit_log', { action: 'org.confirmHousehold' })).toBe(1)
  })

  test('moving out ends the old residence: its resident role and the proxies named there', async () => {
    await tc.ok(P.head.openid, 'org.setProxy', { communityId: T.c1, residentId: P.elder.id, enabled: true })
    await tc.ok(P.neighbour.openid, 'org.updateProfile', { householdId: T.h4 })
    const nb = await user(P.neighbour.id)
    expect(nb.roles).toEqual([])
    expect([nb.communityId, nb.householdStatus]).toEqual([T.c2, 'pending'])
    await tc.ok(P.neighbour.openid, 'org.updateProfile', { householdId: null })
    const gone = await tc.ok(P.neighbour.openid, 'org.me')
    expect([gone.household, gone.householdStatus, gone.roles]).toEqual([null, null, []])
  })
})

describe("a building head's scope is their appointment, never their own household", () => {
  test("the secretary appoints a building head to buildings; re-appointing changes them; other communities' buildings are refused", async () => {
    const res = await tc.ok(P.secretary.openid, 'org.assignRole', { communityId: T.c1, userId: P.neighbour.id, role: 'building_head', buildingIds: [T.b2] })
    expect(res.roles.find((r) => r.role === 'building_head')?.buildings).toEqual([{ id: T.b2, name: '2栋' }])
    expect(
      codeOf(await tc.call(P.secretary.openid, 'org.assignRole', { communityId: T.c1, userId: P.neighbour.id, role: 'building_head', buildingIds: [T.b2] })),
    ).toBe('CONFLICT')
    const moved = await tc.ok(P.secretary.openid, 'org.assignRole', {
      communityId: T.c1,
      userId: P.neighbour.id,
      role: 'building_head',
      buildingIds: [T.b1, T.b2],
    })
    expect(moved.roles.filter((r) => r.role === 'building_head')).toHaveLength(1)
    expect(
      codeOf(await tc.call(P.secretary.openid, 'org.assignRole', { communityId: T.c1, userId: P.neighbour.id, role: 'building_head', buildingIds: [T.b3] })),
    ).toBe('INVALID_INPUT')
    expect(codeOf(await tc.call(P.secretary.openid, 'org.assignRole', { communityId: T.c1, userId: P.neighbour.id, role: 'building_head' }))).toBe(
      'INVALID_INPUT',
    )
    await tc.ok(P.secretary.openid, 'org.revokeRole', { communityId: T.c1, userId: P.neighbour.id, role: 'building_head' })
    expect((await user(P.neighbour.id)).roles).toEqual([{ communityId: T.c1, role: 'resident' }])
  })

  test('a building head who declares a household in another building gains nothing there', async () => {
    // 孙丽华 (building 1) declares a flat in building 2, where 钱德福 lives.
    await tc.ok(P.head.openid, 'org.updateProfile', { householdId: T.h3 })
    expect(codeOf(await tc.call(P.head.openid, 'org.setProxy', { communityId: T.c1, residentId: P.farElder.id, enabled: true }))).toBe('FORBIDDEN')
    expect((await tc.ok(P.head.openid, 'org.householdQueue', { communityId: T.c1 })).items).toEqual([])
    // ...and keeps the buildings she was appointed to.
    expect((await tc.ok(P.head.openid, 'org.setProxy', { communityId: T.c1, residentId: P.elder.id, enabled: true })).enabled).toBe(true)
  })

  test('acting for someone needs their household verified and in scope, checked at the time of acting', async () => {
    await tc.ok(P.head.openid, 'org.setProxy', { communityId: T.c1, residentId: P.elder.id, enabled: true })
    const wish = {
      communityId: T.c1,
      title: '想请人帮忙换灯泡',
      description: '厨房灯坏了，够不着。',
      category: '生活帮扶',
      buildingId: T.b1,
      onBehalfOf: P.elder.id,
    }
    expect((await tc.ok(P.head.openid, 'org.me')).proxyFor.map((p) => p.userId)).toEqual([P.elder.id])
    // The secretary re-appoints 孙丽华 to building 2 only: she no longer acts for 赵桂兰 in building 1.
    await tc.ok(P.secretary.openid, 'org.assignRole', { communityId: T.c1, userId: P.head.id, role: 'building_head', buildingIds: [T.b2] })
    expect((await tc.ok(P.head.openid, 'org.me')).proxyFor).toEqual([])
    expect(codeOf(await tc.call(P.head.openid, 'wish.create', wish))).toBe('FORBIDDEN')
    // Back in scope, but the resident's household is unconfirmed (data as an old declaration leaves it).
    await tc.ok(P.secretary.openid, 'org.assignRole', { communityId: T.c1, userId: P.head.id, role: 'building_head', buildingIds: [T.b1] })
    expect((await tc.ok(P.head.openid, 'wish.create', wish)).id).toBeTruthy()
    await patch('users', P.elder.id, { householdStatus: 'pending' })
    expect(codeOf(await tc.call(P.head.openid, 'wish.create', wish))).toBe('FORBIDDEN')
    expect(codeOf(await tc.call(P.head.openid, 'org.setProxy', { communityId: T.c1, residentId: P.elder.id, enabled: true }))).toBe('FORBIDDEN')
  })
})

describe('input hygiene', () => {
  // As JSON text, the way a client sends it: JSON.parse makes `__proto__` an own key (an object literal would not).
  test.each([
    ['org.updateProfile', '{"nickname":"王阿姨","__proto__":{"admin":true}}'],
    ['org.updateProfile', '{"nickname":"王阿姨","constructor":{"prototype":{"x":1}}}'],
    [
      'wish.create',
      `{"communityId":"${T.c1}","title":"换灯泡","description":"厨房灯坏了","category":"生活帮扶","buildingId":"${T.b1}","photos":["cloud://local/a.png"],"__proto__":{"status":"open"}}`,
    ],
    [
      'wish.create',
      `{"communityId":"${T.c1}","title":"换灯泡","description":"厨房灯坏了","category":"生活帮扶","buildingId":"${T.b1}","photos":[{"prototype":1}]}`,
    ],
    ['mall.items', `{"communityId":"${T.c1}","__proto__":{"includeInactive":true}}`],
  ])('%s with a prototype key anywhere in data (%s) is INVALID_INPUT and changes nothing', async (action, json) => {
    const event = { action, data: JSON.parse(json) }
    const before = await snapshot()
    const res = await tc.raw(P.resident.openid, event)
    expect(codeOf(res)).toBe('INVALID_INPUT')
    if (!res.ok) expect(res.error.message).toContain('不允许的字段名')
    expect(await snapshot()).toBe(before)
  })

  test('the same key only as a value is fine', async () => {
    expect((await tc.ok(P.resident.openid, 'org.updateProfile', { nickname: 'constructor' })).nickname).toBe('constructor')
  })

  test('ids of people and things are random, not guessable from one another', async () => {
    const ids: string[] = []
    for (let i = 0; i < 5; i++) ids.push((await tc.ok(`o-new-${i}`, 'org.login', {})).userId)
    for (const id of ids) expect(id).toMatch(/^u[0-9a-f]{24}$/)
    // No shared prefix beyond the kind letter: nothing sequential to walk.
    const prefixes = new Set(ids.map((id) => id.slice(0, 4)))
    expect(prefixes.size).toBeGreaterThan(1)
  })
})

describe('residence read elsewhere', () => {
  test("a pair shows only the household's verified residents", async () => {
    await tc.ok(P.noConsent.openid, 'org.login', { privacyConsentVersion: PRIVACY_VERSION })
    await tc.ok(P.noConsent.openid, 'org.updateProfile', { householdId: T.h2, realName: '冯小红' })
    // A verified party member paired with household 102 (赵桂兰 verified; 冯小红 only declared).
    const code = await tc.ok(P.secretary.openid, 'party.registerCode', { communityId: T.c1 })
    const reg = await tc.ok(P.member.openid, 'party.register', {
      communityId: T.c1,
      scene: code.scene,
      name: '周志刚',
      employerUnitId: null,
      employerName: '青山区税务局',
      branch: '税务局第一党支部',
      memberType: '在职',
      homeCompoundId: T.compound1,
      homeBuildingId: T.b2,
      skills: ['电工'],
      pledge: '每月义务修一次电器',
    })
    await tc.ok(P.secretary.openid, 'party.review', { communityId: T.c1, registrationId: reg.id, approve: true })
    await tc.ok(P.secretary.openid, 'pair.assign', { communityId: T.c1, memberId: P.member.id, householdId: T.h2, needs: ['独居老人'], active: true })
    const mine = await tc.ok(P.member.openid, 'pair.mine', { communityId: T.c1 })
    expect(mine[0].residents.sort()).toEqual([P.neighbour.name, P.elder.name].sort())
    expect(mine[0].residents).not.toContain('冯小红')
  })
})

describe('importing places', () => {
  test('communities imported without any scene token do not collide; each gets its own registration code', async () => {
    // As a deployer imports them from the console: plain documents, nothing unique but their ids.

    const cloud = require('wx-server-sdk') as typeof import('wx-server-sdk')
    const db = cloud.database()
    for (const id of ['c-new-1', 'c-new-2', 'c-new-3']) {
      await db
        .collection('communities')
        .add({ data: { _id: id, streetId: T.street, name: `新社区${id.slice(-1)}`, address: '新路', householdCount: 0, population: 0 } })
    }
    expect(await tc.engine.count('communities', {})).toBe(5)
    await tc.ok(P.streetAdmin.openid, 'org.assignRole', { communityId: 'c-new-2', userId: P.neighbour.id, role: 'secretary' })
    const code = await tc.ok(P.neighbour.openid, 'party.registerCode', { communityId: 'c-new-2' })
    expect((await tc.ok(P.member.openid, 'party.resolveScene', { scene: code.scene })).communityId).toBe('c-new-2')
  })
})

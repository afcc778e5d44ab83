/**
 * Every org action through the real main() on the local engine: the happy paths, every role denial,
 * bad inputs, and that failures change nothing.
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
})
afterAll(async () => {
  await tc.close()
})

const snapshot = () => dataSnapshot(tc.engine)

describe('the router', () => {
  test.each([
    ['null', null],
    ['an array', [1, 2]],
    ['a string', 'org.me'],
    ['no action', { data: {} }],
    ['a malformed action', { action: 'me' }],
    ['an unknown action', { action: 'org.fly' }],
    ['unknown event keys', { action: 'org.me', admin: true }],
    ['data that is not an object', { action: 'org.me', data: 'x' }],
    ['unknown input keys', { action: 'org.me', data: { openid: 'o-sec' } }],
    ['an oversized payload', { action: 'org.updateProfile', data: { nickname: 'x'.repeat(70 * 1024) } }],
  ])('%s gets INVALID_INPUT with a readable message and changes nothing', async (_label, event) => {
    const before = await snapshot()
    const res = await tc.raw(P.resident.openid, event)
    expect(codeOf(res)).toBe('INVALID_INPUT')
    if (!res.ok) expect(res.error.message).toMatch(/[\u4e00-\u9fa5]/)
    expect(await snapshot()).toBe(before)
  })

  test('no WeChat identity → UNAUTHENTICATED, even for login', async () => {
    expect(codeOf(await tc.call(null, 'org.login', {}))).toBe('UNAUTHENTICATED')
    expect(codeOf(await tc.call(null, 'org.me'))).toBe('UNAUTHENTICATED')
  })

  test('the timer trigger runs without an OPENID; a client cannot pass for it', async () => {
    const tick = { Type: 'Timer', TriggerName: 'hourly', Time: '2026-11-22T08:00:00Z' }
    expect(await tc.raw(null, tick)).toEqual({ ok: true, data: expect.any(Object) })
    expect(codeOf(await tc.raw(P.secretary.openid, tick))).toBe('INVALID_INPUT')
  })

  test('an identity without a profile may only log in', async () => {
    expect(codeOf(await tc.call('o-stranger', 'org.me'))).toBe('UNAUTHENTICATED')
    expect(codeOf(await tc.call('o-stranger', 'org.members', { communityId: T.c1 }))).toBe('UNAUTHENTICATED')
  })

  test('identity comes from WeChat, never from the event: a userInfo the client forges is ignored', async () => {
    const res = await tc.raw(P.resident.openid, { action: 'org.me', userInfo: { openId: P.secretary.openid } })
    expect(res.ok && (res.data as { userId: string }).userId).toBe(P.resident.id)
  })

  test('a field of the wrong type names the field', async () => {
    const res = await tc.call(P.secretary.openid, 'org.members', { communityId: T.c1, limit: 0 })
    expect(codeOf(res)).toBe('INVALID_INPUT')
    if (!res.ok) expect(JSON.stringify(res.error.details)).toContain('limit')
  })

  test('too many writes in a minute → RATE_LIMITED, reads still pass', async () => {
    const openid = P.neighbour.openid
    const results = []
    for (let i = 0; i < 65; i++) results.push(codeOf(await tc.call(openid, 'org.updateProfile', { elderMode: i % 2 === 0 })))
    expect(results.slice(0, 50).every((c) => c === 'OK')).toBe(true)
    expect(results).toContain('RATE_LIMITED')
    expect(codeOf(await tc.call(openid, 'org.me'))).toBe('OK')
  })
})

describe('org.login and org.me', () => {
  test('first login creates a profile; the second finds it', async () => {
    const a = await tc.ok('o-newcomer', 'org.login', {})
    const b = await tc.ok('o-newcomer', 'org.login', {})
    expect(a.userId).toBe(b.userId)
    expect(a.roles).toEqual([])
    expect(a.privacy.needsConsent).toBe(true)
    expect(await tc.engine.count('users', { openid: 'o-newcomer' })).toBe(1)
  })

  test('twenty racing first logins make exactly one profile', async () => {
    const all = await Promise.all(Array.from({ length: 20 }, () => tc.ok('o-racer', 'org.login', {})))
    expect(new Set(all.map((m) => m.userId)).size).toBe(1)
    expect(await tc.engine.count('users', { openid: 'o-racer' })).toBe(1)
  })

  test('consent is recorded for the current guide only', async () => {
    expect(codeOf(await tc.call(P.noConsent.openid, 'org.login', { privacyConsentVersion: '2020-01-01' }))).toBe('INVALID_INPUT')
    const me = await tc.ok(P.noConsent.openid, 'org.login', { privacyConsentVersion: PRIVACY_VERSION })
    expect(me.privacy.needsConsent).toBe(false)
    expect(me.privacy.version).toBe(PRIVACY_VERSION)
    expect((await tc.ok(P.noConsent.openid, 'org.me')).privacy.needsConsent).toBe(false)
  })

  test('me shows own personal data in full, the household label, roles with community names, and proxies', async () => {
    await tc.ok(P.head.openid, 'org.setProxy', { communityId: T.c1, residentId: P.elder.id, enabled: true })
    const me = await tc.ok(P.head.openid, 'org.me')
    expect(me.phone).toBe(P.head.phone)
    expect(me.realName).toBe(P.head.name)
    expect(me.household?.label).toBe('幸福里小区 1栋 1单元 101')
    expect(me.roles).toEqual(
      expect.arrayContaining([
        { communityId: T.c1, communityName: '幸福里社区', role: 'building_head', buildings: [{ id: T.b1, name: '1栋' }] },
        { communityId: T.c1, communityName: '幸福里社区', role: 'resident' },
      ]),
    )
    expect(me.proxyFor).toEqual([{ userId: P.elder.id, name: '赵桂兰', buildingId: T.b1 }])
    expect(JSON.stringify(me)).not.toContain('o-head')
  })

  test('a street admin sees the street as the scope of their role', async () => {
    const me = await tc.ok(P.streetAdmin.openid, 'org.me')
    expect(me.roles).toEqual([{ communityId: T.street, communityName: '青山街道', role: 'street_admin' }])
  })

  test('capabilities: what each person may do where, by the router’s own rules', async () => {
    // The street admin administers every community of the street, though no grant names them.
    const street = await tc.ok(P.streetAdmin.openid, 'org.me')
    expect(street.streets).toEqual([{ id: T.street, name: '青山街道', communityCount: 2 }])
    expect(street.access.map((a) => a.communityId).sort()).toEqual([T.c1, T.c2])
    for (const a of street.access) expect(a.can).toEqual(expect.arrayContaining(['member', 'administer', 'confirmHouseholds']))
    for (const a of street.access) expect(a.can).not.toContain('claimWishes')
    // …and the router agrees: a secretary's action in either community answers.
    expect((await tc.call(P.streetAdmin.openid, 'org.members', { communityId: T.c2 })).ok).toBe(true)

    const resident = await tc.ok(P.resident.openid, 'org.me')
    expect(resident.streets).toEqual([])
    expect(resident.access).toEqual([{ communityId: T.c1, communityName: '幸福里社区', streetId: T.street, roles: ['resident'], can: ['member'] }])
    expect(codeOf(await tc.call(P.resident.openid, 'org.members', { communityId: T.c1 }))).toBe('FORBIDDEN')

    const head = await tc.ok(P.head.openid, 'org.me')
    expect(head.access.find((a) => a.communityId === T.c1)?.can).toEqual(['member', 'confirmHouseholds'])
    const secretary = await tc.ok(P.secretary.openid, 'org.me')
    expect(secretary.access.find((a) => a.communityId === T.c1)?.can).toEqual(expect.arrayContaining(['member', 'administer', 'confirmHouseholds']))
  })
})

describe('org.updateProfile', () => {
  test('changes the nickname, elder mode and avatar', async () => {
    const me = await tc.ok(P.resident.openid, 'org.updateProfile', { nickname: '王阿姨', elderMode: true, avatarUrl: 'cloud://local/avatars/a.png' })
    expect([me.nickname, me.elderMode, me.avatarUrl]).toEqual(['王阿姨', true, 'cloud://local/avatars/a.png'])
  })

  test('a nickname that fails the content check is refused and nothing changes', async () => {
    const before = await snapshot()
    const res = await tc.call(P.resident.openid, 'org.updateProfile', { nickname: '赌博' })
    expect(codeOf(res)).toBe('INVALID_INPUT')
    expect(await snapshot()).toBe(before)
  })

  test('choosing a household declares it: pending, and no resident role until it is confirmed', async () => {
    await tc.ok(P.noConsent.openid, 'org.login', { privacyConsentVersion: PRIVACY_VERSION })
    const me = await tc.ok(P.noConsent.openid, 'org.updateProfile', { householdId: T.h4 })
    expect(me.household?.communityId).toBe(T.c2)
    expect(me.householdStatus).toBe('pending')
    expect(me.householdNote).toContain('待确认')
    expect(me.roles).toEqual([])
    await tc.ok(P.otherSecretary.openid, 'org.confirmHousehold', { communityId: T.c2, userId: P.noConsent.id, approve: true })
    expect((await tc.ok(P.noConsent.openid, 'org.me')).roles).toEqual([{ communityId: T.c2, communityName: '和平社区', role: 'resident' }])
    const moved = await tc.ok(P.noConsent.openid, 'org.updateProfile', { householdId: T.h1 })
    expect(moved.roles).toEqual([]) // the old residence ended; the new one waits for 幸福里
    expect(moved.householdStatus).toBe('pending')
  })

  test('the street home counts what waits in each community, for the street admin only', async () => {
    const before = await tc.ok(P.streetAdmin.openid, 'org.street', { streetId: T.street })
    expect(before.name).toBe('青山街道')
    expect(before.communities.map((c) => c.communityId).sort()).toEqual([T.c1, T.c2])
    const c2Before = before.communities.find((c) => c.communityId === T.c2)!
    await tc.ok(P.noConsent.openid, 'org.login', { privacyConsentVersion: PRIVACY_VERSION })
    await tc.ok(P.noConsent.openid, 'org.updateProfile', { householdId: T.h4 })
    const after = await tc.ok(P.streetAdmin.openid, 'org.street', { streetId: T.street })
    const c2 = after.communities.find((c) => c.communityId === T.c2)!
    expect(c2.pendingHouseholds).toBe(c2Before.pendingHouseholds + 1)
    expect(c2.needsAttention).toBe(true)
    expect(after.communities[0].needsAttention).toBe(true) // what needs attention comes first
    expect(after.totals.pendingHouseholds).toBe(after.communities.reduce((n, c) => n + c.pendingHouseholds, 0))
    // Nobody else reads the street, a secretary included; an unknown street is not found for its admin.
    for (const p of [P.secretary, P.resident]) expect(codeOf(await tc.call(p.openid, 'org.street', { streetId: T.street }))).toBe('FORBIDDEN')
    expect(codeOf(await tc.call(P.streetAdmin.openid, 'org.street', { streetId: 'st-nowhere' }))).toBe('FORBIDDEN')
  })

  test('a phone number comes from the single-use getPhoneNumber code, never from the client', async () => {
    const me = await tc.ok(P.resident.openid, 'org.updateProfile', { phoneCode: 'local-phone-13912345678' })
    expect(me.phone).toBe('13912345678')
    const again = await tc.call(P.resident.openid, 'org.updateProfile', { phoneCode: 'local-phone-13912345678' })
    expect(codeOf(again)).toBe('INVALID_INPUT')
    if (!again.ok) expect(again.error.message).toContain('手机号授权已失效')
    expect(codeOf(await tc.call(P.resident.openid, 'org.updateProfile', { phoneCode: 'forged' }))).toBe('INVALID_INPUT')
    expect((await tc.ok(P.resident.openid, 'org.me')).phone).toBe('13912345678')
  })

  test('personal fields need consent first; an unknown household is refused', async () => {
    expect(codeOf(await tc.call(P.noConsent.openid, 'org.updateProfile', { realName: '冯小红' }))).toBe('FORBIDDEN')
    expect(codeOf(await tc.call(P.resident.openid, 'org.updateProfile', { householdId: 'h-none' }))).toBe('INVALID_INPUT')
    expect(codeOf(await tc.call(P.resident.openid, 'org.updateProfile', { avatarUrl: 'javascript:alert(1)' }))).toBe('INVALID_INPUT')
    expect(codeOf(await tc.call(P.resident.openid, 'org.updateProfile', { nickname: '   ' }))).toBe('INVALID_INPUT')
  })
})

describe('places', () => {
  test('communities list both communities with their street', async () => {
    const list = await tc.ok(P.resident.openid, 'org.communities')
    expect(list.map((c) => [c.id, c.name, c.streetName]).sort()).toEqual([
      [T.c1, '幸福里社区', '青山街道'],
      [T.c2, '和平社区', '青山街道'],
    ])
  })

  test('tree gives compounds, buildings, grids with a masked worker, and partner units', async () => {
    const tree = await tc.ok(P.resident.openid, 'org.tree', { communityId: T.c1 })
    expect(tree.compounds).toHaveLength(1)
    expect(tree.compounds[0].buildings.map((b) => b.name)).toEqual(['1栋', '2栋'])
    expect(tree.grids).toEqual([{ id: 'g-1', name: '第一网格', compoundIds: [T.compound1], buildingIds: [], workerId: P.member.id, workerName: '周*刚' }])
    expect(tree.partnerUnits[0].name).toBe('青山区税务局')
    expect(codeOf(await tc.call(P.resident.openid, 'org.tree', { communityId: 'c-none' }))).toBe('NOT_FOUND')
  })

  test('households of a building, in order', async () => {
    const list = await tc.ok(P.resident.openid, 'org.households', { buildingId: T.b1 })
    expect(list.map((h) => h.label)).toEqual(['1单元 101', '1单元 102'])
    expect(codeOf(await tc.call(P.resident.openid, 'org.households', { buildingId: 'b-none' }))).toBe('NOT_FOUND')
  })
})

describe('roles', () => {
  test('a secretary grants a role; it is audited with before and after', async () => {
    const res = await tc.ok(P.secretary.openid, 'org.assignRole', { communityId: T.c1, userId: P.resident.id, role: 'party_member' })
    expect(res.roles.map((r) => r.role).sort()).toEqual(['party_member', 'resident'])
    const logs = await tc.engine.find('audit_log', { action: 'org.assignRole' })
    expect(logs).toHaveLength(1)
    expect(logs[0]).toMatchObject({ actorId: P.secretary.id, communityId: T.c1, resource: { type: 'user', id: P.resident.id } })
    expect(logs[0].before.roles).toHaveLength(1)
    expect(logs[0].after.roles).toHaveLength(2)
    expect(logs[0].at).toBeTruthy()
  })

  test('granting twice is a CONFLICT; racing grants add the role once', async () => {
    const input = { communityId: T.c1, userId: P.neighbour.id, role: 'volunteer' as const }
    const codes = await Promise.all(Array.from({ length: 10 }, () => tc.call(P.secretary.openid, 'org.assignRole', input).then(codeOf)))
    expect(codes.filter((c) => c === 'OK')).toHaveLength(1)
    expect(codes.filter((c) => c === 'CONFLICT')).toHaveLength(9)
    const [u] = await tc.engine.find('users', { _id: P.neighbour.id })
    expect(u.roles.filter((r: { role: string }) => r.role === 'volunteer')).toHaveLength(1)
  })

  test.each([
    ['a resident', P.resident.openid, T.c1, 'volunteer', 'FORBIDDEN'],
    ['a party member', P.member.openid, T.c1, 'volunteer', 'FORBIDDEN'],
    ['a building head', P.head.openid, T.c1, 'volunteer', 'FORBIDDEN'],
    ["another community's secretary", P.otherSecretary.openid, T.c1, 'volunteer', 'FORBIDDEN'],
    ['a secretary appointing a secretary', P.secretary.openid, T.c1, 'secretary', 'FORBIDDEN'],
    ['anyone granting street_admin', P.streetAdmin.openid, T.c1, 'street_admin', 'FORBIDDEN'],
    ['a secretary in an unknown community', P.secretary.openid, 'c-none', 'volunteer', 'NOT_FOUND'],
  ] as const)('%s is refused (%s)', async (_l, openid, communityId, role, code) => {
    const before = await snapshot()
    expect(codeOf(await tc.call(openid, 'org.assignRole', { communityId, userId: P.neighbour.id, role }))).toBe(code)
    expect(await snapshot()).toBe(before)
  })

  test('a street admin appoints a secretary in a community of the street', async () => {
    const res = await tc.ok(P.streetAdmin.openid, 'org.assignRole', { communityId: T.c2, userId: P.neighbour.id, role: 'secretary' })
    expect(res.roles).toContainEqual({ communityId: T.c2, communityName: '和平社区', role: 'secretary' })
  })

  test("revoking: removes the role, refuses a role not held and one's own secretary role", async () => {
    const res = await tc.ok(P.secretary.openid, 'org.revokeRole', { communityId: T.c1, userId: P.member.id, role: 'party_member' })
    expect(res.roles.map((r) => r.role)).toEqual(['resident'])
    expect(codeOf(await tc.call(P.secretary.openid, 'org.revokeRole', { communityId: T.c1, userId: P.member.id, role: 'party_member' }))).toBe('CONFLICT')
    expect(codeOf(await tc.call(P.secretary.openid, 'org.revokeRole', { communityId: T.c1, userId: P.secretary.id, role: 'secretary' }))).toBe('FORBIDDEN')
    expect(codeOf(await tc.call(P.secretary.openid, 'org.revokeRole', { communityId: T.c1, userId: 'u-none', role: 'resident' }))).toBe('NOT_FOUND')
    expect(await tc.engine.count('audit_log', { action: 'org.revokeRole' })).toBe(1)
  })
})

describe('members and personal data', () => {
  test('the list is masked, carries no openid, and pages through everyone once', async () => {
    const seen: string[] = []
    let cursor: string | undefined
    let pages = 0
    do {
      const page = await tc.ok(P.secretary.openid, 'org.members', { communityId: T.c1, limit: 3, ...(cursor ? { cursor } : {}) })
      for (const m of page.items) {
        expect(m.name).toContain('*')
        if (m.phone) expect(m.phone).toMatch(/^\d{3}\*{4}\d{4}$/)
        seen.push(m.userId)
      }
      expect(JSON.stringify(page)).not.toMatch(/o-[a-z]+|1380000\d{4}/)
      cursor = page.nextCursor ?? undefined
      pages++
    } while (cursor && pages < 10)
    const expected = (await tc.engine.find('users', { 'roles.communityId': T.c1 })).map((u) => u._id)
    expect(seen.sort()).toEqual(expected.sort())
    expect(new Set(seen).size).toBe(seen.length)
  })

  test('filters by role and by a name keyword; offline residents are marked', async () => {
    const pms = await tc.ok(P.secretary.openid, 'org.members', { communityId: T.c1, role: 'party_member' })
    expect(pms.items.map((m) => m.userId)).toEqual([P.member.id])
    const zhao = await tc.ok(P.secretary.openid, 'org.members', { communityId: T.c1, keyword: '桂兰' })
    expect(zhao.items).toEqual([expect.objectContaining({ userId: P.elder.id, name: '赵*兰', offline: true, householdLabel: '幸福里小区 1栋 1单元 102' })])
    const regexSafe = await tc.ok(P.secretary.openid, 'org.members', { communityId: T.c1, keyword: '.*' })
    expect(regexSafe.items).toEqual([])
  })

  test('one member in full is an audited read; others may not read it', async () => {
    const d = await tc.ok(P.secretary.openid, 'org.member', { communityId: T.c1, userId: P.resident.id })
    expect([d.realName, d.phone, d.household?.label]).toEqual([P.resident.name, P.resident.phone, '幸福里小区 1栋 1单元 101'])
    const reads = await tc.engine.find('audit_log', { action: 'org.member.read' })
    expect(reads).toEqual([expect.objectContaining({ actorId: P.secretary.id, resource: { type: 'user', id: P.resident.id, label: '王*英' } })])
    expect(codeOf(await tc.call(P.otherSecretary.openid, 'org.member', { communityId: T.c2, userId: P.resident.id }))).toBe('NOT_FOUND')
    for (const who of [P.resident, P.member, P.head]) {
      expect(codeOf(await tc.call(who.openid, 'org.member', { communityId: T.c1, userId: P.resident.id }))).toBe('FORBIDDEN')
      expect(codeOf(await tc.call(who.openid, 'org.members', { communityId: T.c1 }))).toBe('FORBIDDEN')
    }
  })
})

describe('org.setProxy', () => {
  test('a building head acts for a resident of their own building, and can stop', async () => {
    expect(await tc.ok(P.head.openid, 'org.setProxy', { communityId: T.c1, residentId: P.elder.id, enabled: true })).toEqual({
      residentId: P.elder.id,
      proxyId: P.head.id,
      enabled: true,
    })
    const [u] = await tc.engine.find('users', { _id: P.elder.id })
    expect(u.proxies).toEqual([expect.objectContaining({ proxyId: P.head.id, communityId: T.c1 })])
    await tc.ok(P.head.openid, 'org.setProxy', { communityId: T.c1, residentId: P.elder.id, enabled: false })
    const [after] = await tc.engine.find('users', { _id: P.elder.id })
    expect(after.proxies).toEqual([])
    expect(await tc.engine.count('audit_log', { action: 'org.setProxy' })).toBe(2)
  })

  test('a building head cannot reach another building or name someone else', async () => {
    expect(codeOf(await tc.call(P.head.openid, 'org.setProxy', { communityId: T.c1, residentId: P.farElder.id, enabled: true }))).toBe('FORBIDDEN')
    expect(codeOf(await tc.call(P.head.openid, 'org.setProxy', { communityId: T.c1, residentId: P.elder.id, proxyId: P.member.id, enabled: true }))).toBe(
      'FORBIDDEN',
    )
  })

  test('a secretary names a building head of that building; not a non-head, nor a head of another building; a resident may not', async () => {
    expect((await tc.ok(P.secretary.openid, 'org.setProxy', { communityId: T.c1, residentId: P.elder.id, proxyId: P.head.id, enabled: true })).enabled).toBe(
      true,
    )
    expect(codeOf(await tc.call(P.secretary.openid, 'org.setProxy', { communityId: T.c1, residentId: P.elder.id, proxyId: P.member.id, enabled: true }))).toBe(
      'INVALID_INPUT',
    )
    // 孙丽华 looks after building 1 only; 钱德福 lives in building 2.
    expect(codeOf(await tc.call(P.secretary.openid, 'org.setProxy', { communityId: T.c1, residentId: P.farElder.id, proxyId: P.head.id, enabled: true }))).toBe(
      'INVALID_INPUT',
    )
    expect(codeOf(await tc.call(P.resident.openid, 'org.setProxy', { communityId: T.c1, residentId: P.elder.id, enabled: true }))).toBe('FORBIDDEN')
    expect(codeOf(await tc.call(P.secretary.openid, 'org.setProxy', { communityId: T.c1, residentId: 'u-none', proxyId: P.head.id, enabled: true }))).toBe(
      'NOT_FOUND',
    )
  })
})

describe('org.audit', () => {
  test('newest first, paged without loss, actor masked; secretaries only', async () => {
    for (const role of ['volunteer', 'party_member'] as const)
      await tc.ok(P.secretary.openid, 'org.assignRole', { communityId: T.c1, userId: P.neighbour.id, role })
    await tc.ok(P.secretary.openid, 'org.member', { communityId: T.c1, userId: P.neighbour.id })
    const first = await tc.ok(P.secretary.openid, 'org.audit', { communityId: T.c1, limit: 2 })
    expect(first.items.map((e) => e.action)).toEqual(['org.member.read', 'org.assignRole'])
    expect(first.items[0].actorName).toBe('陈*芬')
    const second = await tc.ok(P.secretary.openid, 'org.audit', { communityId: T.c1, limit: 2, cursor: first.nextCursor! })
    expect(second.items.map((e) => e.action)).toEqual(['org.assignRole'])
    expect(second.nextCursor).toBeNull()
    expect(codeOf(await tc.call(P.resident.openid, 'org.audit', { communityId: T.c1 }))).toBe('FORBIDDEN')
    expect(codeOf(await tc.call(P.secretary.openid, 'org.audit', { communityId: T.c1, cursor: 'bad cursor' }))).toBe('INVALID_INPUT')
  })
})

/**
 * The demo street is what the product owner sees first: every document matches its entity schema,
 * ids are readable and consistent, and the people cover every role the way DOMAIN.md describes.
 */
import { demoData, seedDemo, DEMO } from '../../local/seed/demo'
import { Engine, loadDatabaseManifest } from '../../local/engine'
import * as z from 'zod/mini'
import * as org from '../../types/org'
import { Id, ROLES } from '../../types/common'

const NOW = new Date('2026-11-20T08:00:00Z')
const d = demoData(NOW) as unknown as {
  streets: org.Street[]
  communities: org.Community[]
  compounds: org.Compound[]
  buildings: org.Building[]
  households: org.Household[]
  grids: org.Grid[]
  partner_units: org.PartnerUnit[]
  users: org.User[]
}
const SCHEMAS: Record<string, z.ZodMiniObject> = {
  streets: org.Street,
  communities: org.Community,
  compounds: org.Compound,
  buildings: org.Building,
  households: org.Household,
  grids: org.Grid,
  partner_units: org.PartnerUnit,
  users: org.User,
}

test('every document matches its entity schema exactly, with readable unique ids', () => {
  expect(Object.keys(d).sort()).toEqual(Object.keys(SCHEMAS).sort())
  for (const [coll, docs] of Object.entries(d)) {
    const ids = new Set<string>()
    for (const doc of docs as { _id: string }[]) {
      expect(() => z.strictObject(SCHEMAS[coll].shape).parse(doc)).not.toThrow()
      expect(Id.safeParse(doc._id).success).toBe(true)
      expect(ids.has(doc._id)).toBe(false)
      ids.add(doc._id)
    }
  }
})

test('it is deterministic', () => {
  expect(JSON.stringify(demoData(NOW))).toBe(JSON.stringify(d))
})

test('one street, two communities, compounds, buildings and a few hundred households', () => {
  expect(d.streets).toEqual([{ _id: 'street-qingshan', name: '青山街道', district: '青山区' }])
  expect(d.communities.map((c) => c.name)).toEqual(['幸福里社区', '和平社区'])
  for (const c of d.communities) {
    expect(c.streetId).toBe('street-qingshan')
    const compounds = d.compounds.filter((x) => x.communityId === c._id)
    expect(compounds.length).toBeGreaterThanOrEqual(2)
    expect(compounds.length).toBeLessThanOrEqual(3)
    for (const cp of compounds) {
      const n = d.buildings.filter((b) => b.compoundId === cp._id).length
      expect(n).toBeGreaterThanOrEqual(3)
      expect(n).toBeLessThanOrEqual(5)
    }
    expect(c.householdCount).toBe(d.households.filter((h) => h.communityId === c._id).length)
    // the grids of a community cover exactly its compounds, each compound pointing at its grid
    const grids = d.grids.filter((g) => g.communityId === c._id)
    expect(grids).toHaveLength(2)
    expect(grids.flatMap((g) => g.compoundIds).sort()).toEqual(compounds.map((x) => x._id).sort())
    for (const g of grids) for (const id of g.compoundIds) expect(d.compounds.find((x) => x._id === id)!.gridId).toBe(g._id)
    const partners = d.partner_units.filter((p) => p.communityId === c._id)
    expect(partners.length).toBeGreaterThanOrEqual(3)
    expect(partners.length).toBeLessThanOrEqual(4)
  }
  expect(d.households.length).toBeGreaterThan(300)
  expect(d.households.length).toBeLessThan(800)
  for (const h of d.households) {
    const b = d.buildings.find((x) => x._id === h.buildingId)!
    expect(b.compoundId).toBe(h.compoundId)
    expect(b.communityId).toBe(h.communityId)
    expect(h.unit).toBeLessThanOrEqual(b.units)
  }
})

test('about fifty people covering every role, each consistent with their home', () => {
  const users = d.users
  expect(users.length).toBeGreaterThanOrEqual(45)
  expect(users.length).toBeLessThanOrEqual(55)
  const held = new Set(users.flatMap((u) => u.roles.map((r) => r.role)))
  // Unit staff are appointed by the showcase through unit.setStaff, once it has made their units (showcase.test).
  expect([...held].sort()).toEqual(ROLES.filter((r) => r !== 'unit_staff').sort())
  expect(new Set(users.map((u) => u.openid)).size).toBe(users.length)
  expect(new Set(users.map((u) => u.phone)).size).toBe(users.length)
  for (const u of users) {
    expect(u.realName).toMatch(/^[\u4e00-\u9fa5]{2,4}$/)
    expect(u.phone).toMatch(/^1380000\d{4}$/)
    expect(u.createdAt).toBeInstanceOf(Date)
    expect(u.openid).toBe(u.offline ? `offline_${u._id}` : `demo-${u._id.slice(2)}`)
    const isStreetAdmin = u.roles.some((r) => r.role === 'street_admin')
    if (isStreetAdmin) {
      expect(u.roles).toContainEqual({ communityId: 'street-qingshan', role: 'street_admin' })
      continue
    }
    const h = d.households.find((x) => x._id === u.householdId)!
    expect(h).toBeDefined()
    expect(u.communityId).toBe(h.communityId)
    expect(u.roles).toContainEqual({ communityId: h.communityId, role: 'resident' })
    for (const r of u.roles) expect(r.communityId).toBe(h.communityId)
  }
  for (const c of d.communities) {
    const secretaries = users.filter((u) => u.roles.some((r) => r.communityId === c._id && r.role === 'secretary'))
    expect(secretaries).toHaveLength(1)
  }
  expect(users.filter((u) => u.roles.some((r) => r.role === 'street_admin'))).toHaveLength(1)
  expect(users.filter((u) => u.birthYear !== null && u.birthYear < 1950).length).toBeGreaterThanOrEqual(5)
})

test('grid workers hold the grid_worker role in the grid’s community', () => {
  for (const g of d.grids) {
    const w = d.users.find((u) => u._id === g.workerId)!
    expect(w.roles).toContainEqual({ communityId: g.communityId, role: 'grid_worker' })
  }
})

test('three offline elderly residents, each verified and represented by a building head appointed to their building', () => {
  const offline = d.users.filter((u) => u.offline)
  expect(offline).toHaveLength(3)
  expect(d.users.filter((u) => u.proxies.length > 0)).toEqual(offline)
  for (const u of offline) {
    expect(u.birthYear).toBeLessThan(1950)
    expect(u.proxies).toHaveLength(1)
    const head = d.users.find((x) => x._id === u.proxies[0].proxyId)!
    const building = (id: string | null) => d.households.find((h) => h._id === id)!.buildingId
    expect(head.roles).toContainEqual({ communityId: u.communityId, role: 'building_head', buildingIds: expect.arrayContaining([building(u.householdId)]) })
    expect(u.proxies[0].communityId).toBe(u.communityId)
    expect(building(head.householdId)).toBe(building(u.householdId))
    expect([u.householdStatus, u.buildingId]).toEqual(['verified', building(u.householdId)])
  }
})

test('the first person is an ordinary resident; exactly one person has not consented to the privacy guide', () => {
  const first = d.users[0]
  expect(first._id).toBe(DEMO.defaultResident.id)
  expect(first.openid).toBe(DEMO.defaultResident.openid)
  expect(first.roles).toEqual([{ communityId: 'c-xingfuli', role: 'resident' }])
  expect(first.proxies).toEqual([])
  expect(first.offline).toBe(false)
  expect(first.privacy?.version).toBe(org.PRIVACY_VERSION)
  const noConsent = d.users.filter((u) => u.privacy === null)
  expect(noConsent.map((u) => u._id)).toEqual([DEMO.noConsent.id])
  expect(noConsent[0].roles.map((r) => r.role)).toEqual(['resident'])
})

test('seedDemo loads it into an engine with the real indexes, and re-seeding starts over', async () => {
  const engine = await Engine.open({ dataDir: null, manifest: loadDatabaseManifest() })
  try {
    await engine.insertMany('users', [{ _id: 'u-stray', openid: 'stray' }])
    await seedDemo(engine)
    await seedDemo(engine)
    for (const [coll, docs] of Object.entries(d)) expect(await engine.count(coll)).toBe(docs.length)
    expect(await engine.count('users', { _id: 'u-stray' })).toBe(0)
  } finally {
    await engine.close()
  }
})

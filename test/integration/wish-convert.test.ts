/**
 * wish.convert through the real main(): the secretary turns a wish nobody has taken on into a request — the wish
 * closes (converted, off the wall, its history saying it became a request) and the request is written already
 * dispatched by the normal routing, carrying the wish's description, photos and building, its first flow entry
 * saying where it came from; one transaction with the counter and the audit entry. Only the community's secretary;
 * a second conversion, or a claimed wish, answers CONFLICT and changes nothing.
 */
import { codeOf, dataSnapshot, openTestCloud, type TestCloud } from '../support/cloud'
import { fixtureDocs, P, T, userDoc } from '../support/fixtures'
import type { Request, RequestCounter } from '../../types/requests'
import type { Wish } from '../../types/wish'

let tc: TestCloud
const c = T.c1
const sec = P.secretary.openid
const res = P.resident.openid
const WORKER = { id: 'u-gw', openid: 'o-gw', name: '黄志强' }

beforeAll(async () => {
  tc = await openTestCloud()
})
beforeEach(async () => {
  const now = new Date('2026-11-01T08:00:00Z')
  const docs = fixtureDocs(now) as Record<string, any[]>
  docs.grids = [{ _id: 'g-1', communityId: c, name: '第一网格', compoundIds: [T.compound1], workerId: WORKER.id }]
  docs.users.push(
    userDoc(
      { id: WORKER.id, openid: WORKER.openid, name: WORKER.name, phone: '13900000001', household: null, community: null, roles: [[c, 'grid_worker']] },
      now,
    ),
  )
  await tc.engine.clearAll()
  for (const [coll, list] of Object.entries(docs)) await tc.engine.insertMany(coll, list)
  tc.resetLimits()
})
afterAll(async () => {
  await tc.close()
})

const PHOTO = 'cloud://local/wishes/stair.png'
/** A wish of the resident, open on the wall (photos wait for the secretary's approval). */
async function openWish() {
  const w = await tc.ok(res, 'wish.create', {
    communityId: c,
    title: '楼梯扶手松了',
    description: '三楼到四楼的扶手晃得厉害，老人不敢扶',
    category: '助老',
    buildingId: T.b1,
    photos: [PHOTO],
  })
  await tc.ok(sec, 'wish.review', { communityId: c, wishId: w.id, approve: true })
  return w.id
}
const convert = (openid: string | null, wishId: string, extra: Record<string, unknown> = {}) =>
  tc.call(openid, 'wish.convert', { communityId: c, wishId, into: 'request', category: 'repair', note: '属于公共设施维修，交网格员办理', ...extra })
const storedWish = async (id: string) => (await tc.engine.find('wishes', { _id: id }))[0] as Wish

test('the secretary converts an open wish: the wish closes and leaves the wall, a dispatched request carries it on, with both histories', async () => {
  const wishId = await openWish()
  expect((await tc.ok(res, 'wish.list', { communityId: c })).items.map((w) => w.id)).toContain(wishId)
  const answer = await convert(sec, wishId, { urgency: 'urgent' })
  expect(answer.ok).toBe(true)
  const r = (answer as { ok: true; data: { id: string } }).data as Awaited<ReturnType<typeof tc.ok<'request.get'>>>
  // The request: dispatched by the normal routing to the worker of building 1's grid, the wish's text, photo and building.
  expect(r).toMatchObject({ status: 'dispatched', category: 'repair', urgency: 'urgent', wishId, photos: [PHOTO], channel: 'online' })
  expect(r.description).toContain('三楼到四楼的扶手晃得厉害')
  expect(r.holder).toContain('网格员')
  expect(r.flow[0]).toMatchObject({ event: 'report', to: 'reported' })
  expect(r.flow[0].note).toContain('由心愿「楼梯扶手松了」转来：属于公共设施维修')
  const request = (await tc.engine.find('requests', { _id: r.id }))[0] as Request
  expect(request).toMatchObject({
    reporterId: P.resident.id,
    enteredById: P.secretary.id,
    buildingId: T.b1,
    gridId: 'g-1',
    holderKey: `u_${WORKER.id}`,
    open: true,
  })
  // The wisher sees it among their requests; the worker in the queue.
  expect((await tc.ok(res, 'request.mine', { communityId: c })).items.map((x) => x.id)).toEqual([r.id])
  expect((await tc.ok(WORKER.openid, 'request.queue', { communityId: c })).items.map((x) => x.id)).toEqual([r.id])
  // The wish: converted, linked, its history says so, off the wall.
  const wish = await storedWish(wishId)
  expect(wish).toMatchObject({ status: 'converted', onWall: false, requestId: r.id })
  expect(wish.history.at(-1)).toMatchObject({ event: 'convert', byId: P.secretary.id, from: 'open', to: 'converted' })
  expect(wish.history.at(-1)!.note).toContain('属于公共设施维修')
  expect((await tc.ok(res, 'wish.list', { communityId: c })).items.map((w) => w.id)).not.toContain(wishId)
  const seen = await tc.ok(res, 'wish.get', { communityId: c, wishId })
  expect(seen).toMatchObject({ status: 'converted', requestId: r.id })
  expect((await tc.ok(sec, 'wish.get', { communityId: c, wishId })).can.convert).toBe(false)
  // Counted and audited with it.
  const counters = (await tc.engine.find('request_counters', {})) as RequestCounter[]
  expect(counters.reduce((n, x) => n + x.reported, 0)).toBe(1)
  const audit = await tc.engine.find('audit_log', { action: 'wish.convert' })
  expect(audit).toHaveLength(1)
  expect(audit[0]).toMatchObject({ actorId: P.secretary.id, resource: { type: 'wish', id: wishId }, after: { status: 'converted', requestId: r.id } })
  // The request page links back to the wish (wishId), and the wish page to the request (requestId).
  expect((await tc.ok(res, 'request.get', { communityId: c, requestId: r.id })).wishId).toBe(wishId)
})

test('a second conversion answers CONFLICT and changes nothing; so does converting a claimed wish', async () => {
  const wishId = await openWish()
  expect(codeOf(await convert(sec, wishId))).toBe('OK')
  let before = await dataSnapshot(tc.engine)
  const again = await convert(sec, wishId)
  expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('已转为诉求') } })
  expect(await dataSnapshot(tc.engine)).toBe(before)

  const claimed = await openWish()
  await tc.ok(P.member.openid, 'wish.claim', { communityId: c, wishId: claimed })
  before = await dataSnapshot(tc.engine)
  expect(codeOf(await convert(sec, claimed))).toBe('CONFLICT')
  expect(await dataSnapshot(tc.engine)).toBe(before)
})

test('a wish still under review converts too (the secretary decides on it now)', async () => {
  const w = await tc.ok(res, 'wish.create', {
    communityId: c,
    title: '下水道堵了',
    description: '单元门口下水道堵了，雨天积水',
    category: '其他',
    buildingId: T.b1,
    photos: [PHOTO],
  })
  expect((await storedWish(w.id)).status).toBe('under_review')
  expect(codeOf(await convert(sec, w.id, { category: 'environment' }))).toBe('OK')
  expect(await storedWish(w.id)).toMatchObject({ status: 'converted' })
  expect((await tc.ok(sec, 'wish.reviewQueue', { communityId: c })).items.map((x) => x.id)).not.toContain(w.id)
})

test('only the community’s secretary: the wisher, a party member, the grid worker and another community’s secretary are refused, nothing changes', async () => {
  const wishId = await openWish()
  const before = await dataSnapshot(tc.engine)
  for (const openid of [res, P.member.openid, WORKER.openid, P.otherSecretary.openid, P.head.openid]) {
    expect([openid, codeOf(await convert(openid, wishId))]).toEqual([openid, 'FORBIDDEN'])
  }
  expect(codeOf(await convert(null, wishId))).toBe('UNAUTHENTICATED')
  // Bad input changes nothing either: another target, an unknown category, no reason, a refused reason.
  expect(codeOf(await convert(sec, wishId, { into: 'topic' }))).toBe('INVALID_INPUT')
  expect(codeOf(await convert(sec, wishId, { category: 'party' }))).toBe('INVALID_INPUT')
  expect(codeOf(await convert(sec, wishId, { note: '' }))).toBe('INVALID_INPUT')
  expect(codeOf(await convert(sec, wishId, { note: '这里有赌博' }))).toBe('INVALID_INPUT')
  expect(codeOf(await convert(sec, 'w-none'))).toBe('NOT_FOUND')
  expect(await dataSnapshot(tc.engine)).toBe(before)
})

/**
 * Photos of requests pass the asynchronous image check (security.mediaCheckAsync) after the fact, through the real
 * main() and the local stand-in: a request with a flagged photo is created at once with every photo visible; when
 * WeChat's push arrives (the stand-in delivers it into main, with no OPENID, as the platform does) the risky photo
 * is hidden from the resident and the worker and still shown to the secretary. A repeated push changes nothing, an
 * unknown traceId is ignored, and a client cannot forge the push.
 */
import { dataSnapshot, openTestCloud, type TestCloud } from '../support/cloud'
import { fixtureDocs, P, T, userDoc } from '../support/fixtures'
import type { Request } from '../../types/requests'
import { localOpenApi } from '../../local/cloud'
import { REVIEW_IMAGE_MARKER, RISKY_IMAGE_MARKER } from '../../local/openapi/words'
import type { MediaCheck } from '../../cloudfunctions/api/src/mediaChecks'
import { isMediaCheckPush } from '../../cloudfunctions/api/src/platform/mediaPush'

let tc: TestCloud
const c = T.c1
const sec = P.secretary.openid
const res = P.resident.openid
const WORKER = { id: 'u-gw', openid: 'o-gw', name: '黄志强' }

async function setup() {
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
  await tc.deliverPushes() // nothing left over from another test
}

beforeAll(async () => {
  tc = await openTestCloud()
})
beforeEach(setup)
afterAll(async () => {
  await tc.close()
})

const PNG = '\x89PNG\r\n\x1a\n'
let n = 0
const photo = (kind: 'fine' | 'risky' | 'review') =>
  tc.putFile(`requests/${++n}-${kind}.png`, PNG + (kind === 'risky' ? RISKY_IMAGE_MARKER : kind === 'review' ? REVIEW_IMAGE_MARKER : 'a leaking pipe'))
const get = (openid: string, requestId: string) => tc.ok(openid, 'request.get', { communityId: c, requestId })
const stored = async (id: string) => (await tc.engine.find('requests', { _id: id }))[0] as Request
const checks = async () => (await tc.engine.find('media_checks', {}, { sort: { askedAt: 1 } })) as MediaCheck[]

test('a request with a flagged photo is created at once with every photo; after the push the risky one is hidden from resident and worker, not from the secretary', async () => {
  const fine = photo('fine')
  const risky = photo('risky')
  const r = await tc.ok(res, 'request.create', {
    communityId: c,
    category: 'repair',
    urgency: 'urgent',
    description: '楼道水管爆了，水流到楼梯上',
    photos: [fine, risky],
  })
  // Created and dispatched at once: nothing waits for the check.
  expect(r.status).toBe('dispatched')
  expect(r.photos).toEqual([fine, risky])
  expect((await get(WORKER.openid, r.id)).photos).toEqual([fine, risky])
  // One pending check per photo, for the uploader, naming what it refers to.
  const pending = await checks()
  expect(pending.map((x) => [x.fileID, x.state, x.resource, x.id, x.openid])).toEqual([
    [fine, 'pending', 'request', r.id, res],
    [risky, 'pending', 'request', r.id, res],
  ])

  expect(await tc.deliverPushes()).toBe(2)
  expect((await stored(r.id)).hiddenPhotos).toEqual([risky])
  expect((await get(res, r.id)).photos).toEqual([fine])
  expect((await get(WORKER.openid, r.id)).photos).toEqual([fine])
  expect((await get(sec, r.id)).photos).toEqual([fine, risky])
  expect((await checks()).map((x) => x.state)).toEqual(['pass', 'risky'])
  // Audited, by nobody (the platform).
  const audit = await tc.engine.find('audit_log', { action: 'media.photoHidden' })
  expect(audit).toHaveLength(1)
  expect(audit[0]).toMatchObject({ actorId: null, communityId: c, resource: { type: 'request', id: r.id } })
})

test('progress and proof photos are checked too; a review verdict keeps the photo visible', async () => {
  const r = await tc.ok(res, 'request.create', { communityId: c, category: 'repair', description: '路灯不亮' })
  await tc.ok(WORKER.openid, 'request.accept', { communityId: c, requestId: r.id })
  const doubtful = photo('review')
  const bad = photo('risky')
  await tc.ok(WORKER.openid, 'request.progress', { communityId: c, requestId: r.id, note: '已到现场查看', photos: [doubtful] })
  const done = photo('fine')
  await tc.ok(WORKER.openid, 'request.resolve', { communityId: c, requestId: r.id, proof: '已更换灯泡', photos: [done, bad] })
  expect((await checks()).map((x) => [x.fileID, x.openid])).toEqual([
    [doubtful, WORKER.openid],
    [done, WORKER.openid],
    [bad, WORKER.openid],
  ])
  await tc.deliverPushes()
  const seen = await get(res, r.id)
  expect(seen.proof!.photos).toEqual([done])
  expect(seen.flow.flatMap((f) => f.photos)).toEqual([doubtful, done])
  expect((await get(sec, r.id)).proof!.photos).toEqual([done, bad])
  expect((await checks()).map((x) => x.state)).toEqual(['review', 'pass', 'risky'])
})

test('a repeated push changes nothing, and an unknown traceId is ignored', async () => {
  const risky = photo('risky')
  const r = await tc.ok(res, 'request.create', { communityId: c, category: 'repair', description: '墙皮脱落', photos: [risky] })
  const [event] = localOpenApi()!.pendingPushes()
  await tc.deliverPushes()
  expect((await stored(r.id)).hiddenPhotos).toEqual([risky])
  const before = await dataSnapshot(tc.engine)
  expect(await tc.raw(null, event)).toBe('success')
  expect(await tc.raw(null, { ...event, result: { suggest: 'pass', label: 100 } })).toBe('success')
  expect(await tc.raw(null, { ...event, trace_id: 'ffffffff-00000000-12345678' })).toBe('success')
  expect(await dataSnapshot(tc.engine)).toBe(before)
})

test('a client cannot forge the push: its call is no push, and the real one still settles the check', async () => {
  const risky = photo('risky')
  const r = await tc.ok(res, 'request.create', { communityId: c, category: 'repair', description: '电梯异响', photos: [risky] })
  const [event] = localOpenApi()!.pendingPushes()
  const before = await dataSnapshot(tc.engine)
  // Even knowing the traceId, a caller with an OPENID is a client: main treats the event as an (invalid) action call.
  for (const openid of [res, sec, WORKER.openid]) {
    const forged = await tc.raw(openid, { ...event, result: { suggest: 'risky', label: 20002 } })
    expect(forged).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  }
  // Nor can a forged "pass" settle it before WeChat's verdict.
  await tc.raw(res, { ...event, result: { suggest: 'pass', label: 100 } })
  expect(await dataSnapshot(tc.engine)).toBe(before)
  expect((await get(res, r.id)).photos).toEqual([risky])
  await tc.deliverPushes()
  expect((await get(res, r.id)).photos).toEqual([])
})

test('a photo that is no stored file is not submitted and stays; the request is created all the same', async () => {
  const r = await tc.ok(res, 'request.create', { communityId: c, category: 'repair', description: '门禁坏了', photos: ['cloud://local/requests/none.png'] })
  expect(r.photos).toEqual(['cloud://local/requests/none.png'])
  expect(await checks()).toEqual([])
})

test('main takes an event as the push only from the platform: no OPENID, a source that is no mini-program client, or run as the user it is from', () => {
  const event = { MsgType: 'event', Event: 'wxa_media_check', trace_id: 'a-b-c', version: 2 }
  expect(isMediaCheckPush(event, null, undefined)).toBe(true)
  expect(isMediaCheckPush(event, 'o-user', undefined)).toBe(false)
  expect(isMediaCheckPush(event, 'o-user', 'wx_client')).toBe(false)
  expect(isMediaCheckPush(event, 'o-user', 'wx_devtools')).toBe(false)
  expect(isMediaCheckPush(event, 'o-user', 'wx_client,scf')).toBe(false)
  expect(isMediaCheckPush(event, 'o-user', 'wx_unknown')).toBe(true)
  // a message push runs as the message's user (the shape the local stand-in pushes in): taken, unless a client sent it
  const fromUser = { ...event, FromUserName: 'o-user' }
  expect(isMediaCheckPush(fromUser, 'o-user', undefined)).toBe(true)
  expect(isMediaCheckPush(fromUser, 'o-other', undefined)).toBe(false)
  expect(isMediaCheckPush(fromUser, 'o-user', 'wx_client')).toBe(false)
  expect(isMediaCheckPush(fromUser, null, 'wx_client')).toBe(false)
  expect(isMediaCheckPush({ ...event, action: 'request.get' }, null, undefined)).toBe(false)
  expect(isMediaCheckPush({ ...event, trace_id: '' }, null, undefined)).toBe(false)
  expect(isMediaCheckPush({ ...event, Event: 'user_enter_tempsession' }, null, undefined)).toBe(false)
})

/**
 * The image check's push on the local stack, as on WeChat: only the platform (here the open-API stand-in, calling
 * main directly) delivers a `wxa_media_check` event; POST /fn/<name> refuses anything shaped like one (403),
 * whoever sends it. End to end: a resident uploads a photo, reports with it, and a few seconds later the stand-in
 * pushes the verdict and the risky photo is hidden.
 */
import { startStack, MEDIA_CHECK_PUSH_DELAY_MS, type Stack } from '../../local/stack'
import { DEMO } from '../../local/seed/demo'
import { RISKY_IMAGE_MARKER } from '../../local/openapi/words'
import type { Request } from '../../types/requests'

let stack: Stack
beforeAll(async () => {
  stack = await startStack({ seed: 'demo', log: false })
})
afterAll(async () => {
  await stack?.close()
})

const post = (pathname: string, body: string | Buffer, openid?: string, type = 'application/json') =>
  fetch(stack.url + pathname.replace(/^\//, ''), {
    method: 'POST',
    headers: { 'content-type': type, ...(openid ? { 'x-wx-openid': openid } : {}) },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  })
const me = DEMO.defaultResident.openid

test('a push-shaped event over HTTP is refused with 403 whoever sends it', async () => {
  const event = { MsgType: 'event', Event: 'wxa_media_check', trace_id: 'aaaaaaaa-bbbbbbbb-cccccccc', version: 2, result: { suggest: 'risky', label: 20002 } }
  for (const openid of [undefined, me, DEMO.streetAdmin.openid]) {
    const res = await post('/fn/api', JSON.stringify(event), openid)
    expect({ openid, status: res.status }).toEqual({ openid, status: 403 })
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  }
})

test('a resident reports with an uploaded risky photo: created at once, hidden once the stand-in pushes the verdict', async () => {
  const up = await post(
    '/storage/upload?path=requests/leak.png',
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(RISKY_IMAGE_MARKER)]),
    me,
    'image/png',
  )
  expect(up.status).toBe(200)
  const { fileID } = (await up.json()) as { fileID: string }
  const res = await post(
    '/fn/api',
    JSON.stringify({ action: 'request.create', data: { communityId: DEMO.xingfuli, category: 'repair', description: '水管漏水', photos: [fileID] } }),
    me,
  )
  const created = (await res.json()) as { ok: boolean; data: { id: string; photos: string[] } }
  expect(created.ok).toBe(true)
  expect(created.data.photos).toEqual([fileID])
  const hidden = async () => ((await stack.engine.find('requests', { _id: created.data.id }))[0] as Request).hiddenPhotos
  expect(await hidden()).toEqual([])
  const until = Date.now() + MEDIA_CHECK_PUSH_DELAY_MS + 5000
  while (Date.now() < until && (await hidden()).length === 0) await new Promise((r) => setTimeout(r, 100))
  expect(await hidden()).toEqual([fileID])
})

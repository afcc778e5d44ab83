/** cloud.openapi.* stand-ins answered at the SDK's own seam, and per-caller getWXContext. */
import { PNG } from 'pngjs'
import jsQR from 'jsqr'
import { Engine } from '../../local/engine'
import { testManifest } from './helpers'
import { installLocalCloud, runAsCaller } from '../../local/cloud'
import { RISKY_IMAGE_MARKER } from '../../local/openapi/words'

let engine: Engine
let cloud: any

beforeAll(async () => {
  engine = await Engine.open({ dataDir: null, manifest: testManifest('x', 'only_here') })
  installLocalCloud(engine, { openapi: { publicBaseUrl: 'http://192.168.1.5:10086' } })
  cloud = require('wx-server-sdk')
  cloud.init({ env: 'local' })
})
afterAll(async () => { await engine.close() })

test('200 overlapping runAsCaller invocations each see their own OPENID', async () => {
  const seen = await Promise.all(Array.from({ length: 200 }, (_x, i) => runAsCaller({ OPENID: `openid-${i}`, APPID: 'wxapp' }, async () => {
    const before = cloud.getWXContext().OPENID
    await new Promise((r) => setTimeout(r, Math.random() * 20))
    await cloud.database().collection('x').count()
    const after = cloud.getWXContext()
    return { i, before, after }
  })))
  for (const { i, before, after } of seen) {
    expect(before).toBe(`openid-${i}`)
    expect(after.OPENID).toBe(`openid-${i}`)
    expect(after.APPID).toBe('wxapp')
    expect(after.UNIONID).toBeUndefined()
  }
  // outside any caller the process environment is untouched
  expect(cloud.getWXContext().OPENID).toBe(process.env.WX_OPENID)
})

test('msgSecCheck v2 answers pass / review / risky in the documented shape', async () => {
  const check = (content: string) => cloud.openapi.security.msgSecCheck({ openid: 'o1', scene: 2, version: 2, content })
  const pass = await check('今天社区组织了志愿服务活动')
  expect(pass).toMatchObject({ errCode: 0, errMsg: 'openapi.security.msgSecCheck:ok', result: { suggest: 'pass', label: 100 } })
  expect(pass.traceId).toEqual(expect.any(String))
  expect(Array.isArray(pass.detail)).toBe(true)
  expect((await check('有需要的加微信联系')).result).toEqual({ suggest: 'review', label: 10001 })
  expect((await check('这里有赌博网站')).result.suggest).toBe('risky')
  await expect(cloud.openapi.security.msgSecCheck({ scene: 2, version: 2, content: 'x' })).rejects.toMatchObject({ errCode: 40003 })
})

test('imgSecCheck passes unless the bytes contain the marker', async () => {
  const ok = await cloud.openapi.security.imgSecCheck({ media: { contentType: 'image/png', value: Buffer.from('\x89PNG fine') } })
  expect(ok).toMatchObject({ errCode: 0 })
  await expect(cloud.openapi.security.imgSecCheck({ media: { contentType: 'image/png', value: Buffer.from(`\x89PNG ${RISKY_IMAGE_MARKER}`) } }))
    .rejects.toMatchObject({ errCode: 87014 })
})

test('wxacode.getUnlimited returns a real PNG QR code of the local URL; invalid scenes are refused', async () => {
  const r = await cloud.openapi.wxacode.getUnlimited({ scene: 'c=abc&x=1', page: 'pages/join/index', checkPath: false, width: 430 })
  expect(r.contentType).toBe('image/png')
  expect(Buffer.isBuffer(r.buffer)).toBe(true)
  const png = PNG.sync.read(r.buffer)
  const qr = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
  expect(qr?.data).toBe('http://192.168.1.5:10086/#/pages/join/index?scene=c%3Dabc%26x%3D1')
  await expect(cloud.openapi.wxacode.getUnlimited({ scene: 'x'.repeat(33), page: 'pages/a/index' })).rejects.toMatchObject({ errCode: 40129 })
  await expect(cloud.openapi.wxacode.getUnlimited({ scene: '中文', page: 'pages/a/index' })).rejects.toMatchObject({ errCode: 40129 })
  await expect(cloud.openapi.wxacode.getUnlimited({ scene: 'ok', page: '/pages/a/index' })).rejects.toMatchObject({ errCode: 41030 })
})

test('subscribeMessage.send appends to the outbox collection', async () => {
  const r = await cloud.openapi.subscribeMessage.send({
    touser: 'o-user', templateId: 'TPL1', page: 'pages/wish/detail?id=1', data: { thing1: { value: '微心愿已认领' } }, miniprogramState: 'developer',
  })
  expect(r).toEqual({ errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' })
  const out = await engine.find('outbox', { touser: 'o-user' })
  expect(out).toHaveLength(1)
  expect(out[0]).toMatchObject({ touser: 'o-user', templateId: 'TPL1', page: 'pages/wish/detail?id=1', data: { thing1: { value: '微心愿已认领' } } })
  expect(out[0].at).toBeInstanceOf(Date)
  await expect(cloud.openapi.subscribeMessage.send({ templateId: 'T', data: {} })).rejects.toMatchObject({ errCode: 40003 })
})

test('installLocalCloud can be called again to re-point the SDK to another engine', async () => {
  const other = await Engine.open({ dataDir: null, manifest: testManifest('x', 'only_here') })
  installLocalCloud(other)
  const db = cloud.database()
  await db.collection('only_here').add({ data: { v: 1 } })
  expect(await other.count('only_here')).toBe(1)
  expect(await engine.count('only_here')).toBe(0)
  installLocalCloud(engine)
  expect((await cloud.database().collection('only_here').count()).total).toBe(0)
  await other.close()
})

/** cloud.openapi.* stand-ins answered at the SDK's own seam, and per-caller getWXContext. */
import { PNG } from 'pngjs'
import jsQR from 'jsqr'
import { Engine } from '../../local/engine'
import { testManifest } from './helpers'
import * as fs from 'fs'
import * as os from 'os'
import * as path from 'path'
import { installLocalCloud, localOpenApi, runAsCaller } from '../../local/cloud'
import type { MediaCheckPush } from '../../local/openapi'
import { REVIEW_IMAGE_MARKER, RISKY_IMAGE_MARKER } from '../../local/openapi/words'
import { TEMPLATES } from '../../types/templates'

let engine: Engine
let cloud: any

beforeAll(async () => {
  engine = await Engine.open({ dataDir: null, manifest: testManifest('x', 'only_here') })
  installLocalCloud(engine, { openapi: { publicBaseUrl: 'http://192.168.1.5:10086' } })
  cloud = require('wx-server-sdk')
  cloud.init({ env: 'local' })
})
afterAll(async () => {
  await engine.close()
})

test('200 overlapping runAsCaller invocations each see their own OPENID', async () => {
  const seen = await Promise.all(
    Array.from({ length: 200 }, (_x, i) =>
      runAsCaller({ OPENID: `openid-${i}`, APPID: 'wxapp' }, async () => {
        const before = cloud.getWXContext().OPENID
        await new Promise((r) => setTimeout(r, Math.random() * 20))
        await cloud.database().collection('x').count()
        const after = cloud.getWXContext()
        return { i, before, after }
      }),
    ),
  )
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
  await expect(
    cloud.openapi.security.imgSecCheck({ media: { contentType: 'image/png', value: Buffer.from(`\x89PNG ${RISKY_IMAGE_MARKER}`) } }),
  ).rejects.toMatchObject({ errCode: 87014 })
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

describe('subscribeMessage.send refuses what WeChat refuses', () => {
  // A template with one field of every type (given to the stand-in as the admin console would list it).
  const ALL = 'tpl-every-type'
  const ALL_FIELDS = {
    thing1: 'thing',
    name2: 'name',
    phrase3: 'phrase',
    character_string4: 'character_string',
    number5: 'number',
    letter6: 'letter',
    symbol7: 'symbol',
    time8: 'time',
    date9: 'date',
    amount10: 'amount',
    phone_number11: 'phone_number',
    car_number12: 'car_number',
  } as const
  const GOOD: Record<keyof typeof ALL_FIELDS, string> = {
    thing1: '微心愿已认领',
    name2: '王秀英',
    phrase3: '配送中',
    character_string4: 'SN-2019/10#01',
    number5: '339208499',
    letter6: 'abcXYZ',
    symbol7: '+-*/',
    time8: '15:01',
    date9: '2019年10月1日',
    amount10: '¥100.50元',
    phone_number11: '+86-0766-66888866',
    car_number12: '粤A8Z888挂',
  }
  const openid = 'o-rules'
  let sent = 0
  const send = (data: Record<string, string>, templateId = ALL, touser = openid) =>
    cloud.openapi.subscribeMessage.send({
      touser,
      templateId,
      page: 'pages/home/index',
      data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, { value: v }])),
      miniprogramState: 'developer',
    })
  const consent = (templateId: string, count: number, user = openid) =>
    engine.insertMany('subscriptions', [
      { _id: `u-${user}_${templateId}_${++sent}`, userId: `u-${user}`, openid: user, template: templateId, templateId, count, updatedAt: new Date() },
    ])

  beforeAll(async () => {
    installLocalCloud(engine, {
      openapi: { publicBaseUrl: 'http://192.168.1.5:10086', templates: { [ALL]: { id: ALL, title: '全类型', fields: ALL_FIELDS } } },
    })
    await consent(ALL, 10_000)
  })
  afterAll(() => {
    installLocalCloud(engine, { openapi: { publicBaseUrl: 'http://192.168.1.5:10086' } })
  })

  test('a message of valid values is delivered to the outbox', async () => {
    await consent(TEMPLATES.wishClaimed.id, 1, 'o-user')
    const r = await send({ thing1: '微心愿已认领', thing2: '周*刚', time3: '2026-11-22 14:05' }, TEMPLATES.wishClaimed.id, 'o-user')
    expect(r).toEqual({ errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' })
    const out = await engine.find('outbox', { touser: 'o-user' })
    expect(out).toHaveLength(1)
    expect(out[0]).toMatchObject({
      touser: 'o-user',
      templateId: TEMPLATES.wishClaimed.id,
      template: 'wishClaimed',
      page: 'pages/home/index',
      data: { thing2: { value: '周*刚' } },
    })
    expect(out[0].at).toBeInstanceOf(Date)
    expect(await send(GOOD)).toMatchObject({ errCode: 0 })
  })

  // [field, good values, bad values] — rules of 订阅消息参数值内容限制说明 (local/openapi/subscribe.ts).
  const CASES: [keyof typeof ALL_FIELDS, string[], string[]][] = [
    ['thing1', ['一'.repeat(20), 'abc 123，！', '心愿：换灯泡'], ['一'.repeat(21), 'x'.repeat(21)]],
    [
      'name2',
      ['王秀英', '欧阳娜娜', '一'.repeat(10), 'John Smith', 'a'.repeat(20), '王Tom'],
      ['王*英', '李*', '一'.repeat(11), 'a'.repeat(21), 'Tom1', '王英2', '张三·'],
    ],
    ['phrase3', ['配送中', '非常满意', '很不满意'], ['5星好评', '一'.repeat(6), 'ok', '满意！', '已 完成']],
    ['character_string4', ['A1-2_3', '1'.repeat(32)], ['1'.repeat(33), '订单1', 'a b']],
    ['number5', ['0', '12.5', '9'.repeat(32)], ['9'.repeat(33), '1a', '-', '12.']],
    ['letter6', ['a', 'Z'.repeat(32)], ['a1', 'Z'.repeat(33), '字']],
    ['symbol7', ['-', '#$%^&'], ['#$%^&*', 'a', '1']],
    [
      'time8',
      ['15:01', '0:00', '23:59', '2019年10月1日 15:01', '2019-10-01 15:01', '2019/10/01 15:01:59', '15:01~17:30', '2019-10-01 15:01~2019-10-01 17:00'],
      ['24:00', '15:60', '3pm', '2019-10-01', '2019-13-01 15:01', '2019-02-30 15:01', '15:01~', '15时01分'],
    ],
    [
      'date9',
      ['2019年10月1日', '2019-10-01', '2019-12-25 09:42', '2019年10月1日 15:01', '2019-10-01~2019-10-07'],
      ['10月1日', '2019-10-32', '2019-10-01 25:00', '昨天', '20191001'],
    ],
    ['amount10', ['¥100', '￥12.5元', '$9999999999', '€0.99'], ['100', '¥', '¥12345678901', '100元', '¥1,000']],
    ['phone_number11', ['13800001234', '+86-0766-66888866', '(010)12345678'], ['1'.repeat(18), '电话1380000', 'tel:123']],
    ['car_number12', ['粤A8Z888挂', '京A12345', 'WJ12345'], ['粤A8Z888挂1', '粤A8-888', '粤啊8Z888']],
  ]

  test.each(CASES)('%s: valid values are delivered, invalid ones are 47003 naming the field', async (key, good, bad) => {
    for (const v of good) {
      await expect(
        send({ ...GOOD, [key]: v }).then(
          () => 'ok',
          (e: any) => `${e.errCode} ${e.errMsg}`,
        ),
      ).resolves.toBe('ok')
    }
    for (const v of bad) {
      const err = await send({ ...GOOD, [key]: v }).then(
        () => null,
        (e: any) => e,
      )
      expect({ value: v, errCode: err?.errCode }).toEqual({ value: v, errCode: 47003 })
      expect(err.errMsg).toContain(`argument invalid! data.${key}.value invalid`)
    }
  })

  test('a missing or empty value is 47003 "is empty"; a key the template lacks is 47003; an unknown template is 40037; no touser is 40003', async () => {
    const { time3: _t, ...noTime } = { thing1: '心愿', thing2: '张*', time3: '15:01' }
    await expect(send(noTime, TEMPLATES.wishClaimed.id)).rejects.toMatchObject({ errCode: 47003, errMsg: expect.stringContaining('data.time3.value is empty') })
    await expect(send({ thing1: '心愿', thing2: '', time3: '15:01' }, TEMPLATES.wishClaimed.id)).rejects.toMatchObject({
      errCode: 47003,
      errMsg: expect.stringContaining('data.thing2.value is empty'),
    })
    // The old 心愿认领 payload: name2 is not a keyword of the template any more (and 王*英 was never a valid name).
    await expect(send({ thing1: '心愿', name2: '王*英', time3: '15:01' }, TEMPLATES.wishClaimed.id)).rejects.toMatchObject({
      errCode: 47003,
      errMsg: expect.stringContaining('data.name2'),
    })
    await expect(send({ thing1: 'x' }, 'TPL1')).rejects.toMatchObject({ errCode: 40037 })
    await expect(cloud.openapi.subscribeMessage.send({ templateId: ALL, data: {} })).rejects.toMatchObject({ errCode: 40003 })
  })

  test('43101 without an unused acceptance: one acceptance is one message, a refused send uses none', async () => {
    const tpl = TEMPLATES.wishConfirmed.id
    const data = { thing1: '换灯泡', phrase2: '非常满意', time3: '2026年11月22日 14:05' }
    const who = 'o-once'
    await expect(send(data, tpl, who)).rejects.toMatchObject({ errCode: 43101, errMsg: expect.stringContaining('user refuse to accept the msg') })
    await consent(tpl, 1, who)
    // A bad value is refused before consent is looked at, and does not use it up.
    await expect(send({ ...data, phrase2: '5星好评' }, tpl, who)).rejects.toMatchObject({ errCode: 47003 })
    await expect(send(data, tpl, who)).resolves.toMatchObject({ errCode: 0 })
    await expect(send(data, tpl, who)).rejects.toMatchObject({ errCode: 43101 })
    // Consent is per template: one for 待办提醒 does not allow 心愿确认.
    await consent(TEMPLATES.reminder.id, 1, who)
    await expect(send(data, tpl, who)).rejects.toMatchObject({ errCode: 43101 })
    expect(await engine.count('outbox', { touser: who })).toBe(1)
  })

  test('two acceptances, ten simultaneous sends: exactly two are delivered', async () => {
    const tpl = TEMPLATES.reminder.id
    const who = 'o-rush'
    await consent(tpl, 2, who)
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        send({ thing1: '活动提醒', thing2: '明天 9:00 中心花园' }, tpl, who).then(
          () => 0,
          (e: any) => e.errCode,
        ),
      ),
    )
    expect(results.filter((r) => r === 0)).toHaveLength(2)
    expect(results.filter((r) => r === 43101)).toHaveLength(8)
    expect(await engine.count('outbox', { touser: who })).toBe(2)
  })
})

describe('security.mediaCheckAsync and getTempFileURL of local storage', () => {
  const base = 'http://192.168.1.5:10086'
  let storage: string
  const pushed: MediaCheckPush[] = []
  const put = (rel: string, bytes: string) => {
    fs.mkdirSync(path.dirname(path.join(storage, rel)), { recursive: true })
    fs.writeFileSync(path.join(storage, rel), bytes)
    return `cloud://local/${rel}`
  }
  const check = (data: Record<string, unknown>) => cloud.openapi.security.mediaCheckAsync({ mediaType: 2, version: 2, scene: 2, openid: 'o-up', ...data })

  beforeAll(() => {
    storage = fs.mkdtempSync(path.join(os.tmpdir(), 'openapi-storage-'))
    installLocalCloud(engine, { openapi: { publicBaseUrl: base, storageDir: storage, pushDelayMs: null } })
    localOpenApi()!.setPushTarget(async (event) => {
      pushed.push(event)
    })
  })
  afterAll(() => {
    installLocalCloud(engine, { openapi: { publicBaseUrl: base } })
    fs.rmSync(storage, { recursive: true, force: true })
  })

  test('getTempFileURL links a stored file to the host; a missing or foreign file gets status -503003', async () => {
    const id = put('req/a b.png', '\x89PNG ok')
    const res = await cloud.getTempFileURL({ fileList: [id, 'cloud://local/req/none.png', 'cloud://prod-env.7072/x.png'] })
    expect(res.fileList[0]).toMatchObject({ fileID: id, status: 0, tempFileURL: `${base}/storage/req/a%20b.png` })
    expect(res.fileList[1]).toMatchObject({ status: -503003, tempFileURL: '' })
    expect(res.fileList[2]).toMatchObject({ status: -503003, tempFileURL: '' })
  })

  test('refuses what WeChat refuses, with its errcodes, and queues nothing', async () => {
    const url = `${base}/storage/req/fine.png`
    await expect(check({ mediaUrl: url, mediaType: 0 })).rejects.toMatchObject({ errCode: 40004 })
    await expect(check({ mediaUrl: 'cloud://local/req/fine.png' })).rejects.toMatchObject({ errCode: 47001 })
    await expect(check({ mediaUrl: 'wxfile://tmp_abc.png' })).rejects.toMatchObject({ errCode: 47001 })
    await expect(check({ mediaUrl: url, version: 1 })).rejects.toMatchObject({ errCode: 40097 })
    await expect(check({ mediaUrl: url, openid: undefined })).rejects.toMatchObject({ errCode: 40003 })
    await expect(check({ mediaUrl: url, scene: 5 })).rejects.toMatchObject({ errCode: 40097 })
    expect(localOpenApi()!.pendingPushes()).toEqual([])
  })

  test('answers a traceId (camelCase through the cloud call) and pushes the verdict of the file behind the URL only when told', async () => {
    const link = async (id: string) => (await cloud.getTempFileURL({ fileList: [id] })).fileList[0].tempFileURL
    const fine = await link(put('req/fine.png', '\x89PNG a leaking pipe'))
    const risky = await link(put('req/risky.png', `\x89PNG ${RISKY_IMAGE_MARKER}`))
    const review = await link(put('req/review.png', `\x89PNG ${REVIEW_IMAGE_MARKER}`))
    const answers = []
    for (const mediaUrl of [fine, risky, review, `${base}/storage/req/gone.png`]) answers.push(await check({ mediaUrl }))
    for (const a of answers) expect(a).toMatchObject({ errCode: 0, traceId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/) })
    expect(new Set(answers.map((a) => a.traceId)).size).toBe(4)
    // Nothing is pushed until delivery (deterministic for tests).
    expect(pushed).toEqual([])
    expect(localOpenApi()!.pendingPushes()).toHaveLength(4)
    await localOpenApi()!.deliverPushes()
    expect(localOpenApi()!.pendingPushes()).toEqual([])
    expect(pushed.map((p) => p.trace_id)).toEqual(answers.map((a) => a.traceId))
    for (const p of pushed) expect(p).toMatchObject({ MsgType: 'event', Event: 'wxa_media_check', version: 2, FromUserName: 'o-up', appid: 'local' })
    expect(pushed.map((p) => p.result?.suggest ?? null)).toEqual(['pass', 'risky', 'review', null])
    expect(pushed[1].result).toEqual({ suggest: 'risky', label: 20002 })
    // An image WeChat cannot download: a push without a result, with an errcode.
    expect(pushed[3]).toMatchObject({ detail: [], errcode: 47001 })
    // Delivered once: a second delivery pushes nothing more.
    await localOpenApi()!.deliverPushes()
    expect(pushed).toHaveLength(4)
  })

  test('with a delay the stand-in pushes by itself', async () => {
    installLocalCloud(engine, { openapi: { publicBaseUrl: base, storageDir: storage, pushDelayMs: 20 } })
    const got: MediaCheckPush[] = []
    localOpenApi()!.setPushTarget(async (e) => {
      got.push(e)
    })
    const url = (await cloud.getTempFileURL({ fileList: [put('req/later.png', '\x89PNG')] })).fileList[0].tempFileURL
    const { traceId } = await check({ mediaUrl: url })
    for (let i = 0; i < 50 && !got.length; i++) await new Promise((r) => setTimeout(r, 10))
    expect(got.map((e) => [e.trace_id, e.result?.suggest])).toEqual([[traceId, 'pass']])
    expect(localOpenApi()!.pendingPushes()).toEqual([])
  })
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

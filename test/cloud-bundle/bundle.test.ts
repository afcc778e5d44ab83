/**
 * The deployable cloud function: `npm run build:cloud` produces cloudfunctions/api/index.js, and that
 * bundle — not the TypeScript sources — answers through the real wx-server-sdk on the local cloud.
 * Also pins what WeChat DevTools deploys beside it: package.json and config.json, and the bundle's budget
 * (≤ 450 KB: a cold start reads, parses and runs all of it; `npm run bench` prints the cold start itself).
 * The budget was 400 KB until the scale work (issue 15) took the bundle to 431 KB; it was raised to 450 KB as a
 * guard against unnoticed growth while issue 10 (cold start ≤ 1.1× the SDK alone) waits for the product owner's
 * decision: re-base that target on SDK + cloud.init(), or split the function. Measured at 431 KB
 * (`npx tsx bench/run.ts 云函数包体积`): ratio 1.11, ratio_vs_sdk_init 1.09, cpu_ratio 1.07.
 */
import * as fs from 'fs'
import * as path from 'path'
import { builtinModules } from 'module'
import { buildCloud, FUNCTION_DIR, OUTFILE } from '../../scripts/build-cloud'
import { Engine, loadDatabaseManifest } from '../../local/engine'
import { installLocalCloud, runAsCaller } from '../../local/cloud'
import { DEMO, seedDemo } from '../../local/seed/demo'

type Main = (event: unknown, context: unknown) => Promise<any>

const ROOT = path.resolve(__dirname, '..', '..')
const BUNDLE_BUDGET_BYTES = 450 * 1024

let engine: Engine
let main: Main
let bundleText: string

beforeAll(async () => {
  const built = await buildCloud({ quiet: true })
  expect(built.outfile).toBe(OUTFILE)
  bundleText = fs.readFileSync(OUTFILE, 'utf8')
  engine = await Engine.open({ dataDir: null, manifest: loadDatabaseManifest() })
  installLocalCloud(engine)
  await seedDemo(engine)

  main = require(OUTFILE).main
}, 60000)

afterAll(async () => {
  await engine?.close()
})

test('the bundle exports main and needs nothing at runtime but wx-server-sdk and node built-ins', () => {
  expect(typeof main).toBe('function')
  const required = new Set(Array.from(bundleText.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g), (m) => m[1]))
  const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)])
  const foreign = [...required].filter((m) => m !== 'wx-server-sdk' && !builtins.has(m))
  expect(foreign).toEqual([])
  expect(required.has('wx-server-sdk')).toBe(true)
  // nothing of the local stand-in cloud is in the deployable code
  expect(bundleText).not.toMatch(/local\/engine|local\/cloud|mingo/)
  expect(bundleText).not.toMatch(/sourceMappingURL/)
})

test(`the bundle stays within its budget (${BUNDLE_BUDGET_BYTES / 1024} KB), minified, with one zod locale`, () => {
  const bytes = Buffer.byteLength(bundleText)
  expect(bytes).toBeLessThanOrEqual(BUNDLE_BUDGET_BYTES)
  // minified (unminified it is ~25,000 lines; what remains are newlines inside template strings)
  expect(bundleText.split('\n').length).toBeLessThan(1000)
  // zod's locales: zh-CN only (each locale file names its language; Hebrew and Russian are two of the ~50 others)
  expect(bundleText).toContain('无效输入')
  expect(bundleText).not.toMatch(/קלט לא תקין|Неверный ввод/)
  // nothing left as a runtime import() of a package (it would need node_modules in the cloud)
  expect(bundleText).not.toMatch(/\bimport\(\s*["'][^."']/)
})

test('what keeps it small stays: runtime code imports zod/mini as a namespace and one locale only', () => {
  // zod/mini, not classic zod: mini schemas are built by functions (z.optional(x), .check(z.maxLength(n))) rather
  // than carrying ~40 methods each, so the bundle is ~60 KB smaller and a cold start builds the schemas faster.
  // Classic may still be named in `import type` (erased). And esbuild cannot tree-shake `import { z } from 'zod'`
  // (an object re-export): with it, every locale and the JSON-schema tools come back (~550 KB unminified).
  const files = [
    ...fs.readdirSync(path.join(ROOT, 'types')).map((f) => path.join(ROOT, 'types', f)),
    ...(function walk(dir: string): string[] {
      return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    })(path.join(FUNCTION_DIR, 'src')),
  ].filter((f) => f.endsWith('.ts'))
  const classic = files.filter((f) => /^import\s+(?!type\b)[^;]*?\bfrom\s+['"]zod(\/v4)?['"]/m.test(fs.readFileSync(f, 'utf8')))
  expect(classic.map((f) => path.relative(ROOT, f))).toEqual([])
  const notNamespace = files.filter((f) => /^import\s+\{[^}]*\bz\b[^}]*\}\s+from\s+['"]zod\/mini['"]/m.test(fs.readFileSync(f, 'utf8')))
  expect(notNamespace.map((f) => path.relative(ROOT, f))).toEqual([])
  const usesAllLocales = files.filter((f) => /\bz\.locales\b/.test(fs.readFileSync(f, 'utf8')))
  expect(usesAllLocales.map((f) => path.relative(ROOT, f))).toEqual([])
  // and none of classic reached the bundle (its classes are named ZodString, ZodObject…; mini's ZodMiniString…)
  expect(bundleText).not.toMatch(/["'](ZodString|ZodObject|ZodNumber)["']/)
})

test('input errors come back in Chinese through the bundle', async () => {
  const res = await runAsCaller({ OPENID: DEMO.defaultResident.openid, APPID: 'local' }, () =>
    main({ action: 'org.updateProfile', data: { realName: 42 } }, {}),
  )
  expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  expect(JSON.stringify(res.error)).toMatch(/无效输入|期望/)
})

test("a QR code is drawn by the bundle (qrcode's core matrix and native zlib, from inside the bundle)", async () => {
  const X = DEMO.xingfuli
  const sec = DEMO.secretaryXingfuli.openid
  const call = async (openid: string, action: string, data: object) => {
    const res = await runAsCaller({ OPENID: openid, APPID: 'local' }, () => main({ action, data: { communityId: X, ...data } }, {}))
    if (!res.ok) throw new Error(`${action}: ${res.error.code} ${res.error.message}`)
    return res.data
  }
  const [sponsor] = await call(sec, 'points.setSponsor', { name: '打包测试共建单位', contact: '', warnBelow: 0, priority: 1 })
  await call(sec, 'points.fundSponsor', { sponsorId: sponsor.id, amount: 100, note: '测试', requestKey: 'bundle-fund-1' })
  const item = await call(sec, 'mall.upsertItem', {
    name: '测试品',
    kind: 'goods',
    description: '',
    photos: [],
    price: 10,
    stockDelta: 1,
    perPersonLimit: null,
    sponsorId: sponsor.id,
    active: true,
    pickupPlace: '服务中心',
    pickupHours: '工作日',
    pickupDays: 7,
  })
  await call(sec, 'points.grant', { userId: DEMO.defaultResident.id, amount: 10, reason: '志愿服务', requestKey: 'bundle-grant-1' })
  const order = await call(DEMO.defaultResident.openid, 'mall.redeem', { itemId: item.id, quantity: 1, requestKey: 'bundle-redeem-1' })
  const qr = await call(DEMO.defaultResident.openid, 'mall.pickupQr', { orderId: order.id })
  expect(qr.code).toBe(order.pickupCode)
  expect(qr.dataUrl).toMatch(/^data:image\/png;base64,iVBORw0KGgo/)
})

test('called as a demo person, the bundle answers org.me with that person', async () => {
  const res = await runAsCaller({ OPENID: DEMO.defaultResident.openid, APPID: 'local' }, () => main({ action: 'org.me' }, {}))
  expect(res).toMatchObject({ ok: true, data: { userId: DEMO.defaultResident.id, realName: '王秀英' } })
  expect(res.data.household.label).toBe('幸福里小区 1栋 1单元 302')
})

test('called by nobody, it answers UNAUTHENTICATED', async () => {
  const res = await runAsCaller({ OPENID: '' }, () => main({ action: 'org.me' }, {}))
  expect(res).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
})

test('package.json pins wx-server-sdk exactly and nothing else', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(FUNCTION_DIR, 'package.json'), 'utf8'))
  expect(pkg.name).toBe('api')
  expect(pkg.main).toBe('index.js')
  expect(pkg.dependencies).toEqual({ 'wx-server-sdk': '4.0.2' })
  expect(pkg.devDependencies).toBeUndefined()
})

test('config.json declares the timeout, the openapi permissions and one timer (every 10 minutes)', () => {
  const config = JSON.parse(fs.readFileSync(path.join(FUNCTION_DIR, 'config.json'), 'utf8'))
  expect(config.timeout).toBe(20)
  expect([...config.permissions.openapi].sort()).toEqual(
    [
      'phonenumber.getPhoneNumber',
      'security.imgSecCheck',
      'security.mediaCheckAsync',
      'security.msgSecCheck',
      'subscribeMessage.send',
      'wxacode.getUnlimited',
    ].sort(),
  )
  expect(config.triggers).toEqual([{ name: 'tick', type: 'timer', config: '0 */10 * * * * *' }])
  expect(config.triggers[0].config.split(' ')).toHaveLength(7)
})

test('the deploy folder holds no TypeScript entry beside index.js (it would break the deploy)', () => {
  const entries = fs.readdirSync(FUNCTION_DIR)
  expect(entries).toContain('index.js')
  expect(entries.filter((e) => /\.ts$/.test(e))).toEqual([])
})

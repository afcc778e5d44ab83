/**
 * The deployable cloud function: `npm run build:cloud` produces cloudfunctions/api/index.js, and that
 * bundle — not the TypeScript sources — answers through the real wx-server-sdk on the local cloud.
 * Also pins what WeChat DevTools deploys beside it: package.json and config.json.
 */
import * as fs from 'fs'
import * as path from 'path'
import { builtinModules } from 'module'
import { buildCloud, FUNCTION_DIR, OUTFILE } from '../../scripts/build-cloud'
import { Engine, loadIndexManifest } from '../../local/engine'
import { installLocalCloud, runAsCaller } from '../../local/cloud'
import { DEMO, seedDemo } from '../../local/seed/demo'

type Main = (event: unknown, context: unknown) => Promise<any>

let engine: Engine
let main: Main
let bundleText: string

beforeAll(async () => {
  const built = await buildCloud({ quiet: true })
  expect(built.outfile).toBe(OUTFILE)
  bundleText = fs.readFileSync(OUTFILE, 'utf8')
  engine = await Engine.open({ dataDir: null, indexes: loadIndexManifest() })
  installLocalCloud(engine)
  await seedDemo(engine)
  // eslint-disable-next-line @typescript-eslint/no-require-imports
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
    ['phonenumber.getPhoneNumber', 'security.imgSecCheck', 'security.msgSecCheck', 'subscribeMessage.send', 'wxacode.getUnlimited'].sort(),
  )
  expect(config.triggers).toEqual([{ name: 'tick', type: 'timer', config: '0 */10 * * * * *' }])
  expect(config.triggers[0].config.split(' ')).toHaveLength(7)
})

test('the deploy folder holds no TypeScript entry beside index.js (it would break the deploy)', () => {
  const entries = fs.readdirSync(FUNCTION_DIR)
  expect(entries).toContain('index.js')
  expect(entries.filter((e) => /\.ts$/.test(e))).toEqual([])
})

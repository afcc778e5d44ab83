/**
 * Privacy declarations of the real mini-program build (dist/weapp). Since 2022-07-14 WeChat refuses the
 * location APIs that app.json does not declare in `requiredPrivateInfos` ("getLocation:fail the api need to
 * be declared in the requiredPrivateInfos field in app.json/ext.json"), and each declared one must be applied
 * for in the admin console, so the build declares exactly what its code calls. The list is WeChat's
 * (requiredPrivateInfos in the app.json reference, the same 8 in Taro's AppConfig typings).
 * The privacy guide page says what location is used for.
 */
import fs from 'node:fs'
import path from 'node:path'
import { ensureBuilt } from '../support/build'
import { openTestCloud, type TestCloud } from '../support/cloud'
import { P, seedFixtures } from '../support/fixtures'
import { startWeapp } from './harness'

jest.setTimeout(120_000)

/** The APIs WeChat wants declared in requiredPrivateInfos. */
const PRIVATE_APIS = [
  'getFuzzyLocation',
  'getLocation',
  'onLocationChange',
  'startLocationUpdate',
  'startLocationUpdateBackground',
  'chooseLocation',
  'choosePoi',
  'chooseAddress',
]
/** getFuzzyLocation cannot be declared together with any of these (the build tool refuses it). */
const PRECISE = ['getLocation', 'onLocationChange', 'startLocationUpdate', 'startLocationUpdateBackground']
/** The permission scope whose purpose (desc) WeChat shows when asking. */
const SCOPE: Record<string, string> = {
  getFuzzyLocation: 'scope.userFuzzyLocation',
  getLocation: 'scope.userLocation',
  onLocationChange: 'scope.userLocation',
  startLocationUpdate: 'scope.userLocation',
  startLocationUpdateBackground: 'scope.userLocationBackground',
}

let dist: string
let cloud: TestCloud

beforeAll(async () => {
  dist = await ensureBuilt('weapp')
  cloud = await openTestCloud({ dataDir: null })
  await seedFixtures(cloud.engine)
}, 400_000)
afterAll(async () => {
  await cloud?.close()
})

function jsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    return e.isDirectory() ? jsFiles(p) : e.name.endsWith('.js') ? [p] : []
  })
}

/**
 * The private APIs the built code calls: `x.getLocation(` or `x["getLocation"](`. Taro's runtime also lists
 * every wx API name as a string (to promisify them); a name in a list is not a call, so it does not count.
 */
function calledPrivateApis(): Map<string, string[]> {
  const used = new Map<string, string[]>()
  const re = new RegExp(`(?:\\.\\s*(${PRIVATE_APIS.join('|')})|\\[\\s*["'](${PRIVATE_APIS.join('|')})["']\\s*\\])\\s*\\(`, 'g')
  for (const f of jsFiles(dist)) {
    const src = fs.readFileSync(f, 'utf8')
    for (const m of src.matchAll(re)) {
      const api = m[1] ?? m[2]
      used.set(api, [...(used.get(api) ?? []), path.relative(dist, f)])
    }
  }
  return used
}

test('every location API the build calls is declared in app.json requiredPrivateInfos, and nothing else is', () => {
  const app = JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8'))
  const declared: string[] = app.requiredPrivateInfos ?? []
  const used = calledPrivateApis()
  // The scan finds the check-in location (a scan that finds nothing would pass anything).
  expect(used.get('getLocation')).toEqual(expect.arrayContaining(['packages/party/pages/scan/index.js']))
  const undeclared = [...used.keys()].filter((api) => !declared.includes(api))
  expect(undeclared.map((api) => `${api} (called in ${used.get(api)!.join(', ')})`)).toEqual([])
  expect(declared.filter((api) => !used.has(api))).toEqual([])
  for (const api of declared) expect(PRIVATE_APIS).toContain(api)
  if (declared.includes('getFuzzyLocation')) expect(declared.filter((a) => PRECISE.includes(a))).toEqual([])
  // Each scope asked for says why, in at most 30 characters.
  for (const scope of new Set(declared.map((a) => SCOPE[a]).filter(Boolean))) {
    const desc: string | undefined = app.permission?.[scope]?.desc
    expect({ scope, desc: typeof desc === 'string' && desc.length > 0 && Array.from(desc).length <= 30 }).toEqual({ scope, desc: true })
  }
})

test('the privacy guide page says what location is used for', async () => {
  const weapp = startWeapp(dist, async ({ data }) => cloud.raw(P.resident.openid, data))
  const page = weapp.openPage('pages/privacy/index')
  const text = await page.waitForText(['我们收集什么', '位置信息', '签到'])
  expect(text).toMatch(/位置信息.*不保存/)
  page.detach()
})

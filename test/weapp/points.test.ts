/**
 * 积分超市 in the real mini-program build (dist/weapp) inside miniprogram-simulate, against the real
 * `api` function on the local engine: the secretary stocks the shelf (sponsor, budget, 100 points for
 * the demo resident, two items, one of them sold out), then the resident's supermarket page renders
 * the balance and the cards — name, kind, price, "剩 N 件" / "已兑完", the per-person limit.
 */
import fs from 'node:fs'
import path from 'node:path'
import { ensureBuilt } from '../support/build'
import { openTestCloud, type TestCloud } from '../support/cloud'
import { DEMO, seedDemo } from '../../local/seed/demo'
import { startWeapp, type WeappHarness } from './harness'

jest.setTimeout(120_000)

let dist: string
let cloud: TestCloud
let weapp: WeappHarness

beforeAll(async () => {
  dist = await ensureBuilt('weapp')
  cloud = await openTestCloud({ dataDir: null })
  await seedDemo(cloud.engine)
  const sec = DEMO.secretaryXingfuli.openid
  const communityId = DEMO.xingfuli
  const sponsors = await cloud.ok(sec, 'points.setSponsor', { communityId, name: '安居物业', warnBelow: 50 })
  const sponsorId = sponsors.find((s) => s.name === '安居物业')!.id
  await cloud.ok(sec, 'points.fundSponsor', { communityId, sponsorId, amount: 500, note: '年度爱心积分', requestKey: 'weapp-fund-01' })
  await cloud.ok(sec, 'points.grant', { communityId, userId: DEMO.defaultResident.id, amount: 100, reason: '志愿服务', requestKey: 'weapp-grant-01' })
  const base = {
    communityId,
    description: '',
    photos: [],
    perPersonLimit: null,
    pickupPlace: '党群服务中心',
    pickupHours: '工作日 9:00-17:00',
    pickupDays: 7,
    sponsorId,
    active: true,
  }
  await cloud.ok(sec, 'mall.upsertItem', { ...base, name: '理发服务', kind: 'service', price: 30, stockDelta: 3, perPersonLimit: 1 })
  const gone = await cloud.ok(sec, 'mall.upsertItem', { ...base, name: '挂面礼盒', kind: 'goods', price: 20, stockDelta: 1 })
  await cloud.ok(sec, 'mall.upsertItem', { ...base, itemId: gone.id, name: '挂面礼盒', kind: 'goods', price: 20, stockDelta: -1 })
  weapp = startWeapp(dist, async ({ name, data }) => {
    if (name !== 'api') return { ok: false, error: { code: 'NOT_FOUND', message: `no cloud function ${name}` } }
    return cloud.raw(DEMO.defaultResident.openid, data)
  })
}, 400_000)

afterAll(async () => {
  await cloud?.close()
})

test('the points subpackage holds the resident and secretary pages', () => {
  const app = JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8'))
  const points = app.subPackages.find((p: { root: string }) => p.root === 'packages/points')
  expect(points.pages).toEqual(
    expect.arrayContaining(['pages/index/index', 'pages/mine/index', 'pages/item/index', 'pages/order/index', 'pages/admin-verify/index']),
  )
  // Taro moves enableShareAppMessage from the page json into the page's config (it adds onShareAppMessage)
  const js = fs.readFileSync(path.join(dist, 'packages/points/pages/index/index.js'), 'utf8')
  expect(js).toContain('enableShareAppMessage:!0')
})

test('积分超市 shows my balance and the shelf, sold-out items said plainly', async () => {
  const mall = weapp.openPage('packages/points/pages/index/index')
  const text = await mall.waitForText(['我的积分', '100', '理发服务', '服务', '30', '剩 3 件', '每人限 1 件', '挂面礼盒', '已兑完'])
  expect(text).not.toContain('网络不太好')
  const actions = weapp.calls.map((c) => (c.data as { action: string }).action)
  expect(actions).toEqual(expect.arrayContaining(['points.balance', 'mall.items']))
  const items = weapp.calls.find((c) => (c.data as { action: string }).action === 'mall.items')!.data as { data: { communityId: string } }
  expect(items.data.communityId).toBe(DEMO.xingfuli)
  mall.detach()
})

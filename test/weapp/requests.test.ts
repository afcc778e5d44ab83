/**
 * 一键报修 in the real mini-program build (dist/weapp) inside miniprogram-simulate, against the real `api`
 * function on the local engine with the demo seed, as 幸福里's first grid worker (张伟, who also lives there):
 * the area is a subpackage with its pages and no dayjs in the main package; the form opens on its category
 * tiles (and the way to 微心愿); the worker's queue says it is empty, then — after a resident of his grid reports
 * a leak — shows the card with its clock and the big 受理 button.
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
  weapp = startWeapp(dist, async ({ name, data }) => {
    if (name !== 'api') return { ok: false, error: { code: 'NOT_FOUND', message: `no cloud function ${name}` } }
    return cloud.raw(DEMO.gridWorker.openid, data)
  })
}, 400_000)

afterAll(async () => {
  await cloud?.close()
})

const actions = () => weapp.calls.map((c) => c.data as { action: string; data: Record<string, unknown> })

test('the requests pages are a subpackage; nothing of the area (nor dayjs) in the main package', () => {
  const app = JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8'))
  const requests = app.subPackages.find((p: { root: string }) => p.root === 'packages/requests')
  expect(requests.pages).toEqual(
    expect.arrayContaining([
      'pages/index/index',
      'pages/mine/index',
      'pages/detail/index',
      'pages/queue/index',
      'pages/board/index',
      'pages/settings/index',
      'pages/grids/index',
      'pages/units/index',
      'pages/late/index',
    ]),
  )
  for (const f of ['common.js', 'app.js', 'vendors.js', 'pages/home/index.js']) {
    const code = fs.readFileSync(path.join(dist, f), 'utf8')
    expect(code).not.toContain('zh-cn')
    expect(code).not.toContain('遇到什么事了') // the form's words live in the subpackage
  }
})

test('一键报修 opens on the category tiles, with the way to 微心愿 for a personal need', async () => {
  const form = weapp.openPage('packages/requests/pages/index/index')
  const text = await form.waitForText(['遇到什么事了？', '报修', '安全隐患', '环境卫生', '邻里纠纷', '求助', '意见建议', '发微心愿', '我的诉求'])
  expect(text).toContain('水电、门窗、楼道灯')
  expect(text).not.toContain('即将开放')
  // The tiles in the contract's order (REQUEST_CATEGORIES).
  const at = ['报修', '安全隐患', '环境卫生', '邻里纠纷', '求助', '意见建议'].map((label) => text.indexOf(label))
  expect(at).toEqual([...at].sort((a, b) => a - b))
  form.detach()
})

test('the worker’s queue: empty, then (pulled down) a neighbour’s leak with its clock and 受理', async () => {
  const queue = weapp.openPage('packages/requests/pages/queue/index')
  await queue.waitForText('没有待办的诉求，辛苦了')
  expect(actions().find((a) => a.action === 'request.queue')?.data).toMatchObject({ communityId: DEMO.xingfuli, limit: 20 })

  // 王秀英 lives in 幸福里小区, the first grid: her report goes to 张伟.
  await cloud.ok(DEMO.defaultResident.openid, 'request.create', {
    communityId: DEMO.xingfuli,
    category: 'repair',
    urgency: 'urgent',
    description: '厨房水管漏水',
  })
  const page = (global as unknown as { getCurrentPages(): { onPullDownRefresh(): void }[] }).getCurrentPages().at(-1)!
  page.onPullDownRefresh()
  const text = await queue.waitForText(['厨房水管漏水', '待受理', '紧急', '受理'])
  expect(text).toMatch(/还有 \d+ 分钟受理/)
  expect(text).not.toContain('没有待办的诉求')
  queue.detach()
})

/**
 * 微心愿 in the real mini-program build (dist/weapp) inside miniprogram-simulate, against the real `api`
 * function on the local engine. Wishes are seeded through the function, as people would make them:
 * the resident posts three, the secretary approves them, a party member claims one and fulfils another,
 * which the resident confirms. The wall (the 心愿 tab, main package) then shows each card's title and
 * status label; the detail page (wish subpackage), opened the way a share card opens it, tells the story.
 */
import fs from 'node:fs'
import path from 'node:path'
import { ensureBuilt } from '../support/build'
import { openTestCloud, type TestCloud } from '../support/cloud'
import { DEMO, seedDemo } from '../../local/seed/demo'
import { TEMPLATES } from '../../types/templates'
import { startWeapp, type WeappHarness } from './harness'

jest.setTimeout(120_000)

const MEMBER = { id: 'u-zhang-wei', openid: 'demo-zhang-wei' }

let dist: string
let cloud: TestCloud
let weapp: WeappHarness
const ids: Record<string, string> = {}

beforeAll(async () => {
  dist = await ensureBuilt('weapp')
  cloud = await openTestCloud({ dataDir: null })
  await seedDemo(cloud.engine)
  const communityId = DEMO.xingfuli
  const res = DEMO.defaultResident.openid
  const sec = DEMO.secretaryXingfuli.openid
  const me = await cloud.ok(res, 'org.me')
  const buildingId = me.household!.buildingId
  const post = async (key: string, title: string, category: string) => {
    const w = await cloud.ok(res, 'wish.create', { communityId, title, description: `${title}，谢谢邻居们。`, category, buildingId })
    await cloud.ok(sec, 'wish.review', { communityId, wishId: w.id, approve: true })
    ids[key] = w.id
  }
  await post('open', '想找人陪我去社区医院复查', '助老')
  await post('claimed', '孙子的数学作业想请人辅导', '助学')
  await post('closed', '阳台晾衣架坏了想请人修', '生活帮扶')
  await cloud.ok(MEMBER.openid, 'wish.claim', { communityId, wishId: ids.claimed })
  await cloud.ok(MEMBER.openid, 'wish.claim', { communityId, wishId: ids.closed })
  await cloud.ok(MEMBER.openid, 'wish.fulfil', { communityId, wishId: ids.closed, proof: '换了新的晾衣架螺丝，已经修好' })
  await cloud.ok(res, 'wish.confirm', { communityId, wishId: ids.closed, stars: 5, thanks: '谢谢小张' })
  weapp = startWeapp(dist, async ({ name, data }) => {
    if (name !== 'api') return { ok: false, error: { code: 'NOT_FOUND', message: `no cloud function ${name}` } }
    return cloud.raw(res, data)
  })
}, 400_000)

afterAll(async () => {
  await cloud?.close()
})

test('the wish pages are where they should be, with pull-down refresh and share cards', () => {
  const app = JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8'))
  expect(app.pages).toContain('pages/wishes/index')
  const wish = app.subPackages.find((p: { root: string }) => p.root === 'packages/wish')
  expect(wish.pages).toEqual(expect.arrayContaining(['pages/detail/index', 'pages/post/index', 'pages/mine/index', 'pages/admin-review/index']))
  const wall = JSON.parse(fs.readFileSync(path.join(dist, 'pages/wishes/index.json'), 'utf8'))
  expect(wall.enablePullDownRefresh).toBe(true)
  expect(fs.readFileSync(path.join(dist, 'packages/wish/pages/detail/index.js'), 'utf8')).toContain('enableShareAppMessage:!0')
})

test('the built app asks for consent with the contract’s own template ids (types/templates.ts, imported, not copied)', () => {
  const src = fs.readFileSync(path.join(__dirname, '../../src/services/subscribe.ts'), 'utf8')
  expect(src).toMatch(/import \{ TEMPLATES[^}]*\} from '@contract\/templates'/)
  const root = path.join(__dirname, '../../dist/weapp')
  const built = (fs.readdirSync(root, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.js'))
    .map((f) => fs.readFileSync(path.join(root, f), 'utf8'))
    .join('\n')
  for (const t of Object.values(TEMPLATES)) expect(built).toContain(t.id)
})

test('心愿墙 shows the wishes with their titles and status labels', async () => {
  const wall = weapp.openPage('pages/wishes/index')
  const text = await wall.waitForText([
    '发布心愿',
    '想找人陪我去社区医院复查',
    '待认领',
    '孙子的数学作业想请人辅导',
    '已认领',
    '认领人：张*',
    '阳台晾衣架坏了想请人修',
    '已圆梦',
    '幸福里小区',
    '王*英',
  ])
  expect(text).not.toContain('网络不太好')
  expect(text).not.toContain('王秀英') // masked on the wall
  const list = weapp.calls.find((c) => (c.data as { action: string }).action === 'wish.list')!.data as { data: { communityId: string } }
  expect(list.data.communityId).toBe(DEMO.xingfuli)
  wall.detach()
})

test('a share-card path opens the wish with its story', async () => {
  const detail = weapp.openPage('packages/wish/pages/detail/index', { id: ids.closed, c: DEMO.xingfuli })
  await detail.waitForText([
    '阳台晾衣架坏了想请人修',
    '已圆梦',
    '心愿进展',
    '发布了心愿',
    '审核通过',
    '认领了心愿',
    '完成了心愿',
    '确认并评价',
    '换了新的晾衣架螺丝',
    '谢谢小张',
  ])
  detail.detach()
})

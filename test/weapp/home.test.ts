/**
 * The real mini-program build (dist/weapp) in miniprogram-simulate, talking to the real `api`
 * cloud function (cloudfunctions/api/src `main`) on the local engine with the demo seed:
 * wx.cloud.callFunction → main(event) as the caller's OPENID, as WeChat Cloud would run it.
 */
import fs from 'node:fs'
import path from 'node:path'
import { ensureBuilt } from '../support/build'
import { openTestCloud, type TestCloud } from '../support/cloud'
import { DEMO, seedDemo } from '../../local/seed/demo'
import type { Me } from '../../types/org'
import { startWeapp, type WeappHarness } from './harness'

const ROLE_LABELS: Record<string, string> = {
  resident: '居民',
  party_member: '党员',
  volunteer: '志愿者',
  building_head: '楼栋长',
  grid_worker: '网格员',
  secretary: '社区书记',
  street_admin: '街道管理员',
}

jest.setTimeout(120_000)

let dist: string
let cloud: TestCloud
let weapp: WeappHarness
let residentMe: Me

beforeAll(async () => {
  dist = await ensureBuilt('weapp')
  cloud = await openTestCloud({ dataDir: null })
  await seedDemo(cloud.engine)
  residentMe = await cloud.ok(DEMO.defaultResident.openid, 'org.me')
  weapp = startWeapp(dist, async ({ name, data }) => {
    if (name !== 'api') return { ok: false, error: { code: 'NOT_FOUND', message: `no cloud function ${name}` } }
    return cloud.raw(DEMO.defaultResident.openid, data)
  })
}, 400_000)

afterAll(async () => {
  await cloud?.close()
})

describe('app.json', () => {
  const appJson = () => JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8'))

  test('the four tabs are main-package pages with their icons', () => {
    const app = appJson()
    const tabs = app.tabBar.list.map((t: { pagePath: string; text: string }) => `${t.text}:${t.pagePath}`)
    expect(tabs).toEqual(['首页:pages/home/index', '心愿:pages/wishes/index', '议事:pages/council/index', '我的:pages/me/index'])
    for (const t of app.tabBar.list) {
      expect(app.pages).toContain(t.pagePath)
      expect(fs.existsSync(path.join(dist, t.iconPath))).toBe(true)
      expect(fs.existsSync(path.join(dist, t.selectedIconPath))).toBe(true)
    }
  })

  test('every area is its own subpackage, with its pages built', () => {
    const app = appJson()
    const roots = app.subPackages.map((p: { root: string }) => p.root).sort()
    expect(roots).toEqual([
      'packages/admin',
      'packages/council',
      'packages/party',
      'packages/points',
      'packages/requests',
      'packages/services',
      'packages/wish',
    ])
    const admin = app.subPackages.find((p: { root: string }) => p.root === 'packages/admin')
    expect(admin.pages).toEqual(expect.arrayContaining(['pages/members/index', 'pages/member/index', 'pages/audit/index']))
    for (const p of app.subPackages) {
      expect(p.independent).toBeFalsy()
      for (const page of p.pages) expect(fs.existsSync(path.join(dist, p.root, `${page}.js`))).toBe(true)
    }
  })

  test('no zod and no local-only identity switcher in the mini-program', () => {
    const files: string[] = []
    const walk = (d: string) =>
      fs.readdirSync(d, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : files.push(path.join(d, e.name))))
    walk(dist)
    const js = files
      .filter((f) => f.endsWith('.js'))
      .map((f) => fs.readFileSync(f, 'utf8'))
      .join('\n')
    expect(js).not.toMatch(/ZodError|zod\.dev/)
    expect(js).not.toContain('/dev/people')
  })
})

describe('首页 in the simulator', () => {
  test('greets the demo resident by nickname, shows the entry grid and the community card', async () => {
    const home = weapp.openPage('pages/home/index')
    const community = residentMe.roles[0]?.communityName ?? ''
    expect(community).not.toBe('')
    const text = await home.waitForText([residentMe.nickname, '微心愿', '双报到', '议事厅', '积分超市', '服务预约', '一键报修', `欢迎回到${community}`])
    // the community card comes from org.tree of the resident's community
    await home.waitForText(['共建单位', '户'])
    expect(text).not.toContain('网络不太好')
    // one shared login, whoever asked for it first
    const actions = weapp.calls.map((c) => (c.data as { action: string }).action)
    expect(actions.filter((a) => a === 'org.login')).toHaveLength(1)
    expect(actions).toContain('org.tree')
    expect(weapp.calls.every((c) => c.name === 'api')).toBe(true)
    home.detach()
  })

  test('我的 shows the resident’s roles per community and a masked phone', async () => {
    const me = weapp.openPage('pages/me/index')
    const want = residentMe.roles.map((r) => `${r.communityName} · ${ROLE_LABELS[r.role]}`)
    const text = await me.waitForText(['我的身份', '长辈模式', ...want])
    expect(text).not.toContain('成员与角色') // not a secretary
    if (residentMe.phone) expect(text).toMatch(/\d{3}\*{4}\d{4}/)
    me.detach()
  })
})

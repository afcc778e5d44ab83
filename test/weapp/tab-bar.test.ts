/**
 * The tab bar in the real mini-program build (dist/weapp): WeChat's own tab bar keeps 10 px labels whatever
 * the app asks, so app.json declares a custom one (`tabBar.custom`, the list kept complete) and
 * custom-tab-bar/ is the app's component. In miniprogram-simulate, as 李建国 (elder mode in his profile): it
 * shows the four tabs with their icons, marks the tab page it sits under, takes the elder modifier, and its
 * own stylesheet (a custom component sees none of app.wxss) makes elder labels 18 px and icons 30 px.
 * (The simulator applies no stylesheet, so sizes are read from the built wxss; the browser test measures them.)
 */
import fs from 'node:fs'
import path from 'node:path'
import { ensureBuilt } from '../support/build'
import { openTestCloud, type TestCloud } from '../support/cloud'
import { seedDemo } from '../../local/seed/demo'
import type { Me } from '../../types/org'
import { startWeapp, type WeappHarness } from './harness'

jest.setTimeout(120_000)

const ELDER = 'demo-li-jianguo'

let dist: string
let cloud: TestCloud
let weapp: WeappHarness

beforeAll(async () => {
  dist = await ensureBuilt('weapp')
  cloud = await openTestCloud({ dataDir: null })
  await seedDemo(cloud.engine)
  expect(((await cloud.ok(ELDER, 'org.me')) as Me).elderMode).toBe(true)
  weapp = startWeapp(dist, async ({ data }) => cloud.raw(ELDER, data))
}, 400_000)

afterAll(async () => {
  await cloud?.close()
})

test('app.json hands the tab bar to custom-tab-bar/, a component, and keeps the list complete', () => {
  const app = JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8'))
  expect(app.tabBar.custom).toBe(true)
  expect(app.tabBar.list.map((t: { text: string }) => t.text)).toEqual(['首页', '心愿', '议事', '我的'])
  expect(JSON.parse(fs.readFileSync(path.join(dist, 'custom-tab-bar/index.json'), 'utf8'))).toMatchObject({ component: true })
  for (const f of ['index.js', 'index.wxml', 'index.wxss']) expect(fs.existsSync(path.join(dist, 'custom-tab-bar', f))).toBe(true)
})

test('its own stylesheet makes elder-mode labels 18 px and icons 30 px (PX: not scaled with the screen)', () => {
  const wxss = fs.readFileSync(path.join(dist, 'custom-tab-bar/index.wxss'), 'utf8')
  expect(wxss).toMatch(/\.tab-bar--elder \.tab-bar__label\{[^}]*font-size:18PX/)
  expect(wxss).toMatch(/\.tab-bar--elder \.tab-bar__icon\{[^}]*height:30PX[^}]*width:30PX/)
})

test('under 我的, as someone in elder mode: four tabs with icons, 我的 marked, the elder modifier on', async () => {
  // WeChat creates the tab bar with its tab page; the page is the last of getCurrentPages by then.
  const me = weapp.openPage('pages/me/index')
  await me.waitForText(['长辈模式'])

  const simulate = require('miniprogram-simulate')
  const bar = simulate.render(simulate.load(path.join(dist, 'custom-tab-bar/index'), 'custom-tab-bar', { rootPath: dist }))
  const parent = document.createElement('parent-wrapper')
  document.body.appendChild(parent)
  bar.attach(parent)
  const deadline = Date.now() + 10_000
  const html = () => String(bar.dom.innerHTML ?? '')
  while (!(html().includes('tab-bar--elder') && html().includes('tab-bar__item--on')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
  const text = String(bar.dom.textContent ?? '')
  for (const label of ['首页', '心愿', '议事', '我的']) expect(text).toContain(label)
  expect(html()).toContain('tab-bar--elder')
  // The simulator scopes a component's classes by its tag, as WeChat isolates its styles.
  const on = bar.dom.querySelectorAll('.custom-tab-bar--tab-bar__item--on')
  expect(Array.from(on).map((e) => (e as Element).textContent)).toEqual(['我的'])
  // Image sources are in the data Taro hands to the template (the simulated <image> draws nothing).
  const data = JSON.stringify(bar.data)
  for (const icon of ['home', 'wishes', 'council', 'me-active']) {
    expect(data).toContain(`/assets/tab/${icon}.png`)
    expect(fs.existsSync(path.join(dist, 'assets/tab', `${icon}.png`))).toBe(true)
  }
  bar.detach()
  me.detach()
})

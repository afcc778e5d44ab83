/**
 * The H5 build has the title bar WeChat draws natively (src/components/NavBar.tsx): every sub-page shows its
 * title (its index.config.ts navigationBarTitleText) and a back arrow that goes back; a sub-page opened by
 * its address goes to 首页 instead; tab pages have none (the tab bar is their way around); elder mode
 * enlarges it. Also: the admin pages built from the shared parts render their lists (PagedList) and say
 * plainly when there is nothing (EmptyState with its drawn picture).
 */
import type { Page } from 'playwright-core'
import { agreeIfAsked, expectContains, measure, openRoute, phoneContext, shot, startE2E, switchTo, type E2E } from '../support/e2e'
import { DEMO } from '../../local/seed/demo'
import type { Me } from '../../types/org'

jest.setTimeout(240_000)

let e2e: E2E
let page: Page

beforeAll(async () => {
  e2e = await startE2E()
  page = await (await phoneContext(e2e.browser)).newPage()
  page.setDefaultTimeout(15_000)
}, 300_000)

afterAll(async () => {
  await e2e?.close()
})

const visibleBar = () => page.locator('#nav-bar:visible')

test('a sub-page shows its title and a back arrow that goes back; tab pages have no bar', async () => {
  const secretary = e2e.people.find((p) => p.roles.some((r) => r.role === 'secretary' && r.communityId === DEMO.xingfuli))!
  await switchTo(page, e2e.url, secretary.openid)

  // 我的 is a tab page: no title bar.
  await page.locator('.weui-tabbar__item', { hasText: '我的' }).click()
  await page.locator('#entry-members:visible').waitFor()
  expect(await visibleBar().count()).toBe(0)

  // 成员与角色: its title and the back arrow.
  await page.locator('#entry-members:visible').click()
  await page.locator('.member:visible').first().waitFor()
  await expectContains(page.locator('#nav-title:visible'), '成员与角色')
  await page.locator('#nav-back:visible').waitFor()
  await shot(page, 'navbar-members')

  // One more level: 成员详情, then back to 成员与角色, then back to 我的.
  await page.locator('.member:visible').first().click()
  await expectContains(page.locator('#nav-title:visible'), '成员详情')
  await page.locator('#member-detail:visible').waitFor()
  await page.locator('#nav-back:visible').click()
  await page.locator('.taro_page[id^="/packages/admin/pages/member/"]').waitFor({ state: 'detached' })
  await expectContains(page.locator('#nav-title:visible'), '成员与角色')
  await page.locator('#nav-back:visible').click()
  await page.locator('.taro_page[id^="/packages/admin/pages/members/"]').waitFor({ state: 'detached' })
  await page.locator('#entry-members:visible').waitFor()
  expect(await visibleBar().count()).toBe(0)
})

test('a sub-page opened by its address goes to 首页; elder mode enlarges the bar; an empty list says so with its picture', async () => {
  const secretary = e2e.people.find((p) => p.roles.some((r) => r.role === 'secretary' && r.communityId === DEMO.xingfuli))!
  await switchTo(page, e2e.url, secretary.openid)
  await e2e.api<Me>(secretary.openid, 'org.updateProfile', { elderMode: true })

  await openRoute(page, e2e.url, `/packages/admin/pages/messages/index?communityId=${DEMO.xingfuli}`)
  await agreeIfAsked(page)
  await expectContains(page.locator('#nav-title:visible'), '未送达的消息')
  await page.locator('.page.elder:visible').waitFor()
  const title = await measure(page, '#nav-title')
  expect(title.fontSize).toBeGreaterThanOrEqual(18)
  const back = await measure(page, '#nav-back')
  expect(back.height).toBeGreaterThanOrEqual(44)

  // Nothing undelivered in the fresh demo: the empty state, with its drawn picture, not a hollow ○.
  await expectContains(page.locator('#undelivered-list:visible'), '没有未送达的消息')
  const art = await measure(page, '#undelivered-list .empty-art')
  expect(art.height).toBeGreaterThan(40)
  await shot(page, 'navbar-messages-elder')

  await page.locator('#nav-back:visible').click()
  await page.locator('#home-greeting:visible').waitFor()
  expect(await visibleBar().count()).toBe(0)
  await e2e.api<Me>(secretary.openid, 'org.updateProfile', { elderMode: false })
})

test('the street admin has a street home and a community picker, and can open any community of the street', async () => {
  const admin = DEMO.streetAdmin
  await switchTo(page, e2e.url, admin.openid)

  // 我的 → 街道工作台: both communities of 青山街道, with what waits in each.
  await page.locator('.weui-tabbar__item', { hasText: '我的' }).click()
  await page.locator('#entry-street:visible').click()
  await expectContains(page.locator('#nav-title:visible'), '街道工作台')
  await expectContains(page.locator('#street-name:visible'), '青山街道')
  await page.locator(`#street-${DEMO.xingfuli}:visible`).waitFor()
  await page.locator(`#street-${DEMO.heping}:visible`).waitFor()
  await shot(page, 'street-home')

  // Open 和平社区's 住址确认 from the street home: the page is on 和平, and the picker says so.
  await page.locator(`#street-${DEMO.heping} >> text=住址确认`).click()
  await expectContains(page.locator('#nav-title:visible'), '住址确认')
  await expectContains(page.locator('#community-picker-current:visible'), '和平社区')

  // Switch to 幸福里社区 with the picker: the same page, now on 幸福里.
  await page.locator('#community-picker-switch:visible').click()
  await page.locator(`#community-${DEMO.xingfuli}:visible`).click()
  await expectContains(page.locator('#community-picker-current:visible'), '幸福里社区')
  await shot(page, 'street-picker')
})

/**
 * The H5 build in a real browser (Debian's Chromium through playwright-core) against the local
 * stack with the demo seed: a resident opens the app, sees the home page and their roles on 我的;
 * switches identity to the secretary and finds 成员与角色 with masked names; turns on elder
 * mode and the text and tap targets really are big (computed styles, not class names).
 */
import type { Page } from 'playwright-core'
import { agreeIfAsked as agree, expectContains, measure as measureOf, phoneContext, shot as shotOf, startE2E, type DevPerson, type E2E } from '../support/e2e'
import { DEMO } from '../../local/seed/demo'
import type { Me } from '../../types/org'
import type { Role } from '../../types/common'

jest.setTimeout(240_000)

const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  party_member: '党员',
  volunteer: '志愿者',
  building_head: '楼栋长',
  grid_worker: '网格员',
  unit_staff: '单位工作人员',
  secretary: '社区书记',
  street_admin: '街道管理员',
}

let e2e: E2E
let page: Page
let people: DevPerson[]

const apiAs = <T>(openid: string, action: string, data: object = {}) => e2e.api<T>(openid, action, data)
const agreeIfAsked = () => agree(page)
const shot = (name: string, fullPage = false) => shotOf(page, name, fullPage)
const measure = (selector: string) => measureOf(page, selector)

async function openTab(label: string) {
  await page.locator('.tab-bar__item:visible', { hasText: label }).click()
}

beforeAll(async () => {
  e2e = await startE2E()
  people = e2e.people
  page = await (await phoneContext(e2e.browser)).newPage()
  page.setDefaultTimeout(15_000)
}, 300_000)

afterAll(async () => {
  await e2e?.close()
})

test('a resident, then the secretary, then elder mode — in the H5 build', async () => {
  expect(people.length).toBeGreaterThan(1)
  const resident = people[0]
  const secretary = people.find((p) => p.roles.some((r) => r.role === 'secretary'))
  expect(secretary).toBeDefined()
  const residentMe = await apiAs<Me>(resident.openid, 'org.login')

  // 首页 as the default resident (nobody chosen in the switcher yet)
  await page.goto(e2e.url)
  await agreeIfAsked()
  await see(page.locator('#home-greeting')).toContainText(residentMe.nickname)
  for (const entry of ['微心愿', '双报到', '议事厅', '积分超市', '服务预约', '一键报修']) {
    await page.locator('.home__entry:visible', { hasText: entry }).waitFor()
  }
  await page.locator('#home-community:visible').waitFor()
  await shot('1-home-resident')

  // 我的: the resident's roles, "社区 · 角色"
  await openTab('我的')
  const roles = page.locator('#me-roles:visible')
  for (const r of residentMe.roles) await see(roles).toContainText(`${r.communityName} · ${ROLE_LABELS[r.role]}`)
  expect(await page.locator('#entry-members:visible').count()).toBe(0)

  // switch to the secretary
  await page.locator('#id-switcher-open:visible').click()
  await page.locator(`.id-switcher__person[data-openid="${secretary!.openid}"]`).click()
  await page.waitForLoadState('load')
  await agreeIfAsked()
  await see(page.locator('#me-roles:visible')).toContainText('社区书记')
  await page.locator('#entry-members:visible').waitFor()
  await shot('2-me-secretary')

  // 成员与角色: masked names
  await page.locator('#entry-members:visible').click()
  await page.locator('.member:visible').first().waitFor()
  const names = await page.locator('.member__name:visible').allTextContents()
  expect(names.length).toBeGreaterThan(0)
  expect(names.some((n) => n.includes('*'))).toBe(true)
  await shot('3-members')

  // elder mode on 我的
  await page.goBack()
  // Taro H5 slides the page out; wait until it is gone before touching 我的
  await page.locator('.taro_page[id^="/packages/admin/pages/members"]').waitFor({ state: 'detached' })
  await page.locator('#elder-row:visible').waitFor()
  expect(await page.locator('.page.elder:visible').count()).toBe(0)
  await page.locator('#elder-row:visible .me__elder-title').click()
  await page.locator('.page.elder:visible').waitFor()
  const body = await measure('.page.elder')
  expect(body.fontSize).toBeGreaterThanOrEqual(18)
  const roleText = await measure('#me-roles .me__role')
  expect(roleText.fontSize).toBeGreaterThanOrEqual(18)
  const row = await measure('#elder-row')
  expect(row.height).toBeGreaterThanOrEqual(60)
  const note = await measure('.me__elder-note')
  expect(note.fontSize).toBeGreaterThanOrEqual(18)
  await shot('4-me-elder')

  // elder mode everywhere: 首页 entries and the admin search button
  await openTab('首页')
  await page.locator('.page.elder:visible').waitFor()
  const entry = await measure('.home__entry-text')
  expect(entry.fontSize).toBeGreaterThanOrEqual(18)
  const tile = await measure('.home__entry')
  expect(tile.height).toBeGreaterThanOrEqual(60)
  await shot('5-home-elder')

  await openTab('我的')
  await page.locator('#entry-members:visible').click()
  await page.locator('.member:visible').first().waitFor()
  const search = await measure('.admin__search .btn')
  expect(search.height).toBeGreaterThanOrEqual(60)
  expect(search.fontSize).toBeGreaterThanOrEqual(18)
  const memberName = await measure('.member__name')
  expect(memberName.fontSize).toBeGreaterThanOrEqual(18)
  await shot('6-members-elder')

  // the choice was saved to the profile, so it follows the person
  const saved = await apiAs<Me>(secretary!.openid, 'org.me')
  expect(saved.elderMode).toBe(true)
})

test('someone who has not agreed to the privacy guide can refuse, browse, and agree later', async () => {
  const person = people.find((p) => p.openid === DEMO.noConsent.openid)
  expect(person).toBeDefined()
  expect((await apiAs<Me>(person!.openid, 'org.me')).privacy.needsConsent).toBe(true)

  await page.goto(e2e.url)
  await page.locator('#id-switcher-open:visible').click()
  await page.locator(`.id-switcher__person[data-openid="${person!.openid}"]`).click()
  await page.waitForLoadState('load')

  // the modal says what is collected and why
  const modal = page.locator('#privacy-consent')
  await see(modal).toContainText('手机号（可选）')
  await see(modal).toContainText('住址（门牌）')
  await page.locator('#privacy-decline').click()
  await modal.waitFor({ state: 'detached' })

  // refused: still browsable, with a banner to agree later
  await page.locator('.home__entry:visible', { hasText: '微心愿' }).waitFor()
  const banner = page.locator('#consent-banner:visible')
  await see(banner).toContainText('只能浏览')
  await shot('7-declined')
  expect((await apiAs<Me>(person!.openid, 'org.me')).privacy.needsConsent).toBe(true)

  await banner.locator('.btn').click()
  await page.locator('#privacy-agree').click()
  await banner.waitFor({ state: 'detached' })
  const after = await apiAs<Me>(person!.openid, 'org.me')
  expect(after.privacy.needsConsent).toBe(false)
  expect(after.privacy.version).toBe(after.privacy.current)
})

// waiting assertions for locators (playwright-core ships no test runner)
function see(locator: ReturnType<Page['locator']>) {
  return { toContainText: (t: string) => expectContains(locator, t) }
}

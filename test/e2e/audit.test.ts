/**
 * 操作记录 in the H5 build, in Chromium, against the local stack with the bare demo street: the secretary
 * (刘桂芳) approves a resident's wish in 心愿审核 and grants the resident 志愿者; 我的 → 操作记录 then says
 * each in Chinese — who, the action's words, the object by its title or masked name, the changed field with
 * its Chinese label and values — and nowhere a code name (wish.review, under_review, status) or an id.
 * In elder mode the entries are large.
 * Screens for the eyes: /tmp/community-e2e/audit-*.png
 */
import type { Locator, Page } from 'playwright-core'
import { expectContains, measure, phoneContext, shot, startE2E, switchTo, type E2E } from '../support/e2e'
import type { Page as ApiPage } from '../../types/common'
import type { AuditEntry } from '../../types/org'
import type { WishDetail } from '../../types/wish'

const C = 'c-xingfuli'
const SECRETARY = 'demo-liu-guifang'
const RESIDENT = 'demo-wang-xiuying'
const RESIDENT_ID = 'u-wang-xiuying'
const TITLE = '想请人帮忙修一下阳台晾衣架'

jest.setTimeout(240_000)

let e2e: E2E
let page: Page
const errors: string[] = []
const apiAs = <T>(openid: string, action: string, data: object = {}) => e2e.api<T>(openid, action, data)

beforeAll(async () => {
  e2e = await startE2E()
  page = await (await phoneContext(e2e.browser)).newPage()
  page.setDefaultTimeout(15_000)
  page.on('pageerror', (e) => errors.push(e.message))
}, 300_000)

afterAll(async () => {
  await e2e?.close()
})

/** The 操作记录 card of the newest entry whose text has `what` (the action's words). */
const entry = (what: string): Locator => page.locator('#audit-list .audit--entry:visible', { has: page.locator('.audit__what', { hasText: what }) }).first()

test('the secretary approves a wish and grants a role; 操作记录 says both in Chinese', async () => {
  // the resident posts a wish, through the function
  const { categories } = await apiAs<{ categories: string[] }>(SECRETARY, 'wish.settings', { communityId: C })
  const wish = await apiAs<WishDetail>(RESIDENT, 'wish.create', {
    communityId: C,
    title: TITLE,
    description: `${TITLE}，晾衣架摇不动了，白天都在家。`,
    category: categories[0],
    buildingId: 'b-xingfuli-yuan-1',
  })
  expect(wish.status).toBe('under_review')

  // the secretary approves it in 心愿审核, in the browser
  await switchTo(page, e2e.url, SECRETARY)
  await page.locator('.tab-bar__item:visible', { hasText: '我的' }).click()
  await page.locator('#entry-wish-review:visible').click()
  const queued = page.locator(`.wish-card[data-id="${wish.id}"]:visible`)
  await expectContains(queued, TITLE)
  await queued.locator('.review-approve').click()
  await queued.waitFor({ state: 'detached' })
  // … and grants the resident 志愿者 (成员与角色 does the same call)
  await apiAs(SECRETARY, 'org.assignRole', { communityId: C, userId: RESIDENT_ID, role: 'volunteer' })
  const log = await apiAs<ApiPage<AuditEntry>>(SECRETARY, 'org.audit', { communityId: C })
  const granted = log.items.find((a) => a.action === 'org.assignRole')!
  expect(granted.resource.label).toMatch(/\*/) // the person's masked name

  // 我的 → 操作记录
  await page.goBack()
  await page.locator('#entry-audit:visible').click()
  const list = page.locator('#audit-list:visible')
  await list.locator('.audit--entry').first().waitFor()

  const approved = entry('审核心愿')
  await expectContains(approved, `心愿「${TITLE}」`)
  await expectContains(approved.locator('.audit__who'), '*') // the secretary, masked
  const change = approved.locator('.audit__change', { has: page.locator('.audit__label', { hasText: '状态' }) })
  await expectContains(change.locator('.audit__value'), '审核中 → 待认领')
  await expectContains(approved.locator('.audit__when'), '月')

  const role = entry('授予角色')
  await expectContains(role.locator('.audit__object'), `居民「${granted.resource.label}」`)
  await expectContains(role, '角色')
  await expectContains(role, '新增「志愿者」')
  await shot(page, 'audit-1-entries')

  // nowhere a code name, a field name, an id or JSON
  const shown = (await list.textContent()) ?? ''
  expect(shown).not.toMatch(/\b[a-z]+\.[a-zA-Z]+\b/) // wish.review, org.assignRole
  for (const code of ['under_review', 'status', 'roles', 'reason', 'null', wish.id, RESIDENT_ID, '{', '"']) expect(shown).not.toContain(code)

  // elder mode: the entries are large
  await apiAs(SECRETARY, 'org.updateProfile', { elderMode: true })
  await page.reload()
  await page.locator('.page.elder:visible').waitFor()
  await entry('审核心愿').waitFor()
  expect((await measure(page, '#audit-list .audit__what')).fontSize).toBeGreaterThanOrEqual(20)
  expect((await measure(page, '#audit-list .audit__who')).fontSize).toBeGreaterThanOrEqual(20)
  expect((await measure(page, '#audit-list .audit__change')).fontSize).toBeGreaterThanOrEqual(18)
  expect((await measure(page, '#audit-list .audit__when')).fontSize).toBeGreaterThanOrEqual(18)
  await shot(page, 'audit-2-elder')

  expect(errors).toEqual([])
})

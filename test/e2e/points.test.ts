/**
 * The points supermarket in the H5 build, in Chromium, against the local stack with the demo seed.
 * The secretary prepares the shelf through the function (a sponsor, its budget, 100 points for the
 * default resident, a stocked item); then in the browser the resident (in elder mode, as many of
 * them are) opens 积分超市 from 首页, opens the item, redeems one and gets a pickup code; the
 * secretary types that code at 核销取货 and is told, big and green, what to hand over. The function
 * confirms the order is picked up and the resident paid exactly the price.
 */
import type { Page } from 'playwright-core'
import { agreeIfAsked as agree, expectContains, measure as measureOf, phoneContext, shot as shotOf, startE2E, type DevPerson, type E2E } from '../support/e2e'
import type { Me } from '../../types/org'
import type { BalanceView, ItemView, OrderView, SponsorView } from '../../types/points'
import type { Page as ApiPage } from '../../types/common'

jest.setTimeout(240_000)

let e2e: E2E
let page: Page
let people: DevPerson[]

const apiAs = <T>(openid: string, action: string, data: object = {}) => e2e.api<T>(openid, action, data)
const agreeIfAsked = () => agree(page)
const shot = (name: string, fullPage = false) => shotOf(page, name, fullPage)
const measure = (selector: string) => measureOf(page, selector)

beforeAll(async () => {
  e2e = await startE2E()
  people = e2e.people
  page = await (await phoneContext(e2e.browser)).newPage()
  page.setDefaultTimeout(15_000)
}, 300_000)

afterAll(async () => {
  await e2e?.close()
})

test('a resident redeems an item and the secretary hands it over at the counter', async () => {
  const resident = people[0]
  const secretary = people.find((p) => p.roles.some((r) => r.role === 'secretary'))!
  expect(secretary).toBeDefined()
  const residentMe = await apiAs<Me>(resident.openid, 'org.login')
  const communityId = residentMe.household?.communityId ?? residentMe.roles[0].communityId
  expect(secretary.roles.some((r) => r.role === 'secretary' && r.communityId === communityId)).toBe(true)

  // ---- the secretary stocks the supermarket, through the function ----
  const sponsors = await apiAs<SponsorView[]>(secretary.openid, 'points.setSponsor', { communityId, name: '工商银行青山支行', warnBelow: 100 })
  const sponsor = sponsors.find((s) => s.name === '工商银行青山支行')!
  await apiAs(secretary.openid, 'points.fundSponsor', {
    communityId,
    sponsorId: sponsor.id,
    amount: 1000,
    note: '2026 年爱心积分',
    requestKey: 'e2e-fund-0001',
  })
  await apiAs(secretary.openid, 'points.grant', {
    communityId,
    userId: residentMe.userId,
    amount: 100,
    reason: '重阳节志愿服务',
    sponsorId: sponsor.id,
    requestKey: 'e2e-grant-0001',
  })
  const item = await apiAs<ItemView>(secretary.openid, 'mall.upsertItem', {
    communityId,
    name: '洗衣液',
    kind: 'goods',
    description: '2 公斤装，香味淡，老人小孩的衣服都能洗。',
    photos: [],
    price: 60,
    stockDelta: 5,
    perPersonLimit: 2,
    pickupPlace: '幸福里社区党群服务中心一楼',
    pickupHours: '周一至周五 9:00–17:00',
    pickupDays: 7,
    sponsorId: sponsor.id,
    active: true,
  })
  const before = await apiAs<BalanceView>(resident.openid, 'points.balance', { communityId })
  expect(before.balance).toBe(100)
  // the resident reads big text, as many of them do
  await apiAs(resident.openid, 'org.updateProfile', { elderMode: true })

  // ---- the resident: 首页 → 积分超市 → the item → 兑换 ----
  await page.goto(e2e.url)
  await agreeIfAsked()
  await page.locator('.home__entry:visible', { hasText: '积分超市' }).click()
  const card = page.locator(`.mall-item[data-id="${item.id}"]:visible`)
  await expectContains(card, '洗衣液')
  await expectContains(card, '剩 5 件')
  await expectContains(page.locator('#mall-balance:visible'), '100')
  expect((await measure('.mall-item__name')).fontSize).toBeGreaterThanOrEqual(18)
  await shot('p1-mall-elder')

  await card.click()
  await page.locator('#redeem-open:visible').waitFor()
  await expectContains(page.locator('.mall-detail:visible'), '由 工商银行青山支行 提供')
  await expectContains(page.locator('.mall-detail:visible'), '幸福里社区党群服务中心一楼')
  const plus = await measure('#qty-plus')
  expect(plus.height).toBeGreaterThanOrEqual(60)
  await shot('p2-item-elder')

  await page.locator('#redeem-open:visible').click()
  const sheet = page.locator('#redeem-sheet:visible')
  await expectContains(sheet, '确认用 60 积分兑换 洗衣液 ×1')
  await shot('p3-confirm-elder')
  await page.locator('#redeem-sheet:visible #sheet-submit').click()

  const codeEl = page.locator('#pickup-code:visible')
  await codeEl.waitFor()
  const code = (await codeEl.getAttribute('data-code'))!
  expect(code).toMatch(/^\d{8}$/)
  expect((await codeEl.textContent())!.replace(/\s/g, '')).toBe(code)
  expect((await measure('#pickup-code')).fontSize).toBeGreaterThanOrEqual(32)
  await page.locator('#pickup-qr:visible').waitFor()
  await expectContains(page.locator('#order-deadline:visible'), '前取货')
  await shot('p4-order-code-elder')
  await shot('p4b-order-code-elder-full', true)

  // ---- the secretary at the counter ----
  await page.goto(e2e.url)
  await page.locator('#id-switcher-open:visible').click()
  await page.locator(`.id-switcher__person[data-openid="${secretary.openid}"]`).click()
  await page.waitForLoadState('load')
  await agreeIfAsked()
  await page.locator('.tab-bar__item:visible', { hasText: '我的' }).click()
  await page.locator('#entry-verify:visible').click()
  await page.locator('#verify-input:visible input').fill(code)
  await page.locator('#verify-submit:visible').click()
  const result = page.locator('#verify-result:visible')
  await expectContains(result, '核销成功')
  await expectContains(result, '洗衣液 × 1')
  await expectContains(result, '*') // the resident's name, masked
  await shot('p5-verify-ok')

  // the same code a second time: refused, big and red
  await page.locator('#verify-input:visible input').fill(code)
  await page.locator('#verify-submit:visible').click()
  await expectContains(page.locator('#verify-error:visible'), '已经核销过了')
  await shot('p6-verify-again')

  // ---- the function agrees ----
  const orders = await apiAs<ApiPage<OrderView>>(secretary.openid, 'mall.orders', { communityId })
  const order = orders.items.find((o) => o.itemId === item.id)!
  expect(order.status).toBe('picked_up')
  expect(order.quantity).toBe(1)
  const after = await apiAs<BalanceView>(resident.openid, 'points.balance', { communityId })
  expect(after.balance).toBe(before.balance - item.price)
  const stock = await apiAs<ItemView>(resident.openid, 'mall.item', { communityId, itemId: item.id })
  expect(stock.stock).toBe(4)
})

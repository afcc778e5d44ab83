/**
 * 服务预约 in the H5 build, in Chromium, against the local stack with the demo seed:
 *   the secretary publishes the reception (书记接待日: every Wednesday 9:00-11:00, and — so staff can verify a
 *   code today, whatever day the suite runs — an extra session today 23:00-23:59) through the function →
 *   the default resident finds it on the menu from 首页, opens it, books today's session in the sheet, sees the
 *   8-digit code on 我的预约 →
 *   the secretary (the provider) verifies the code on 核验预约码 (from 我的), sees the roster, and a second try is refused →
 *   the resident rates it 5 stars with a comment, in the browser.
 * Screens for the eyes: /tmp/community-e2e/s*.png
 */
import type { Page } from 'playwright-core'
import { expectContains, openRoute, phoneContext, shot as shotOf, startE2E, switchTo as switchAs, tourSteps, type E2E } from '../support/e2e'
import { ROUTES } from '../../src/routes'
import type { BookingView, ServiceDetail } from '../../types/services'

jest.setTimeout(420_000)

const COMMUNITY = 'c-xingfuli'
const SECRETARY = 'demo-liu-guifang'
const SECRETARY_ID = 'u-liu-guifang'
const RESIDENT = 'demo-wang-xiuying'

let e2e: E2E
let page: Page

const shot = (name: string, fullPage = false) => shotOf(page, name, fullPage)
const switchTo = (openid: string) => switchAs(page, e2e.url, openid)

/** Today in China, YYYY-MM-DD. */
const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)

beforeAll(async () => {
  e2e = await startE2E()
  page = await (await phoneContext(e2e.browser)).newPage()
  page.setDefaultTimeout(15_000)
}, 300_000)

afterAll(async () => {
  await e2e?.close()
})

test('the secretary publishes the reception, a resident books it in the browser, staff verify the code, the resident rates it', async () => {
  const tour = tourSteps(() => page)
  const api = <T>(openid: string, action: string, data: object) => e2e.api<T>(openid, action, data)
  const today = chinaToday()
  let serviceId = ''
  let code = ''

  await tour.step('publish', async () => {
    const s = await api<ServiceDetail>(SECRETARY, 'service.upsert', {
      communityId: COMMUNITY,
      name: '书记接待日',
      category: 'reception',
      description: '书记面对面听取居民意见，帮助解决困难',
      provider: { kind: 'staff', userIds: [SECRETARY_ID] },
      place: '党群服务中心一楼',
      delivery: 'slots',
      schedule: {
        weekly: [{ weekday: 3, start: '09:00', end: '11:00', capacity: 20 }],
        dated: [{ day: today, start: '23:00', end: '23:59', capacity: 5 }],
        closures: [],
      },
      cutoffHours: 0,
    })
    serviceId = s.id
  })

  await tour.step('book', async () => {
    await switchTo(RESIDENT)
    await page.locator('.home__entry:visible', { hasText: '服务预约' }).click()
    const card = page.locator(`#service-${serviceId}:visible`)
    await expectContains(card, '书记接待日')
    await shot('s0-menu')
    await card.click()
    await expectContains(page.locator('#service-detail:visible'), '党群服务中心一楼')
    const slot = page.locator(`#slot-${today}-2300:visible`)
    await expectContains(slot, '还剩 5 个名额')
    await shot('s1-service')
    await page.locator(`#slot-${today}-2300-book:visible`).click()
    await expectContains(page.locator('#book-sheet:visible'), '确认预约')
    await page.locator('#sheet-submit:visible').click()
    const codeBox = page.locator('#booking-code:visible').first()
    await expectContains(codeBox, ' ')
    code = (await codeBox.getAttribute('data-code'))!
    expect(code).toMatch(/^\d{8}$/)
    await shot('s2-code')
  })

  await tour.step('verify', async () => {
    await switchTo(SECRETARY)
    await page.locator('.tab-bar__item:visible', { hasText: '我的' }).click()
    await page.locator('#entry-booking-verify:visible').click()
    await page.locator('#verify-code:visible input').fill(code)
    await page.locator('#verify-go:visible').click()
    const result = page.locator('#verify-result:visible')
    await expectContains(result, '书记接待日 · 已到场')
    await expectContains(result, '*') // the resident's name, masked
    await page.locator('#roster-services .seg__opt', { hasText: '书记接待日' }).click()
    await expectContains(page.locator('#roster-list:visible'), '23:00-23:59')
    await shot('s3-verified')
    // The same code again: refused in its own words.
    await page.locator('#verify-code:visible input').fill(code)
    await page.locator('#verify-go:visible').click()
    await expectContains(page.locator('#verify-error:visible'), '已经核验过了')
  })

  await tour.step('rate', async () => {
    await switchTo(RESIDENT)
    await openRoute(page, e2e.url, `${ROUTES['services.mine']}?c=${COMMUNITY}`)
    const rate = page.locator('#booking-rate:visible').first()
    await rate.click()
    await page.locator('#rate-star-5:visible').click()
    await page.locator('#rate-comment:visible textarea').fill('书记很耐心，问题当场记下了。')
    await page.locator('#sheet-submit:visible').click()
    await expectContains(page.locator('#booking-rating:visible').first(), '★★★★★')
    await shot('s4-rated')
    const mine = await api<{ items: BookingView[] }>(RESIDENT, 'booking.mine', { communityId: COMMUNITY })
    expect(mine.items[0].rating).toEqual({ stars: 5, comment: '书记很耐心，问题当场记下了。' })
  })
})

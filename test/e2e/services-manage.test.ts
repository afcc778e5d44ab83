/**
 * 服务菜单管理 in the H5 build, in Chromium, against the local stack with the demo seed — the secretary builds
 * the menu through the editor, not the API:
 *   a weekly booked service (tomorrow's and the next day's weekdays 9:00-11:00, 20 places) with the next day
 *   closed and a dated extra session in three days (14:00-16:00, 8 places) — first with two overlapping lines,
 *   which the function refuses and the sheet says where; then
 *   the elderly canteen (daily: order by 10:30, 30 portions, every day, for those over 60), provided by a
 *   partner unit with one of its staff picked in the editor →
 *   service.get (the secretary's, through the API) answers exactly what was entered, provider included →
 *   a resident sees tomorrow's places, the closed day and why, the extra session's places, and the canteen's
 *   tomorrow; she books tomorrow's session →
 *   the secretary's figures count it and open the roster of its day →
 *   the secretary opens the weekly service again (every setting loaded) and changes only the no-show rule:
 *   nothing else moves, the provider included.
 * Screens for the eyes: /tmp/community-e2e/m*.png
 */
import type { Locator, Page } from 'playwright-core'
import { expectContains, measure, openRoute, phoneContext, shot as shotOf, startE2E, switchTo as switchAs, tourSteps, type E2E } from '../support/e2e'
import { ROUTES } from '../../src/routes'
import type { ServiceCard, ServiceDetail } from '../../types/services'
import type { UnitView } from '../../types/requests'

jest.setTimeout(420_000)

const COMMUNITY = 'c-xingfuli'
const SECRETARY = 'demo-liu-guifang'
const SECRETARY_ID = 'u-liu-guifang'
const RESIDENT = 'demo-wang-xiuying'
const UNIT_STAFF_ID = 'u-liang-xiaodong'

let e2e: E2E
let page: Page

const shot = (name: string, fullPage = false) => shotOf(page, name, fullPage)
const switchTo = (openid: string) => switchAs(page, e2e.url, openid)

const DAY = 86_400_000
/** A China day `n` days from today, YYYY-MM-DD. */
const chinaDay = (n: number) => new Date(Date.now() + 8 * 3600_000 + n * DAY).toISOString().slice(0, 10)
/** 周一 … 周日 of a China day. */
const weekdayName = (day: string) => ['周日', '周一', '周二', '周三', '周四', '周五', '周六'][new Date(`${day}T00:00:00Z`).getUTCDay()]
const isoWeekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay() || 7

beforeAll(async () => {
  e2e = await startE2E()
  page = await (await phoneContext(e2e.browser)).newPage()
  page.setDefaultTimeout(15_000)
}, 300_000)

afterAll(async () => {
  await e2e?.close()
})

/** A tap at the middle of what the locator shows, as a finger would. */
async function tapOn(locator: Locator): Promise<void> {
  await locator.waitFor()
  const box = (await locator.boundingBox())!
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
}

/** The service's settings as the editor sets them (the detail minus what the function derives or says about the caller). */
function settings(s: ServiceDetail) {
  const { me: _me, when: _when, ratingAverage: _r, ...rest } = s
  return rest
}

test('the secretary builds the menu in the editor; residents see what was entered; a change keeps the rest', async () => {
  const tour = tourSteps(() => page)
  const api = <T>(openid: string, action: string, data: object) => e2e.api<T>(openid, action, data)
  const tomorrow = chinaDay(1)
  const closed = chinaDay(2)
  const extra = chinaDay(3)
  const sheet = page.locator('#service-form:visible')
  const input = (id: string) => page.locator(`#${id}:visible input`)
  const area = (id: string) => page.locator(`#${id}:visible textarea`)
  const chip = (row: string, value: string) => page.locator(`#${row}:visible [data-value="${value}"]`)
  const byName = async (name: string) => {
    const list = await api<{ items: ServiceCard[] }>(SECRETARY, 'service.list', { communityId: COMMUNITY, all: true, limit: 50 })
    return list.items.find((s) => s.name === name)!.id
  }
  let weeklyId = ''
  let canteenId = ''
  let unitId = ''

  await tour.step('setup', async () => {
    // The partner unit whose staff cook (made through the function, as 责任单位 does).
    const unit = await api<UnitView>(SECRETARY, 'unit.upsert', {
      communityId: COMMUNITY,
      name: '幸福里长者食堂',
      kind: 'partner',
      categories: [],
      escalationAcceptMinutes: 120,
    })
    unitId = unit.id
    await api(SECRETARY, 'unit.setStaff', { communityId: COMMUNITY, unitId, userId: UNIT_STAFF_ID, staff: true })
  })

  await tour.step('weekly', async () => {
    await switchTo(SECRETARY)
    await openRoute(page, e2e.url, `${ROUTES['services.manage']}?communityId=${COMMUNITY}`)
    await page.locator('#service-new:visible').click()
    await expectContains(sheet, '新增服务')
    await input('form-name').fill('书记接待日')
    await chip('form-category', 'reception').click()
    await input('form-place').fill('党群服务中心一楼')
    await area('form-description').fill('书记面对面听取居民意见，帮助解决困难')
    // The provider defaults to the secretary.
    await expectContains(page.locator('#provider-staff:visible'), '刘')
    // Two overlapping lines on the same weekday: the function refuses, the sheet says which line.
    await area('form-weekly').fill(`${weekdayName(tomorrow)} 09:00-11:00 20\n${weekdayName(tomorrow)} 10:00-12:00 5`)
    await area('form-dated').fill(`${extra} 14:00-16:00 8`)
    await area('form-closures').fill(closed)
    await page.locator('#sheet-submit:visible').click()
    await expectContains(page.locator('#sheet-error:visible'), '每周时段第 2 行：与第 1 个时段时间重叠')
    await shot('m0-refused', true)
    // A line the editor cannot read is said before sending.
    await area('form-weekly').fill('每周三上午')
    await page.locator('#sheet-submit:visible').click()
    await expectContains(page.locator('#sheet-error:visible'), '这一行看不懂')
    await area('form-weekly').fill(`${weekdayName(tomorrow)} 09:00-11:00 20\n${weekdayName(closed)} 09:00-11:00 20`)
    await page.locator('#sheet-submit:visible').click()
    await sheet.waitFor({ state: 'detached' })
    weeklyId = await byName('书记接待日')
    await expectContains(page.locator(`#service-${weeklyId}:visible`), '党群服务中心一楼')

    const s = await api<ServiceDetail>(SECRETARY, 'service.get', { communityId: COMMUNITY, serviceId: weeklyId })
    expect(s).toMatchObject({
      category: 'reception',
      delivery: 'slots',
      place: '党群服务中心一楼',
      description: '书记面对面听取居民意见，帮助解决困难',
      schedule: {
        weekly: [
          { weekday: isoWeekday(tomorrow), start: '09:00', end: '11:00', capacity: 20 },
          { weekday: isoWeekday(closed), start: '09:00', end: '11:00', capacity: 20 },
        ],
        dated: [{ day: extra, start: '14:00', end: '16:00', capacity: 8 }],
        closures: [closed],
      },
      audience: { minAge: null, buildingIds: [] },
      noShowRule: { count: 3, withinDays: 30, blockDays: 14 },
      cutoffHours: 2,
      pricePoints: 0,
      private: false,
      forChild: false,
      active: true,
      daily: null,
      venue: null,
      edit: { provider: { kind: 'staff', unitId: null, postId: null, userIds: [SECRETARY_ID] } },
    })
  })

  await tour.step('canteen', async () => {
    await page.locator('#service-new:visible').click()
    await input('form-name').fill('长者食堂')
    // The canteen's category makes it daily, for those over 60.
    await chip('form-category', 'canteen').click()
    await expectContains(page.locator('#form-delivery:visible .choice--on'), '每日预订')
    await input('form-place').fill('党群服务中心一楼食堂')
    await area('form-description').fill('两荤一素一汤，当天 10:30 前订餐')
    await chip('form-provider-kind', 'unit').click()
    await page.locator(`#provider-units:visible .pick[data-id="${unitId}"]`).click()
    await chip('provider-unit-staff', UNIT_STAFF_ID).click()
    await input('form-daily-cutoff').fill('10:30')
    await input('form-daily-capacity').fill('30')
    expect(await input('form-min-age').inputValue()).toBe('60')
    // Only what a daily service needs: no weekly slots, no cutoff in hours.
    expect(await page.locator('#form-weekly:visible').count()).toBe(0)
    expect(await page.locator('#form-cutoff:visible').count()).toBe(0)
    await shot('m1-canteen', true)
    await page.locator('#sheet-submit:visible').click()
    await sheet.waitFor({ state: 'detached' })
    canteenId = await byName('长者食堂')

    const s = await api<ServiceDetail>(SECRETARY, 'service.get', { communityId: COMMUNITY, serviceId: canteenId })
    expect(s).toMatchObject({
      category: 'canteen',
      delivery: 'daily',
      daily: { cutoff: '10:30', capacity: 30, days: [] },
      audience: { minAge: 60, buildingIds: [] },
      schedule: { weekly: [], dated: [], closures: [] },
      provider: { kind: 'unit', name: '幸福里长者食堂' },
      edit: { provider: { kind: 'unit', unitId, postId: null, userIds: [UNIT_STAFF_ID] } },
    })
  })

  await tour.step('resident', async () => {
    await switchTo(RESIDENT)
    await openRoute(page, e2e.url, `${ROUTES['services.service']}?id=${weeklyId}&c=${COMMUNITY}`)
    await expectContains(page.locator(`#slot-${tomorrow}-0900:visible`), '还剩 20 个名额')
    await expectContains(page.locator(`#slot-${closed}-0900:visible`), '这一天休息')
    expect(await page.locator(`#slot-${closed}-0900-book`).count()).toBe(0)
    await expectContains(page.locator(`#slot-${extra}-1400:visible`), '还剩 8 个名额')
    await shot('m2-resident', true)
    // She books tomorrow's session (for the secretary's figures and roster below).
    await page.locator(`#slot-${tomorrow}-0900-book:visible`).click()
    await page.locator('#sheet-submit:visible').click()
    await page.locator('#booking-code:visible').first().waitFor()
    await openRoute(page, e2e.url, `${ROUTES['services.service']}?id=${canteenId}&c=${COMMUNITY}`)
    await expectContains(page.locator(`#slot-${tomorrow}-1030:visible`), '还剩 30 个名额')
    await expectContains(page.locator('#service-detail:visible'), '幸福里长者食堂')
  })

  await tour.step('change', async () => {
    const before = await api<ServiceDetail>(SECRETARY, 'service.get', { communityId: COMMUNITY, serviceId: weeklyId })
    await switchTo(SECRETARY)
    await openRoute(page, e2e.url, `${ROUTES['services.manage']}?communityId=${COMMUNITY}`)
    // The figures open the list behind them: the booking counted, then the roster of its day.
    const figures = page.locator(`#stats-${weeklyId}:visible`)
    await expectContains(figures, '预约 1 · 到场 0')
    await expectContains(figures, '还没有评价')
    await tapOn(figures)
    const roster = page.locator('#roster-sheet:visible')
    await expectContains(roster, '书记接待日 · 名单')
    await roster.locator(`[data-value="${tomorrow}"]`).click()
    await expectContains(page.locator('#roster-list:visible'), '09:00-11:00 王*英')
    await expectContains(page.locator('#roster-list:visible'), '已预约')
    await roster.locator('.btn', { hasText: '关闭' }).click()
    await roster.waitFor({ state: 'detached' })
    // A tap where the card is (Playwright's own hit check trips over Taro's pull-to-refresh wrapper here).
    await tapOn(page.locator(`#service-${weeklyId}:visible`))
    await expectContains(sheet, '修改：书记接待日')
    // Every setting is loaded.
    expect(await area('form-dated').inputValue()).toBe(`${extra} 14:00-16:00 8`)
    expect(await area('form-closures').inputValue()).toBe(closed)
    expect(await input('form-noshow-count').inputValue()).toBe('3')
    await expectContains(page.locator('#provider-staff:visible'), '刘')
    await input('form-noshow-count').fill('2')
    await input('form-noshow-within').fill('60')
    await input('form-noshow-block').fill('7')
    await page.locator('#sheet-submit:visible').click()
    await sheet.waitFor({ state: 'detached' })
    const after = await api<ServiceDetail>(SECRETARY, 'service.get', { communityId: COMMUNITY, serviceId: weeklyId })
    expect(after.noShowRule).toEqual({ count: 2, withinDays: 60, blockDays: 7 })
    expect({ ...settings(after), noShowRule: before.noShowRule }).toEqual(settings(before))
    await shot('m3-changed')
  })

  await tour.step('elder', async () => {
    // Elder mode (large type) in the editor: big type, big chips and buttons to tap.
    await api(SECRETARY, 'org.updateProfile', { elderMode: true })
    await switchTo(SECRETARY)
    await openRoute(page, e2e.url, `${ROUTES['services.manage']}?communityId=${COMMUNITY}`)
    await page.locator('.page.elder:visible').waitFor()
    await tapOn(page.locator(`#service-${canteenId}:visible`))
    await expectContains(sheet, '修改：长者食堂')
    const m = (selector: string) => measure(page, selector)
    expect((await m('#service-form .form-label')).fontSize).toBeGreaterThanOrEqual(18)
    expect((await m('#form-daily-days .seg__opt')).height).toBeGreaterThanOrEqual(44)
    expect((await m('#form-daily-days .seg__opt')).fontSize).toBeGreaterThanOrEqual(18)
    expect((await m('#sheet-submit')).height).toBeGreaterThanOrEqual(44)
    await expectContains(page.locator('#provider-units:visible .pick--on'), '幸福里长者食堂')
    await shot('m4-elder')
  })
})

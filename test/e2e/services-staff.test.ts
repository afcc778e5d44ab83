/**
 * The staff side of 服务预约 in the H5 build, in Chromium, against the local stack with the demo seed:
 *   a partner unit (青山区第一中学, its staff member 梁晓东 — not the secretary) provides 体育馆健身指导; a resident's
 *   booking code is verified by 梁晓东 on the staff desk, reached from the menu's 我负责的服务 link;
 *   an errand is taken by the provider of 社区代办 (林小燕), handed over to the secretary with a reason (shown in
 *   办理经过), and turned into a request by the secretary; the request says where it came from;
 *   a resident asks for the school's gym on 场地预约 and 梁晓东 approves it from the requests waiting for him.
 * Screens for the eyes: /tmp/community-e2e/t*.png
 */
import type { Page } from 'playwright-core'
import { expectContains, openRoute, phoneContext, shot as shotOf, startE2E, switchTo as switchAs, tourSteps, type E2E } from '../support/e2e'
import { ROUTES } from '../../src/routes'
import type { BookingView, ErrandView, ServiceDetail } from '../../types/services'

jest.setTimeout(420_000)

const COMMUNITY = 'c-xingfuli'
const SECRETARY = 'demo-liu-guifang'
const SECRETARY_ID = 'u-liu-guifang'
const UNIT_STAFF = 'demo-liang-xiaodong'
const UNIT_STAFF_ID = 'u-liang-xiaodong'
const ERRAND_STAFF = 'demo-lin-xiaoyan'
const ERRAND_STAFF_ID = 'u-lin-xiaoyan'
const RESIDENT = 'demo-wang-xiuying'

let e2e: E2E
let page: Page

const shot = (name: string, fullPage = false) => shotOf(page, name, fullPage)
const switchTo = (openid: string) => switchAs(page, e2e.url, openid)
const api = <T>(openid: string, action: string, data: object) => e2e.api<T>(openid, action, data)

/** Today in China, YYYY-MM-DD, and a day `n` days on. */
const chinaDayIn = (n: number) => new Date(Date.now() + 8 * 3600_000 + n * 86_400_000).toISOString().slice(0, 10)
/** The Monday 8–14 days from now (China): a weekday the gym opens, clear of anything else. */
function mondayAhead(): string {
  for (let n = 8; n <= 14; n++) if (new Date(`${chinaDayIn(n)}T00:00:00Z`).getUTCDay() === 1) return chinaDayIn(n)
  throw new Error('no Monday')
}

beforeAll(async () => {
  e2e = await startE2E()
  page = await (await phoneContext(e2e.browser)).newPage()
  page.setDefaultTimeout(15_000)
}, 300_000)

afterAll(async () => {
  await e2e?.close()
})

test('a partner unit’s staff verify a code of their service; an errand is taken, handed over and turned into a request; a venue request is approved', async () => {
  const tour = tourSteps(() => page)
  const today = chinaDayIn(0)
  const ids = { unit: '', fitness: '', venue: '', errand: '' }
  let code = ''

  await tour.step('setup', async () => {
    const unit = await api<{ id: string }>(SECRETARY, 'unit.upsert', {
      communityId: COMMUNITY,
      name: '青山区第一中学',
      kind: 'partner',
      categories: [],
      escalationAcceptMinutes: 120,
    })
    ids.unit = unit.id
    await api(SECRETARY, 'unit.setStaff', { communityId: COMMUNITY, unitId: unit.id, userId: UNIT_STAFF_ID, staff: true })
    const base = { communityId: COMMUNITY, description: '学校老师志愿服务', place: '第一中学体育馆', cutoffHours: 0 }
    ids.fitness = (
      await api<ServiceDetail>(SECRETARY, 'service.upsert', {
        ...base,
        name: '体育馆健身指导',
        category: 'other',
        provider: { kind: 'unit', unitId: unit.id, userIds: [] },
        delivery: 'slots',
        schedule: { weekly: [], dated: [{ day: today, start: '23:00', end: '23:59', capacity: 5 }], closures: [] },
      })
    ).id
    ids.venue = (
      await api<ServiceDetail>(SECRETARY, 'service.upsert', {
        ...base,
        name: '一中体育馆',
        category: 'venue',
        provider: { kind: 'unit', unitId: unit.id, userIds: [] },
        delivery: 'venue',
        venue: { unitId: unit.id, opens: '18:00', closes: '21:00', days: [1, 2, 3, 4, 5] },
      })
    ).id
    await api(SECRETARY, 'service.upsert', {
      ...base,
      name: '社区代办',
      category: 'errand',
      description: '社保、医保手续代为办理',
      place: '党群服务中心',
      provider: { kind: 'staff', userIds: [ERRAND_STAFF_ID] },
      delivery: 'walk_in',
      walkIn: '工作日 9:00-17:00',
    })
    code = (await api<BookingView>(RESIDENT, 'booking.create', { communityId: COMMUNITY, serviceId: ids.fitness, day: today, start: '23:00' })).code!
    ids.errand = (
      await api<ErrandView>(RESIDENT, 'errand.create', {
        communityId: COMMUNITY,
        title: '代办医保报销',
        description: '住院费用报销，腿脚不便',
        documents: ['身份证', '医保卡'],
      })
    ).id
  })

  await tour.step('verify', async () => {
    await switchTo(UNIT_STAFF)
    await openRoute(page, e2e.url, `${ROUTES['services.index']}?c=${COMMUNITY}`)
    await page.locator('#services-staff:visible').click()
    // Only the school's services: no reception, no errands.
    const chips = page.locator('#roster-services:visible')
    await expectContains(chips, '体育馆健身指导')
    expect(await chips.textContent()).not.toContain('社区代办')
    await page.locator('#verify-code:visible input').fill(code)
    await page.locator('#verify-go:visible').click()
    const result = page.locator('#verify-result:visible')
    await expectContains(result, '体育馆健身指导 · 已到场')
    await expectContains(result, '王*英')
    await page.locator('#roster-services .seg__opt', { hasText: '体育馆健身指导' }).click()
    await expectContains(page.locator('#roster-list:visible'), '23:00-23:59')
    await shot('t1-unit-staff-verified')
  })

  await tour.step('errand', async () => {
    await switchTo(ERRAND_STAFF)
    await openRoute(page, e2e.url, `${ROUTES['services.errands']}?c=${COMMUNITY}`)
    await page.locator('#errand-views .seg__opt', { hasText: '待接办' }).click()
    const card = page.locator(`#errand-${ids.errand}:visible`)
    await expectContains(card, '请带上：身份证、医保卡')
    await card.locator('#errand-accept').click()
    // Taken (首问负责): it leaves the queue and is mine now.
    await card.waitFor({ state: 'detached' })
    await page.locator('#errand-views .seg__opt', { hasText: '我负责的' }).click()
    await expectContains(card, '林*燕 负责')
    await card.locator('#errand-handover').click()
    const sheet = page.locator('#handover-sheet:visible')
    await sheet.locator(`.pick[data-id="${SECRETARY_ID}"]`).click()
    await sheet.locator('#handover-reason textarea').fill('需要社区盖章，转书记办理')
    await shot('t2-handover')
    await sheet.locator('#sheet-submit').click()
    // Handed over: no longer mine.
    await card.waitFor({ state: 'detached' })

    await switchTo(SECRETARY)
    await openRoute(page, e2e.url, `${ROUTES['services.errands']}?c=${COMMUNITY}`)
    await page.locator('#errand-views .seg__opt', { hasText: '我负责的' }).click()
    const mine = page.locator(`#errand-${ids.errand}:visible`)
    await mine.locator(`#errand-story-${ids.errand}`).click()
    const timeline = page.locator(`#errand-timeline-${ids.errand}:visible`)
    await expectContains(timeline, '转交给刘*芳')
    await expectContains(timeline, '需要社区盖章，转书记办理')
    await shot('t3-errand-timeline', true)
    await mine.locator('#errand-to-request').click()
    await page.locator('.taro__modal .taro-model__confirm:visible').click()
    await mine.locator(`#errand-request-${ids.errand}`).click()
    await expectContains(page.locator('#request-from-errand:visible'), '由社区代办转来')
    await shot('t4-request-from-errand')
    const after = await api<{ items: ErrandView[] }>(RESIDENT, 'errand.list', { communityId: COMMUNITY, view: 'mine' })
    expect(after.items.find((e) => e.id === ids.errand)).toMatchObject({ status: 'done', requestId: expect.any(String) })
  })

  await tour.step('venue', async () => {
    const day = mondayAhead()
    await switchTo(RESIDENT)
    await openRoute(page, e2e.url, `${ROUTES['services.venue']}?c=${COMMUNITY}`)
    await page.locator(`#venue-ask-${ids.venue}:visible`).click()
    await page.locator('#venue-day:visible input').fill(day)
    await page.locator('#venue-start:visible input').fill('19:00')
    await page.locator('#venue-end:visible input').fill('20:00')
    await page.locator('#venue-purpose:visible textarea').fill('楼里合唱队排练')
    await page.locator('#venue-submit:visible').click()
    await expectContains(page.locator('.services:visible').first(), '待审批')
    const pending = await api<{ items: BookingView[] }>(RESIDENT, 'booking.mine', { communityId: COMMUNITY })
    const asked = pending.items.find((b) => b.serviceId === ids.venue)!
    expect(asked.status).toBe('pending')

    await switchTo(UNIT_STAFF)
    await openRoute(page, e2e.url, `${ROUTES['services.venue']}?c=${COMMUNITY}`)
    const request = page.locator(`#venue-request-${asked.id}:visible`)
    await expectContains(request, '楼里合唱队排练')
    await expectContains(request, '19:00-20:00')
    await shot('t5-venue-pending')
    await request.locator(`#venue-approve-${asked.id}`).click()
    await page.locator('.taro__modal .taro-model__confirm:visible').click()
    await expectContains(page.locator(`#venue-pending-${ids.venue}:visible`), '没有等待审批的申请')
    const decided = await api<{ items: BookingView[] }>(RESIDENT, 'booking.mine', { communityId: COMMUNITY })
    expect(decided.items.find((b) => b.id === asked.id)).toMatchObject({ status: 'booked', code: expect.stringMatching(/^\d{8}$/) })
  })
})

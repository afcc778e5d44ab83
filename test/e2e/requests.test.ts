/**
 * 一键报修 in the H5 build, in Chromium, against the local stack with the demo seed, by the real roles in the UI:
 *   the default resident (王秀英, elder mode) taps 一键报修 on 首页, picks 报修, says the pipe leaks, marks it
 *   urgent and sends it → it is with 网格员 张伟 (her grid's worker) with its clock →
 *   张伟 takes it from his queue with one tap (受理), opens it and 办结 with proof and a photo →
 *   王秀英 confirms with four stars → closed, rated.
 *   Then 吹哨: a neighbour's loose manhole cover is left with the grid past its limit (the stack's clock moves on
 *   two hours) → the secretary sees it red on her board, opens it and escalates it to the street's 城管科 →
 *   城管科's officer (孔繁荣) takes it from his unit's queue (接单报到) within the department's limit.
 * The function agrees at each step. Screens for the eyes: /tmp/community-e2e/r*.png
 */
import type { Page } from 'playwright-core'
import { expectContains, openRoute, phoneContext, shot as shotOf, startE2E, switchTo as switchAs, tourSteps, until, type E2E } from '../support/e2e'
import { ROUTES } from '../../src/routes'
import type { RequestDetail, UnitView } from '../../types/requests'

jest.setTimeout(420_000)

const COMMUNITY = 'c-xingfuli'
const RESIDENT = 'demo-wang-xiuying' // 幸福里小区 1栋: the first grid, 张伟's
const WORKER = 'demo-zhang-wei'
const SECRETARY = 'demo-liu-guifang'
const STREET_ADMIN = 'demo-zheng-wei'
const NEIGHBOUR = 'demo-hu-jianhua' // 幸福里小区 3栋
const OFFICER = { id: 'u-kong-fanrong', openid: 'demo-kong-fanrong' }
/** A 1×1 PNG: the photo of the repaired pipe. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')

/** The function's time: the real one plus however far the test has moved it. */
let offset = 0
const clock = () => new Date(Date.now() + offset)

let e2e: E2E
let page: Page

const shot = (name: string, fullPage = false) => shotOf(page, name, fullPage)
const switchTo = (openid: string) => switchAs(page, e2e.url, openid)
const openRequest = (id: string) => openRoute(page, e2e.url, `${ROUTES['requests.detail']}?id=${encodeURIComponent(id)}&c=${COMMUNITY}`)
const head = () => page.locator('#request-head:visible')
const get = (openid: string, requestId: string) => e2e.api<RequestDetail>(openid, 'request.get', { communityId: COMMUNITY, requestId })

/** Open the page's move sheet, write, optionally add a photo, send, and wait for it to close. */
async function move(button: string, text: string, photo = false) {
  await page.locator(`${button}:visible`).click()
  await page.locator('#move-text:visible textarea').fill(text)
  if (photo) {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('#move-sheet #photo-add').click()])
    await chooser.setFiles({ name: 'pipe.png', mimeType: 'image/png', buffer: PNG })
    await page.locator('#move-sheet .photos__img').first().waitFor()
  }
  await page.locator('#sheet-submit:visible').click()
  await page.locator('#move-sheet').waitFor({ state: 'detached' })
}

beforeAll(async () => {
  e2e = await startE2E({ clock })
  page = await (await phoneContext(e2e.browser)).newPage()
  page.setDefaultTimeout(15_000)
}, 300_000)

afterAll(async () => {
  await e2e?.close()
})

test('a leak goes from the resident’s tap to the grid worker, is resolved with a photo and rated; an overdue one is 吹哨 to a street department that reports', async () => {
  const tour = tourSteps(() => page)
  let leakId = ''
  let coverId = ''
  let unit: UnitView | null = null

  await tour.step('report', async () => {
    await e2e.api(RESIDENT, 'org.updateProfile', { elderMode: true })
    await switchTo(RESIDENT)
    await page.locator('.home__entry[data-route="requests.index"]:visible').click()
    await page.locator('#request-tiles:visible').waitFor()
    await shot('r0-tiles-elder')
    await page.locator('.rq-tile[data-category="repair"]:visible').click()
    await page.locator('#request-desc:visible textarea').fill('卫生间水管接口漏水，地上都是水')
    await page.locator('#request-urgency:visible .choice[data-value="urgent"]').click()
    await shot('r1-form-elder', true)
    await page.locator('#request-submit:visible').click()
    const sent = page.locator('#request-sent:visible')
    await expectContains(sent, '已交给网格员')
    await expectContains(page.locator('#request-sent-note:visible'), '受理')
    leakId = (await sent.getAttribute('data-id'))!
    await shot('r2-sent-elder')
    const r = await get(RESIDENT, leakId)
    expect(r).toMatchObject({ status: 'dispatched', category: 'repair', urgency: 'urgent', holder: expect.stringContaining('网格员') })
    expect(r.clock).toMatchObject({ colour: 'green', stage: 'respond' })
  })

  await tour.step('accept', async () => {
    await switchTo(WORKER)
    await openRoute(page, e2e.url, ROUTES['requests.queue'])
    const card = page.locator(`#queue-list .rq-card[data-id="${leakId}"]:visible`)
    await expectContains(card, '卫生间水管接口漏水')
    await expectContains(card, '受理')
    await shot('r3-queue')
    await card.locator('.queue-take').click()
    await page.locator(`#queue-list .rq-card[data-id="${leakId}"][data-status="accepted"]:visible`).waitFor()
    await until(
      () => get(WORKER, leakId),
      (r) => r.status === 'accepted',
      'accepted by the worker',
    )
  })

  await tour.step('resolve', async () => {
    await page.locator(`#queue-list .rq-card[data-id="${leakId}"]:visible`).click()
    await expectContains(head(), '办结')
    await expectContains(page.locator('#request-phone:visible'), '拨打') // the holder sees how to reach her
    await move('#request-resolve', '换了新的水管接头，试过不漏了', true)
    await page.locator('#request-head[data-status="resolved"]:visible').waitFor()
    await shot('r4-resolved', true)
    const r = await get(WORKER, leakId)
    expect(r.status).toBe('resolved')
    expect(r.proof).toMatchObject({ text: '换了新的水管接头，试过不漏了' })
    expect(r.proof!.photos).toHaveLength(1)
  })

  await tour.step('confirm', async () => {
    await switchTo(RESIDENT)
    await openRequest(leakId)
    await expectContains(page.locator('#request-proof:visible'), '换了新的水管接头')
    await page.locator('#request-confirm:visible').click()
    await page.locator('#request-stars .star[data-n="4"]:visible').click()
    await page.locator('#move-text:visible textarea').fill('小张来得很快，修好了')
    await shot('r5-confirm-elder')
    await page.locator('#sheet-submit:visible').click()
    await page.locator('#move-sheet').waitFor({ state: 'detached' })
    await page.locator('#request-head[data-status="closed"]:visible').waitFor()
    await expectContains(page.locator('#request-rating:visible'), '★★★★☆')
    const r = await get(RESIDENT, leakId)
    expect(r).toMatchObject({ status: 'closed', rating: { stars: 4, comment: '小张来得很快，修好了' } })
    await e2e.api(RESIDENT, 'org.updateProfile', { elderMode: false })
  })

  await tour.step('overdue', async () => {
    // The street's 城管科 and its officer, set up by the street admin; a neighbour's report left with the grid.
    unit = await e2e.api<UnitView>(STREET_ADMIN, 'unit.upsert', {
      communityId: COMMUNITY,
      name: '街道城管科',
      kind: 'street_dept',
      streetWide: true,
      categories: [],
      escalationAcceptMinutes: 120,
    })
    await e2e.api(STREET_ADMIN, 'unit.setStaff', { communityId: COMMUNITY, unitId: unit.id, userId: OFFICER.id, staff: true })
    const cover = await e2e.api<RequestDetail>(NEIGHBOUR, 'request.create', {
      communityId: COMMUNITY,
      category: 'safety',
      description: '3栋单元门口的井盖松了，踩上去会晃',
    })
    coverId = cover.id
    offset += 2 * 60 * 60_000 // two hours: past the hour a safety report has to be accepted
    expect((await get(SECRETARY, coverId)).clock.colour).toBe('red')
  })

  await tour.step('escalate', async () => {
    await switchTo(SECRETARY)
    await openRoute(page, e2e.url, `${ROUTES['requests.board']}?communityId=${COMMUNITY}`)
    const red = page.locator('#board-lanes .seg__opt[data-value="red"]:visible')
    await expectContains(red, '1')
    await red.click()
    const card = page.locator(`#board-list .rq-card[data-id="${coverId}"][data-colour="red"]:visible`)
    await expectContains(card, '受理已超时')
    await shot('r6-board-red')
    await card.click()
    await page.locator('#request-escalate:visible').click()
    await page.locator(`#holder-picker .pick[data-id="${unit!.id}"]:visible`).click()
    await page.locator('#move-text:visible textarea').fill('超过受理时限，井盖属市政设施，请城管科处理')
    await page.locator('#sheet-submit:visible').click()
    await page.locator('#move-sheet').waitFor({ state: 'detached' })
    await page.locator('#request-head[data-status="escalated"]:visible').waitFor()
    await expectContains(page.locator('#request-escalation:visible'), '街道城管科')
    await shot('r7-escalated', true)
  })

  await tour.step('report for duty', async () => {
    await switchTo(OFFICER.openid)
    await openRoute(page, e2e.url, ROUTES['requests.queue'])
    const card = page.locator(`#queue-list .rq-card[data-id="${coverId}"]:visible`)
    await expectContains(card, '接单')
    await shot('r8-unit-queue')
    await card.locator('.queue-take').click()
    await page.locator(`#queue-list .rq-card[data-id="${coverId}"][data-status="accepted"]:visible`).waitFor()
    const r = await until(
      () => get(OFFICER.openid, coverId),
      (x) => x.status === 'accepted',
      'accepted by the department',
    )
    expect(r.escalation).toMatchObject({ unitName: '街道城管科', acceptedAt: expect.any(String) })
    expect(r.holder).toBe('街道城管科')
  })

  console.log('requests tour (ms):', tour.timings)
})

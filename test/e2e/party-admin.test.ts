/**
 * The party secretary's pages and the wish secretary's remaining actions, in the H5 build, in Chromium,
 * against the local stack with the bare demo street. A resident (林小燕) is registered and approved as a
 * party member through the function; then, in the browser, as the person who uses each page:
 *   报到二维码 (the community's and each compound's QR images load)
 *   发布活动 (a new activity)                          → activity.list upcoming
 *   结对管理 (林小燕 with an elderly household)          → pair.list
 *   双报告 (the table; 导出 downloads an .xlsx in H5)
 *   报到分布, as the street admin (table with flags)
 *   心愿审核 → 不通过 with a reason                     → the wisher reads the reason on the detail page
 *   心愿详情 → 派单给党员                               → wish.get shows the claimer
 *   心愿详情 → 撤回心愿, as the wisher                  → wish.get withdrawn
 * Screens for the eyes: /tmp/community-e2e/tour-q*.png
 */
import type { Page } from 'playwright-core'
import { expectContains, openRoute, phoneContext, shot, startE2E, switchTo, tourSteps, until, type E2E } from '../support/e2e'
import type { Me } from '../../types/org'
import type { Page as ApiPage } from '../../types/common'
import type { ActivityView, CoverageView, PairView, RegistrationView } from '../../types/party'
import type { WishDetail } from '../../types/wish'

const C = 'c-xingfuli'
const SECRETARY = 'demo-liu-guifang'
const STREET_ADMIN = 'demo-zheng-wei'
const RESIDENT = 'demo-wang-xiuying'
const MEMBER = 'demo-lin-xiaoyan'
const MEMBER_ID = 'u-lin-xiaoyan'

jest.setTimeout(240_000)

let e2e: E2E
let page: Page
const errors: string[] = []
const { timings, step: timed } = tourSteps(() => page)
const apiAs = <T>(openid: string, action: string, data: object = {}) => e2e.api<T>(openid, action, data)

const open = (route: string) => openRoute(page, e2e.url, route)

async function fill(selector: string, value: string) {
  await page.locator(`${selector}:visible`).locator('input, textarea').first().fill(value)
}

async function confirmModal(says: string) {
  await expectContains(page.locator('.taro__modal').last(), says)
  await page.locator('.taro__modal .taro-model__confirm:visible').click()
}

async function tab(label: string) {
  await page.locator('.tab-bar__item:visible', { hasText: label }).click()
}

async function newWish(title: string): Promise<WishDetail> {
  const { categories } = await apiAs<{ categories: string[] }>(SECRETARY, 'wish.settings', { communityId: C })
  return apiAs<WishDetail>(RESIDENT, 'wish.create', {
    communityId: C,
    title,
    description: `${title}，白天都在家，麻烦了。`,
    category: categories[0],
    buildingId: 'b-xingfuli-yuan-1',
  })
}

beforeAll(async () => {
  const t = Date.now()
  e2e = await startE2E()
  timings.start = Date.now() - t
  page = await (await phoneContext(e2e.browser)).newPage()
  page.setDefaultTimeout(15_000)
  page.on('pageerror', (e) => errors.push(e.message))
  // 林小燕 registers by the community's code and the secretary approves her, through the function
  await apiAs(MEMBER, 'org.login')
  const code = await apiAs<{ scene: string }>(SECRETARY, 'party.registerCode', { communityId: C })
  const reg = await apiAs<RegistrationView>(MEMBER, 'party.register', {
    communityId: C,
    scene: code.scene,
    name: '林小燕',
    employerUnitId: 'pu-xingfuli-tax',
    employerName: '青山区税务局',
    branch: '税务局第一党支部',
    memberType: '在职',
    homeCompoundId: 'cp-xingfuli-yuan',
    homeBuildingId: 'b-xingfuli-yuan-2',
    skills: ['电脑维修'],
    pledge: '每月教楼里老人用一次手机',
  })
  await apiAs(SECRETARY, 'party.review', { communityId: C, registrationId: reg.id, approve: true })
}, 400_000)

afterAll(async () => {
  await e2e?.close()

  console.log('party-admin e2e timings (ms):', JSON.stringify(timings))
})

test('the party secretary prints codes, publishes an activity, pairs a household and reads the report; the street admin reads coverage', async () => {
  await timed('code', async () => {
    await switchTo(page, e2e.url, SECRETARY)
    await tab('我的')
    await page.locator('#entry-party-code:visible').click()
    await expectContains(page.locator('#code-community:visible'), '幸福里社区 报到码')
    const img = page.locator('#code-community:visible img')
    await img.waitFor()
    await page.waitForFunction(() => {
      const i = document.querySelector('#code-community img') as HTMLImageElement | null
      return !!i && i.complete && i.naturalWidth > 0
    })
    expect(await img.getAttribute('src')).toMatch(/^data:image\/png;base64,/)
    const box = (await img.boundingBox())!
    expect(box.width).toBeGreaterThanOrEqual(200) // big enough to scan from a printout
    expect(await page.locator('.code-card[data-id]:visible').count()).toBe(3) // 幸福里小区, 锦绣花园, 钢城新村
    await shot(page, 'tour-q1-codes')
  })

  let activityTitle = ''
  await timed('activity', async () => {
    await open(`/packages/party/pages/admin-activity/index?communityId=${C}`)
    activityTitle = '锦绣花园楼道清理'
    await fill('#act-title', activityTitle)
    await fill('#act-desc', '清理楼道堆放的杂物，手套和垃圾袋社区准备。')
    await fill('#act-place', '锦绣花园 2 栋楼下')
    await fill('#act-capacity', '15')
    await shot(page, 'tour-q2-activity-form', true)
    await page.locator('#act-save:visible').click()
    // published: the page becomes the activity
    await expectContains(page.locator('body'), '锦绣花园 2 栋楼下')
    await shot(page, 'tour-q3-activity')
    const list = await apiAs<ApiPage<ActivityView>>(SECRETARY, 'activity.list', { communityId: C, scope: 'upcoming' })
    const a = list.items.find((x) => x.title === activityTitle)!
    expect(a).toMatchObject({ place: '锦绣花园 2 栋楼下', capacity: 15, pointsPerHour: 10 })
    expect(new Date(a.startAt).getTime()).toBeGreaterThan(Date.now())
  })

  await timed('pairs', async () => {
    await open(`/packages/party/pages/admin-pairs/index?communityId=${C}`)
    await page.locator(`#pair-members [data-value="${MEMBER_ID}"]:visible`).click()
    // her count against the community's range (default 5–15)
    await expectContains(page.locator('#pair-member-count:visible'), '已结对 0 户（本社区每人 5–15 户），还差 5 户')
    await page.locator('.seg__opt[data-value="cp-gangcheng"]:visible').click()
    await page.locator('.seg__opt[data-value="b-gangcheng-2"]:visible').click()
    await page.locator('.seg__opt[data-value="h-gangcheng-2-1-102"]:visible').click()
    await page.locator('#pair-needs .seg__opt[data-value="独居老人"]:visible').click()
    await page.locator('#pair-needs .seg__opt[data-value="高龄"]:visible').click()
    await page.locator('#pair-submit:visible').scrollIntoViewIfNeeded()
    await shot(page, 'tour-q4-pairs')
    await page.locator('#pair-submit:visible').click()
    await confirmModal('钢城新村 2栋')
    const pairs = await until(
      () => apiAs<PairView[]>(SECRETARY, 'pair.list', { communityId: C }),
      (p) => p.some((x) => x.memberId === MEMBER_ID && x.householdId === 'h-gangcheng-2-1-102'),
      'the new pair',
    )
    expect(pairs.find((x) => x.householdId === 'h-gangcheng-2-1-102')!.needs.sort()).toEqual(['独居老人', '高龄'].sort())
    await expectContains(page.locator('#pair-member-count:visible'), '已结对 1 户')
    // the secretary narrows the range to 3–10
    await page.locator('#pair-range-min .seg__opt[data-value="3"]:visible').click()
    await until(
      () => apiAs<{ minPerMember: number }>(SECRETARY, 'pair.settings', { communityId: C }),
      (r) => r.minPerMember === 3,
      'at least 3',
    )
    await page.locator('#pair-range-max .seg__opt[data-value="10"]:visible').click()
    await until(
      () => apiAs<{ minPerMember: number; maxPerMember: number }>(SECRETARY, 'pair.settings', { communityId: C }),
      (r) => r.minPerMember === 3 && r.maxPerMember === 10,
      '3–10',
    )
    await expectContains(page.locator('#pair-range-max .seg__opt--on:visible'), '10 户')
  })

  await timed('report', async () => {
    await open(`/packages/party/pages/admin-report/index?communityId=${C}`)
    const table = page.locator('#report-table:visible')
    await expectContains(table, '青山区税务局')
    await expectContains(table, '承诺未兑现')
    await shot(page, 'tour-q5-report')
    const download = page.waitForEvent('download', { timeout: 15_000 })
    await page.locator('#report-export:visible').click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/)
    const bytes = await new Promise<Buffer>((resolve, reject) => {
      file.createReadStream().then((s) => {
        const chunks: Buffer[] = []
        s.on('data', (c: Buffer) => chunks.push(c))
        s.on('end', () => resolve(Buffer.concat(chunks)))
        s.on('error', reject)
      }, reject)
    })
    expect(bytes.subarray(0, 2).toString()).toBe('PK') // a zip: .xlsx
    await expect(page.locator('#report-export:visible').isEnabled()).resolves.toBe(true)
  })

  await timed('coverage', async () => {
    await switchTo(page, e2e.url, STREET_ADMIN)
    await tab('我的')
    await page.locator('#entry-party-coverage:visible').click()
    const table = page.locator('#coverage-table:visible')
    await expectContains(table, '幸福里社区')
    await expectContains(table, '和平社区')
    const me = await apiAs<Me>(STREET_ADMIN, 'org.me')
    const streetId = me.roles.find((r) => r.role === 'street_admin')!.communityId
    const cov = await apiAs<CoverageView>(STREET_ADMIN, 'party.coverage', { streetId })
    for (const c of cov.communities) {
      const row = page.locator(`#coverage-table .table-row[data-id="${c.communityId}"]`)
      await expectContains(row, c.name)
      await expectContains(row.locator('.chip'), { empty: '空白', low: '偏少', ok: '正常', crowded: '扎堆' }[c.flag])
    }
    expect(cov.communities.find((c) => c.communityId === C)!.verified).toBe(1)
    await shot(page, 'tour-q6-coverage')
  })

  expect(errors).toEqual([])
})

test('the secretary refuses a wish with a reason and dispatches another; the wisher withdraws a third', async () => {
  const refused = await newWish('想请人帮忙把旧沙发搬下楼')
  const dispatched = await newWish('想请人帮忙修一下门锁')
  const withdrawn = await newWish('想请人陪我去医院复查')
  for (const w of [dispatched, withdrawn]) await apiAs(SECRETARY, 'wish.review', { communityId: C, wishId: w.id, approve: true })
  const reason = '搬大件家具请联系物业，社区可以帮您联系'

  await timed('reject', async () => {
    await switchTo(page, e2e.url, SECRETARY)
    await open(`/packages/wish/pages/admin-review/index?communityId=${C}`)
    const card = page.locator(`.wish-card[data-id="${refused.id}"]:visible`)
    await expectContains(card, '旧沙发')
    await card.locator('.review-reject').click()
    await fill('#sheet-text', reason)
    await shot(page, 'tour-q7-reject-sheet')
    await page.locator('#sheet-submit:visible').click()
    await card.waitFor({ state: 'detached' })
    const w = await apiAs<WishDetail>(RESIDENT, 'wish.get', { communityId: C, wishId: refused.id })
    expect(w).toMatchObject({ status: 'rejected', rejectReason: reason })
  })

  await timed('dispatch', async () => {
    await open(`/packages/wish/pages/detail/index?id=${dispatched.id}&c=${C}`)
    await page.locator('#wish-dispatch:visible').click()
    const pick = page.locator(`#wish-members .w-member[data-id="${MEMBER_ID}"]:visible`)
    await expectContains(pick, '林*燕')
    await pick.click()
    await expectContains(pick, '已选')
    await fill('#sheet-text', '王阿姨家门锁卡住了，请带工具')
    // however long the member list, 确认派单 stays on screen
    const submit = (await page.locator('#sheet-submit:visible').boundingBox())!
    expect(submit.y + submit.height).toBeLessThanOrEqual(844)
    await shot(page, 'tour-q8-dispatch-sheet')
    await page.locator('#sheet-submit:visible').click()
    await page.locator('#wish-sheet').waitFor({ state: 'detached' })
    await expectContains(page.locator('#wish-head:visible'), '已认领')
    await expectContains(page.locator('#wish-claimer:visible'), '林')
    await shot(page, 'tour-q9-dispatched')
    const w = await apiAs<WishDetail>(MEMBER, 'wish.get', { communityId: C, wishId: dispatched.id })
    expect(w.status).toBe('claimed')
    expect(w.isClaimer).toBe(true)
    expect(w.claimerName).toMatch(/^林/)
  })

  await timed('wisher', async () => {
    await switchTo(page, e2e.url, RESIDENT)
    // the refused wish says why
    await open(`/packages/wish/pages/detail/index?id=${refused.id}&c=${C}`)
    await expectContains(page.locator('#wish-head:visible'), `未通过的原因：${reason}`)
    await shot(page, 'tour-q10-rejected-seen')
    // and she withdraws one she no longer needs
    await open(`/packages/wish/pages/detail/index?id=${withdrawn.id}&c=${C}`)
    await page.locator('#wish-withdraw:visible').click()
    await fill('#sheet-text', '女儿周末回来陪我去')
    await page.locator('#sheet-submit:visible').click()
    await page.locator('#wish-sheet').waitFor({ state: 'detached' })
    await expectContains(page.locator('#wish-head:visible'), '已撤回')
    await expectContains(page.locator('#wish-timeline:visible'), '女儿周末回来陪我去')
    expect(await page.locator('#wish-withdraw').count()).toBe(0)
    await shot(page, 'tour-q11-withdrawn')
    const w = await apiAs<WishDetail>(RESIDENT, 'wish.get', { communityId: C, wishId: withdrawn.id })
    expect(w.status).toBe('withdrawn')
  })

  expect(errors).toEqual([])
})

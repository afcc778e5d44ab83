/**
 * The secretary's points pages, 我的住址 and 代办, in the H5 build, in Chromium, against the local stack with
 * the bare demo street. Each page is opened as the person who uses it, its main action is done in the UI,
 * and the function is asked whether it worked:
 *   积分规则 (volunteer_hour points and a daily cap) → points.rules
 *   共建单位 (add a sponsor, 注入积分)               → points.sponsors
 *   商品管理 + 上架/编辑 (new item, then stock +5)     → mall.items includeInactive
 *   兑换订单 (an order made through the function)     → listed
 *   积分报表 (totals, the low-budget warning)
 *   成员详情 → 发放积分 (30 to a resident)           → points.balance
 *   我的 → 我家门牌 (community → compound → building → door) → org.me household
 *   成员详情 → 代办 (building head 孙丽华 for a resident) → org.member / org.me proxyFor
 * Screens for the eyes: /tmp/community-e2e/tour-p*.png
 */
import type { Locator, Page } from 'playwright-core'
import { expectContains, openRoute, phoneContext, shot, startE2E, switchTo, tourSteps, until, type E2E } from '../support/e2e'
import type { Me, MemberDetail } from '../../types/org'
import type { Page as ApiPage } from '../../types/common'
import type { BalanceView, ItemView, OrderView, ReportView, RulesView, SponsorView } from '../../types/points'

const C = 'c-xingfuli'
const SECRETARY = 'demo-liu-guifang'
const RESIDENT = 'demo-wang-xiuying'
const RESIDENT_ID = 'u-wang-xiuying'
const HEAD = 'demo-sun-lihua'
const HEAD_ID = 'u-sun-lihua'
const MOVER = 'demo-han-dongmei' // a plain resident who registers a new door

jest.setTimeout(240_000)

let e2e: E2E
let page: Page
const errors: string[] = []
const { timings, step: timed } = tourSteps(() => page)
const apiAs = <T>(openid: string, action: string, data: object = {}) => e2e.api<T>(openid, action, data)

const open = (route: string) => openRoute(page, e2e.url, route)

/** Fill a Taro <Input> (the id is on the wrapper in H5). */
async function fill(selector: string, value: string) {
  await page.locator(`${selector}:visible input`).fill(value)
}

async function confirmModal() {
  await page.locator('.taro__modal .taro-model__confirm:visible').click()
}

/** Every visible text element at least `min` px: an elderly secretary reads these pages. */
async function smallestText(scope: Locator): Promise<number> {
  return scope.evaluate((root) => {
    let min = Infinity
    root.querySelectorAll('*').forEach((el) => {
      const own = Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent!.trim())
      const box = (el as HTMLElement).getBoundingClientRect()
      if (own && box.width > 0 && box.height > 0) min = Math.min(min, parseFloat(getComputedStyle(el).fontSize))
    })
    return min
  })
}

beforeAll(async () => {
  const t = Date.now()
  e2e = await startE2E()
  timings.start = Date.now() - t
  page = await (await phoneContext(e2e.browser)).newPage()
  page.setDefaultTimeout(15_000)
  page.on('pageerror', (e) => errors.push(e.message))
}, 400_000)

afterAll(async () => {
  await e2e?.close()

  console.log('points-admin e2e timings (ms):', JSON.stringify(timings))
})

test('the secretary runs the points supermarket from her pages', async () => {
  let sponsor!: SponsorView
  let item!: ItemView

  await timed('rules', async () => {
    await switchTo(page, e2e.url, SECRETARY)
    await page.locator('.tab-bar__item:visible', { hasText: '我的' }).click()
    await page.locator('#entry-points-rules:visible').click()
    const card = page.locator('.card[data-kind="volunteer_hour"]:visible')
    await expectContains(card, '志愿服务')
    await fill('#rule-volunteer_hour-points', '15')
    await fill('#rule-volunteer_hour-daily', '30')
    // a rule starts switched off, and the card says what that means
    await expectContains(card, '没有启用：这条规则不生效')
    await card.locator('#rule-volunteer_hour-active').click()
    expect(await card.textContent()).not.toContain('没有启用')
    await page.locator('#rule-volunteer_hour-save:visible').click()
    const rules = await until(
      () => apiAs<RulesView>(SECRETARY, 'points.rules', { communityId: C }),
      (r) => r.rules.some((x) => x.kind === 'volunteer_hour' && x.points === 15 && x.dailyCap === 30 && x.active),
      'volunteer_hour 15 points, 30 a day',
    )
    expect(rules.rules.find((x) => x.kind === 'volunteer_hour')!.monthlyCap).toBeNull()
    await fill('#expiry-months', '24')
    await page.locator('#expiry-save:visible').click()
    await until(
      () => apiAs<RulesView>(SECRETARY, 'points.rules', { communityId: C }),
      (r) => r.expireMonths === 24,
      'points valid 24 months',
    )
    await card.scrollIntoViewIfNeeded()
    await shot(page, 'tour-p1-rules')
  })

  await timed('sponsors', async () => {
    await open(`/packages/points/pages/admin-sponsors/index?communityId=${C}`)
    await expectContains(page.locator('.page:visible, body'), '还没有共建单位')
    await page.locator('#sponsor-new:visible').click()
    await fill('#sponsor-name', '青山区第一中学')
    await fill('#sponsor-contact', '陈老师')
    await fill('#sponsor-warn', '600')
    await shot(page, 'tour-p2-sponsor-form')
    await page.locator('#sponsor-save:visible').click()
    const card = page.locator('.sponsor-card:visible', { hasText: '青山区第一中学' })
    await expectContains(card, '只剩 0 积分')
    await card.locator('.sponsor-fund').click()
    await expectContains(page.locator('#fund-form:visible'), '给「青山区第一中学」注入积分')
    await fill('#fund-amount', '500')
    await fill('#fund-note', '2026 年度爱心积分')
    await page.locator('#fund-submit:visible').click()
    await page.locator('#fund-form').waitFor({ state: 'detached' })
    // 500 left is under the 600 warning line: the card says so, in red
    await expectContains(card.locator('.sponsor-card__budget'), '只剩 500 积分（预警线 600）')
    const sponsors = await apiAs<SponsorView[]>(SECRETARY, 'points.sponsors', { communityId: C })
    sponsor = sponsors.find((s) => s.name === '青山区第一中学')!
    expect(sponsor).toMatchObject({ budget: 500, contact: '陈老师', warnBelow: 600, low: true })
    await shot(page, 'tour-p3-sponsors')
  })

  await timed('items', async () => {
    await open(`/packages/points/pages/admin-items/index?communityId=${C}`)
    await expectContains(page.locator('body'), '还没有商品')
    await page.locator('#item-new:visible').click()
    await fill('#item-name', '环保购物袋')
    await fill('#item-price', '40')
    await fill('#item-stock', '10')
    await fill('#item-limit', '2')
    await fill('#item-place', '幸福里社区党群服务中心一楼')
    await page.locator('.seg__opt:visible', { hasText: '青山区第一中学' }).click()
    await shot(page, 'tour-p4-item-new', true)
    await page.locator('#item-save:visible').click()
    // 上架 goes back to the list
    const row = page.locator('.mall-item:visible', { hasText: '环保购物袋' })
    await expectContains(row, '在架上')
    await expectContains(row, '由 青山区第一中学 提供')
    await shot(page, 'tour-p5-items')

    await row.click()
    await expectContains(page.locator('.form-label:visible', { hasText: '库存变化' }), '现有 10 件')
    expect(await page.locator('#item-name:visible input').inputValue()).toBe('环保购物袋')
    await fill('#item-stock', '5')
    await page.locator('#item-save:visible').click()
    await expectContains(page.locator('.form-label:visible', { hasText: '库存变化' }), '现有 15 件')
    await shot(page, 'tour-p6-item-edit')
    const items = await apiAs<ApiPage<ItemView>>(SECRETARY, 'mall.items', { communityId: C, includeInactive: true })
    item = items.items.find((i) => i.name === '环保购物袋')!
    expect(item).toMatchObject({ stock: 15, price: 40, perPersonLimit: 2, sponsorName: '青山区第一中学', active: true })
  })

  await timed('orders', async () => {
    // a resident earns points and redeems one, through the function
    await apiAs(RESIDENT, 'org.login')
    await apiAs(SECRETARY, 'points.grant', {
      communityId: C,
      userId: RESIDENT_ID,
      amount: 100,
      reason: '重阳节志愿服务',
      sponsorId: sponsor.id,
      requestKey: 'tour-grant-0001',
    })
    const order = await apiAs<OrderView>(RESIDENT, 'mall.redeem', { communityId: C, itemId: item.id, quantity: 1, requestKey: 'tour-redeem-0001' })
    await open(`/packages/points/pages/admin-orders/index?communityId=${C}`)
    const row = page.locator(`.order-row[data-id="${order.id}"]:visible`)
    await expectContains(row, '环保购物袋 ×1')
    await expectContains(row, '待取货')
    await expectContains(row, '王*英 · 40 积分')
    await page.locator('.seg__opt:visible', { hasText: '已取货' }).click()
    await expectContains(page.locator('#admin-orders:visible'), '没有已取货的订单')
    await page.locator('.seg__opt:visible', { hasText: '待取货' }).click()
    await expectContains(page.locator(`.order-row[data-id="${order.id}"]:visible`), '取货截止')
    await shot(page, 'tour-p7-orders')
  })

  await timed('report', async () => {
    await open(`/packages/points/pages/admin-report/index?communityId=${C}`)
    const report = await apiAs<ReportView>(SECRETARY, 'points.report', { communityId: C, months: 12 })
    expect(report.totals).toMatchObject({ budget: 400, issued: 100, redeemed: 40, outstanding: 60 })
    const totals = page.locator('#report-totals:visible')
    await expectContains(totals, '400')
    await expectContains(totals, '居民手里未用')
    for (const n of ['400', '100', '40', '60']) expect(await totals.locator('.stat__num', { hasText: new RegExp(`^${n}$`) }).count()).toBe(1)
    await expectContains(page.locator('.report-warning:visible'), '青山区第一中学的积分预算只剩 400，低于提醒线 600')
    await expectContains(page.locator('#report-sponsors:visible'), '⚠ 青山区第一中学')
    await expectContains(page.locator('#report-months:visible'), String(new Date().getFullYear()))
    expect(await smallestText(page.locator('#report-sponsors:visible'))).toBeGreaterThanOrEqual(13)
    await shot(page, 'tour-p8-report', true)
  })

  await timed('grant', async () => {
    const before = await apiAs<BalanceView>(RESIDENT, 'points.balance', { communityId: C })
    await open(`/packages/admin/pages/member/index?communityId=${C}&userId=${RESIDENT_ID}`)
    await expectContains(page.locator('#member-detail:visible'), '王秀英')
    await page.locator('#member-grant:visible').click()
    await expectContains(page.locator('.card-title:visible'), '王秀英')
    await fill('#grant-amount', '30')
    await fill('#grant-reason', '楼道清扫志愿服务 2 小时')
    await page.locator('.seg__opt:visible', { hasText: '青山区第一中学（剩 400）' }).click()
    await shot(page, 'tour-p9-grant')
    await page.locator('#grant-submit:visible').click()
    await expectContains(page.locator('.taro__modal').last(), '给王秀英发放 30 积分？')
    await confirmModal()
    await expectContains(page.locator('#grant-done:visible'), `已发放，王秀英现在有 ${before.balance + 30} 积分`)
    const after = await apiAs<BalanceView>(RESIDENT, 'points.balance', { communityId: C })
    expect(after.balance).toBe(before.balance + 30)
    await shot(page, 'tour-p10-granted')
  })

  expect(errors).toEqual([])
})

test('a resident registers her door step by step, and the secretary names a building head as proxy', async () => {
  await timed('household', async () => {
    const before = await apiAs<Me>(MOVER, 'org.login')
    expect(before.household?.id).toBe('h-xingfuli-yuan-1-1-601')
    await switchTo(page, e2e.url, MOVER)
    await page.locator('.tab-bar__item:visible', { hasText: '我的' }).click()
    await expectContains(page.locator('#me-household:visible'), '601')
    await page.locator('#me-household-row:visible').click()
    const picker = page.locator('#household-picker:visible')
    await expectContains(picker, '第一步：选社区')
    await picker.locator('.hh__opt[data-id="c-xingfuli"]').click()
    await expectContains(picker, '第二步：选小区')
    await shot(page, 'tour-p11-picker-compound')
    await picker.locator('.hh__opt', { hasText: '锦绣花园' }).click()
    await expectContains(picker, '第三步：选楼栋')
    await picker.locator('.hh__opt', { hasText: '2' }).first().click()
    await expectContains(picker, '最后：选门牌')
    await expectContains(picker.locator('.hh__where'), '幸福里社区 锦绣花园')
    const door = picker.locator('.hh__opt[data-id="h-jinxiu-2-1-502"]')
    await door.scrollIntoViewIfNeeded()
    await shot(page, 'tour-p12-picker-door')
    await door.click()
    await expectContains(page.locator('.taro__modal').last(), '锦绣花园')
    await confirmModal()
    await page.locator('#household-picker').waitFor({ state: 'detached' })
    const after = await until(
      () => apiAs<Me>(MOVER, 'org.me'),
      (m) => m.household?.id === 'h-jinxiu-2-1-502',
      'the new door',
    )
    expect(after.household!.label).toContain('502')
    expect([after.householdStatus, after.roles]).toEqual(['pending', []])
    await expectContains(page.locator('#me-household:visible'), after.household!.label)
    await expectContains(page.locator('#me-household:visible'), '待确认')
    await expectContains(page.locator('#me-household-note:visible'), '楼栋长或社区确认')
    await shot(page, 'tour-p13-me-household')
  })

  await timed('confirm household', async () => {
    // 锦绣花园 2栋 is not 孙丽华's building: the secretary confirms it on 住址确认.
    expect((await apiAs<{ items: unknown[] }>(HEAD, 'org.householdQueue', { communityId: C })).items).toEqual([])
    await switchTo(page, e2e.url, SECRETARY)
    await page.locator('.tab-bar__item:visible', { hasText: '我的' }).click()
    await page.locator('#entry-households:visible').click()
    const claim = page.locator('.household-claim:visible', { hasText: '韩冬梅' })
    await expectContains(claim, '锦绣花园 2栋 1单元 502')
    await shot(page, 'tour-p13b-households')
    await claim.locator('.household-approve').click()
    await expectContains(page.locator('.taro__modal').last(), '韩冬梅住在')
    await confirmModal()
    await claim.waitFor({ state: 'detached' })
    await expectContains(page.locator('#households-list:visible'), '没有等待确认的住址')
    const confirmed = await apiAs<Me>(MOVER, 'org.me')
    expect([confirmed.householdStatus, confirmed.roles.map((r) => r.role)]).toEqual(['verified', ['resident']])
  })

  await timed('proxy', async () => {
    const headBefore = await apiAs<Me>(HEAD, 'org.login')
    expect(headBefore.proxyFor.some((p) => p.userId === RESIDENT_ID)).toBe(false)
    await switchTo(page, e2e.url, SECRETARY)
    await open(`/packages/admin/pages/member/index?communityId=${C}&userId=${RESIDENT_ID}`)
    const row = page.locator(`#member-proxy:visible .row[data-id="${HEAD_ID}"]`)
    await expectContains(row, '孙*华')
    await row.scrollIntoViewIfNeeded()
    await shot(page, 'tour-p14-proxy-before')
    await row.locator('.proxy-toggle').click()
    await expectContains(page.locator('.taro__modal').last(), '让楼栋长孙*华代王秀英发布心愿')
    await confirmModal()
    await expectContains(row, '正在代办')
    await expectContains(row.locator('.proxy-toggle'), '取消代办')
    await expectContains(page.locator('#member-detail:visible'), '代办人')
    await shot(page, 'tour-p15-proxy-on')
    const member = await apiAs<MemberDetail>(SECRETARY, 'org.member', { communityId: C, userId: RESIDENT_ID })
    expect(member.proxies.map((p) => p.proxyId)).toContain(HEAD_ID)
    const head = await apiAs<Me>(HEAD, 'org.me')
    expect(head.proxyFor.find((p) => p.userId === RESIDENT_ID)?.name).toBe('王秀英')

    // the head sees her on 我的 → 我代办的居民
    await switchTo(page, e2e.url, HEAD)
    await page.locator('.tab-bar__item:visible', { hasText: '我的' }).click()
    await expectContains(page.locator(`#me-proxy:visible .row[data-id="${RESIDENT_ID}"]`), '王秀英')
  })

  expect(errors).toEqual([])
})

/**
 * What a newcomer touring the H5 build ran into (issue 11, items 5–9), in Chromium at phone size, on the
 * showcase `npm start` seeds: as the default resident (王秀英, 80 points after her rice) the areas not yet
 * open would say 即将开放 on 首页 (all six are open now); elder mode makes the tab bar big too; she redeems something with her own points;
 * the post page promises the review's result and the approval sends it; headings on 议事 and 隐私保护指引
 * stand on their own line; the organiser's activity page offers to copy its link (the browser has no ···
 * menu) and shows no lone 组织者 heading once the activity is over; the browser finds the site's icon.
 */
import type { Page } from 'playwright-core'
import { agreeIfAsked, expectContains, measure as measureOf, openRoute, phoneContext, shot as shotOf, startE2E, switchTo, type E2E } from '../support/e2e'
import { DEMO } from '../../local/seed/demo'
import { ROUTES } from '../../src/routes'
import type { ActivityView } from '../../types/party'
import type { BalanceView, ItemView } from '../../types/points'
import type { Page as ApiPage } from '../../types/common'

jest.setTimeout(240_000)

let e2e: E2E
let page: Page
const resident = DEMO.defaultResident.openid
const secretary = DEMO.secretaryXingfuli.openid
const communityId = DEMO.xingfuli

const shot = (name: string, fullPage = false) => shotOf(page, name, fullPage)
const measure = (selector: string) => measureOf(page, selector)
const tab = (label: string) => page.locator('.tab-bar__item:visible', { hasText: label }).click()

beforeAll(async () => {
  e2e = await startE2E({ showcase: true })
  page = await (await phoneContext(e2e.browser)).newPage()
  page.setDefaultTimeout(15_000)
}, 300_000)

afterAll(async () => {
  await e2e?.close()
})

test('the default resident: every 首页 tile open (none says 即将开放), a big tab bar in elder mode, and points enough to redeem', async () => {
  await page.goto(e2e.url)
  await agreeIfAsked(page)
  await expectContains(page.locator('.home__entry[data-route="services.index"]:visible'), '代办 · 接待日')
  for (const route of ['wishes', 'party.index', 'council', 'points.index', 'services.index', 'requests.index']) {
    expect(await page.locator(`.home__entry[data-route="${route}"]:visible`).textContent()).not.toContain('即将开放')
  }
  await expectContains(page.locator('.tab-bar__item--on:visible'), '首页')
  const usual = await measure('.tab-bar__label')
  await shot('n1-home')

  // 长辈模式 on 我的: the tab bar grows with the rest of the page
  await tab('我的')
  await page.locator('#elder-row:visible .me__elder-title').click()
  await page.locator('.page.elder:visible').waitFor()
  await expectContains(page.locator('.tab-bar__item--on:visible'), '我的')
  const label = await measure('.tab-bar__label')
  expect(label.fontSize).toBeGreaterThanOrEqual(18)
  expect(label.fontSize).toBeGreaterThan(usual.fontSize)
  expect((await measure('.tab-bar__icon')).height).toBeGreaterThanOrEqual(30)
  expect((await measure('.tab-bar__item')).height).toBeGreaterThanOrEqual(60)
  await shot('n2-me-elder')
  await tab('首页')
  await expectContains(page.locator('.tab-bar__item--on:visible'), '首页')
  expect((await measure('.tab-bar__label')).fontSize).toBeGreaterThanOrEqual(18)
  // scrolled to the end, the last card clears the bar
  await page.locator('#home-community:visible').waitFor()
  const clear = await page.evaluate(() => {
    const shown = (sel: string) => Array.from(document.querySelectorAll(sel)).find((e) => e.getClientRects().length > 0) as HTMLElement
    const card = shown('#home-community')
    let box: HTMLElement | null = card
    while (box && box.scrollHeight <= box.clientHeight) box = box.parentElement
    if (box) box.scrollTop = box.scrollHeight
    const bar = shown('#tab-bar')
    return bar.getBoundingClientRect().top - card.getBoundingClientRect().bottom
  })
  expect(clear).toBeGreaterThanOrEqual(0)
  await shot('n3-home-elder-end')

  // 积分超市: the cheapest thing in stock, with her own points
  const before = await e2e.api<BalanceView>(resident, 'points.balance', { communityId })
  const items = (await e2e.api<ApiPage<ItemView>>(resident, 'mall.items', { communityId })).items.filter((i) => i.stock > 0 && i.active)
  const cheapest = items.sort((a, b) => a.price - b.price)[0]
  expect(before.balance).toBeGreaterThanOrEqual(cheapest.price)
  await page.locator('.home__entry:visible', { hasText: '积分超市' }).click()
  await expectContains(page.locator('#mall-balance:visible'), String(before.balance))
  await page.locator(`.mall-item[data-id="${cheapest.id}"]:visible`).click()
  await page.locator('#redeem-open:visible').click()
  await page.locator('#redeem-sheet:visible #sheet-submit').click()
  await page.locator('#pickup-code:visible').waitFor()
  await shot('n4-redeemed')
  expect((await e2e.api<BalanceView>(resident, 'points.balance', { communityId })).balance).toBe(before.balance - cheapest.price)
})

test('posting a wish promises the review result, and the approval sends it', async () => {
  await page.goto(e2e.url)
  await agreeIfAsked(page)
  await tab('心愿')
  await page.locator('#wish-post:visible').click()
  await page.locator('#wish-title:visible input').fill('想请人帮忙修一下门锁')
  await page.locator('#wish-desc:visible textarea').fill('家门的锁有点卡，钥匙不好转，想请懂行的邻居帮忙看看。')
  await page.locator('#wish-cats .seg__opt[data-value="生活帮扶"]:visible').click()
  await page.locator('#wish-submit:visible').click()
  const posted = page.locator('#wish-posted:visible')
  await expectContains(posted, '已提交，社区审核后会出现在心愿墙')
  await expectContains(page.locator('#wish-posted-notices:visible'), '审核有了结果、有人认领、心愿完成，都会发微信通知告诉您')
  const wishId = (await posted.getAttribute('data-id'))!
  await shot('n5-wish-posted')

  await e2e.api(secretary, 'wish.review', { communityId, wishId, approve: true })
  const outbox = (await (await fetch(new URL('/dev/outbox.json', e2e.url))).json()) as {
    templateId: string
    toName: string
    page: string
    data: Record<string, string>
  }[]
  const told = outbox.filter((m) => m.templateId === 'local-tpl-wish-reviewed' && m.page.includes(wishId))
  expect(told).toEqual([expect.objectContaining({ toName: '王秀英', data: expect.objectContaining({ thing1: '想请人帮忙修一下门锁', phrase2: '已通过' }) })])
})

test('议事 and 隐私保护指引: each card heading stands on its own line above its text', async () => {
  const headingsAbove = () =>
    page.evaluate(() =>
      Array.from(document.querySelectorAll('.card-title'))
        .filter((h) => (h as HTMLElement).offsetParent && h.nextElementSibling)
        .map((h) => ({ text: h.textContent, gap: h.nextElementSibling!.getBoundingClientRect().top - h.getBoundingClientRect().bottom })),
    )
  await page.goto(e2e.url)
  await tab('议事')
  await expectContains(page.locator('.card-title:visible'), '居民议事厅')
  const council = await headingsAbove()
  expect(council.length).toBeGreaterThan(0)
  for (const h of council) expect(h.gap).toBeGreaterThanOrEqual(0)
  await shot('n6-council')

  await openRoute(page, e2e.url, ROUTES.privacy)
  await expectContains(page.locator('.card-title:visible'), '我们收集什么')
  const privacy = await headingsAbove()
  expect(privacy.map((h) => h.text)).toEqual(expect.arrayContaining(['我们收集什么', '位置信息', '您的权利']))
  for (const h of privacy) expect(h.gap).toBeGreaterThanOrEqual(0)
  await shot('n7-privacy')
})

test('the organiser’s activity page: copy the link instead of a ··· menu the browser lacks; no lone 组织者 heading once it is over', async () => {
  await switchTo(page, e2e.url, secretary)
  const upcoming = (await e2e.api<ApiPage<ActivityView>>(secretary, 'activity.list', { communityId, scope: 'upcoming' })).items
  const empty = upcoming.find((a) => a.signedUp === 0)!
  await openRoute(page, e2e.url, `${ROUTES['party.activity']}?id=${empty.id}&c=${communityId}`)
  const roster = page.locator('#activity-roster:visible')
  await expectContains(roster, '还没有人报名。复制活动链接')
  expect(await roster.textContent()).not.toContain('右上角')
  expect(await page.locator('.section-title:visible', { hasText: '组织者' }).count()).toBe(1) // over 出示签到码 and the rest
  await page.locator('#activity-copy-link:visible').click()
  const copied = await page.evaluate(() => localStorage.getItem('taro_clipboard') ?? '') // Taro's H5 clipboard keeps a copy here
  expect(copied).toContain(`#${ROUTES['party.activity']}?id=${empty.id}`)
  await shot('n8-activity-share')

  const past = (await e2e.api<ApiPage<ActivityView>>(secretary, 'activity.list', { communityId, scope: 'past' })).items
  const over = past.find((a) => a.status !== 'cancelled')!
  await openRoute(page, e2e.url, `${ROUTES['party.activity']}?id=${over.id}&c=${communityId}`)
  await expectContains(page.locator('#activity-roster:visible'), '报名名单')
  expect(await page.locator('.section-title:visible', { hasText: '组织者' }).count()).toBe(0)
  await shot('n9-activity-over')
})

test('the browser finds the site’s icon: no request ends in a 404', async () => {
  const failed: string[] = []
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`)
  })
  await page.goto(e2e.url)
  await page.locator('.home__entry:visible').first().waitFor()
  const icon = await page.evaluate(async () => {
    const link = document.querySelector('link[rel~="icon"]') as HTMLLinkElement | null
    const linked = link ? await fetch(link.href) : null
    const fallback = await fetch('/favicon.ico') // what a browser asks for when a page names no icon
    return { href: link?.getAttribute('href'), linked: linked && [linked.status, linked.headers.get('content-type')], fallback: fallback.status }
  })
  expect(icon).toEqual({ href: '/favicon.ico', linked: [200, 'image/x-icon'], fallback: 200 })
  expect(failed).toEqual([])
})

/**
 * Micro-wishes in the H5 build, in Chromium, against the local stack with the demo seed: the whole story
 * across four people, in the UI.
 *   the default resident posts a wish (post form) → it waits for review →
 *   the secretary approves it in 心愿审核 →
 *   a party member of the same community finds it on the wall, claims it (and then sees the wisher's
 *   phone), fulfils it with a proof →
 *   another resident opens the shared link: sees the story but not the phone →
 *   the resident confirms with five stars and thanks →
 *   the function agrees: closed, and the member earned the rule's points.
 * Screens for the eyes: /tmp/community-e2e/w*.png
 */
import type { Page } from 'playwright-core'
import { agreeIfAsked as agree, expectContains, phoneContext, shot as shotOf, startE2E, type DevPerson, type E2E } from '../support/e2e'
import type { Me } from '../../types/org'
import type { BalanceView, SponsorView } from '../../types/points'
import type { WishDetail } from '../../types/wish'

jest.setTimeout(300_000)

const RULE_POINTS = 20

let e2e: E2E
let page: Page
let people: DevPerson[]

const apiAs = <T>(openid: string, action: string, data: object = {}) => e2e.api<T>(openid, action, data)
const agreeIfAsked = () => agree(page)
const shot = (name: string, fullPage = false) => shotOf(page, name, fullPage)

async function tab(label: string) {
  await page.locator('.tab-bar__item:visible', { hasText: label }).click()
}

async function fontSize(selector: string) {
  return page
    .locator(`${selector} >> visible=true`)
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
}

async function switchTo(person: DevPerson) {
  await page.goto(e2e.url)
  await page.locator('#id-switcher-open:visible').click()
  await page.locator(`.id-switcher__person[data-openid="${person.openid}"]`).click()
  await page.waitForLoadState('load')
  await agreeIfAsked()
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

test('a wish goes from posting to a fulfilled, rated story, and the member earns points', async () => {
  const resident = people[0]
  const residentMe = await apiAs<Me>(resident.openid, 'org.login')
  const communityId = residentMe.household?.communityId ?? residentMe.roles[0].communityId
  const secretary = people.find((p) => p.roles.some((r) => r.role === 'secretary' && r.communityId === communityId))!
  const isMemberHere = (p: DevPerson) => p.roles.some((r) => r.role === 'party_member' && r.communityId === communityId)
  const isSecretaryHere = (p: DevPerson) => p.roles.some((r) => r.role === 'secretary' && r.communityId === communityId)
  const member = people.find((p) => p.openid === 'demo-zhang-wei' && isMemberHere(p)) ?? people.find((p) => isMemberHere(p) && !isSecretaryHere(p))!
  const neighbour = people.find((p) => p !== resident && p.roles.length > 0 && p.roles.every((r) => r.role === 'resident' && r.communityId === communityId))!
  expect([secretary, member, neighbour].every(Boolean)).toBe(true)

  // ---- the secretary pays 20 points per fulfilled wish, from a funded sponsor ----
  await apiAs(secretary.openid, 'points.setRule', { communityId, kind: 'wish_fulfilled', points: RULE_POINTS, dailyCap: null, monthlyCap: null, active: true })
  const sponsors = await apiAs<SponsorView[]>(secretary.openid, 'points.setSponsor', { communityId, name: '幸福里物业', warnBelow: 50 })
  const sponsor = sponsors.find((s) => s.name === '幸福里物业')!
  await apiAs(secretary.openid, 'points.fundSponsor', { communityId, sponsorId: sponsor.id, amount: 500, note: '微心愿积分', requestKey: 'e2e-wish-fund-01' })
  const before = await apiAs<BalanceView>(member.openid, 'points.balance', { communityId })
  // the resident reads big text, as many of them do
  await apiAs(resident.openid, 'org.updateProfile', { elderMode: true })

  // ---- the resident: 心愿 tab (empty wall) → 发布心愿 → the form ----
  await page.goto(e2e.url)
  await agreeIfAsked()
  await tab('心愿')
  await expectContains(page.locator('.wall:visible'), '还没有心愿，说出您的小心愿，党员志愿者来帮您')
  expect(await fontSize('#wish-filters .seg__opt')).toBeGreaterThanOrEqual(18)
  await shot('w0-wall-empty-elder')
  await page.locator('#wish-post:visible').click()
  await page.locator('#wish-title:visible input').fill('想请人帮忙换个厨房灯泡')
  await page.locator('#wish-desc:visible textarea').fill('厨房的灯坏了，我够不着，想请人帮忙换一下，灯泡我已经买好了。白天都在家。')
  await page.locator('#wish-cats .seg__opt[data-value="生活帮扶"]:visible').click()
  await expectContains(page.locator('#wish-building:visible'), '1栋')
  expect(await fontSize('#wish-title')).toBeGreaterThanOrEqual(18)
  expect(await fontSize('.form-label')).toBeGreaterThanOrEqual(18)
  await page.locator('#wish-title:visible').scrollIntoViewIfNeeded()
  await shot('w1-post-form-elder')
  await page.locator('#wish-submit:visible').scrollIntoViewIfNeeded()
  await shot('w1b-post-form-elder-bottom')
  await page.locator('#wish-submit:visible').click()
  const posted = page.locator('#wish-posted:visible')
  await expectContains(posted, '已提交，社区审核后会出现在心愿墙')
  const wishId = (await posted.getAttribute('data-id'))!
  expect(wishId).toBeTruthy()
  await shot('w2-posted')

  // ---- the secretary approves it in 心愿审核 ----
  await switchTo(secretary)
  await tab('我的')
  await page.locator('#entry-wish-review:visible').click()
  const queued = page.locator(`.wish-card[data-id="${wishId}"]:visible`)
  await expectContains(queued, '想请人帮忙换个厨房灯泡')
  await expectContains(queued, '审核中')
  await shot('w3-review-queue')
  await queued.locator('.review-approve').click()
  await queued.waitFor({ state: 'detached' })
  await expectContains(page.locator('#review-list:visible'), '没有等待审核的心愿')

  // ---- a party member claims it on the wall ----
  await switchTo(member)
  await tab('心愿')
  const card = page.locator(`.wish-card[data-id="${wishId}"]:visible`)
  await expectContains(card, '想请人帮忙换个厨房灯泡')
  await expectContains(card, '待认领')
  await expectContains(card, '*') // the wisher's name, masked
  await shot('w4-wall')
  expect(await fontSize('.wish-card__title')).toBeGreaterThanOrEqual(16)
  await card.click()
  await page.locator('#wish-claim:visible').click()
  await expectContains(page.locator('#wish-sheet:visible'), '认领后您能看到许愿人的电话')
  await page.locator('#sheet-submit:visible').click()
  await page.locator('#wish-sheet').waitFor({ state: 'detached' })
  await expectContains(page.locator('#wish-head:visible'), '已认领')
  const phone = page.locator('#wish-phone:visible')
  await expectContains(phone, '1380000') // the claimer sees the wisher's full phone to call
  await expectContains(page.locator('#wish-contact:visible'), '王秀英')
  await shot('w5-detail-claimed')

  // fulfil with a proof
  await page.locator('#wish-fulfil:visible').click()
  await page.locator('#sheet-text:visible textarea').fill('周六上午上门把厨房灯泡换好了，顺便检查了开关，一切正常。')
  await page.locator('#sheet-submit:visible').click()
  await page.locator('#wish-sheet').waitFor({ state: 'detached' })
  await expectContains(page.locator('#wish-head:visible'), '已完成待确认')
  await expectContains(page.locator('#wish-proof:visible'), '把厨房灯泡换好了')

  // ---- another resident opens the shared link as a first page: the story, but no phone ----
  await switchTo(neighbour)
  await page.goto(new URL(`/#/packages/wish/pages/detail/index?id=${encodeURIComponent(wishId)}&c=${encodeURIComponent(communityId)}`, e2e.url).href)
  await expectContains(page.locator('#wish-title:visible'), '想请人帮忙换个厨房灯泡')
  await expectContains(page.locator('#wish-timeline:visible'), '完成了心愿')
  expect(await page.locator('#wish-phone').count()).toBe(0)
  expect(await page.locator('#wish-contact').count()).toBe(0)
  expect(await page.locator('.wish-detail:visible').textContent()).not.toContain('1380000')
  expect(await page.locator('#wish-actions').count()).toBe(0)

  // ---- the resident confirms with stars and thanks ----
  await switchTo(resident)
  await tab('我的')
  await page.locator('#entry-my-wishes:visible').click()
  const mine = page.locator(`.wish-card[data-id="${wishId}"]:visible`)
  await expectContains(mine, '已完成待确认')
  await mine.click()
  await page.locator('#wish-confirm:visible').click()
  await page.locator('.star[data-n="5"]:visible').click()
  await expectContains(page.locator('#wish-sheet:visible'), '5 星')
  await page.locator('#sheet-text:visible textarea').fill('谢谢小张，厨房亮堂多了！')
  await shot('w6-confirm-sheet-elder')
  await page.locator('#sheet-submit:visible').click()
  await page.locator('#wish-sheet').waitFor({ state: 'detached' })
  await expectContains(page.locator('#wish-head:visible'), '已圆梦')
  await expectContains(page.locator('#wish-rating:visible'), '谢谢小张')

  // the timeline tells the whole story, newest first
  const timeline = page.locator('#wish-timeline:visible')
  for (const words of ['发布了心愿', '审核通过', '认领了心愿', '完成了心愿', '确认并评价', '把厨房灯泡换好了']) await expectContains(timeline, words)
  const events = await timeline.locator('.tl__item').evaluateAll((els) => els.map((e) => e.getAttribute('data-event')))
  expect(events).toEqual(['confirm', 'fulfil', 'claim', 'approve', 'post'])
  await shot('w7-detail-closed-elder')
  await timeline.scrollIntoViewIfNeeded()
  await shot('w7b-detail-timeline-elder')

  // the wall, as the resident sees it now
  await page.locator('#wish-back-wall:visible').click()
  await expectContains(page.locator(`.wish-card[data-id="${wishId}"]:visible`), '已圆梦')
  expect(await fontSize('.wish-card__title')).toBeGreaterThanOrEqual(20)
  await shot('w8-wall-elder')

  // ---- the function agrees ----
  const wish = await apiAs<WishDetail>(resident.openid, 'wish.get', { communityId, wishId })
  expect(wish.status).toBe('closed')
  expect(wish.rating?.stars).toBe(5)
  const after = await apiAs<BalanceView>(member.openid, 'points.balance', { communityId })
  expect(after.balance).toBe(before.balance + RULE_POINTS)
})

test('the secretary reads the numbers, edits the categories and finds the overdue queue', async () => {
  const communityId = 'c-xingfuli'
  const secretary = people.find((p) => p.roles.some((r) => r.role === 'secretary' && r.communityId === communityId))!
  await switchTo(secretary)
  await tab('我的')
  await page.locator('#entry-wish-stats:visible').click()
  await expectContains(page.locator('#wish-stats:visible'), '共发布心愿')
  await expectContains(page.locator('#wish-ratings:visible'), '平均 5.0 星')
  await shot('w9-stats')

  await page.goto(e2e.url)
  await tab('我的')
  await page.locator('#entry-wish-settings:visible').click()
  await page.locator('#cat-new:visible input').fill('家电维修')
  await page.locator('#cat-add:visible').click()
  await expectContains(page.locator('#wish-settings-cats:visible'), '家电维修')
  await page.locator('#settings-save:visible').click()
  const deadline = Date.now() + 10_000
  let cats: string[] = []
  while (Date.now() < deadline && !cats.includes('家电维修')) {
    cats = (await apiAs<{ categories: string[] }>(secretary.openid, 'wish.settings', { communityId })).categories
    await new Promise((r) => setTimeout(r, 200))
  }
  expect(cats).toContain('家电维修')
  await shot('w10-settings')

  await page.goto(e2e.url)
  await tab('我的')
  await page.locator('#entry-wish-overdue:visible').click()
  await expectContains(page.locator('#overdue-list:visible'), '没有超期的心愿')
})

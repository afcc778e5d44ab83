/**
 * 双报到 and a volunteer activity in the H5 build, in Chromium, against the local stack with the demo seed.
 * Through the function, the secretary of 幸福里社区 prints the community's registration code (its scene
 * token), publishes an activity that is on now (10 points an hour) and funds a sponsor. In the browser a
 * resident who is not yet a party member opens the register page with that scene (as a scanned 小程序码
 * would), sees the community, fills the form (big text: elder mode) and submits; the secretary (a second
 * browser context, so both people stay signed in) approves in 报到审核. The new member signs up to the
 * activity, checks in by typing the 6 digits shown large beside the QR on the organiser's 出示签到码 page
 * (no camera needed), and checks out by pasting the long token shown under the QR. Time is moved
 * on in the database (the stack runs in this process); the secretary confirms hours in the UI, and the
 * function confirms the member earned exactly 10 points and has 1 confirmed hour.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { agreeIfAsked, measure, openRoute, phoneContext, shot, SHOTS, startE2E, type E2E } from '../support/e2e'
import type { Me } from '../../types/org'
import type { ActivityDetail, ActivityView, RegistrationView } from '../../types/party'
import type { BalanceView, SponsorView } from '../../types/points'

const COMMUNITY = 'c-xingfuli'
const MEMBER_OPENID = 'demo-lin-xiaoyan'

jest.setTimeout(300_000)

let e2e: E2E
const apiAs = <T>(openid: string, action: string, data: object = {}) => e2e.api<T>(openid, action, data)
const timings: Record<string, number> = {}

const openPages: Page[] = []
async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage()
  openPages.push(page)

  page.on('pageerror', (e) => console.log(`[page error] ${e.message}`))
  page.setDefaultTimeout(15_000)
  return page
}

/** Become someone through the local identity switcher, the way a developer would. */
async function switchTo(page: Page, openid: string) {
  await page.goto(e2e.url)
  await page.locator('#id-switcher-open:visible').click()
  await page.locator(`.id-switcher__person[data-openid="${openid}"]`).click()
  await page.waitForLoadState('load')
  await page.locator('#home-greeting:visible').waitFor()
  await agreeIfAsked(page)
}

// A change of hash alone does not make Taro's router open the page: load it afresh, as a scan or a share card would.
const open = (page: Page, route: string) => openRoute(page, e2e.url, route)

async function expectContains(locator: ReturnType<Page['locator']>, text: string) {
  const deadline = Date.now() + 15_000
  let last: string
  for (;;) {
    last =
      (await locator
        .first()
        .textContent()
        .catch(() => '')) ?? ''
    if (last.includes(text)) return
    if (Date.now() > deadline) {
      // leave evidence: what each person's screen showed
      fs.mkdirSync(SHOTS, { recursive: true })
      await Promise.all(openPages.map((p, i) => p.screenshot({ path: path.join(SHOTS, `party-fail-${i}.png`), fullPage: true }).catch(() => undefined)))
      throw new Error(`expected ${locator} to contain "${text}", it shows "${last.slice(0, 300)}"`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** The organiser's check-in code page shows the current token under the QR. */
async function currentToken(page: Page): Promise<string> {
  const el = page.locator('#checkin-token:visible')
  await el.waitFor()
  const token = (await el.getAttribute('data-token'))!
  expect((await el.textContent())!.trim()).toBe(token)
  return token
}

/** The organiser's page shows the 6-digit code large beside the QR, as "123 456" (to read aloud). */
async function currentDigits(page: Page): Promise<string> {
  const el = page.locator('#checkin-short:visible')
  await el.waitFor()
  const code = (await el.getAttribute('data-code'))!
  expect(code).toMatch(/^\d{6}$/)
  const shown = (await page.locator('#checkin-short-digits:visible').textContent())!.replace(/\s/g, '')
  expect(shown).toBe(code)
  return shown
}

async function typeDigits(page: Page, digits: string) {
  await page.locator('#scan-digits:visible input').fill(digits)
  await page.locator('#scan-digits-submit:visible').click()
}

async function typeToken(page: Page, token: string) {
  await page.locator('#scan-input:visible textarea').fill(token)
  await page.locator('#scan-submit:visible').click()
}

beforeAll(async () => {
  const t = Date.now()
  e2e = await startE2E()
  timings.start = Date.now() - t
}, 400_000)

afterAll(async () => {
  await e2e?.close()

  console.log('party e2e timings (ms):', JSON.stringify(timings))
})

test('a party member registers by scene, is approved, checks in and out of an activity and is paid for the hour', async () => {
  const t0 = Date.now()
  const secretary = e2e.people.find((p) => p.roles.some((r) => r.role === 'secretary' && r.communityId === COMMUNITY))!
  expect(secretary).toBeDefined()
  const memberPerson = e2e.people.find((p) => p.openid === MEMBER_OPENID)!
  expect(memberPerson.roles.some((r) => r.role === 'party_member')).toBe(false)
  const memberMe = await apiAs<Me>(MEMBER_OPENID, 'org.login')
  expect(memberMe.household?.communityId).toBe(COMMUNITY)

  // ---- the secretary prepares, through the function ----
  const code = await apiAs<{ scene: string; page: string; qr: string }>(secretary.openid, 'party.registerCode', { communityId: COMMUNITY })
  expect(code.qr).toMatch(/^data:image\/png;base64,/)
  const now = Date.now()
  const activity = await apiAs<ActivityView>(secretary.openid, 'activity.upsert', {
    communityId: COMMUNITY,
    title: '幸福里小区环境整治',
    description: '清理楼道杂物、打扫草坪。请穿方便干活的衣服，手套和工具社区准备。',
    place: '幸福里小区南门',
    startAt: new Date(now - 10 * 60_000).toISOString(),
    endAt: new Date(now + 50 * 60_000).toISOString(),
    capacity: 40,
    pointsPerHour: 10,
  })
  const sponsors = await apiAs<SponsorView[]>(secretary.openid, 'points.setSponsor', { communityId: COMMUNITY, name: '青山区城管局', warnBelow: 100 })
  const sponsor = sponsors.find((s) => s.name === '青山区城管局')!
  await apiAs(secretary.openid, 'points.fundSponsor', {
    communityId: COMMUNITY,
    sponsorId: sponsor.id,
    amount: 1000,
    note: '2026 年志愿服务积分',
    requestKey: 'e2e-party-fund-0001',
  })
  const before = await apiAs<BalanceView>(MEMBER_OPENID, 'points.balance', { communityId: COMMUNITY })
  // many members read with big text: the member uses elder mode
  await apiAs(MEMBER_OPENID, 'org.updateProfile', { elderMode: true })
  timings.apiSetup = Date.now() - t0

  // Two browser contexts: the member and the secretary each keep their own identity.
  const member = await newPage(await phoneContext(e2e.browser))
  const sec = await newPage(await phoneContext(e2e.browser))

  // ---- the member scans the code: the register page with its scene ----
  let t = Date.now()
  await switchTo(member, MEMBER_OPENID)
  await open(member, `/packages/party/pages/register/index?scene=${encodeURIComponent(code.scene)}`)
  await expectContains(member.locator('#register-where:visible'), '幸福里社区')
  const form = member.locator('#register-form:visible')
  await form.waitFor()
  await shot(member, 'party1-register-top')
  await member.locator('#reg-name:visible input').fill('林小燕')
  await member.locator('#reg-unit:visible .seg__opt').first().click()
  await member.locator('#reg-branch:visible input').fill('青山区教育局第二党支部')
  await member.locator('#reg-type:visible .choice[data-value="在职"]').click()
  // her home (幸福里小区 2栋, registered on 我的) is chosen already
  await expectContains(member.locator('#reg-home:visible .seg__opt--on'), '幸福里小区')
  await expectContains(member.locator('#reg-building:visible .seg__opt--on'), '2')
  await member.locator('#reg-skills:visible .seg__opt[data-value="辅导作业"]').click()
  await member.locator('#reg-pledge:visible textarea').fill('每周六上午辅导小区孩子写作业')
  expect((await measure(member, '#reg-type .choice__text')).fontSize).toBeGreaterThanOrEqual(18)
  expect((await measure(member, '#reg-type .choice')).height).toBeGreaterThanOrEqual(60)
  expect((await measure(member, '#register-submit')).height).toBeGreaterThanOrEqual(60)
  await member.locator('#reg-type:visible').scrollIntoViewIfNeeded()
  await shot(member, 'party1b-register-filled')
  await member.locator('#register-submit:visible').click()
  await expectContains(member.locator('#register-done:visible'), '报到已提交')
  await shot(member, 'party2-register-done')
  const mine = await apiAs<{ current: RegistrationView | null }>(MEMBER_OPENID, 'party.myRegistration')
  expect(mine.current?.status).toBe('pending')
  expect(mine.current?.communityId).toBe(COMMUNITY)
  expect(mine.current?.memberType).toBe('在职')
  expect(mine.current?.skills).toEqual(['辅导作业'])
  expect(mine.current?.home).toContain('幸福里小区')
  timings.register = Date.now() - t

  // ---- the secretary approves in 报到审核, reached from 我的 ----
  t = Date.now()
  await switchTo(sec, secretary.openid)
  await sec.locator('.tab-bar__item:visible', { hasText: '我的' }).click()
  await sec.locator('#entry-party-review:visible').click()
  const card = sec.locator(`#reg-list [data-id="${mine.current!.id}"]:visible`)
  await expectContains(card, '青山区教育局第二党支部')
  await expectContains(card, '每周六上午辅导小区孩子写作业')
  await shot(sec, 'party3-review')
  await card.locator('.reg-approve').click()
  await card.waitFor({ state: 'detached' })
  const approved = await apiAs<{ current: RegistrationView | null }>(MEMBER_OPENID, 'party.myRegistration')
  expect(approved.current?.status).toBe('verified')
  const memberNow = await apiAs<Me>(MEMBER_OPENID, 'org.me')
  expect(memberNow.roles.some((r) => r.role === 'party_member' && r.communityId === COMMUNITY)).toBe(true)
  timings.review = Date.now() - t

  // ---- the member signs up ----
  t = Date.now()
  await open(member, `/packages/party/pages/index/index`)
  await expectContains(member.locator('#my-registration:visible'), '已报到')
  await open(member, `/packages/party/pages/activity/index?id=${activity.id}&c=${COMMUNITY}`)
  await expectContains(member.locator('#activity-title:visible'), '幸福里小区环境整治')
  await expectContains(member.locator('#activity-capacity:visible'), '已报名 0/40')
  await member.locator('#activity-signup:visible').click()
  await expectContains(member.locator('#my-signup:visible'), '已报名')
  await expectContains(member.locator('#activity-capacity:visible'), '已报名 1/40')
  expect((await measure(member, '#activity-checkin')).height).toBeGreaterThanOrEqual(60)
  await shot(member, 'party4-activity-signed')
  timings.signUp = Date.now() - t

  // ---- the organiser shows the code; the member types the 6 digits read out to them ----
  t = Date.now()
  await open(sec, `/packages/party/pages/checkin-code/index?communityId=${COMMUNITY}&activityId=${activity.id}`)
  await sec.locator('#checkin-qr:visible').waitFor()
  await expectContains(sec.locator('#checkin-countdown:visible'), '秒后自动换新码')
  // the digits are large beside the QR: readable across a table, by an elderly member too
  const digits = await currentDigits(sec)
  expect((await measure(sec, '#checkin-short-digits')).height).toBeGreaterThanOrEqual(48)
  await shot(sec, 'party5-checkin-code')

  await member.locator('#activity-checkin:visible').click()
  await member.locator('#scan-digits:visible').waitFor()
  expect((await measure(member, '#scan-digits')).height).toBeGreaterThanOrEqual(60)
  // a wrong long code and wrong digits are refused in plain words
  await typeToken(member, 'not-a-real-token-123')
  await expectContains(member.locator('#scan-error:visible'), '不是有效的签到码')
  await typeDigits(member, digits === '000000' ? '000001' : '000000')
  await expectContains(member.locator('#scan-error:visible'), '数字签到码不对')
  await expectContains(member.locator('#scan-error:visible'), '还可以试 4 次')
  // the digits the organiser's page shows now (they change every minute)
  await typeDigits(member, await currentDigits(sec))
  await expectContains(member.locator('#scan-result:visible'), '签到成功')
  await shot(member, 'party6-checked-in')

  // an hour of service: move the check-in an hour back (the stack runs in this process)

  const db = require('wx-server-sdk').database()
  await db
    .collection('activity_signups')
    .doc(`${activity.id}_${memberMe.userId}`)
    .update({ data: { checkinAt: new Date(Date.now() - 60 * 60_000) } })

  await member.locator('#scan-back:visible').click()
  await member.locator('#activity-checkout:visible').click()
  await member.locator('#scan-input:visible').waitFor()
  await typeToken(member, await currentToken(sec))
  await expectContains(member.locator('#scan-result:visible'), '签退成功')
  await expectContains(member.locator('#scan-result:visible'), '本次服务 1 小时')
  timings.checkInOut = Date.now() - t

  // ---- the activity ends; the organiser confirms hours ----
  t = Date.now()
  await db
    .collection('activities')
    .doc(activity.id)
    .update({ data: { startAt: new Date(Date.now() - 70 * 60_000), endAt: new Date(Date.now() - 60_000) } })
  await open(sec, `/packages/party/pages/activity/index?id=${activity.id}&c=${COMMUNITY}`)
  const row = sec.locator(`#activity-roster:visible [data-user="${memberMe.userId}"]`)
  await expectContains(row, '已签退')
  await expectContains(row, '1 小时')
  await sec.locator('#activity-confirm-hours:visible').click()
  await sec.locator('.taro__modal .taro-model__confirm').click()
  await expectContains(sec.locator('#confirm-result:visible'), '已确认 1 人')
  await expectContains(sec.locator('#confirm-result:visible'), '发放 10 积分')
  await expectContains(row, '已确认 1 小时')
  await shot(sec, 'party7-hours-confirmed', true)
  timings.confirm = Date.now() - t

  // ---- the function agrees ----
  const after = await apiAs<BalanceView>(MEMBER_OPENID, 'points.balance', { communityId: COMMUNITY })
  expect(after.balance).toBe(before.balance + 10)
  const detail = await apiAs<ActivityDetail>(MEMBER_OPENID, 'activity.get', { communityId: COMMUNITY, activityId: activity.id })
  expect(detail.mySignup?.status).toBe('checked_out')
  expect(detail.mySignup?.confirmedHours).toBe(1)

  // the member sees it on the activity page and on the record card
  await open(member, `/packages/party/pages/activity/index?id=${activity.id}&c=${COMMUNITY}`)
  await expectContains(member.locator('#my-confirmed:visible'), '已确认 1 小时')
  await open(member, `/packages/party/pages/record/index?communityId=${COMMUNITY}`)
  await expectContains(member.locator('#record-totals:visible'), '1')
  await expectContains(member.locator('#record-activities:visible'), '幸福里小区环境整治')
  await shot(member, 'party8-record')
  timings.total = Date.now() - t0
})

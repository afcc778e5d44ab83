/**
 * 议事 in the H5 build, in Chromium, against the local stack with the demo seed: one topic's whole road by
 * the real roles, in the UI.
 *   the secretary sets the community council's support threshold to 2 (through the function) →
 *   the default resident (王秀英, elder mode) raises a topic on the 议事 tab →
 *   two neighbours of other households find it and 附议 → it moves to the party branch's review →
 *   the secretary writes the review and the owners' committee's notes, then opens the vote →
 *   three households vote in the browser (同意, 同意, 不同意) →
 *   the secretary closes the vote (early: it stops at once and is published after the grace) → the 公示 with
 *   its tally as bars →
 *   the secretary adds a milestone, then one that finishes the work →
 *   a voter answers 办成了吗 → the function agrees.
 * Screens for the eyes: /tmp/community-e2e/c*.png
 */
import type { Page } from 'playwright-core'
import { expectContains, openRoute, phoneContext, shot as shotOf, startE2E, switchTo as switchAs, tourSteps, until, type E2E } from '../support/e2e'
import { ROUTES } from '../../src/routes'
import type { CouncilView, TopicDetail } from '../../types/council'

jest.setTimeout(420_000)

const COMMUNITY = 'c-xingfuli'
const SECRETARY = 'demo-liu-guifang'
const RESIDENT = 'demo-wang-xiuying' // 1栋1单元302, elder mode for this test
const NEIGHBOURS = ['demo-hu-jianhua', 'demo-song-chunmei'] // other households of the community
const TITLE = '3号楼门口想加装一盏路灯'

let e2e: E2E
let page: Page

const shot = (name: string, fullPage = false) => shotOf(page, name, fullPage)
const switchTo = (openid: string) => switchAs(page, e2e.url, openid)
const openTopic = (id: string) => openRoute(page, e2e.url, `${ROUTES['council.topic']}?id=${encodeURIComponent(id)}&c=${COMMUNITY}`)
const head = () => page.locator('#topic-head:visible')

async function tab(label: string) {
  await page.locator('.tab-bar__item:visible', { hasText: label }).click()
}

async function confirmModal(says: string) {
  await expectContains(page.locator('.taro__modal').last(), says)
  await page.locator('.taro__modal .taro-model__confirm:visible').click()
}

/** A written step through the step sheet: open it, write, submit, wait for it to close. */
async function writeStep(button: string, text: string, finish = false) {
  await page.locator(`${button}:visible`).click()
  await page.locator('#step-text:visible textarea').fill(text)
  if (finish) await page.locator('#step-finish:visible').click()
  await page.locator('#sheet-submit:visible').click()
  await page.locator('#step-sheet').waitFor({ state: 'detached' })
}

async function vote(openid: string, topicId: string, choice: 'yes' | 'no', word: string) {
  await switchTo(openid)
  await openTopic(topicId)
  await page.locator(`#topic-vote-${choice}:visible`).click()
  await expectContains(page.locator('#vote-sheet:visible'), '投票后不能更改')
  await page.locator('#sheet-submit:visible').click()
  await page.locator('#vote-sheet').waitFor({ state: 'detached' })
  await expectContains(page.locator('#topic-voted:visible'), `您已投票：${word}`)
}

beforeAll(async () => {
  e2e = await startE2E()
  page = await (await phoneContext(e2e.browser)).newPage()
  page.setDefaultTimeout(15_000)
}, 300_000)

afterAll(async () => {
  await e2e?.close()
})

test('a topic goes from a resident’s idea through support, review, a vote and its 公示 to milestones and 办成了吗', async () => {
  const tour = tourSteps(() => page)
  const api = <T>(openid: string, action: string, data: object) => e2e.api<T>(openid, action, data)
  let topicId = ''

  await tour.step('threshold', async () => {
    const councils = await api<CouncilView[]>(SECRETARY, 'council.list', { communityId: COMMUNITY })
    const c = councils.find((x) => x.isDefault)!
    await api(SECRETARY, 'council.upsert', {
      communityId: COMMUNITY,
      councilId: c.id,
      name: c.name,
      scope: c.scope,
      settings: { ...c.settings, supportThreshold: 2, eligibility: 'household', quorumPercent: 0, passPercent: 50 },
    })
    await api(RESIDENT, 'org.updateProfile', { elderMode: true })
  })

  await tour.step('submit', async () => {
    await switchTo(RESIDENT)
    await tab('议事')
    await expectContains(page.locator('#council-list:visible'), '还没有征集附议的议题')
    await expectContains(page.locator('#council-mine:visible'), '您可以参与表决')
    await shot('c0-tab-empty-elder')
    await page.locator('#council-new:visible').click()
    await page.locator('#topic-title-input:visible input').fill(TITLE)
    await page.locator('#topic-desc-input:visible textarea').fill('3号楼门口晚上太黑，老人下楼梯看不清，想请物业在门口加装一盏路灯。')
    await shot('c1-new-elder')
    await page.locator('#topic-submit:visible').click()
    const posted = page.locator('#topic-posted:visible')
    await expectContains(posted, '议题已公示，请邻居们附议（需要 2 人）')
    topicId = (await posted.getAttribute('data-id'))!
    expect(topicId).toMatch(/^t[0-9a-z]{9}[0-9a-f]{12}$/)
    await page.locator('#topic-posted-open:visible').click()
    await expectContains(head(), '征集附议')
    await expectContains(page.locator('#topic-meter:visible'), '0 人附议，还差 2 人')
  })

  await tour.step('support', async () => {
    for (const [i, n] of NEIGHBOURS.entries()) {
      await switchTo(n)
      await tab('议事')
      const card = page.locator(`.topic-card[data-id="${topicId}"]:visible`)
      await expectContains(card, TITLE)
      await expectContains(card, '王*英')
      await card.click()
      await page.locator('#topic-support-btn:visible').click()
      if (i === 0) {
        await expectContains(page.locator('#topic-support:visible'), '您已附议')
        await expectContains(page.locator('#topic-meter:visible'), '1 人附议，还差 1 人')
        await shot('c2-supported')
      }
    }
    await expectContains(head(), '党支部审议')
  })

  await tour.step('review-discuss-open', async () => {
    await switchTo(SECRETARY)
    await tab('议事')
    await page.locator('#council-segs .seg__opt[data-value="deliberating"]:visible').click()
    await page.locator(`.topic-card[data-id="${topicId}"]:visible`).click()
    await writeStep('#topic-review', '党支部同意：夜间照明关系老人安全，建议物业报价后由业委会商议。')
    await expectContains(head(), '业委会商议')
    await expectContains(page.locator('#topic-review:visible'), '夜间照明关系老人安全')
    await writeStep('#topic-discuss', '业委会商议：费用从公共收益中列支，每户不再另收。')
    await expectContains(head(), '征求意见')
    await api(NEIGHBOURS[0], 'topic.comment', { communityId: COMMUNITY, topicId, text: '赞成，最好装在单元门口台阶上方。' })
    await page.reload()
    await expectContains(page.locator('#topic-comments:visible'), '最好装在单元门口台阶上方')
    await shot('c3-opinions')
    await page.locator('#topic-open-vote:visible').click()
    await confirmModal('表决开始后')
    await expectContains(head(), '表决中')
  })

  await tour.step('vote', async () => {
    await vote(RESIDENT, topicId, 'yes', '同意')
    await page.locator('#topic-vote').scrollIntoViewIfNeeded()
    await shot('c4-voted-elder')
    await vote(NEIGHBOURS[0], topicId, 'yes', '同意')
    await vote(NEIGHBOURS[1], topicId, 'no', '不同意')
  })

  await tour.step('close', async () => {
    await switchTo(SECRETARY)
    await openTopic(topicId)
    await page.locator('#topic-close:visible').click()
    await confirmModal('结束后按已投的票')
    await expectContains(page.locator('#topic-counting:visible'), '正在计票')
    // The result is published once the grace after the (moved) end has passed: the function's timeout + 10 s.
    await page.waitForTimeout(31_000)
    await page.locator('#topic-close:visible').click()
    await confirmModal('结束后按已投的票')
    const tally = page.locator('#topic-tally:visible')
    await expectContains(tally, '表决结果公示')
    await expectContains(page.locator('#topic-outcome:visible'), '表决通过')
    await expectContains(tally.locator('.ct-bar[data-choice="yes"]'), '2 票 · 67%')
    await expectContains(tally.locator('.ct-bar[data-choice="no"]'), '1 票 · 33%')
    const widths = await tally.locator('.ct-bar__fill').evaluateAll((els) => els.map((e) => (e as HTMLElement).getBoundingClientRect().width))
    expect(widths[0]).toBeGreaterThan(widths[1])
    expect(widths[1]).toBeGreaterThan(0)
    expect(widths[2]).toBe(0)
    await tally.scrollIntoViewIfNeeded()
    await shot('c5-result')
  })

  await tour.step('milestones', async () => {
    await writeStep('#topic-milestone', '物业已报价，施工队下周进场。')
    await expectContains(head(), '落实中')
    await writeStep('#topic-milestone', '路灯装好了，晚上门口亮堂了。', true)
    await expectContains(head(), '已办结')
    await expectContains(page.locator('#topic-milestones:visible'), '路灯装好了')
    await expectContains(page.locator('#topic-milestones:visible'), '已办完')
  })

  await tour.step('feedback', async () => {
    await switchTo(RESIDENT)
    await tab('议事')
    await page.locator('#council-segs .seg__opt[data-value="awaiting"]:visible').click()
    await page.locator(`.topic-card[data-id="${topicId}"]:visible`).click()
    await expectContains(page.locator('#topic-feedback:visible'), '办成了吗？')
    await page.locator('#topic-feedback-choice .choice[data-value="yes"]:visible').click()
    await page.locator('#topic-feedback-submit:visible').click()
    await expectContains(page.locator('#topic-feedback:visible'), '您已回答')
    await expectContains(page.locator('#topic-timeline:visible'), '表决结束，结果公示')
    await shot('c6-done-elder', true)
  })

  await tour.step('agrees', async () => {
    const t = await until(
      () => api<TopicDetail>(RESIDENT, 'topic.get', { communityId: COMMUNITY, topicId }),
      (x) => x.feedback.yes === 1,
      'the 办成了吗 answer',
    )
    expect(t.status).toBe('done')
    expect(t.outcome).toBe('passed')
    expect(t.tally).toMatchObject({ yes: 2, no: 1, abstain: 0, online: 3, offline: 0 })
    expect(t.milestones.map((m) => m.done)).toEqual([false, true])
    expect(t.timeline.map((e) => e.event)).toEqual(
      expect.arrayContaining(['submit', 'threshold', 'review', 'discuss', 'openVote', 'close', 'milestone', 'finish']),
    )
  })
  console.log('council tour (ms):', JSON.stringify(tour.timings))
})

test('the secretary’s council work: a seat, the queue (a draft approved, a held comment removed), paper votes with a refusal, a meeting', async () => {
  const api = <T>(openid: string, action: string, data: object) => e2e.api<T>(openid, action, data)
  const base = { communityId: COMMUNITY }
  const open = (route: string) => openRoute(page, e2e.url, `${route}?communityId=${COMMUNITY}`)
  // A vote to record paper ballots for (no support needed now: straight to review), and the resident's online vote.
  const c = (await api<CouncilView[]>(SECRETARY, 'council.list', base)).find((x) => x.isDefault)!
  await api(SECRETARY, 'council.upsert', { ...base, councilId: c.id, name: c.name, scope: c.scope, settings: { ...c.settings, supportThreshold: 0 } })
  const voting = await api<TopicDetail>(RESIDENT, 'topic.create', {
    ...base,
    title: '小区北门想加一个快递柜',
    description: '快递总放在门卫室，老人取件不方便。',
  })
  expect(voting.status).toBe('review')
  const topicId = voting.id
  await api(SECRETARY, 'topic.review', { ...base, topicId, note: '同意提交商议' })
  await api(SECRETARY, 'topic.discuss', { ...base, topicId, note: '物业出场地' })
  await api(SECRETARY, 'topic.openVote', { ...base, topicId })
  await api(RESIDENT, 'topic.vote', { ...base, topicId, choice: 'yes' })
  // A topic with a photo waits for the community's look.
  const draft = await api<TopicDetail>(NEIGHBOURS[1], 'topic.create', {
    ...base,
    title: '楼道里的旧自行车该清一清',
    description: '堆了好几年了。',
    photos: ['cloud://demo/topics/bikes.jpg'],
  })
  expect(draft.status).toBe('draft')

  // 我的 → 议事会与成员: the rules in words; appoint a party-branch member
  await switchTo(SECRETARY)
  await tab('我的')
  await page.locator('#entry-councils:visible').click()
  const card = page.locator(`#council-${c.id}:visible`)
  await expectContains(card, '提交后直接进入审议')
  await expectContains(card, '每户一票')
  await page.locator(`#council-add-seat-${c.id}:visible`).click()
  await page.locator('#seat-kind .seg__opt[data-value="party_branch"]:visible').click()
  await page.locator('#seat-search-input:visible input').fill('孙')
  await page.locator('#seat-search-input-go:visible').click()
  await page.locator('#seat-search .pick[data-id="u-sun-lihua"]:visible').click()
  await page.locator('#seat-sheet').waitFor({ state: 'detached' })
  await expectContains(card.locator('.ct-seat[data-id="u-sun-lihua"]'), '党支部')
  await shot('c7-councils')

  // 议题审核: the draft, approved
  await open(ROUTES['council.queue'])
  await expectContains(page.locator('#queue-segs .seg__opt[data-value="draft"]:visible'), '1')
  const queued = page.locator(`.topic-card[data-id="${draft.id}"]:visible`)
  await expectContains(queued, '楼道里的旧自行车该清一清')
  await shot('c8-queue')
  await queued.locator('.queue-approve').click()
  await confirmModal('通过后议题公示')
  await queued.waitFor({ state: 'detached' })
  expect((await api<TopicDetail>(SECRETARY, 'topic.get', { ...base, topicId: draft.id })).status).toBe('review') // no support needed now

  // 待审意见: a comment the content check held (it asks people to add someone on WeChat), removed
  await api(SECRETARY, 'topic.review', { ...base, topicId: draft.id, note: '同意' })
  await api(SECRETARY, 'topic.discuss', { ...base, topicId: draft.id, note: '物业清理' })
  await api(NEIGHBOURS[0], 'topic.comment', { ...base, topicId: draft.id, text: '旧车回收找我，加微信详谈' })
  await page.reload()
  await page.locator('#queue-segs .seg__opt[data-value="comments"]:visible').click()
  const held = page.locator('.ct-held:visible').first()
  await expectContains(held, '加微信详谈')
  await expectContains(held, '议题：楼道里的旧自行车该清一清')
  await held.locator('.queue-remove').click()
  await confirmModal('删除后这条意见不再显示')
  await expectContains(page.locator('#queue-list:visible'), '没有等待审核的意见')

  // 录入线下表决票: pick the vote, two paper ballots; the one who voted online is refused, with why
  await open(ROUTES['council.offline'])
  await page.locator(`#offline-topics .topic-card[data-id="${topicId}"]:visible`).click()
  await page.locator('#ballot-channel .seg__opt[data-value="paper"]:visible').click()
  for (const [who, userId] of [
    ['胡', 'u-hu-jianhua'],
    ['王', 'u-wang-xiuying'],
  ]) {
    await page.locator('#ballot-search-input:visible input').fill(who)
    await page.locator('#ballot-search-input-go:visible').click()
    await page.locator(`#ballot-search .pick[data-id="${userId}"]:visible`).click()
  }
  await page.locator('.ct-ballot[data-id="u-hu-jianhua"] .seg__opt[data-value="yes"]:visible').click()
  await page.locator('.ct-ballot[data-id="u-wang-xiuying"] .seg__opt[data-value="no"]:visible').click()
  await page.locator('#ballot-submit:visible').click()
  await expectContains(page.locator('#ballot-result:visible'), '已录入 1 票，1 票没有录入')
  await expectContains(page.locator('.ct-ballot[data-id="u-wang-xiuying"]:visible'), '没有录入')
  expect(await page.locator('.ct-ballot[data-id="u-hu-jianhua"]').count()).toBe(0)
  await shot('c9-offline')

  // 议事会议: a 议事日 with the topic on its agenda
  await open(ROUTES['council.meetings'])
  await expectContains(page.locator('#meeting-list:visible'), '还没有安排过议事会议')
  await page.locator('#meeting-new:visible').click()
  await page.locator('#meeting-title:visible input').fill('12月议事日')
  await page.locator('#meeting-place:visible input').fill('社区党群服务中心二楼')
  await page.locator('#meeting-topics .seg__opt[data-value="小区北门想加一个快递柜"]:visible').click()
  await page.locator('#sheet-submit:visible').click()
  await page.locator('#meeting-form').waitFor({ state: 'detached' })
  const list = page.locator('#meeting-list:visible')
  await expectContains(list, '12月议事日')
  await expectContains(list, '议题：小区北门想加一个快递柜')
  await shot('c10-meetings')
})

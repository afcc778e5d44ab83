/**
 * 议事 in the real mini-program build (dist/weapp) inside miniprogram-simulate. The person, the session and
 * everything else come from the real `api` function on the local engine with the demo seed; the council's
 * own answers (council.list, topic.list, topic.get) are stubbed here, shaped by the contract (types/council.ts),
 * so the tab is checked on its own: its segments, my councils, the empty state, a list of topic cards with
 * their stage and support; and a decided topic, opened the way its share card opens it, with its tally as bars.
 */
import fs from 'node:fs'
import path from 'node:path'
import { ensureBuilt } from '../support/build'
import { openTestCloud, type TestCloud } from '../support/cloud'
import { DEMO, seedDemo } from '../../local/seed/demo'
import type { CouncilView, TopicCard, TopicDetail } from '../../types/council'
import { startWeapp, type WeappHarness } from './harness'

jest.setTimeout(120_000)

const T = (n: number) => `t0000000${n.toString(36).padStart(2, '0')}0123456789ab`

const COUNCIL: CouncilView = {
  id: 'cc_c-xingfuli',
  communityId: DEMO.xingfuli,
  name: '幸福里社区议事会',
  scope: 'community',
  compoundId: null,
  buildingId: null,
  placeName: '本社区',
  settings: {
    supportThreshold: 10,
    eligibility: 'household',
    quorumPercent: 0,
    passPercent: 50,
    opinionDays: 7,
    votingDays: 7,
    secretBallot: true,
    youthMaxAge: null,
  },
  seats: [],
  active: true,
  isDefault: true,
  mySeat: 'representative',
  myEligibility: { canVote: true, why: null },
}

const card = (n: number, over: Partial<TopicCard>): TopicCard => ({
  id: T(n),
  councilId: COUNCIL.id,
  councilName: COUNCIL.name,
  title: `议题 ${n}`,
  status: 'collecting',
  outcome: null,
  supports: 3,
  supportThreshold: 10,
  comments: 0,
  authorName: '王*英',
  createdAt: '2026-11-20T02:00:00.000Z',
  deadline: null,
  ...over,
})

const TOPICS: TopicCard[] = [card(3, { title: '3号楼门口想加装路灯', supports: 7 }), card(2, { title: '小区东门早上堵车想错峰', supports: 2, comments: 4 })]

const DECIDED: TopicDetail = {
  ...card(1, { title: '垃圾分类亭搬到北门', status: 'decided', outcome: 'passed', supports: 12, comments: 5 }),
  communityId: DEMO.xingfuli,
  description: '现在的分类亭离1号楼窗户太近，夏天有味道。',
  photos: [],
  place: null,
  buildingName: null,
  channel: 'online',
  review: { note: '同意提交业委会商议', at: '2026-11-21T02:00:00.000Z' },
  discussion: { note: '选址北门空地，费用物业承担', at: '2026-11-22T02:00:00.000Z' },
  opinionsCloseAt: '2026-11-25T02:00:00.000Z',
  vote: {
    opensAt: '2026-11-25T02:00:00.000Z',
    closesAt: '2026-11-28T02:00:00.000Z',
    eligibility: 'household',
    electorate: 40,
    quorumPercent: 0,
    passPercent: 50,
    secretBallot: true,
  },
  tally: { yes: 18, no: 6, abstain: 2, online: 20, offline: 6 },
  outcomeNote: null,
  decidedAt: '2026-11-28T02:00:00.000Z',
  milestones: [],
  feedback: { yes: 0, no: 0 },
  mergedInto: null,
  retireReason: null,
  timeline: [
    { at: '2026-11-20T02:00:00.000Z', event: 'submit', to: 'collecting', note: null, byName: '王*英' },
    { at: '2026-11-28T02:00:00.000Z', event: 'close', to: 'decided', note: null, byName: '刘*芳' },
  ],
  recentComments: [],
  me: { supported: true, voted: 'yes', answeredFeedback: false, canVote: false, whyNotVote: null, isAuthor: false, can: { report: true } },
}

let dist: string
let cloud: TestCloud
let weapp: WeappHarness
/** What the stubbed topic.list answers. */
let listed: TopicCard[] = []

beforeAll(async () => {
  dist = await ensureBuilt('weapp')
  cloud = await openTestCloud({ dataDir: null })
  await seedDemo(cloud.engine)
  weapp = startWeapp(dist, async ({ name, data }) => {
    if (name !== 'api') return { ok: false, error: { code: 'NOT_FOUND', message: `no cloud function ${name}` } }
    const { action } = data as { action: string }
    if (action === 'council.list') return { ok: true, data: [COUNCIL] }
    if (action === 'topic.list') return { ok: true, data: { items: listed, nextCursor: null } }
    if (action === 'topic.get') return { ok: true, data: DECIDED }
    return cloud.raw(DEMO.defaultResident.openid, data)
  })
}, 400_000)

afterAll(async () => {
  await cloud?.close()
})

const actions = () => weapp.calls.map((c) => c.data as { action: string; data: Record<string, unknown> })

test('the council pages are a subpackage; the tab refreshes on pull-down and has a share card; no dayjs in the main package', () => {
  const app = JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8'))
  const council = app.subPackages.find((p: { root: string }) => p.root === 'packages/council')
  expect(council.pages).toEqual(
    expect.arrayContaining([
      'pages/topic/index',
      'pages/new/index',
      'pages/councils/index',
      'pages/queue/index',
      'pages/offline/index',
      'pages/meetings/index',
    ]),
  )
  expect(app.preloadRule['pages/council/index'].packages).toEqual(['packages/council'])
  const tab = JSON.parse(fs.readFileSync(path.join(dist, 'pages/council/index.json'), 'utf8'))
  expect(tab.enablePullDownRefresh).toBe(true)
  expect(fs.readFileSync(path.join(dist, 'pages/council/index.js'), 'utf8')).toContain('enableShareAppMessage:!0')
  for (const f of ['pages/council/index.js', 'common.js', 'app.js', 'vendors.js']) expect(fs.readFileSync(path.join(dist, f), 'utf8')).not.toContain('zh-cn')
})

test('议事: the segments, my council and seat, the empty state, then (pulled down) the topics with their support', async () => {
  listed = []
  const tab = weapp.openPage('pages/council/index')
  const text = await tab.waitForText([
    '居民议事厅',
    '我要提议题',
    '征集附议',
    '审议中',
    '表决中',
    '已表决',
    '等我参与',
    '我的议题',
    '我的议事会',
    '幸福里社区议事会',
    '居民代表',
    '您可以参与表决',
  ])
  await tab.waitForText('还没有征集附议的议题')
  expect(text).not.toContain('网络不太好')
  const list = actions().find((a) => a.action === 'topic.list')!
  expect(list.data).toMatchObject({ communityId: DEMO.xingfuli, status: 'collecting', limit: 20 })

  // Pull down: the list asks again and shows the cards.
  listed = TOPICS
  const page = (global as unknown as { getCurrentPages(): { onPullDownRefresh(): void }[] }).getCurrentPages().at(-1)!
  page.onPullDownRefresh()
  const after = await tab.waitForText(['3号楼门口想加装路灯', '7 人附议，还差 3 人进入审议', '小区东门早上堵车想错峰', '意见 4', '王*英 提'])
  expect(after).not.toContain('还没有征集附议的议题')
  tab.detach()
})

test('a share-card path opens a decided topic: the 公示 with its tally as bars', async () => {
  const detail = weapp.openPage('packages/council/pages/topic/index', { id: DECIDED.id, c: DEMO.xingfuli })
  await detail.waitForText([
    '垃圾分类亭搬到北门',
    '表决结果公示',
    '表决通过',
    '同意',
    '18 票 · 69%',
    '不同意',
    '6 票 · 23%',
    '弃权',
    '2 票 · 8%',
    '您投的是：同意',
  ])
  await detail.waitForText(['党支部审议意见', '同意提交业委会商议', '议题经过', '提交了议题', '表决结束，结果公示'])
  detail.detach()
})

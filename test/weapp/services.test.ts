/**
 * 服务预约 in the real mini-program build (dist/weapp) inside miniprogram-simulate. The person and session come
 * from the real `api` function on the local engine with the demo seed; the menu's and my bookings' answers
 * (service.list, booking.mine) are stubbed here, shaped by the contract (types/services.ts), so the pages are
 * checked on their own: the menu with its categories and cards, and a booking opened the way a reminder opens
 * it (`?booking=<id>&c=<community>`) with its code and QR.
 */
import fs from 'node:fs'
import path from 'node:path'
import { ensureBuilt } from '../support/build'
import { openTestCloud, type TestCloud } from '../support/cloud'
import { DEMO, seedDemo } from '../../local/seed/demo'
import type { BookingView, ErrandView, ServiceCard, VenueCard } from '../../types/services'
import { startWeapp, type WeappHarness } from './harness'

jest.setTimeout(120_000)

const S = (n: number) => `s0000000${n}0123456789abcdef`.slice(0, 24)

const MENU: ServiceCard[] = [
  {
    id: S(1),
    name: '书记接待日',
    category: 'reception',
    delivery: 'slots',
    place: '社区党群服务中心二楼',
    when: '每周三 9:00-11:00',
    pricePoints: 0,
    private: false,
    forChild: false,
    active: true,
    ratingAverage: 4.5,
  },
  {
    id: S(2),
    name: '老人理发',
    category: 'elderly',
    delivery: 'at_home',
    place: '上门',
    when: '每周五 14:00-16:00',
    pricePoints: 20,
    private: false,
    forChild: false,
    active: true,
    ratingAverage: null,
  },
]

const BOOKING: BookingView = {
  id: 'b00000001234567890abcdef',
  serviceId: S(1),
  serviceName: '书记接待日',
  day: '2026-12-02',
  start: '09:00',
  end: '09:30',
  status: 'booked',
  code: '12345678',
  channel: 'online',
  who: '王*英',
  child: null,
  address: null,
  pricePoints: 0,
  refunded: false,
  rating: null,
  canCancel: true,
  canRate: false,
}

const ERRAND: ErrandView = {
  id: 'e00000001234567890abcdef',
  title: '代办医保报销',
  description: '住院费用报销，腿脚不便',
  documents: ['身份证', '医保卡'],
  status: 'accepted',
  resident: '王*英',
  owner: '林*燕',
  handovers: [],
  requestId: null,
  createdAt: '2026-12-01T02:00:00.000Z',
  can: { progress: true, done: true, handover: true },
  timeline: [
    { at: '2026-12-01T02:00:00.000Z', event: 'submit', by: '王*英', note: null },
    { at: '2026-12-01T03:00:00.000Z', event: 'accept', by: '林*燕', note: null },
  ],
  handoverTo: [{ id: 'u-liu-guifang', name: '刘*芳' }],
}

const VENUE: VenueCard = {
  ...MENU[0],
  id: S(3),
  name: '一中体育馆',
  category: 'venue',
  delivery: 'venue',
  place: '第一中学体育馆',
  when: '周一至周五 18:00-21:00',
  venue: { unitId: 'un-school', opens: '18:00', closes: '21:00', days: [1, 2, 3, 4, 5] },
  decides: true,
  pending: [
    {
      ...BOOKING,
      id: 'b00000009234567890abcdef',
      serviceId: S(3),
      serviceName: '一中体育馆',
      status: 'pending',
      code: null,
      start: '19:00',
      end: '20:00',
      purpose: '楼里合唱队排练',
    },
  ],
}

let dist: string
let cloud: TestCloud
let weapp: WeappHarness

beforeAll(async () => {
  dist = await ensureBuilt('weapp')
  cloud = await openTestCloud({ dataDir: null })
  await seedDemo(cloud.engine)
  weapp = startWeapp(dist, async ({ name, data }) => {
    if (name !== 'api') return { ok: false, error: { code: 'NOT_FOUND', message: `no cloud function ${name}` } }
    const { action } = data as { action: string }
    if (action === 'service.list') return { ok: true, data: { items: MENU, nextCursor: null } }
    if (action === 'booking.mine') return { ok: true, data: { items: [BOOKING], nextCursor: null } }
    if (action === 'errand.list') return { ok: true, data: { items: [ERRAND], nextCursor: null } }
    if (action === 'venue.list') return { ok: true, data: [VENUE] }
    return cloud.raw(DEMO.defaultResident.openid, data)
  })
}, 400_000)

afterAll(async () => {
  await cloud?.close()
})

const actions = () => weapp.calls.map((c) => c.data as { action: string; data: Record<string, unknown> })

test('the services pages are a subpackage; nothing of them in the main package', () => {
  const app = JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8'))
  const services = app.subPackages.find((p: { root: string }) => p.root === 'packages/services')
  expect(services.pages).toEqual(
    expect.arrayContaining([
      'pages/index/index',
      'pages/service/index',
      'pages/mine/index',
      'pages/staff/index',
      'pages/manage/index',
      'pages/errands/index',
      'pages/venue/index',
    ]),
  )
  for (const f of ['common.js', 'app.js', 'vendors.js']) {
    const js = fs.readFileSync(path.join(dist, f), 'utf8')
    expect(js).not.toContain('我想要这样的服务')
    expect(js).not.toContain('reed-solomon')
  }
})

test('服务菜单 as a reminder opens it: the booking (code big), the categories, the services', async () => {
  const menu = weapp.openPage('packages/services/pages/index/index', { booking: BOOKING.id, c: DEMO.xingfuli })
  const text = await menu.waitForText(['全部', '书记接待日', '康养助老', '成长护航', '心灵驿站', '长者食堂', '我的预约'])
  await menu.waitForText(['每周三 9:00-11:00', '社区党群服务中心二楼', '免费', '4.5 分', '老人理发', '上门服务', '20 积分'])
  await menu.waitForText(['1234 5678', '预约码', '已预约', '取消预约'])
  expect(text).not.toContain('网络不太好')
  const list = actions().find((a) => a.action === 'service.list')!
  expect(list.data).toMatchObject({ communityId: DEMO.xingfuli, limit: 20 })
  menu.detach()
})

test('我的预约: my bookings with their codes', async () => {
  const mine = weapp.openPage('packages/services/pages/mine/index', { c: DEMO.xingfuli })
  await mine.waitForText(['书记接待日', '1234 5678', '已预约', '取消预约'])
  mine.detach()
})

describe('errands and venues (the staff screens)', () => {
  test('社区代办: an errand with the documents to bring, its owner, 转交 and its timeline', async () => {
    const errands = weapp.openPage('packages/services/pages/errands/index', { c: DEMO.xingfuli })
    const text = await errands.waitForText(['代办医保报销', '请带上：身份证、医保卡', '林*燕 负责', '办理经过', '转交', '开始办理', '我要代办'])
    expect(text).not.toContain('网络不太好')
    const list = actions().find((a) => a.action === 'errand.list')!
    expect(list.data).toMatchObject({ communityId: DEMO.xingfuli, view: 'mine' })
    errands.detach()
  })

  test('场地预约: the venue to ask for, and the requests waiting for my decision across days', async () => {
    const venues = weapp.openPage('packages/services/pages/venue/index', { c: DEMO.xingfuli })
    const text = await venues.waitForText(['等我审批的申请', '一中体育馆（1 个待审批）', '19:00-20:00', '用途：楼里合唱队排练', '同意', '不同意', '申请使用'])
    expect(text).not.toContain('网络不太好')
    expect(actions().find((a) => a.action === 'venue.list')!.data).toEqual({ communityId: DEMO.xingfuli, pending: true })
    venues.detach()
  })
})

describe('服务菜单管理: the secretary in the weapp build', () => {
  const SEC = DEMO.secretaryXingfuli

  beforeAll(async () => {
    await cloud.ok(SEC.openid, 'service.upsert', {
      communityId: DEMO.xingfuli,
      name: '长者食堂',
      category: 'canteen',
      description: '两荤一素一汤，当天 10 点前订餐',
      provider: { kind: 'staff', userIds: [SEC.id] },
      place: '党群服务中心一楼',
      delivery: 'daily',
      daily: { cutoff: '10:00', capacity: 40, days: [] },
    })
    await cloud.ok(DEMO.defaultResident.openid, 'service.demand', { communityId: DEMO.xingfuli, words: '上门理发' })
  })

  it('renders the menu, every figure with its empty state, and the editor opened for what residents asked for', async () => {
    // A second app, signed in as the secretary (an app holds one session): loaded in its own module registry,
    // kept for the whole test, so its pages find its own webpack runtime and not the first app's.
    await jest.isolateModulesAsync(async () => {
      const harness = require('./harness') as typeof import('./harness')
      const sec = harness.startWeapp(dist, async ({ data }) => cloud.raw(SEC.openid, data))
      const manage = sec.openPage('packages/services/pages/manage/index', { communityId: DEMO.xingfuli, new: '上门理发' })
      const text = await manage.waitForText([
        '长者食堂',
        '每天 10:00 前预订',
        '新增服务',
        '预约情况',
        '预约 0 · 到场 0（—）· 未到 0 · 取消 0',
        '还没有评价',
        '社区代办',
        '还没有代办事项',
        '居民想要、还没有的服务',
        '上门理发',
        '想要 1 人',
        '新增这项',
        // The editor, open for a new service (the default: booked slots).
        '服务是什么',
        '怎么提供',
        '谁来提供',
        '负责的工作人员',
        '每周固定时段',
        '指定日期的时段（临时加开）',
        '休息的日子（节假日）',
        '谁可以约',
        '多次约了不来，暂停预约',
        '默认：30 天内 3 次没来，暂停预约 14 天',
        '保密服务',
      ])
      expect(text).not.toContain('网络不太好')
      expect(text).not.toContain('只有社区书记')
      const asked = sec.calls.map((c) => (c.data as { action: string }).action)
      expect(asked).toEqual(expect.arrayContaining(['service.list', 'service.stats', 'org.tree']))
      manage.detach()
    })
  })
})

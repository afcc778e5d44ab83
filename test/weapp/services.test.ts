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
import type { BookingView, ServiceCard } from '../../types/services'
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
    expect.arrayContaining(['pages/index/index', 'pages/service/index', 'pages/mine/index', 'pages/staff/index', 'pages/manage/index']),
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

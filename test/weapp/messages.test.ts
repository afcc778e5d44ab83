/**
 * 未送达的消息 in the real mini-program build: a message WeChat refused (the wisher never accepted
 * 心愿认领通知) is listed for the community's secretary in Chinese, with the name masked.
 */
import { ensureBuilt } from '../support/build'
import { openTestCloud, type TestCloud } from '../support/cloud'
import { P, T, seedFixtures } from '../support/fixtures'
import { startWeapp } from './harness'

jest.setTimeout(120_000)

let dist: string
let cloud: TestCloud

beforeAll(async () => {
  dist = await ensureBuilt('weapp')
  cloud = await openTestCloud({ dataDir: null })
  await seedFixtures(cloud.engine)
  const c = T.c1
  await cloud.ok(P.secretary.openid, 'wish.setSettings', { communityId: c, categories: ['生活帮扶'], autoApprove: true, autoCloseDays: 7, overdueDays: 7 })
  const w = await cloud.ok(P.resident.openid, 'wish.create', {
    communityId: c,
    title: '想请人帮忙换个灯泡',
    description: '厨房灯坏了，够不着。',
    category: '生活帮扶',
    buildingId: T.b1,
  })
  await cloud.ok(P.member.openid, 'wish.claim', { communityId: c, wishId: w.id })
}, 400_000)
afterAll(async () => {
  await cloud?.close()
})

test('the secretary sees who was not told, and why', async () => {
  const weapp = startWeapp(dist, async ({ data }) => cloud.raw(P.secretary.openid, data))
  const page = weapp.openPage('packages/admin/pages/messages/index', { communityId: T.c1 })
  const text = await page.waitForText(['给王*英的「心愿认领通知」没有送达：对方没有订阅这类消息，或订阅次数已用完'])
  expect(text).not.toContain('王秀英')
  page.detach()
})

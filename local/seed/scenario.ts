/**
 * The showcase: a few weeks of community life on top of the demo street, made through the real cloud
 * function (so every point, order and wish is exactly what the product would have written): sponsors and
 * their budgets, earning rules, a stocked points supermarket, residents' points, wishes in every state,
 * service posts, verified party members, activities past and coming, the 议事厅 (local/seed/council.ts) and
 * 一键报修 / 吹哨报到 with units, staff and requests in every colour (local/seed/requests.ts), and the 服务菜单 with
 * bookings, a venue and 代办 errands (local/seed/services.ts). `npm start` (first run) and
 * `npm run reset` seed it; tests seed only the bare street and make their own data.
 * Needs the local cloud installed on the engine (installLocalCloud) before it runs.
 */
import * as cloud from 'wx-server-sdk'
import { runAsCaller } from '../cloud'
import type { Engine } from '../engine'
import { seedCouncilShowcase } from './council'
import { seedRequestShowcase } from './requests'
import { seedServiceShowcase } from './services'

type Main = (event: unknown, context?: unknown) => Promise<{ ok: boolean; data?: any; error?: { code: string; message: string } }>

const X = 'c-xingfuli'
const H = 'c-heping'
const sec: Record<string, string> = { [X]: 'demo-liu-guifang', [H]: 'demo-wu-haiyan' }
const who = (key: string) => `demo-${key}`
const uid = (key: string) => `u-${key}`

/** Action → the templates its tap asks consent for in the app (wish post/detail, party register/activity). */
const CONSENT_ASKED: Record<string, string[]> = {
  'wish.create': ['wishReviewed', 'wishClaimed', 'wishFulfilled'],
  'wish.claim': ['wishConfirmed', 'reminder'],
  'wish.fulfil': ['wishConfirmed'],
  'wish.progress': ['reminder'],
  'party.register': ['reminder'],
  'activity.signUp': ['reminder'],
}

export async function seedScenario(_engine: Engine): Promise<void> {
  const { main } = require('../../cloudfunctions/api/src/index') as { main: Main }

  const { resetRateLimits } = require('../../cloudfunctions/api/src/router') as { resetRateLimits: () => void }
  let n = 0
  const call = async (openid: string, action: string, data: object = {}) => {
    resetRateLimits()
    // The tap that makes this call asks for these subscribe messages first (src/services/subscribe.ts), and
    // the H5 client's simulated accept reports them: so the showcase's messages are delivered to the outbox.
    const asks = CONSENT_ASKED[action]
    if (asks) {
      const r = await runAsCaller({ OPENID: openid, APPID: 'local' }, () => main({ action: 'org.subscribed', data: { templates: asks } }))
      if (!r.ok) throw new Error(`showcase org.subscribed as ${openid}: ${r.error?.code} ${r.error?.message}`)
    }
    const res = await runAsCaller({ OPENID: openid, APPID: 'local' }, () => main({ action, data }))
    if (!res.ok) throw new Error(`showcase ${action} as ${openid}: ${res.error?.code} ${res.error?.message}`)
    return res.data
  }
  /** A call at a past time (the function's injected clock, as the host's scheduler and the tests pass it). */
  const callAt = async (at: Date, openid: string, action: string, data: object = {}) => {
    resetRateLimits()
    const res = await runAsCaller({ OPENID: openid, APPID: 'local' }, () => main({ action, data }, { clock: () => new Date(at) }))
    if (!res.ok) throw new Error(`showcase ${action} as ${openid} at ${at.toISOString()}: ${res.error?.code} ${res.error?.message}`)
    return res.data
  }
  const key = () => `showcase-${++n}`
  const db = cloud.database()
  const daysAgo = (d: number, h = 9) => {
    const t = new Date(Date.now() - d * 86400_000)
    t.setUTCHours(h - 8, 0, 0, 0)
    return t
  }

  for (const c of [X, H]) {
    const s = sec[c]
    await call(s, 'points.setRule', { communityId: c, kind: 'volunteer_hour', points: 10, dailyCap: 40, monthlyCap: 300, active: true })
    await call(s, 'points.setRule', { communityId: c, kind: 'wish_fulfilled', points: 20, dailyCap: null, monthlyCap: null, active: true })
    await call(s, 'points.setRule', { communityId: c, kind: 'council_participation', points: 5, dailyCap: 10, monthlyCap: null, active: true })
    await call(s, 'points.setRule', { communityId: c, kind: 'waste_sorting', points: 2, dailyCap: 6, monthlyCap: 60, active: true })
    await call(s, 'points.setRule', { communityId: c, kind: 'suggestion_adopted', points: 30, dailyCap: null, monthlyCap: null, active: true })
    await call(s, 'wish.setSettings', {
      communityId: c,
      categories: ['生活帮扶', '助老', '助学', '医疗', '物品', '其他'],
      autoApprove: false,
      autoCloseDays: 7,
      overdueDays: 7,
    })
  }

  // ----- 幸福里社区: sponsors, the shelf, points -----
  const [tax] = await call(sec[X], 'points.setSponsor', { communityId: X, name: '青山区税务局', contact: '党办 027-8888 6601', warnBelow: 2000, priority: 1 })
  const bankList = await call(sec[X], 'points.setSponsor', { communityId: X, name: '工商银行青山支行', contact: '王经理', warnBelow: 1000, priority: 2 })
  const bank = bankList.find((x: { name: string }) => x.name === '工商银行青山支行')
  await call(sec[X], 'points.fundSponsor', { communityId: X, sponsorId: tax.id, amount: 20000, note: '2026 年度共建经费', requestKey: key() })
  await call(sec[X], 'points.fundSponsor', { communityId: X, sponsorId: bank.id, amount: 8000, note: '银行共建捐赠', requestKey: key() })
  const item = (name: string, kind: string, price: number, stock: number, limit: number | null, description: string, sponsorId: string | null) =>
    call(sec[X], 'mall.upsertItem', {
      communityId: X,
      name,
      kind,
      description,
      photos: [],
      price,
      stockDelta: stock,
      perPersonLimit: limit,
      sponsorId,
      active: true,
      pickupPlace: '幸福里社区党群服务中心一楼',
      pickupHours: '工作日 9:00-17:00，周三上午书记接待日',
      pickupDays: 7,
    })
  const soap = await item('洗衣液 2kg', 'goods', 60, 20, 2, '家用洗衣液一瓶', bank.id)
  const rice = await item('东北大米 5kg', 'goods', 100, 15, 1, '五常大米一袋，拎不动可以请楼栋长帮忙送', bank.id)
  await item('理发一次', 'service', 30, 40, 2, '社区理发师上门或到服务中心理发，适合行动不便的老人', tax.id)
  await item('物业费减免 50 元', 'fee_reduction', 500, 10, 1, '由安居物业抵扣下季度物业费 50 元', tax.id)
  await item('活动室使用券（2 小时）', 'venue_voucher', 80, 8, 1, '党群服务中心二楼活动室，可用于棋牌、排练、家庭聚会', tax.id)
  await item('老花镜', 'goods', 40, 0, 1, '+150 度老花镜，已兑完，下月补货', bank.id)

  // 王秀英, the person a newcomer is at first, keeps 80 after her rice: enough to redeem something herself.
  const grants: [string, number, string][] = [
    ['wang-xiuying', 120, '垃圾分类示范户（10 月）'],
    ['wang-xiuying', 60, '协助人口普查入户登记'],
    ['gao-yulan', 80, '参加重阳节文艺汇演'],
    ['hu-jianhua', 50, '楼道堆物清理建议被采纳'],
    ['lin-xiaoyan', 90, '防诈骗宣传志愿服务'],
    ['song-chunmei', 40, '垃圾分类示范户（10 月）'],
  ]
  for (const [k, amount, reason] of grants) await call(sec[X], 'points.grant', { communityId: X, userId: uid(k), amount, reason, requestKey: key() })
  const order = await call(who('gao-yulan'), 'mall.redeem', { communityId: X, itemId: soap.id, quantity: 1, requestKey: key() })
  await call(sec[X], 'mall.verify', { communityId: X, code: order.pickupCode })
  await call(who('wang-xiuying'), 'mall.redeem', { communityId: X, itemId: rice.id, quantity: 1, requestKey: key() })

  // ----- Party members: registration, posts, pairing -----
  const code = await call(sec[X], 'party.registerCode', { communityId: X })
  const members: [string, string, string, string, string, number, string[], string][] = [
    ['huang-zhiqiang', '黄志强', '青山区税务局', '税务局第一党支部', 'jinxiu', 2, ['电工', '政策宣讲'], '每月为楼里老人义务检修一次电器'],
    ['ma-jun', '马俊', '青山区第一中学', '一中教工党支部', 'xingfuli-yuan', 4, ['辅导功课'], '每周六上午在四点半课堂辅导数学'],
    ['yang-fan', '杨帆', '工商银行青山支行', '青山支行党支部', 'jinxiu', 1, ['金融知识', '防诈骗'], '每季度为老人讲一次防诈骗课'],
  ]
  for (const [k, name, unit, branch, compound, b, skills, pledge] of members) {
    const units = await call(who(k), 'party.resolveScene', { scene: code.scene })
    const unitId = units.partnerUnits.find((u: { name: string }) => u.name === unit)?.id ?? null
    const r = await call(who(k), 'party.register', {
      communityId: X,
      scene: code.scene,
      name,
      employerUnitId: unitId,
      employerName: unit,
      branch,
      memberType: '在职',
      homeCompoundId: `cp-${compound}`,
      homeBuildingId: `b-${compound}-${b}`,
      skills,
      pledge,
    })
    if (k !== 'yang-fan') await call(sec[X], 'party.review', { communityId: X, registrationId: r.id, approve: true })
  }
  const liaison = await call(sec[X], 'post.upsert', {
    communityId: X,
    title: '楼栋联络员',
    description: '联系本楼栋居民，收集大家的难事',
    skills: ['沟通'],
    capacity: 5,
    active: true,
  })
  await call(sec[X], 'post.upsert', {
    communityId: X,
    title: '政策宣讲员',
    description: '在楼栋微信群和党群服务中心讲解惠民政策',
    skills: ['政策宣讲'],
    capacity: 3,
    active: true,
  })
  await call(sec[X], 'post.upsert', {
    communityId: X,
    title: '环境监督员',
    description: '留意楼道堆物、垃圾分类，及时提醒和上报',
    skills: [],
    capacity: 4,
    active: true,
  })
  await call(who('huang-zhiqiang'), 'post.claim', { communityId: X, postId: liaison.id })
  await call(sec[X], 'pair.assign', {
    communityId: X,
    memberId: uid('huang-zhiqiang'),
    householdId: 'h-gangcheng-1-2-101',
    needs: ['独居老人', '高龄'],
    active: true,
  })
  await call(who('huang-zhiqiang'), 'pair.logVisit', { communityId: X, householdId: 'h-gangcheng-1-2-101', note: '陪高奶奶聊天，帮她换了厨房灯泡，血压正常' })

  // ----- Wishes in every state -----
  const post = (openid: string, title: string, description: string, category: string, building: string, extra: object = {}) =>
    call(openid, 'wish.create', { communityId: X, title, description, category, buildingId: building, ...extra })
  const approve = (id: string) => call(sec[X], 'wish.review', { communityId: X, wishId: id, approve: true })
  const radio = await post(who('zheng-desheng'), '收音机坏了，想请人修修', '听了十几年的老收音机没声音了，每天就靠它听戏。', '生活帮扶', 'b-gangcheng-3')
  await approve(radio.id)
  await call(who('huang-zhiqiang'), 'wish.claim', { communityId: X, wishId: radio.id })
  await call(who('huang-zhiqiang'), 'wish.progress', { communityId: X, wishId: radio.id, note: '看过了，是喇叭线断了，明天带工具来' })
  await call(who('huang-zhiqiang'), 'wish.fulfil', { communityId: X, wishId: radio.id, proof: '换了喇叭线和电池，郑大爷试过了，声音很清楚' })
  await call(who('zheng-desheng'), 'wish.confirm', { communityId: X, wishId: radio.id, stars: 5, thanks: '小黄手艺好，又能听戏了，谢谢党员同志！' })
  const doctor = await post(who('gao-yulan'), '想有人陪我去医院复查', '下周三上午去区人民医院复查心脏，孩子在外地，一个人去不放心。', '助老', 'b-gangcheng-1')
  await approve(doctor.id)
  await call(sec[X], 'wish.dispatch', { communityId: X, wishId: doctor.id, memberId: uid('ma-jun'), note: '马老师周三上午没课' })
  const bulb = await post(
    who('wang-xiuying'),
    '楼道灯不亮了，想请人换个灯泡',
    '1 栋 1 单元 3 楼楼道灯坏了一个星期，晚上上下楼看不清。',
    '生活帮扶',
    'b-xingfuli-yuan-1',
  )
  await approve(bulb.id)
  await call(who('sun-lihua'), 'wish.create', {
    communityId: X,
    title: '钱奶奶想请人代买降压药',
    description: '钱奶奶腿脚不便，常吃的降压药快吃完了，需要去药店代买。',
    category: '助老',
    buildingId: 'b-xingfuli-yuan-1',
    onBehalfOf: uid('qian-guilan'),
  }).then((w: { id: string }) => approve(w.id))
  await post(who('he-jiayi'), '想找人辅导孩子英语', '邻居家孩子读初二，英语跟不上，想找会英语的志愿者每周辅导一次。', '助学', 'b-gangcheng-4')
  const books = await post(who('song-chunmei'), '想给社区图书角捐些书', '家里有 30 多本儿童绘本，想捐给社区图书角，需要有人来搬。', '物品', 'b-xingfuli-yuan-4')
  await approve(books.id)

  // ----- Activities: one done (hours confirmed and paid), two coming -----
  const iso = (d: Date) => d.toISOString()
  const done = await call(sec[X], 'activity.upsert', {
    communityId: X,
    title: '重阳节敬老院慰问',
    description: '到青山区福利院为老人表演节目、陪老人聊天。',
    place: '青山区社会福利院',
    startAt: iso(new Date(Date.now() + 3600_000)),
    endAt: iso(new Date(Date.now() + 4 * 3600_000)),
    capacity: 20,
    pointsPerHour: 10,
  })
  for (const k of ['huang-zhiqiang', 'lin-xiaoyan', 'wu-jing', 'luo-zhiming']) await call(who(k), 'activity.signUp', { communityId: X, activityId: done.id })
  // Time passes: it took place two weeks ago; three came and served, one did not come.
  await db
    .collection('activities')
    .doc(done.id)
    .update({ data: { startAt: daysAgo(14, 9), endAt: daysAgo(14, 12) } })
  for (const k of ['huang-zhiqiang', 'lin-xiaoyan', 'wu-jing']) {
    await db
      .collection('activity_signups')
      .doc(`${done.id}_${uid(k)}`)
      .update({ data: { status: 'checked_out', checkinAt: daysAgo(14, 9), checkoutAt: daysAgo(14, 12), hours: 3 } })
  }
  await call(sec[X], 'activity.confirmHours', { communityId: X, activityId: done.id })
  const tomorrow = new Date(Date.now() + 86400_000)
  tomorrow.setUTCHours(1, 0, 0, 0)
  const clean = await call(sec[X], 'activity.upsert', {
    communityId: X,
    title: '幸福里小区环境大扫除',
    description: '清理楼道堆物、绿化带垃圾，工具由社区提供。',
    place: '幸福里小区中心花园集合',
    startAt: iso(tomorrow),
    endAt: iso(new Date(tomorrow.getTime() + 2 * 3600_000)),
    capacity: 30,
    pointsPerHour: 10,
  })
  for (const k of ['lin-xiaoyan', 'guo-ting', 'ma-jun']) await call(who(k), 'activity.signUp', { communityId: X, activityId: clean.id })
  const nextWeek = new Date(Date.now() + 6 * 86400_000)
  nextWeek.setUTCHours(6, 30, 0, 0)
  await call(sec[X], 'activity.upsert', {
    communityId: X,
    title: '防诈骗知识讲座',
    description: '工商银行青山支行的党员讲解常见电信诈骗手法，教大家识别和防范。',
    place: '幸福里社区党群服务中心二楼',
    startAt: iso(nextWeek),
    endAt: iso(new Date(nextWeek.getTime() + 1.5 * 3600_000)),
    capacity: 60,
    pointsPerHour: 5,
  })

  // ----- 议事: councils, seats, topics at every stage, meetings (local/seed/council.ts) -----
  await seedCouncilShowcase(call, db as unknown as Parameters<typeof seedCouncilShowcase>[1], daysAgo)

  // ----- 一键报修 / 吹哨报到: units, staff, requests in every colour (local/seed/requests.ts) -----
  await seedRequestShowcase(call, callAt)

  // ----- 服务菜单: the menu, bookings, visits, a venue and 代办 errands (local/seed/services.ts) -----
  await seedServiceShowcase(call, callAt)

  // ----- 和平社区: a smaller shelf so the other community is not empty -----
  const [hos] = await call(sec[H], 'points.setSponsor', { communityId: H, name: '青山区人民医院', contact: '党委办', warnBelow: 500, priority: 1 })
  await call(sec[H], 'points.fundSponsor', { communityId: H, sponsorId: hos.id, amount: 5000, note: '2026 年度共建经费', requestKey: key() })
  await call(sec[H], 'mall.upsertItem', {
    communityId: H,
    name: '免费体检一次',
    kind: 'service',
    description: '区人民医院基础体检套餐（血压、血糖、心电图）',
    photos: [],
    price: 150,
    stockDelta: 20,
    perPersonLimit: 1,
    sponsorId: hos.id,
    active: true,
    pickupPlace: '和平社区卫生服务站',
    pickupHours: '每周二、四上午',
    pickupDays: 14,
  })
  await call(sec[H], 'points.grant', { communityId: H, userId: uid('yu-shuhua'), amount: 60, reason: '楼道清洁志愿服务', requestKey: key() })
}

/**
 * The showcase's 服务菜单 / 社区秘书 (part of local/seed/scenario.ts): 幸福里's living menu, published by 刘书记 a
 * month ago, with bookings, visits, ratings, a no-show, venue requests and 代办 errands made through the real
 * cloud function. Where time must pass (a booking made last Tuesday, verified on Wednesday, rated in the
 * afternoon) the calls run at past times (`callAt`: the function's injected clock), so every slot, code,
 * counter and audit entry is what the product would have written then — nothing is back-dated.
 *
 *   书记接待日  every Wednesday 9:00-11:00: 韩冬梅 came last week (verified by her code, rated 5) and her matter
 *              became a 代办 errand; 王秀英 is booked for the next one
 *   长者食堂    every day, order by 10:00: 郑德胜 ordered three days ago and did not come (no-show); 高玉兰 and
 *              李建国 have tomorrow's meal
 *   心灵驿站    private counselling with 吴静: 谢雨涵 is booked (only she and 吴静 see who)
 *   康养上门    at home for those over 60 (birth years seen by the secretary): 高玉兰's visit, her address only
 *              to the provider 罗师傅
 *   四点半课堂  after school for children with 马老师: 贾文静 booked for her daughter 小雨 (8)
 *   一中体育馆  青山区第一中学's gym after hours (错时开放): the school's staff 梁晓东 approved the choir's Thursday
 *              evening; 杨帆's badminton evening waits for approval
 *   社区代办    walk-in paperwork: one waiting (钱桂兰's, entered by her building head 孙丽华), one in hand with
 *              网格员小张, one done
 */
type Call = (openid: string, action: string, data?: object) => Promise<any>
type CallAt = (at: Date, openid: string, action: string, data?: object) => Promise<any>

const X = 'c-xingfuli'
const who = (key: string) => `demo-${key}`
const uid = (key: string) => `u-${key}`
const SEC = who('liu-guifang')
const HOUR = 3600_000
const DAY = 24 * HOUR

/** China calendar days and times, computed in plain UTC + 8 (China keeps no daylight saving). */
const CHINA = 8 * HOUR
const chinaDayOf = (ms: number) => new Date(ms + CHINA).toISOString().slice(0, 10)
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10)
/** ISO weekday (1 Monday … 7 Sunday) of a China day. */
const weekdayOf = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay() || 7
/** The instant of a China wall-clock time on a day. */
const at = (day: string, hhmm: string) => new Date(Date.parse(`${day}T${hhmm}:00+08:00`))

export async function seedServiceShowcase(call: Call, callAt: CallAt): Promise<void> {
  const now = Date.now()
  const today = chinaDayOf(now)
  // The last Wednesday before today, and the next one far enough ahead to book (never today: it may be past its cutoff).
  let lastWed = addDays(today, -1)
  while (weekdayOf(lastWed) !== 3) lastWed = addDays(lastWed, -1)
  const nextWed = addDays(lastWed, addDays(lastWed, 7) > today ? 7 : 14)
  const monthAgo = new Date(now - 30 * DAY)
  const publish = (data: object) => callAt(monthAgo, SEC, 'service.upsert', { communityId: X, ...data })

  // ----- The partner unit that opens its gym after hours, and its staff -----
  const school = await callAt(monthAgo, SEC, 'unit.upsert', {
    communityId: X,
    name: '青山区第一中学',
    kind: 'partner',
    categories: [],
    escalationAcceptMinutes: 120,
  })
  await callAt(monthAgo, SEC, 'unit.setStaff', { communityId: X, unitId: school.id, userId: uid('liang-xiaodong'), staff: true })
  // The birth years 刘书记 saw on identity cards (康养上门 is for those over 60).
  for (const [k, born] of [
    ['gao-yulan', 1946],
    ['li-jianguo', 1949],
    ['zheng-desheng', 1943],
  ] as const)
    await callAt(monthAgo, SEC, 'org.setResidency', { communityId: X, userId: uid(k), birthYear: born })

  // ----- The menu -----
  const base = { provider: { kind: 'staff', userIds: [uid('liu-guifang')] } }
  const reception = await publish({
    ...base,
    name: '书记接待日',
    category: 'reception',
    description: '刘书记每周三上午在党群服务中心接待居民，有事当面说。可以提前预约，也可以直接来。',
    place: '党群服务中心一楼书记工作室',
    delivery: 'slots',
    schedule: { weekly: [{ weekday: 3, start: '09:00', end: '11:00', capacity: 8 }], dated: [], closures: [] },
    cutoffHours: 2,
  })
  const canteen = await publish({
    ...base,
    name: '长者食堂',
    category: 'canteen',
    description: '两荤一素一汤，60 岁以上老人每餐 8 元，当天 10 点前订餐，11:30 开饭。',
    place: '党群服务中心一楼长者食堂',
    delivery: 'daily',
    daily: { cutoff: '10:00', capacity: 40, days: [] },
  })
  const counselling = await publish({
    name: '心灵驿站',
    category: 'counselling',
    description: '心理咨询师一对一倾听和疏导，谈话内容保密，预约信息只有您和咨询师能看到。',
    place: '党群服务中心三楼心灵驿站',
    provider: { kind: 'staff', userIds: [uid('wu-jing')] },
    delivery: 'slots',
    schedule: {
      weekly: [
        { weekday: 2, start: '14:00', end: '15:00', capacity: 1 },
        { weekday: 4, start: '14:00', end: '15:00', capacity: 1 },
      ],
      dated: [],
      closures: [],
    },
    private: true,
    cutoffHours: 12,
  })
  const homeCare = await publish({
    name: '康养上门',
    category: 'elderly',
    description: '为 60 岁以上老人上门量血压、测血糖、陪聊和简单家务，地址只有上门的志愿者能看到。',
    place: '上门服务',
    provider: { kind: 'staff', userIds: [uid('luo-zhiming')] },
    audience: { minAge: 60, buildingIds: [] },
    delivery: 'at_home',
    schedule: {
      weekly: [
        { weekday: 1, start: '09:00', end: '11:30', capacity: 3 },
        { weekday: 5, start: '09:00', end: '11:30', capacity: 3 },
      ],
      dated: [],
      closures: [],
    },
    cutoffHours: 24,
  })
  const afterSchool = await publish({
    name: '四点半课堂',
    category: 'children',
    description: '放学后到社区写作业、读绘本，党员老师辅导，家长下班后来接。',
    place: '党群服务中心二楼活动室',
    provider: { kind: 'staff', userIds: [uid('ma-jun')] },
    delivery: 'slots',
    schedule: { weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '16:30', end: '18:00', capacity: 20 })), dated: [], closures: [] },
    forChild: true,
    cutoffHours: 2,
  })
  const gym = await publish({
    name: '一中体育馆',
    category: 'venue',
    description: '青山区第一中学的体育馆放学后向居民开放，可以打羽毛球、排练节目，按小时预约，学校审批后凭预约码入馆。',
    place: '青山区第一中学体育馆',
    provider: { kind: 'unit', unitId: school.id, userIds: [] },
    delivery: 'venue',
    venue: { unitId: school.id, opens: '18:00', closes: '21:00', days: [1, 2, 3, 4, 5] },
    cutoffHours: 4,
  })
  await publish({
    name: '社区代办',
    category: 'errand',
    description: '社保、医保、老年证、高龄补贴等材料，社区帮您代办。首问负责：谁接办谁负责到底。',
    place: '党群服务中心一楼代办窗口',
    provider: { kind: 'staff', userIds: [uid('lin-xiaoyan')] },
    delivery: 'walk_in',
    walkIn: '工作日 9:00-17:00 到党群服务中心一楼代办窗口',
  })

  // The people below accepted 预约提醒 / 待办提醒 in their taps (one message per acceptance).
  for (const k of ['wang-xiuying', 'han-dongmei', 'gao-yulan', 'li-jianguo', 'zheng-desheng', 'xie-yuhan', 'jia-wenjing', 'yang-fan', 'ma-jun', 'sun-lihua'])
    for (let i = 0; i < 3; i++) await call(who(k), 'org.subscribed', { templates: ['bookingReminder', 'reminder'] })
  for (const k of ['liang-xiaodong', 'liu-guifang', 'zhang-wei', 'lin-xiaoyan'])
    for (let i = 0; i < 3; i++) await call(who(k), 'org.subscribed', { templates: ['reminder'] })

  // ----- 书记接待日: last week's visit, verified and rated, its matter turned into an errand; next week's booking -----
  const visit = await callAt(at(addDays(lastWed, -1), '10:00'), who('han-dongmei'), 'booking.create', {
    communityId: X,
    serviceId: reception.id,
    day: lastWed,
    start: '09:00',
    note: '想问问老房子加装电梯的政策',
  })
  await callAt(at(lastWed, '09:20'), SEC, 'booking.verify', { communityId: X, code: visit.code })
  const fromVisit = await callAt(at(lastWed, '10:40'), SEC, 'errand.create', {
    communityId: X,
    forUserId: uid('han-dongmei'),
    bookingId: visit.id,
    title: '代办加装电梯补贴申请',
    description: '接待日反映：1 栋想加装电梯，需向街道提交补贴申请，社区代为整理材料并递交。',
    documents: ['业主同意书', '房产证复印件', '施工方案'],
  })
  await callAt(at(lastWed, '11:00'), who('zhang-wei'), 'errand.advance', { communityId: X, errandId: fromVisit.id, step: 'accept' })
  await callAt(at(lastWed, '15:00'), who('han-dongmei'), 'booking.rate', {
    communityId: X,
    bookingId: visit.id,
    stars: 5,
    comment: '刘书记讲得很清楚，还帮我把材料清单列好了。',
  })
  // The next afternoon — or an hour ago, when last Wednesday was yesterday.
  const nextAfternoon = new Date(Math.min(at(addDays(lastWed, 1), '16:00').getTime(), now - HOUR))
  await callAt(nextAfternoon, who('zhang-wei'), 'errand.advance', {
    communityId: X,
    errandId: fromVisit.id,
    step: 'progress',
    note: '材料已收齐，周五递交街道城建科',
  })
  await call(who('wang-xiuying'), 'booking.create', { communityId: X, serviceId: reception.id, day: nextWed, start: '09:00', note: '想反映小区停车难的问题' })

  // ----- 长者食堂: a meal ordered and not collected three days ago; tomorrow's orders -----
  const threeDaysAgo = addDays(today, -3)
  const missed = await callAt(at(threeDaysAgo, '08:10'), who('zheng-desheng'), 'booking.create', { communityId: X, serviceId: canteen.id, day: threeDaysAgo })
  await callAt(at(threeDaysAgo, '13:00'), SEC, 'booking.markNoShow', { communityId: X, bookingId: missed.id })
  const tomorrow = addDays(today, 1)
  for (const k of ['gao-yulan', 'li-jianguo']) await call(who(k), 'booking.create', { communityId: X, serviceId: canteen.id, day: tomorrow })

  // ----- 心灵驿站 (private), 康养上门 (at home), 四点半课堂 (for a child): coming bookings -----
  const nextOn = (weekday: number) => {
    let d = addDays(today, 2) // past every cutoff of the menu
    while (weekdayOf(d) !== weekday) d = addDays(d, 1)
    return d
  }
  await call(who('xie-yuhan'), 'booking.create', { communityId: X, serviceId: counselling.id, day: nextOn(4), start: '14:00' })
  await call(who('gao-yulan'), 'booking.create', {
    communityId: X,
    serviceId: homeCare.id,
    day: nextOn(5),
    start: '09:00',
    address: '钢城新村 1 栋 2 单元 101',
    note: '量血压，顺便帮忙换个灯泡',
  })
  await call(who('jia-wenjing'), 'booking.create', {
    communityId: X,
    serviceId: afterSchool.id,
    day: nextOn(2),
    start: '16:30',
    child: { givenName: '小雨', age: 8 },
  })

  // ----- 一中体育馆: the choir's evening approved by the school; a badminton evening waiting -----
  const choir = await call(who('ma-jun'), 'venue.book', {
    communityId: X,
    serviceId: gym.id,
    day: nextOn(4),
    start: '19:00',
    end: '21:00',
    purpose: '社区合唱团排练，约 30 人',
  })
  await call(who('liang-xiaodong'), 'venue.approve', { communityId: X, bookingId: choir.id, approve: true })
  await call(who('yang-fan'), 'venue.book', { communityId: X, serviceId: gym.id, day: nextOn(2), start: '18:00', end: '20:00', purpose: '楼里邻居打羽毛球' })

  // ----- 社区代办: one waiting (entered by a building head for her offline neighbour), one done -----
  await callAt(new Date(now - 2 * HOUR), who('sun-lihua'), 'errand.create', {
    communityId: X,
    forUserId: uid('qian-guilan'),
    title: '代办养老金资格认证',
    description: '钱奶奶腿脚不便，不会用手机做人脸认证，请社区帮忙上门认证。',
    documents: ['身份证', '社保卡'],
  })
  const card = await callAt(new Date(now - 6 * DAY), who('li-jianguo'), 'errand.create', {
    communityId: X,
    title: '代办老年优待证',
    description: '满 70 岁了，想办老年优待证坐公交免费。',
    documents: ['身份证', '一寸照片 2 张'],
  })
  await callAt(new Date(now - 6 * DAY + 2 * HOUR), who('lin-xiaoyan'), 'errand.advance', { communityId: X, errandId: card.id, step: 'accept' })
  await callAt(new Date(now - 2 * DAY), who('lin-xiaoyan'), 'errand.advance', {
    communityId: X,
    errandId: card.id,
    step: 'done',
    note: '优待证已办好，请到代办窗口领取',
  })
}

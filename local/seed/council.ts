/**
 * The showcase's 议事厅 (part of local/seed/scenario.ts): 幸福里社区's council with its seats, a youth council
 * and a building council, and topics at every stage — collecting support, in opinions with comments, being
 * voted on, decided and being implemented with milestones, and done with 办成了吗 waiting for its voters —
 * plus a 议事日 that took place (minutes on the topics it discussed) and one coming. Made through the real
 * cloud function like the rest of the showcase; where weeks must pass (a vote's window, a meeting's date) the
 * stored dates are moved back afterwards, as the scenario does for activities.
 */
type Call = (openid: string, action: string, data?: object) => Promise<any>
type Db = { collection(name: string): { doc(id: string): { update(q: { data: object }): Promise<unknown> } } }

const X = 'c-xingfuli'
const who = (key: string) => `demo-${key}`
const uid = (key: string) => `u-${key}`
const SEC = who('liu-guifang')
const HOUR = 3600_000
const DAY = 24 * HOUR

export async function seedCouncilShowcase(call: Call, db: Db, daysAgo: (d: number, h?: number) => Date): Promise<void> {
  const iso = (d: Date) => d.toISOString()
  const today = new Date(Date.now() + 8 * HOUR).toISOString().slice(0, 10)
  const dayBefore = (d: number) => new Date(Date.now() + 8 * HOUR - d * DAY).toISOString().slice(0, 10)

  // ----- Councils and seats -----
  const [main] = await call(SEC, 'council.list', { communityId: X })
  const settings = { ...main.settings, supportThreshold: 3, eligibility: 'household', quorumPercent: 20, passPercent: 50, opinionDays: 7, votingDays: 7 }
  await call(SEC, 'council.upsert', { communityId: X, councilId: main.id, name: '幸福里社区居民议事会', scope: 'community', settings })
  const seats: [string, string][] = [
    ['sun-lihua', 'party_branch'],
    ['zhou-guoqing', 'party_branch'],
    ['hu-jianhua', 'owners_committee'],
    ['han-dongmei', 'owners_committee'],
    ['wang-xiuying', 'representative'],
    ['li-jianguo', 'representative'],
    ['song-chunmei', 'representative'],
    ['tang-haitao', 'representative'],
    ['xie-yuhan', 'observer'],
  ]
  for (const [k, seat] of seats) await call(SEC, 'council.setSeat', { communityId: X, councilId: main.id, userId: uid(k), seat })
  // Birth years the secretary saw on identity cards: the youth council counts only these.
  for (const [k, year] of [
    ['he-jiayi', 2004],
    ['guo-ting', 1998],
    ['lin-xiaoyan', 1995],
    ['xie-yuhan', 1996],
  ] as const)
    await call(SEC, 'org.setResidency', { communityId: X, userId: uid(k), birthYear: year })
  await call(SEC, 'council.upsert', {
    communityId: X,
    name: '幸福里青年议事会',
    scope: 'youth',
    settings: { ...settings, supportThreshold: 2, eligibility: 'resident', youthMaxAge: 35 },
  })
  await call(SEC, 'council.upsert', {
    communityId: X,
    name: '钢城新村3栋议事会',
    scope: 'building',
    buildingId: 'b-gangcheng-3',
    settings: { ...settings, supportThreshold: 2 },
  })

  // Authors and voters accepted the 议题进展 / 表决开始 messages in their taps (one message per acceptance).
  const accept = async (k: string, template: string, times: number) => {
    for (let i = 0; i < times; i++) await call(who(k), 'org.subscribed', { templates: [template] })
  }
  for (const k of ['wang-xiuying', 'gao-yulan', 'tang-haitao', 'zheng-desheng', 'song-chunmei']) await accept(k, 'topicProgress', 8)
  for (const k of ['wang-xiuying', 'hu-jianhua', 'li-jianguo', 'han-dongmei', 'jia-wenjing']) await accept(k, 'topicVote', 2)

  const topic = (k: string, title: string, description: string, extra: object = {}) =>
    call(who(k), 'topic.create', { communityId: X, title, description, ...extra })
  const support = async (id: string, keys: string[]) => {
    for (const k of keys) await call(who(k), 'topic.support', { communityId: X, topicId: id })
  }
  const toOpinions = async (id: string, supporters: string[], review: string, discuss: string) => {
    await support(id, supporters)
    await call(who('sun-lihua'), 'topic.review', { communityId: X, topicId: id, note: review })
    await call(who('hu-jianhua'), 'topic.discuss', { communityId: X, topicId: id, note: discuss })
  }
  const vote = async (id: string, votes: [string, string][]) => {
    for (const [k, choice] of votes) await call(who(k), 'topic.vote', { communityId: X, topicId: id, choice })
  }
  /** The vote's window ended yesterday (time passes), and the secretary publishes the result. */
  const closeAsOfYesterday = async (id: string) => {
    const ended = daysAgo(1, 20)
    await db
      .collection('topics')
      .doc(id)
      .update({ data: { votingClosesAt: ended, 'vote.closesAt': ended } })
    return call(SEC, 'topic.close', { communityId: X, topicId: id })
  }

  // ----- Collecting support: 1 of 3 -----
  const shelter = await topic('wang-xiuying', '小区东门公交站加装雨棚', '东门公交站没有遮挡，下雨天老人孩子等车都淋雨，希望加装一个雨棚。', {
    buildingId: 'b-xingfuli-yuan-1',
  })
  await support(shelter.id, ['han-dongmei'])

  // ----- Open for opinions, with comments -----
  const rails = await topic('gao-yulan', '老楼楼道加装扶手', '钢城新村都是没电梯的老楼，老人上下楼吃力，希望每个单元楼道加装扶手。')
  await toOpinions(
    rails.id,
    ['zhou-guoqing', 'luo-zhiming', 'tang-haitao'],
    '关系老年人出行安全，支部同意进入商议。',
    '业委会同意，建议先在1、2栋试点，费用从公共收益列支。',
  )
  await call(who('zheng-desheng'), 'topic.comment', { communityId: X, topicId: rails.id, text: '我家在3楼，每天上下楼都扶着墙，早该装了。' })
  await call(who('jia-wenjing'), 'topic.comment', { communityId: X, topicId: rails.id, text: '扶手最好选不锈钢的，冬天别太凉，可以包一层塑料。' })

  // ----- Being voted on: one vote per household, closes in a week -----
  const chargers = await topic('tang-haitao', '增设电动车集中充电桩', '楼道里推电动车充电太危险，建议在钢城新村2栋旁空地建集中充电棚。')
  await toOpinions(chargers.id, ['zhou-guoqing', 'zhao-min', 'luo-zhiming'], '消除消防隐患，支部同意。', '业委会同意选址2栋旁空地，由物业对接供电。')
  await call(SEC, 'topic.openVote', { communityId: X, topicId: chargers.id })
  await vote(chargers.id, [
    ['hu-jianhua', 'yes'],
    ['li-jianguo', 'yes'],
    ['song-chunmei', 'no'],
  ])

  // ----- A 议事日 that took place: signed up, checked in, minutes on the topics it discussed -----
  const waterproof = await topic('zheng-desheng', '3栋楼顶防水维修', '钢城新村3栋顶楼一下雨就渗水，墙皮都泡掉了，希望用维修资金把楼顶防水重做。', {
    buildingId: 'b-gangcheng-3',
    councilId: main.id,
  })
  await toOpinions(waterproof.id, ['gao-yulan', 'li-jianguo', 'tang-haitao'], '涉及居民切身利益，支部同意。', '业委会同意动用维修资金，由物业出具报价。')
  const start = new Date(Date.now() + 10 * 60_000)
  const meeting = await call(SEC, 'meeting.upsert', {
    communityId: X,
    councilId: main.id,
    kind: 'council_day',
    title: '十一月议事日',
    place: '幸福里社区党群服务中心二楼',
    startAt: iso(start),
    endAt: iso(new Date(start.getTime() + 2 * HOUR)),
    capacity: 40,
    topicIds: [waterproof.id, rails.id],
  })
  await call(SEC, 'topic.openVote', { communityId: X, topicId: waterproof.id })
  const code = await call(SEC, 'activity.checkinCode', { communityId: X, activityId: meeting.id })
  for (const k of ['zhou-guoqing', 'hu-jianhua', 'song-chunmei', 'han-dongmei', 'jia-wenjing']) {
    await call(who(k), 'activity.signUp', { communityId: X, activityId: meeting.id })
    await call(who(k), 'activity.checkin', { communityId: X, token: code.token })
  }
  await vote(waterproof.id, [
    ['wang-xiuying', 'yes'],
    ['gao-yulan', 'yes'],
    ['tang-haitao', 'yes'],
    ['liang-xiaodong', 'abstain'],
  ])
  // Votes cast by hand at the meeting, entered by the secretary (曹爷爷 has no smartphone).
  await call(SEC, 'topic.recordOfflineVotes', {
    communityId: X,
    topicId: waterproof.id,
    channel: 'meeting',
    meetingId: meeting.id,
    votes: [
      { voterId: uid('cao-defu'), choice: 'yes' },
      { voterId: uid('zhou-guoqing'), choice: 'yes' },
      { voterId: uid('han-dongmei'), choice: 'no' },
    ],
  })
  // Time passes: the meeting was three days ago; its minutes are published.
  const [mStart, mEnd] = [daysAgo(3, 14), daysAgo(3, 16)]
  await db
    .collection('activities')
    .doc(meeting.id)
    .update({ data: { startAt: mStart, endAt: mEnd } })
  await call(SEC, 'meeting.upsert', {
    communityId: X,
    meetingId: meeting.id,
    councilId: main.id,
    kind: 'council_day',
    title: '十一月议事日',
    place: '幸福里社区党群服务中心二楼',
    startAt: iso(mStart),
    endAt: iso(mEnd),
    capacity: 40,
    topicIds: [waterproof.id, rails.id],
    minutes: '到会居民 5 人。3栋楼顶防水：物业报价 4.8 万元，使用维修资金，现场投票 3 票。楼道扶手：先在钢城新村1、2栋试点。',
  })

  // ----- Decided, being implemented -----
  await closeAsOfYesterday(waterproof.id)
  await call(SEC, 'topic.addMilestone', { communityId: X, topicId: waterproof.id, date: dayBefore(0), note: '物业已与防水施工队签约，材料进场。' })
  await call(SEC, 'topic.addMilestone', { communityId: X, topicId: waterproof.id, date: today, note: '旧防水层已铲除，预计一周内完工。' })

  // ----- Done: its voters are asked 办成了吗 -----
  const lights = await topic('song-chunmei', '幸福里小区4栋路灯维修', '4栋门前的两盏路灯坏了一个多月，晚上回家黑灯瞎火的。', {
    buildingId: 'b-xingfuli-yuan-4',
  })
  await toOpinions(lights.id, ['wang-xiuying', 'ma-jun', 'han-dongmei'], '支部同意，请物业尽快维修。', '业委会同意，费用由物业承担。')
  await call(SEC, 'topic.openVote', { communityId: X, topicId: lights.id })
  await vote(lights.id, [
    ['wang-xiuying', 'yes'],
    ['song-chunmei', 'yes'],
    ['ma-jun', 'yes'],
    ['han-dongmei', 'yes'],
    ['hu-jianhua', 'yes'],
    ['li-jianguo', 'yes'],
    ['jia-wenjing', 'yes'],
  ])
  await closeAsOfYesterday(lights.id)
  await call(SEC, 'topic.addMilestone', { communityId: X, topicId: lights.id, date: today, note: '物业已更换两盏路灯的灯头和线路。', done: true })
  await call(who('ma-jun'), 'topic.feedback', { communityId: X, topicId: lights.id, done: true, comment: '晚上亮堂了，谢谢！' })

  // ----- A 议事日 coming next week -----
  const next = new Date(Date.now() + 7 * DAY)
  next.setUTCHours(11, 0, 0, 0)
  await call(SEC, 'meeting.upsert', {
    communityId: X,
    councilId: main.id,
    kind: 'council_day',
    title: '十二月议事日',
    place: '幸福里社区党群服务中心二楼',
    startAt: iso(next),
    endAt: iso(new Date(next.getTime() + 2 * HOUR)),
    capacity: 40,
    topicIds: [chargers.id, rails.id],
  })
}

/**
 * The showcase's 一键报修 / 吹哨报到 (part of local/seed/scenario.ts): the units that act on requests — 幸福里's
 * property company 安居物业 (it owns 环境卫生) and the street's 城管科 — with their staff, and requests in
 * different states and colours, made through the real cloud function like the rest of the showcase. The grids
 * and their workers are the demo street's (local/seed/demo.ts). Where time must pass (a clock turning yellow or
 * red, a department reporting late) the calls run at past times (`callAt`: the function's injected clock), so
 * every deadline, flow entry and counter is what the product would have written then — nothing is back-dated.
 *
 *   green   待受理  王秀英's stairwell light, just reported, with 网格员小张
 *   yellow  处理中  高玉兰's leaking kitchen pipe (urgent), 网格员赵敏 working on it, most of its 4 h gone
 *   red     待受理  胡建华's loose manhole cover, not accepted for five hours
 *   已吹哨          唐海涛's illegal shed: overdue with the grid, escalated to 城管科 half an hour ago
 *   待确认          韩冬梅's leaking roof tank, resolved by 网格员小张, waiting for her
 *   已办结          宋春梅's overflowing bins (安居物业, on time, 5 stars); 李建国's street stalls (城管科 reported
 *                   late, so 城管科 shows as lagging in the street's view)
 *   意见建议        马俊's charging-station suggestion, with the secretary; 和平社区: a repair with 网格员蒋涛
 */
type Call = (openid: string, action: string, data?: object) => Promise<any>
type CallAt = (at: Date, openid: string, action: string, data?: object) => Promise<any>

const X = 'c-xingfuli'
const H = 'c-heping'
const who = (key: string) => `demo-${key}`
const uid = (key: string) => `u-${key}`
const SEC = who('liu-guifang')
const STREET = who('zheng-wei')
const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR

export async function seedRequestShowcase(call: Call, callAt: CallAt): Promise<void> {
  const now = Date.now()
  const ago = (ms: number) => new Date(now - ms)

  // ----- Units and their staff -----
  const property = await call(SEC, 'unit.upsert', {
    communityId: X,
    name: '安居物业',
    kind: 'property',
    categories: ['environment'],
    escalationAcceptMinutes: 60,
  })
  await call(SEC, 'unit.setStaff', { communityId: X, unitId: property.id, userId: uid('qin-haiyang'), staff: true })
  const chengguan = await call(STREET, 'unit.upsert', {
    communityId: X,
    name: '街道城管科',
    kind: 'street_dept',
    streetWide: true,
    categories: [],
    escalationAcceptMinutes: 120,
  })
  await call(STREET, 'unit.setStaff', { communityId: X, unitId: chengguan.id, userId: uid('kong-fanrong'), staff: true })

  // The people below accepted the 诉求进展 / 待办提醒 messages in their taps (one message per acceptance).
  for (const k of ['wang-xiuying', 'gao-yulan', 'hu-jianhua', 'tang-haitao', 'han-dongmei', 'song-chunmei', 'li-jianguo', 'ma-jun'])
    for (let i = 0; i < 6; i++) await call(who(k), 'org.subscribed', { templates: ['requestProgress'] })
  for (const k of ['zhang-wei', 'zhao-min', 'qin-haiyang', 'kong-fanrong', 'jiang-tao', 'liu-guifang'])
    for (let i = 0; i < 6; i++) await call(who(k), 'org.subscribed', { templates: ['requestProgress', 'reminder'] })

  const report = (at: Date, k: string, category: string, description: string, extra: object = {}) =>
    callAt(at, who(k), 'request.create', { communityId: X, category, description, ...extra })
  const step = (at: Date, k: string, action: string, requestId: string, data: object = {}) => callAt(at, who(k), action, { communityId: X, requestId, ...data })

  // red: not accepted for five hours (safety, 60 minutes to accept).
  await report(ago(5 * HOUR), 'hu-jianhua', 'safety', '3 栋单元门口的井盖松了，踩上去会晃，晚上有小孩在附近玩。', { buildingId: 'b-xingfuli-yuan-3' })

  // yellow: an urgent leak accepted at once, most of its four hours gone.
  const leak = await report(ago(3 * HOUR), 'gao-yulan', 'repair', '厨房水管接口漏水，地上都是水，我自己关不上总阀。', { urgency: 'urgent' })
  await step(ago(3 * HOUR - 8 * MIN), 'zhao-min', 'request.accept', leak.id)
  await step(ago(2 * HOUR + 40 * MIN), 'zhao-min', 'request.progress', leak.id, { note: '已关掉总阀，止住漏水了，等物业送接头配件来换。' })

  // resolved, waiting for the reporter.
  const tank = await report(ago(2 * DAY), 'han-dongmei', 'repair', '楼顶水箱漏水，顶楼天花板渗水发霉。')
  await step(ago(2 * DAY - 40 * MIN), 'zhang-wei', 'request.accept', tank.id)
  await step(ago(1 * DAY), 'zhang-wei', 'request.resolve', tank.id, { proof: '请维修师傅更换了水箱进水阀并做了防水，天花板晾干后再看。' })

  // closed on time by the property company (环境卫生 is theirs), five stars.
  const bins = await report(ago(6 * DAY), 'song-chunmei', 'environment', '4 栋门口的垃圾桶满了两天没人清，味道很大。')
  await step(ago(6 * DAY - 30 * MIN), 'qin-haiyang', 'request.accept', bins.id)
  await step(ago(6 * DAY - 3 * HOUR), 'qin-haiyang', 'request.resolve', bins.id, { proof: '已清运并消毒，和保洁约好每天早晚各清一次。' })
  await step(ago(6 * DAY - 5 * HOUR), 'song-chunmei', 'request.confirm', bins.id, { stars: 5, comment: '很快就清干净了，谢谢物业！' })

  // 吹哨, answered late: stalls blocking the gate, overdue with the grid, escalated; 城管科 reported after its 2 hours.
  const stalls = await report(ago(10 * DAY), 'li-jianguo', 'safety', '小区门口每天早上有人占道摆摊，路堵死了，老人过不去。')
  await step(ago(10 * DAY - HOUR), 'zhao-min', 'request.accept', stalls.id)
  await step(ago(8 * DAY), 'liu-guifang', 'request.escalate', stalls.id, { unitId: chengguan.id, reason: '占道经营需城管执法，社区劝导多次无效' })
  await step(ago(8 * DAY - 3 * HOUR), 'kong-fanrong', 'request.unitAccept', stalls.id)
  await step(ago(7 * DAY), 'kong-fanrong', 'request.resolve', stalls.id, { proof: '已联合市场监管清理占道摊点，设置了临时疏导点，早高峰安排巡查。' })
  await step(ago(7 * DAY - 6 * HOUR), 'li-jianguo', 'request.confirm', stalls.id, { stars: 4, comment: '门口通畅了，希望能一直保持。' })

  // 已吹哨: an illegal shed, overdue with the grid worker, escalated to 城管科 half an hour ago.
  const shed = await report(ago(3 * DAY), 'tang-haitao', 'safety', '2 栋旁边有人违章搭了彩钢棚，挡住了消防通道。')
  await step(ago(3 * DAY - HOUR), 'zhao-min', 'request.accept', shed.id)
  await step(ago(30 * MIN), 'liu-guifang', 'request.escalate', shed.id, { unitId: chengguan.id, reason: '违章搭建需城管执法，社区无权拆除' })

  // green: just reported.
  await report(ago(10 * MIN), 'wang-xiuying', 'repair', '1 栋 1 单元 3 楼的楼道灯不亮了，晚上上下楼看不清。')

  // A suggestion, with the secretary.
  await report(ago(2 * HOUR), 'ma-jun', 'feedback', '建议在小区里加装电动车充电桩，现在很多人从楼上拉电线充电，不安全。')

  // 和平社区: a repair with its grid worker.
  await callAt(ago(40 * MIN), who('cai-zhiyuan'), 'request.create', {
    communityId: H,
    category: 'repair',
    description: '单元门禁坏了，门一直关不上。',
  })
}

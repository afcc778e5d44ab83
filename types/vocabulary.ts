/**
 * The contract's words, as plain data (no zod): what the client shows and the server checks come from here,
 * so neither keeps a copy "in step" with the other. The client imports these values directly; the schema
 * files (common.ts, wish.ts, points.ts, party.ts) build their enums from them.
 */
import type { ActionName } from './api'

export const ROLES = [
  'resident', // 居民
  'party_member', // 党员
  'volunteer', // 志愿者
  'building_head', // 楼栋长 / 党员中心户
  'grid_worker', // 网格员
  'unit_staff', // 单位工作人员 (街道科室 / 物业 / 共建单位: the grant names the unit)
  'secretary', // 社区书记 / 社区秘书
  'street_admin', // 街道管理员
] as const
export type RoleName = (typeof ROLES)[number]

export const ROLE_LABELS: Record<RoleName, string> = {
  resident: '居民',
  party_member: '党员',
  volunteer: '志愿者',
  building_head: '楼栋长',
  grid_worker: '网格员',
  unit_staff: '单位工作人员',
  secretary: '社区书记',
  street_admin: '街道管理员',
}

export const WISH_STATUSES = ['under_review', 'open', 'claimed', 'fulfilled', 'closed', 'rejected', 'withdrawn', 'converted'] as const
export type WishStatusName = (typeof WISH_STATUSES)[number]
export const WISH_STATUS_LABELS: Record<WishStatusName, string> = {
  under_review: '审核中',
  open: '待认领',
  claimed: '已认领',
  fulfilled: '已完成待确认',
  closed: '已圆梦',
  rejected: '未通过',
  withdrawn: '已撤回',
  converted: '已转为诉求',
}

export const ITEM_KINDS = ['goods', 'service', 'fee_reduction', 'venue_voucher'] as const
export const ITEM_KIND_LABELS: Record<(typeof ITEM_KINDS)[number], string> = {
  goods: '实物',
  service: '服务',
  fee_reduction: '物业费减免',
  venue_voucher: '场地券',
}

/** 党员类型 of a 双报到 registration. */
export const MEMBER_TYPES = ['在职', '离退休', '流动', '社区', '两新'] as const

/** A 双报到 registration's states. */
export const REG_STATUSES = ['pending', 'verified', 'rejected', 'closed'] as const
export type RegStatusName = (typeof REG_STATUSES)[number]
export const REG_STATUS_LABELS: Record<RegStatusName, string> = { pending: '待审核', verified: '已报到', rejected: '未通过', closed: '已迁出' }

/** 议事: where a council sits, who votes, its seats, a topic's stages, how topics and votes come in. */
export const COUNCIL_SCOPES = ['community', 'compound', 'building', 'youth', 'migrants'] as const
export const COUNCIL_SCOPE_LABELS: Record<(typeof COUNCIL_SCOPES)[number], string> = {
  community: '社区议事会',
  compound: '小区议事会',
  building: '楼栋议事会',
  youth: '青年议事会',
  migrants: '新居民议事会',
}
export const ELIGIBILITIES = ['household', 'resident', 'representatives'] as const
export const ELIGIBILITY_LABELS: Record<(typeof ELIGIBILITIES)[number], string> = {
  household: '每户一票',
  resident: '每位居民一票',
  representatives: '居民代表表决',
}
export const SEAT_KINDS = ['party_branch', 'owners_committee', 'representative', 'observer'] as const
export const SEAT_LABELS: Record<(typeof SEAT_KINDS)[number], string> = {
  party_branch: '党支部',
  owners_committee: '业委会',
  representative: '居民代表',
  observer: '社区观察员',
}
export const TOPIC_STATUSES = [
  'draft',
  'collecting',
  'review',
  'discussion',
  'opinions',
  'voting',
  'decided',
  'implementing',
  'done',
  'withdrawn',
  'merged',
  'retired',
  'hidden',
] as const
export type TopicStatusName = (typeof TOPIC_STATUSES)[number]
/** Each ≤ 5 Chinese characters: the same words go into the 议题进展 subscribe message's phrase field. */
export const TOPIC_STATUS_LABELS: Record<TopicStatusName, string> = {
  draft: '待审核',
  collecting: '征集附议',
  review: '党支部审议',
  discussion: '业委会商议',
  opinions: '征求意见',
  voting: '表决中',
  decided: '已表决',
  implementing: '落实中',
  done: '已办结',
  withdrawn: '已撤回',
  merged: '已合并',
  retired: '已终止',
  hidden: '已隐藏',
}
export const TOPIC_CHANNELS = ['online', 'proxy', 'point', 'paper', 'door', 'phone'] as const
export const TOPIC_CHANNEL_LABELS: Record<(typeof TOPIC_CHANNELS)[number], string> = {
  online: '线上提交',
  proxy: '楼栋长代提',
  point: '居民说事点',
  paper: '纸质意见',
  door: '上门走访',
  phone: '电话反映',
}
export const VOTE_CHOICES = ['yes', 'no', 'abstain'] as const
export const VOTE_CHOICE_LABELS: Record<(typeof VOTE_CHOICES)[number], string> = { yes: '同意', no: '不同意', abstain: '弃权' }
export const VOTE_CHANNELS = ['online', 'meeting', 'paper'] as const
export const VOTE_CHANNEL_LABELS: Record<(typeof VOTE_CHANNELS)[number], string> = { online: '线上', meeting: '会议现场', paper: '纸质票' }
export const RETIRE_REASONS = ['duplicate', 'out_of_scope', 'already_done', 'not_feasible'] as const
export const RETIRE_REASON_LABELS: Record<(typeof RETIRE_REASONS)[number], string> = {
  duplicate: '与其他议题重复',
  out_of_scope: '不属于议事范围',
  already_done: '已经办好了',
  not_feasible: '暂不具备条件',
}
export const MEETING_KINDS = ['council_day', 'representatives', 'other'] as const
export const MEETING_KIND_LABELS: Record<(typeof MEETING_KINDS)[number], string> = {
  council_day: '议事日',
  representatives: '居民代表会议',
  other: '议事会议',
}

/** 一键报修 / 求助: what a request is about, how urgent, where it is, how it came in, who acts on it. */
export const REQUEST_CATEGORIES = ['repair', 'safety', 'environment', 'dispute', 'help', 'feedback'] as const
export const REQUEST_CATEGORY_LABELS: Record<(typeof REQUEST_CATEGORIES)[number], string> = {
  repair: '报修',
  safety: '安全隐患',
  environment: '环境卫生',
  dispute: '邻里纠纷',
  help: '求助',
  feedback: '意见建议',
}
export const URGENCIES = ['normal', 'urgent'] as const
export const URGENCY_LABELS: Record<(typeof URGENCIES)[number], string> = { normal: '一般', urgent: '紧急' }
export const REQUEST_STATUSES = ['reported', 'dispatched', 'accepted', 'in_progress', 'resolved', 'closed', 'escalated', 'converted', 'cancelled'] as const
export type RequestStatusName = (typeof REQUEST_STATUSES)[number]
/** Each ≤ 5 Chinese characters (the 诉求进展 message's phrase field carries them). */
export const REQUEST_STATUS_LABELS: Record<RequestStatusName, string> = {
  reported: '已提交',
  dispatched: '待受理',
  accepted: '已受理',
  in_progress: '处理中',
  resolved: '待确认',
  closed: '已办结',
  escalated: '已吹哨',
  converted: '已转心愿',
  cancelled: '已撤销',
}
export const REQUEST_CHANNELS = ['online', 'proxy', 'phone', 'letterbox', 'door'] as const
export const REQUEST_CHANNEL_LABELS: Record<(typeof REQUEST_CHANNELS)[number], string> = {
  online: '线上提交',
  proxy: '楼栋长代报',
  phone: '电话',
  letterbox: '意见箱',
  door: '上门走访',
}
export const UNIT_KINDS = ['street_dept', 'property', 'partner'] as const
export const UNIT_KIND_LABELS: Record<(typeof UNIT_KINDS)[number], string> = { street_dept: '街道科室', property: '物业公司', partner: '共建单位' }

/** 服务菜单: what a service is, how it is delivered, who provides it; bookings and 代办 errands. */
export const SERVICE_CATEGORIES = ['errand', 'reception', 'elderly', 'children', 'counselling', 'canteen', 'venue', 'other'] as const
export const SERVICE_CATEGORY_LABELS: Record<(typeof SERVICE_CATEGORIES)[number], string> = {
  errand: '社区代办',
  reception: '书记接待日',
  elderly: '康养助老',
  children: '成长护航',
  counselling: '心灵驿站',
  canteen: '长者食堂',
  venue: '场地开放',
  other: '其他服务',
}
export const DELIVERY_KINDS = ['slots', 'walk_in', 'at_home', 'daily', 'venue'] as const
export const DELIVERY_LABELS: Record<(typeof DELIVERY_KINDS)[number], string> = {
  slots: '预约时段',
  walk_in: '随到随办',
  at_home: '上门服务',
  daily: '每日预订',
  venue: '场地预约',
}
export const PROVIDER_KINDS = ['staff', 'unit', 'post'] as const
export const PROVIDER_LABELS: Record<(typeof PROVIDER_KINDS)[number], string> = { staff: '社区工作人员', unit: '共建单位', post: '党员服务岗' }
export const BOOKING_STATUSES = ['pending', 'booked', 'attended', 'no_show', 'cancelled', 'rejected'] as const
export const BOOKING_STATUS_LABELS: Record<(typeof BOOKING_STATUSES)[number], string> = {
  pending: '待审批',
  booked: '已预约',
  attended: '已到场',
  no_show: '未到场',
  cancelled: '已取消',
  rejected: '未通过',
}
export const BOOKING_CHANNELS = ['online', 'proxy', 'phone'] as const
export const BOOKING_CHANNEL_LABELS: Record<(typeof BOOKING_CHANNELS)[number], string> = { online: '线上预约', proxy: '楼栋长代约', phone: '电话预约' }
export const ERRAND_STATUSES = ['submitted', 'accepted', 'in_progress', 'done'] as const
export const ERRAND_STATUS_LABELS: Record<(typeof ERRAND_STATUSES)[number], string> = {
  submitted: '待接办',
  accepted: '已接办',
  in_progress: '办理中',
  done: '已办完',
}

/** How points are earned, per community (the secretary sets a rule for each). */
export const EARN_KINDS = ['volunteer_hour', 'wish_fulfilled', 'suggestion_adopted', 'council_participation', 'waste_sorting'] as const
export type EarnKindName = (typeof EARN_KINDS)[number]
export const EARN_LABELS: Record<EarnKindName, string> = {
  volunteer_hour: '志愿服务（每小时）',
  wish_fulfilled: '完成微心愿',
  suggestion_adopted: '建议被采纳',
  council_participation: '参与议事',
  waste_sorting: '垃圾分类',
}

/**
 * What each action does, in the residents' words: the audit log (操作记录) shows these, never the code name.
 * Typed over every action, so a new action without words does not compile.
 */
export const ACTION_LABELS: Record<ActionName, string> = {
  'org.login': '登录',
  'org.me': '查看我的资料',
  'org.updateProfile': '修改个人资料',
  'org.communities': '查看社区列表',
  'org.tree': '查看小区楼栋',
  'org.households': '查看门牌',
  'org.assignRole': '授予角色',
  'org.revokeRole': '撤销角色',
  'org.members': '查看居民名单',
  'org.member': '查看居民详情',
  'org.setProxy': '设置楼栋长代办',
  'org.audit': '查看操作记录',
  'org.householdQueue': '查看待确认住址',
  'org.confirmHousehold': '确认住址',
  'org.subscribed': '同意接收通知',
  'org.undelivered': '查看未送达的消息',
  'org.street': '查看街道工作台',
  'points.balance': '查看积分',
  'points.statement': '查看积分明细',
  'points.rules': '查看积分规则',
  'points.setRule': '修改积分规则',
  'points.setExpiry': '修改积分有效期',
  'points.grant': '发放积分',
  'points.sponsors': '查看共建单位预算',
  'points.setSponsor': '设置共建单位',
  'points.fundSponsor': '充值共建单位预算',
  'points.report': '查看积分报表',
  'mall.items': '查看积分超市',
  'mall.item': '查看商品',
  'mall.upsertItem': '上架或修改商品',
  'mall.redeem': '兑换商品',
  'mall.cancel': '取消兑换',
  'mall.order': '查看兑换单',
  'mall.pickupQr': '查看取货码',
  'mall.myOrders': '查看我的兑换',
  'mall.verify': '核销兑换',
  'mall.orders': '查看兑换记录',
  'wish.create': '发布心愿',
  'wish.list': '查看心愿墙',
  'wish.get': '查看心愿',
  'wish.mine': '查看我的心愿',
  'wish.review': '审核心愿',
  'wish.reviewQueue': '查看待审核心愿',
  'wish.claim': '认领心愿',
  'wish.remind': '提醒认领人',
  'wish.dispatch': '派单',
  'wish.release': '放弃认领',
  'wish.progress': '更新心愿进展',
  'wish.fulfil': '完成心愿',
  'wish.confirm': '确认圆梦',
  'wish.withdraw': '撤回心愿',
  'wish.overdue': '查看超时心愿',
  'wish.stats': '查看心愿统计',
  'counters.recount': '核对统计计数',
  'wish.settings': '查看心愿设置',
  'wish.setSettings': '修改心愿设置',
  'wish.convert': '心愿转为诉求',
  'party.registerCode': '生成报到码',
  'party.resolveScene': '扫码报到',
  'party.register': '党员报到',
  'party.myRegistration': '查看我的报到',
  'party.review': '审核党员报到',
  'party.members': '查看报到党员',
  'party.pledge': '党员承诺',
  'party.pledgeDone': '承诺践诺',
  'post.list': '查看服务岗位',
  'post.upsert': '设置服务岗位',
  'post.claim': '认领岗位',
  'post.leave': '退出岗位',
  'pair.assign': '结对帮扶',
  'pair.mine': '查看我的结对',
  'pair.list': '查看结对名单',
  'pair.logVisit': '记录走访',
  'pair.settings': '查看结对设置',
  'pair.setSettings': '修改结对设置',
  'activity.list': '查看活动',
  'activity.get': '查看活动详情',
  'activity.upsert': '发布或修改活动',
  'activity.cancel': '取消活动',
  'activity.signUp': '报名活动',
  'activity.withdraw': '取消报名',
  'activity.checkinCode': '查看签到码',
  'activity.checkin': '活动签到',
  'activity.checkout': '活动签退',
  'activity.confirmHours': '确认服务时长',
  'party.record': '查看党员档案',
  'party.report': '查看报到统计',
  'party.coverage': '查看报到分布',
  'org.setResidency': '登记出生年份和居住证',
  'council.list': '查看议事会',
  'council.get': '查看议事会详情',
  'council.upsert': '设立或修改议事会',
  'council.setSeat': '设置议事会成员',
  'council.stats': '查看议事统计',
  'council.talkPoint': '生成居民说事点二维码',
  'council.talkPoints': '查看居民说事点',
  'topic.create': '提交议题',
  'topic.list': '查看议题',
  'topic.get': '查看议题详情',
  'topic.support': '附议',
  'topic.unsupport': '取消附议',
  'topic.review': '党支部审议',
  'topic.discuss': '业委会商议',
  'topic.comment': '发表意见',
  'topic.report': '举报议题或意见',
  'topic.moderate': '处理待审内容',
  'topic.openVote': '发起表决',
  'topic.vote': '表决投票',
  'topic.recordOfflineVotes': '录入线下投票',
  'topic.close': '结束表决并公示',
  'topic.addMilestone': '更新落实进展',
  'topic.feedback': '回答办成了吗',
  'topic.withdraw': '撤回议题',
  'topic.merge': '合并议题',
  'topic.retire': '终止议题',
  'topic.comments': '查看议题意见',
  'meeting.upsert': '安排议事会议',
  'meeting.list': '查看议事会议',
  'request.create': '一键报修求助',
  'request.get': '查看诉求',
  'request.mine': '查看我的诉求',
  'request.queue': '查看待办诉求',
  'request.board': '查看诉求看板',
  'request.accept': '受理诉求',
  'request.progress': '更新处理进展',
  'request.resolve': '办结诉求',
  'request.confirm': '确认并评价',
  'request.reopen': '重新办理',
  'request.reassign': '改派诉求',
  'request.escalate': '吹哨报到',
  'request.unitAccept': '单位接单',
  'request.convert': '转为心愿或议题',
  'request.stats': '查看诉求统计',
  'request.cancel': '撤销诉求',
  'request.settings': '查看时限设置',
  'request.setSettings': '修改时限设置',
  'request.lateUnits': '查看单位按时率',
  'request.supervise': '督办',
  'org.setGrid': '划分网格',
  'unit.list': '查看责任单位',
  'unit.upsert': '设置责任单位',
  'unit.setStaff': '设置单位工作人员',
  'unit.findPerson': '按手机号查找单位工作人员',
  'service.list': '查看服务菜单',
  'service.get': '查看服务',
  'service.upsert': '发布或修改服务',
  'service.slots': '查看可约时段',
  'service.stats': '查看服务统计',
  'service.demand': '我想要这样的服务',
  'booking.create': '预约服务',
  'booking.cancel': '取消预约',
  'booking.mine': '查看我的预约',
  'booking.roster': '查看预约名单',
  'booking.verify': '核验预约码',
  'booking.markNoShow': '登记未到场',
  'booking.rate': '评价服务',
  'errand.create': '提交代办事项',
  'errand.list': '查看代办事项',
  'errand.advance': '办理代办事项',
  'venue.list': '查看可预约场地',
  'venue.book': '预约场地',
  'venue.approve': '审批场地预约',
}

/** Audit entries that are not actions of their own. */
export const AUDIT_EVENT_LABELS: Record<string, string> = {
  'org.member.read': '查看居民完整信息',
  'media.photoHidden': '图片检查未通过已隐藏',
}

/**
 * What an audit entry may be about (`resource.type`), and what a person calls each kind of thing. The
 * server's AuditInput takes only these types, so a new kind of record without words does not compile.
 */
export const AUDIT_RESOURCE_LABELS = {
  user: '居民',
  wish: '心愿',
  wish_settings: '心愿设置',
  mall_item: '商品',
  mall_order: '兑换单',
  sponsor: '共建单位',
  point_rule: '积分规则',
  point_settings: '积分设置',
  point_transfer: '居民积分',
  party_registration: '党员报到',
  post: '服务岗位',
  pair: '结对帮扶',
  pair_settings: '结对设置',
  activity: '活动',
  activity_signup: '活动报名',
  council: '议事会',
  topic: '议题',
  topic_comment: '议题意见',
  topic_vote: '表决票',
  talk_point: '居民说事点',
  request: '诉求',
  request_settings: '时限设置',
  grid: '网格',
  unit: '责任单位',
  service: '服务',
  booking: '预约',
  errand: '代办事项',
  counter: '统计计数',
} as const
export type AuditResourceType = keyof typeof AUDIT_RESOURCE_LABELS

/**
 * The fields an audit entry's before/after may name, in Chinese (every field the server records; the
 * audit page says 其他信息 for one without a label, never its code name).
 */
export const FIELD_LABELS: Record<string, string> = {
  // counter repair (counters.recount)
  found: '发现不符的计数',
  fixed: '已修正的计数',
  // people and addresses
  roles: '角色',
  proxies: '代办',
  householdId: '住址',
  householdStatus: '住址状态',
  // decisions
  status: '状态',
  reason: '原因',
  claimerId: '认领人',
  // what things are called and say
  title: '标题',
  name: '名称',
  description: '说明',
  kind: '类别',
  category: '类别',
  categories: '心愿类别',
  photos: '图片',
  skills: '所需技能',
  needs: '帮扶需求',
  note: '备注',
  contact: '联系人',
  memberType: '党员类型',
  // points, budgets and the shelf
  points: '积分',
  amount: '积分',
  funded: '充值积分',
  balance: '余额',
  budget: '预算',
  warnBelow: '预算提醒线',
  priority: '扣款顺序',
  partnerUnitId: '对应共建单位',
  sponsorId: '出资单位',
  stock: '库存',
  price: '所需积分',
  perPersonLimit: '每人限兑',
  pickupPlace: '领取地点',
  pickupHours: '领取时间',
  pickupDays: '保留天数',
  quantity: '数量',
  dailyCap: '每日上限',
  monthlyCap: '每月上限',
  expireMonths: '积分有效期',
  // activities and posts
  place: '地点',
  startAt: '开始时间',
  endAt: '结束时间',
  capacity: '名额',
  pointsPerHour: '每小时积分',
  postId: '所属岗位',
  location: '签到范围',
  hours: '服务时长',
  confirmedHours: '服务时长',
  confirmed: '确认人数',
  noShows: '未到人数',
  credited: '发放积分',
  stillIn: '尚未签退',
  // settings
  enabled: '启用',
  active: '启用',
  autoApprove: '自动通过审核',
  autoCloseDays: '自动确认天数',
  overdueDays: '超时天数',
  minPerMember: '每人最少结对',
  // councils and topics
  seat: '议事会席位',
  seatHolder: '成员',
  eligibility: '表决方式',
  electorate: '可投票数',
  votingClosesAt: '表决截止',
  recorded: '录入票数',
  refused: '未录入票数',
  date: '日期',
  done: '已办结',
  round: '轮次',
  seats: '议事会成员',
  settings: '议事规则',
  scope: '议事范围',
  birthYear: '出生年份',
  permitExpiresOn: '居住证有效期至',
  choice: '表决意见',
  channel: '来源',
  outcome: '表决结果',
  tally: '票数',
  mergedInto: '合并到',
  retireReason: '终止原因',
  milestone: '落实进展',
  // requests, grids and units
  urgency: '紧急程度',
  assignee: '承办人',
  gridId: '网格',
  unitId: '责任单位',
  workerId: '网格员',
  compoundIds: '包含小区',
  buildingIds: '包含楼栋',
  limits: '办理时限',
  yellowShare: '黄灯提醒比例',
  mediationDays: '调解时限',
  escalationAcceptMinutes: '吹哨接单时限',
  staff: '工作人员',
  adopted: '建议采纳',
  overdue: '当时已超时',
  reopened: '重办次数',
  late: '超时接单',
  wishId: '转成的心愿',
  topicId: '转成的议题',
  requestId: '转成的诉求',
  hiddenPhotos: '隐藏的图片（张）',
  phone: '查找的手机号',
  matches: '找到的人数',
  // services and bookings
  delivery: '服务方式',
  schedule: '服务时间',
  provider: '服务提供方',
  audience: '服务对象',
  pricePoints: '所需积分',
  cutoffHours: '截止时间（小时）',
  noShowRule: '爽约限制',
  private: '隐私服务',
  forChild: '儿童服务',
  ownerId: '首问负责人',
  documents: '所需材料',
  walkIn: '随到随办时间',
  daily: '每日预订设置',
  venue: '场地开放时间',
  maxPerMember: '每人最多结对',
}

/** How a status value reads, whatever the object: wishes, registrations, orders, activities, households. */
export const STATUS_VALUE_LABELS: Record<string, string> = {
  ...WISH_STATUS_LABELS,
  pending: '待审核',
  approved: '已通过',
  verified: '已确认',
  cancelled: '已取消',
  reserved: '待领取',
  picked_up: '已领取',
  expired: '已过期',
  published: '已发布',
  finished: '已结束',
  signed: '已报名',
  checked_in: '已签到',
  checked_out: '已签退',
  no_show: '未到',
}

/** Where one kind of record says a status its own way (a registration 已报到 / 已迁出, an address 待确认). */
export const STATUS_LABELS_BY_RESOURCE: Partial<Record<AuditResourceType, Record<string, string>>> = {
  party_registration: REG_STATUS_LABELS,
  topic: TOPIC_STATUS_LABELS,
  request: REQUEST_STATUS_LABELS,
  booking: BOOKING_STATUS_LABELS,
  errand: ERRAND_STATUS_LABELS,
}
export const HOUSEHOLD_STATUS_LABELS: Record<string, string> = { pending: '待确认', verified: '已确认' }

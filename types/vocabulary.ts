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
  secretary: '社区书记',
  street_admin: '街道管理员',
}

export const WISH_STATUSES = ['under_review', 'open', 'claimed', 'fulfilled', 'closed', 'rejected', 'withdrawn'] as const
export type WishStatusName = (typeof WISH_STATUSES)[number]
export const WISH_STATUS_LABELS: Record<WishStatusName, string> = {
  under_review: '审核中',
  open: '待认领',
  claimed: '已认领',
  fulfilled: '已完成待确认',
  closed: '已圆梦',
  rejected: '未通过',
  withdrawn: '已撤回',
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
  'wish.settings': '查看心愿设置',
  'wish.setSettings': '修改心愿设置',
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
}

/** Audit entries that are not actions of their own. */
export const AUDIT_EVENT_LABELS: Record<string, string> = {
  'org.member.read': '查看居民完整信息',
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
} as const
export type AuditResourceType = keyof typeof AUDIT_RESOURCE_LABELS

/**
 * The fields an audit entry's before/after may name, in Chinese (every field the server records; the
 * audit page says 其他信息 for one without a label, never its code name).
 */
export const FIELD_LABELS: Record<string, string> = {
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
}
export const HOUSEHOLD_STATUS_LABELS: Record<string, string> = { pending: '待确认', verified: '已确认' }

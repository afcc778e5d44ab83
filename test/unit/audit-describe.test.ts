/**
 * The audit log in the residents' words (src/features/audit/describe.ts): for each kind of entry the server
 * writes (every recordIn/trace in cloudfunctions/api/src/modules), who, what, which object and the changed
 * fields, with statuses, roles, dates (China time), yes/no, empty values, lists, ids and long text each said
 * in Chinese — and no output anywhere carries a code name, an id, a field name or JSON.
 */
import type { AuditEntry } from '../../types/org'
import { ACTION_LABELS, AUDIT_RESOURCE_LABELS, FIELD_LABELS } from '../../types/vocabulary'
import { cut, describeAudit, fieldLabel, formatValue, type AuditDescription } from '../../src/features/audit/describe'

type Entry = Pick<AuditEntry, 'actorName' | 'action' | 'resource' | 'before' | 'after'>
const C = 'c-xingfuli'
const grant = (role: string) => ({ communityId: C, role })

/** 30 characters would end inside 2026: the cut comes before it. */
const LONG = '每周六上午在社区广场开展义诊，带好医保卡和病历，活动于2026年11月22日结束报名'
const activityDoc = {
  _id: 'ac-20261122-x1',
  communityId: C,
  title: '重阳义诊',
  description: LONG,
  place: '社区广场',
  startAt: '2026-11-22T06:00:00.000Z',
  endAt: '2026-11-22T08:00:00.000Z',
  capacity: 30,
  signedUp: 12,
  pointsPerHour: 10,
  organiserId: 'u-liu-guifang',
  postId: null,
  location: null,
  status: 'published',
  createdAt: '2026-11-01T02:00:00.000Z',
  updatedAt: '2026-11-01T02:00:00.000Z',
}
const activityFields = (o: object) => ({
  title: '重阳义诊',
  description: LONG,
  place: '社区广场',
  startAt: '2026-11-22T06:00:00.000Z',
  endAt: '2026-11-22T08:00:00.000Z',
  capacity: 30,
  pointsPerHour: 10,
  postId: null,
  location: null,
  updatedAt: '2026-11-20T02:00:00.000Z',
  ...o,
})
const item = {
  name: '东北大米 5 斤',
  kind: 'goods',
  description: '新米',
  photos: ['cloud://a.png'],
  price: 30,
  perPersonLimit: null,
  pickupPlace: '社区服务站',
  pickupHours: '工作日 9:00-17:00',
  pickupDays: 7,
  sponsorId: 'sp-bank',
  active: true,
  updatedAt: '2026-11-01T02:00:00.000Z',
  stock: 10,
}

/** [what happened, the entry, what the page must say]. */
const CASES: [string, Entry, AuditDescription][] = [
  [
    'a wish approved: status in words, the null reason left out',
    {
      actorName: '刘*芳',
      action: 'wish.review',
      resource: { type: 'wish', id: 'w-1', label: '帮忙修水管' },
      before: { status: 'under_review' },
      after: { status: 'open', reason: null },
    },
    { who: '刘*芳', what: '审核心愿', object: '心愿「帮忙修水管」', changes: [{ label: '状态', text: '审核中 → 待认领' }] },
  ],
  [
    'a wish rejected: the reason as set',
    {
      actorName: '刘*芳',
      action: 'wish.review',
      resource: { type: 'wish', id: 'w-1', label: '帮忙修水管' },
      before: { status: 'under_review' },
      after: { status: 'rejected', reason: '照片看不清' },
    },
    {
      who: '刘*芳',
      what: '审核心愿',
      object: '心愿「帮忙修水管」',
      changes: [
        { label: '状态', text: '审核中 → 未通过' },
        { label: '原因', text: '照片看不清' },
      ],
    },
  ],
  [
    'a wish dispatched: the claimer is named without an id',
    {
      actorName: '刘*芳',
      action: 'wish.dispatch',
      resource: { type: 'wish', id: 'w-1', label: '帮忙修水管' },
      before: { status: 'open' },
      after: { status: 'claimed', claimerId: 'u-lin-xiaoyan' },
    },
    {
      who: '刘*芳',
      what: '派单',
      object: '心愿「帮忙修水管」',
      changes: [
        { label: '状态', text: '待认领 → 已认领' },
        { label: '认领人', text: '已指定' },
      ],
    },
  ],
  [
    'a role granted: which role was added',
    {
      actorName: '刘*芳',
      action: 'org.assignRole',
      resource: { type: 'user', id: 'u-lin-xiaoyan', label: '林*燕' },
      before: { roles: [grant('resident')] },
      after: { roles: [grant('resident'), grant('party_member')] },
    },
    { who: '刘*芳', what: '授予角色', object: '居民「林*燕」', changes: [{ label: '角色', text: '新增「党员」' }] },
  ],
  [
    'a role revoked: which role was taken away',
    {
      actorName: '刘*芳',
      action: 'org.revokeRole',
      resource: { type: 'user', id: 'u-lin-xiaoyan', label: '林*燕' },
      before: { roles: [grant('resident'), grant('volunteer')] },
      after: { roles: [grant('resident')] },
    },
    { who: '刘*芳', what: '撤销角色', object: '居民「林*燕」', changes: [{ label: '角色', text: '撤销「志愿者」' }] },
  ],
  [
    'proxies: a list of people counted',
    {
      actorName: '陈*国',
      action: 'org.setProxy',
      resource: { type: 'user', id: 'u-wang', label: '王*英' },
      before: {
        proxies: [
          { proxyId: 'u-a', communityId: C },
          { proxyId: 'u-b', communityId: C },
        ],
      },
      after: {
        proxies: [
          { proxyId: 'u-a', communityId: C },
          { proxyId: 'u-b', communityId: C },
          { proxyId: 'u-c', communityId: C },
        ],
      },
    },
    { who: '陈*国', what: '设置楼栋长代办', object: '居民「王*英」', changes: [{ label: '代办', text: '2 人 → 3 人' }] },
  ],
  [
    'an address confirmed: the unchanged address left out',
    {
      actorName: '陈*国',
      action: 'org.confirmHousehold',
      resource: { type: 'user', id: 'u-wang', label: '王*英' },
      before: { householdId: 'h-1-101', householdStatus: 'pending' },
      after: { householdId: 'h-1-101', householdStatus: 'verified' },
    },
    { who: '陈*国', what: '确认住址', object: '居民「王*英」', changes: [{ label: '住址状态', text: '待确认 → 已确认' }] },
  ],
  [
    'an address refused: the address cleared, the reason given',
    {
      actorName: '陈*国',
      action: 'org.confirmHousehold',
      resource: { type: 'user', id: 'u-wang', label: '王*英' },
      before: { householdId: 'h-1-101', householdStatus: 'pending' },
      after: { householdId: null, reason: '不是本楼住户' },
    },
    {
      who: '陈*国',
      what: '确认住址',
      object: '居民「王*英」',
      changes: [
        { label: '住址', text: '已指定 → 无' },
        { label: '原因', text: '不是本楼住户' },
      ],
    },
  ],
  [
    'an activity moved: China times, bookkeeping hidden, unchanged fields left out',
    {
      actorName: '刘*芳',
      action: 'activity.upsert',
      resource: { type: 'activity', id: 'ac-1', label: '重阳义诊' },
      before: activityDoc,
      after: activityFields({ startAt: '2026-11-22T07:00:00.000Z', capacity: 40, location: { lat: 30.5, lng: 114.3, radius: 500 } }),
    },
    {
      who: '刘*芳',
      what: '发布或修改活动',
      object: '活动「重阳义诊」',
      changes: [
        { label: '开始时间', text: '11月22日 14:00 → 11月22日 15:00' },
        { label: '名额', text: '30 人 → 40 人' },
        { label: '签到范围', text: '不限 → 活动地点 500 米内' },
      ],
    },
  ],
  [
    'an activity published: what was set, long text cut before a number, empty values left out',
    { actorName: '刘*芳', action: 'activity.upsert', resource: { type: 'activity', id: 'ac-1', label: '重阳义诊' }, before: null, after: activityFields({}) },
    {
      who: '刘*芳',
      what: '发布或修改活动',
      object: '活动「重阳义诊」',
      changes: [
        { label: '标题', text: '重阳义诊' },
        { label: '说明', text: '每周六上午在社区广场开展义诊，带好医保卡和病历，活动于…' },
        { label: '地点', text: '社区广场' },
        { label: '开始时间', text: '11月22日 14:00' },
        { label: '结束时间', text: '11月22日 16:00' },
        { label: '名额', text: '30 人' },
        { label: '每小时积分', text: '10 积分' },
      ],
    },
  ],
  [
    'an activity cancelled',
    {
      actorName: '刘*芳',
      action: 'activity.cancel',
      resource: { type: 'activity', id: 'ac-1', label: '重阳义诊' },
      before: { status: 'published' },
      after: { status: 'cancelled', reason: '暴雨预警' },
    },
    {
      who: '刘*芳',
      what: '取消活动',
      object: '活动「重阳义诊」',
      changes: [
        { label: '状态', text: '已发布 → 已取消' },
        { label: '原因', text: '暴雨预警' },
      ],
    },
  ],
  [
    'hours confirmed: the run summary as counts',
    {
      actorName: '刘*芳',
      action: 'activity.confirmHours',
      resource: { type: 'activity', id: 'ac-1', label: '重阳义诊' },
      before: null,
      after: { confirmed: 3, noShows: 1, credited: 60, stillIn: 0 },
    },
    {
      who: '刘*芳',
      what: '确认服务时长',
      object: '活动「重阳义诊」',
      changes: [
        { label: '确认人数', text: '3 人' },
        { label: '未到人数', text: '1 人' },
        { label: '发放积分', text: '60 积分' },
        { label: '尚未签退', text: '0 人' },
      ],
    },
  ],
  [
    "a person's hours corrected (activity_signup): the recorded hours are the old value",
    {
      actorName: '刘*芳',
      action: 'activity.confirmHours',
      resource: { type: 'activity_signup', id: 'ac-1_u-lin', label: '重阳义诊 · 林*燕' },
      before: { hours: 2 },
      after: { confirmedHours: 1.5, reason: '提前离开' },
    },
    {
      who: '刘*芳',
      what: '确认服务时长',
      object: '活动报名「重阳义诊 · 林*燕」',
      changes: [
        { label: '服务时长', text: '2 小时 → 1.5 小时' },
        { label: '原因', text: '提前离开' },
      ],
    },
  ],
  [
    'a registration approved (its own status words) and a member moved away',
    {
      actorName: '刘*芳',
      action: 'party.review',
      resource: { type: 'party_registration', id: 'r-1', label: '林*燕' },
      before: { status: 'pending' },
      after: { status: 'verified', reason: null },
    },
    { who: '刘*芳', what: '审核党员报到', object: '党员报到「林*燕」', changes: [{ label: '状态', text: '待审核 → 已报到' }] },
  ],
  [
    'a registration closed on moving: 已迁出, not a wish’s 已圆梦',
    {
      actorName: '林*燕',
      action: 'party.register',
      resource: { type: 'party_registration', id: 'r-1', label: '林*燕' },
      before: { status: 'verified' },
      after: { status: 'closed' },
    },
    { who: '林*燕', what: '党员报到', object: '党员报到「林*燕」', changes: [{ label: '状态', text: '已报到 → 已迁出' }] },
  ],
  [
    'an item edited: yes/no, photos counted, no limit, kind in words',
    {
      actorName: '刘*芳',
      action: 'mall.upsertItem',
      resource: { type: 'mall_item', id: 'it-1', label: '东北大米 5 斤' },
      before: { ...item, _id: 'it-1', communityId: C, createdAt: item.updatedAt },
      after: { ...item, photos: ['cloud://a.png', 'cloud://b.png'], perPersonLimit: 2, active: false, kind: 'service', updatedAt: '2026-11-20T02:00:00.000Z' },
    },
    {
      who: '刘*芳',
      what: '上架或修改商品',
      object: '商品「东北大米 5 斤」',
      changes: [
        { label: '类别', text: '实物 → 服务' },
        { label: '图片', text: '1 张 → 2 张' },
        { label: '每人限兑', text: '不限 → 2 件' },
        { label: '启用', text: '是 → 否' },
      ],
    },
  ],
  [
    'an item put on the shelf: the sponsor named without its id',
    {
      actorName: '刘*芳',
      action: 'mall.upsertItem',
      resource: { type: 'mall_item', id: 'it-1', label: '东北大米 5 斤' },
      before: null,
      after: { ...item, description: '' },
    },
    {
      who: '刘*芳',
      what: '上架或修改商品',
      object: '商品「东北大米 5 斤」',
      changes: [
        { label: '名称', text: '东北大米 5 斤' },
        { label: '类别', text: '实物' },
        { label: '图片', text: '1 张' },
        { label: '所需积分', text: '30 积分' },
        { label: '领取地点', text: '社区服务站' },
        { label: '领取时间', text: '工作日 9:00-17:00' },
        { label: '保留天数', text: '7 天' },
        { label: '出资单位', text: '已指定' },
        { label: '启用', text: '是' },
        { label: '库存', text: '10 件' },
      ],
    },
  ],
  [
    'an order handed over',
    {
      actorName: '刘*芳',
      action: 'mall.verify',
      resource: { type: 'mall_order', id: 'o-1', label: '东北大米 5 斤（林*燕）' },
      before: { status: 'reserved' },
      after: { status: 'picked_up' },
    },
    { who: '刘*芳', what: '核销兑换', object: '兑换单「东北大米 5 斤（林*燕）」', changes: [{ label: '状态', text: '待领取 → 已领取' }] },
  ],
  [
    'points granted: the receiver is the object, not an id',
    {
      actorName: '刘*芳',
      action: 'points.grant',
      resource: { type: 'point_transfer', id: 't-1', label: '林*燕' },
      before: null,
      after: { userId: 'u-lin', amount: 20, reason: '协助疫苗接种登记', sponsorId: null },
    },
    {
      who: '刘*芳',
      what: '发放积分',
      object: '居民积分「林*燕」',
      changes: [
        { label: '积分', text: '20 积分' },
        { label: '原因', text: '协助疫苗接种登记' },
      ],
    },
  ],
  [
    'a sponsor funded',
    {
      actorName: '刘*芳',
      action: 'points.fundSponsor',
      resource: { type: 'sponsor', id: 'sp-1', label: '建设银行青山支行' },
      before: null,
      after: { funded: 5000, note: '年度共建' },
    },
    {
      who: '刘*芳',
      what: '充值共建单位预算',
      object: '共建单位「建设银行青山支行」',
      changes: [
        { label: '充值积分', text: '5000 积分' },
        { label: '备注', text: '年度共建' },
      ],
    },
  ],
  [
    'a sponsor edited',
    {
      actorName: '刘*芳',
      action: 'points.setSponsor',
      resource: { type: 'sponsor', id: 'sp-1', label: '建设银行青山支行' },
      before: {
        _id: 'sp-1',
        communityId: C,
        name: '建设银行青山支行',
        partnerUnitId: null,
        contact: null,
        warnBelow: 500,
        priority: 10,
        active: true,
        createdAt: '2026-01-01T00:00:00.000Z',
      },
      after: {
        _id: 'sp-1',
        communityId: C,
        name: '建设银行青山支行',
        partnerUnitId: 'pu-ccb',
        contact: '张经理',
        warnBelow: 1000,
        priority: 10,
        active: true,
        createdAt: '2026-01-01T00:00:00.000Z',
      },
    },
    {
      who: '刘*芳',
      what: '设置共建单位',
      object: '共建单位「建设银行青山支行」',
      changes: [
        { label: '对应共建单位', text: '无 → 已指定' },
        { label: '联系人', text: '无 → 张经理' },
        { label: '预算提醒线', text: '500 积分 → 1000 积分' },
      ],
    },
  ],
  [
    'a rule set: a cap from none to a number',
    {
      actorName: '刘*芳',
      action: 'points.setRule',
      resource: { type: 'point_rule', id: `${C}_volunteer_hour`, label: '志愿服务（每小时）' },
      before: {
        _id: `${C}_volunteer_hour`,
        communityId: C,
        kind: 'volunteer_hour',
        points: 10,
        dailyCap: null,
        monthlyCap: 200,
        active: true,
        updatedAt: '2026-01-01T00:00:00.000Z',
      },
      after: { communityId: C, kind: 'volunteer_hour', points: 15, dailyCap: 50, monthlyCap: 200, active: true, updatedAt: '2026-11-20T00:00:00.000Z' },
    },
    {
      who: '刘*芳',
      what: '修改积分规则',
      object: '积分规则「志愿服务（每小时）」',
      changes: [
        { label: '积分', text: '10 积分 → 15 积分' },
        { label: '每日上限', text: '不限 → 50 积分' },
      ],
    },
  ],
  [
    'the expiry set',
    {
      actorName: '刘*芳',
      action: 'points.setExpiry',
      resource: { type: 'point_settings', id: C, label: '积分有效期' },
      before: { expireMonths: null },
      after: { expireMonths: 12 },
    },
    { who: '刘*芳', what: '修改积分有效期', object: '积分设置「积分有效期」', changes: [{ label: '积分有效期', text: '永久有效 → 12 个月' }] },
  ],
  [
    'wish settings: categories added and removed, a switch turned on',
    {
      actorName: '刘*芳',
      action: 'wish.setSettings',
      resource: { type: 'wish_settings', id: C, label: '微心愿设置' },
      before: { _id: C, categories: ['生活帮扶', '助老助残'], autoApprove: false, autoCloseDays: 7, overdueDays: 7 },
      after: { categories: ['生活帮扶', '学业辅导'], autoApprove: true, autoCloseDays: 7, overdueDays: 10 },
    },
    {
      who: '刘*芳',
      what: '修改心愿设置',
      object: '微心愿设置',
      changes: [
        { label: '心愿类别', text: '新增「学业辅导」，去掉「助老助残」' },
        { label: '自动通过审核', text: '否 → 是' },
        { label: '超时天数', text: '7 天 → 10 天' },
      ],
    },
  ],
  [
    'a pair made: the needs listed, ids and bookkeeping hidden',
    {
      actorName: '刘*芳',
      action: 'pair.assign',
      resource: { type: 'pair', id: 'u-lin_h-1-101', label: '林*燕' },
      before: null,
      after: {
        communityId: C,
        memberId: 'u-lin',
        householdId: 'h-1-101',
        needs: ['独居', '行动不便'],
        active: true,
        since: '2026-11-20T00:00:00.000Z',
        visits: 0,
        lastVisitAt: null,
      },
    },
    {
      who: '刘*芳',
      what: '结对帮扶',
      object: '结对帮扶「林*燕」',
      changes: [
        { label: '住址', text: '已指定' },
        { label: '帮扶需求', text: '独居、行动不便' },
        { label: '启用', text: '是' },
      ],
    },
  ],
  [
    'pair settings',
    {
      actorName: '刘*芳',
      action: 'pair.setSettings',
      resource: { type: 'pair_settings', id: C, label: '结对设置' },
      before: { _id: C, minPerMember: 5, maxPerMember: 15 },
      after: { minPerMember: 5, maxPerMember: 10 },
    },
    { who: '刘*芳', what: '修改结对设置', object: '结对设置', changes: [{ label: '每人最多结对', text: '15 户 → 10 户' }] },
  ],
  [
    'a post edited: skills added',
    {
      actorName: '刘*芳',
      action: 'post.upsert',
      resource: { type: 'post', id: 'po-1', label: '楼道清洁岗' },
      before: { title: '楼道清洁岗', description: '每周一次', skills: ['清洁'], capacity: 3, active: true },
      after: { title: '楼道清洁岗', description: '每周一次', skills: ['清洁', '垃圾分类'], capacity: 5, active: true },
    },
    {
      who: '刘*芳',
      what: '设置服务岗位',
      object: '服务岗位「楼道清洁岗」',
      changes: [
        { label: '所需技能', text: '新增「垃圾分类」' },
        { label: '名额', text: '3 人 → 5 人' },
      ],
    },
  ],
  [
    "a member's full details opened (an audited read: no change)",
    { actorName: '刘*芳', action: 'org.member.read', resource: { type: 'user', id: 'u-wang', label: '王*英' }, before: null, after: null },
    { who: '刘*芳', what: '查看居民完整信息', object: '居民「王*英」', changes: [] },
  ],
  [
    'what has no words: a generic action, the kind of record, 其他信息 — never a code name or id',
    {
      actorName: '',
      action: 'council.vote',
      resource: { type: 'council_topic', id: 'ct-1' },
      before: { fooBar: 1, buildingId: 'b-1', nested: { a: 1 }, list: [1, 2], closesAt: '2026-11-22T06:00:00.000Z' },
      after: { fooBar: 2, buildingId: 'b-2', nested: { a: 2 }, list: [1, 2, 3], closesAt: { $date: '2026-11-23T06:00:00.000Z' } },
    },
    {
      who: '系统',
      what: '操作',
      object: '记录',
      changes: [
        { label: '其他信息', text: '1 → 2' },
        { label: '其他信息', text: '已更换' },
        { label: '其他信息', text: '已设置（已修改）' },
        { label: '其他信息', text: '2 项 → 3 项' },
        { label: '其他信息', text: '11月22日 14:00 → 11月23日 14:00' },
      ],
    },
  ],
  [
    'a resource without a label is named by its kind',
    {
      actorName: '刘*芳',
      action: 'activity.cancel',
      resource: { type: 'activity', id: 'ac-1' },
      before: { status: 'published' },
      after: { status: 'cancelled' },
    },
    { who: '刘*芳', what: '取消活动', object: '活动', changes: [{ label: '状态', text: '已发布 → 已取消' }] },
  ],
]

describe.each(CASES)('%s', (_name, entry, expected) => {
  const got = describeAudit(entry)
  test('reads as expected', () => expect(got).toEqual(expected))
  test('says nothing in code: no action or field name, no id, no JSON, no English', () => {
    const shown = [got.who, got.what, got.object, ...got.changes.flatMap((c) => [c.label, c.text])].join('\n')
    expect(shown).not.toContain(entry.action)
    expect(shown).not.toContain(entry.resource.id)
    expect(shown).not.toMatch(/_id|[{}[\]"]|null|undefined|true|false/)
    // Latin letters only where the fixture's own words have them (东北大米 5 斤 has none): none at all.
    expect(shown).not.toMatch(/[A-Za-z]/)
  })
})

describe('values', () => {
  test.each([
    ['status', 'open', 'wish', '待认领'],
    ['status', 'verified', 'party_registration', '已报到'],
    ['status', 'verified', 'user', '已确认'],
    ['status', 'something_new', 'wish', '其他'],
    ['active', true, 'post', '是'],
    ['active', false, 'post', '否'],
    ['reason', null, 'wish', '无'],
    ['reason', '', 'wish', '无'],
    ['roles', [], 'user', '无'],
    ['dailyCap', null, 'point_rule', '不限'],
    ['startAt', '2026-11-30T16:00:00.000Z', 'activity', '12月1日 00:00'],
    ['startAt', new Date('2026-11-22T06:00:00Z'), 'activity', '11月22日 14:00'],
    ['roles', [grant('party_member'), grant('volunteer')], 'user', '党员、志愿者'],
    ['proxies', ['u-a', 'u-b'], 'user', '2 人'],
    ['kind', 'waste_sorting', 'point_rule', '垃圾分类'],
    ['kind', 'fee_reduction', 'mall_item', '物业费减免'],
    ['location', { lat: 1, lng: 2 }, 'activity', '已设置'],
    ['somethingElse', { deep: { deeper: 1 } }, 'activity', '已设置'],
  ])('%s = %p on %s → %s', (field, value, type, text) => {
    expect(formatValue(type, field, value)).toBe(text)
  })

  test('long text is cut on a character boundary, never inside a number or a word', () => {
    expect(cut('短句')).toBe('短句')
    expect(cut('活动时间改到2026年11月22日下午两点半', 10)).toBe('活动时间改到…')
    expect(cut('请联系 WeChat 客服', 7)).toBe('请联系…')
    expect(cut('1234567890123', 5)).toBe('1234…')
    // an emoji is one character, never half of one
    expect(cut('👍👍👍👍👍👍', 4)).toBe('👍👍👍…')
    expect(cut('  多个   空格\n换行  ')).toBe('多个 空格 换行')
  })
})

describe('coverage', () => {
  test('every action has words', () => {
    for (const [action, label] of Object.entries(ACTION_LABELS)) expect([action, /^[\u4e00-\u9fa5（）]+$/.test(label)]).toEqual([action, true])
  })

  test('every kind of record the server audits has a name', () => {
    // cloudfunctions/api/src: every resource: { type: … } passed to recordIn/trace (AuditInput takes only these).
    const written = [
      'user',
      'wish',
      'wish_settings',
      'mall_item',
      'mall_order',
      'sponsor',
      'point_rule',
      'point_settings',
      'point_transfer',
      'party_registration',
      'post',
      'pair',
      'pair_settings',
      'activity',
      'activity_signup',
      'council',
      'service',
      'booking', // service.upsert; booking.verify, markNoShow
      'topic',
      'topic_comment',
      'topic_vote',
      'request',
      'request_settings',
      'grid',
      'unit',
      'talk_point', // council.talkPoint
      'errand', // errand.advance handover by the secretary; venue.approve audits a booking
      'counter', // counters.recount when it fixes drift
    ]
    expect(Object.keys(AUDIT_RESOURCE_LABELS).sort()).toEqual(written.sort())
  })

  test('every field the server records has a Chinese label', () => {
    // What each recordIn/trace in cloudfunctions/api/src/modules puts in before/after (bookkeeping and ids of
    // the object itself are hidden by the page: _id, communityId, createdAt, updatedAt, userId, memberId, …).
    const fields = [
      'category',
      'provider',
      'audience',
      'delivery',
      'schedule',
      'walkIn',
      'daily',
      'venue',
      'private',
      'forChild',
      'pricePoints',
      'cutoffHours',
      'noShowRule', // service.upsert
      'roles',
      'proxies',
      'householdId',
      'householdStatus',
      'reason',
      'status',
      'claimerId', // org, wish
      'title',
      'description',
      'place',
      'startAt',
      'endAt',
      'capacity',
      'pointsPerHour',
      'postId',
      'location', // activity
      'confirmed',
      'noShows',
      'credited',
      'stillIn',
      'hours',
      'confirmedHours', // confirmHours
      'name',
      'kind',
      'photos',
      'price',
      'perPersonLimit',
      'pickupPlace',
      'pickupHours',
      'pickupDays',
      'sponsorId',
      'active',
      'stock', // mall
      'partnerUnitId',
      'contact',
      'warnBelow',
      'priority',
      'amount',
      'funded',
      'note',
      'points',
      'dailyCap',
      'monthlyCap',
      'expireMonths', // points
      'categories',
      'autoApprove',
      'autoCloseDays',
      'overdueDays', // wish settings
      'needs',
      'skills',
      'minPerMember',
      'maxPerMember', // pair, post
      'birthYear',
      'permitExpiresOn', // org.setResidency
      'scope',
      'settings',
      'seat',
      'seatHolder', // council.upsert, council.setSeat
      'eligibility',
      'electorate',
      'votingClosesAt',
      'channel',
      'recorded',
      'refused',
      'outcome',
      'tally',
      'milestone', // topic.openVote, close, recordOfflineVotes, addMilestone
      'compoundIds',
      'buildingIds',
      'workerId', // org.setGrid
      'limits',
      'escalationAcceptMinutes',
      'staff', // unit.upsert, unit.setStaff
      'assignee',
      'unitId',
      'overdue',
      'reopened',
      'late', // request.escalate, request.unitAccept
      'wishId',
      'topicId',
      'mediationDays',
      'yellowShare', // request.reassign, convert, setSettings
      'ownerId', // errand.advance handover by the secretary (status, reason: venue.approve)
      'requestId', // wish.convert
      'hiddenPhotos', // an image check's push (media.photoHidden)
      'phone',
      'found', // unit.findPerson
    ]
    expect(fields.filter((f) => !FIELD_LABELS[f])).toEqual([])
    expect(fields.filter((f) => fieldLabel(f) === '其他信息')).toEqual([])
  })
})

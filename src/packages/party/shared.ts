/**
 * Small helpers shared by the pages of the party subpackage (双报到, activities, the three cards and
 * the secretary pages): which community a page works on, labels copied from the contract (values are
 * not imported from types/: zod would come along), and time formats.
 */
import { homeCommunityId } from '../../services/community'
import type { Me } from '@contract/org'
import type { ActivityView, SignupStatus } from '@contract/party'
import { can, communityFor } from '../../services/access'

/** Party pages: the route's communityId (or c, the short form in share paths), else my household's, else my first role's. */
export const partyCommunityId = homeCommunityId

export { useHomeCommunity as usePartyCommunity } from '../../hooks/useCommunity'

export { isSecretaryOf } from '../../services/community'
export { useSecretaryCommunity } from '../../hooks/useCommunity'

export function isPartyMemberOf(me: Me | null, communityId: string | null): boolean {
  return can(me, communityId, 'partyMember')
}

/** Keep in step with types/party.ts MEMBER_TYPES. */
export const MEMBER_TYPES = ['在职', '离退休', '流动', '社区', '两新'] as const
export type MemberType = (typeof MEMBER_TYPES)[number]
export const MEMBER_TYPE_HINTS: Record<MemberType, string> = {
  在职: '在单位上班',
  离退休: '已退休',
  流动: '关系在外地',
  社区: '关系在本社区',
  两新: '企业、社会组织',
}

export const SIGNUP_LABELS: Record<SignupStatus, string> = {
  signed: '已报名',
  withdrawn: '已取消',
  checked_in: '已签到',
  checked_out: '已签退',
  no_show: '未到场',
}

/** Needs a household may have (sensitive: only the secretary and the paired member see them). */
export const NEEDS = ['独居老人', '高龄', '残疾', '低保', '其他'] as const

export const SKILL_SUGGESTIONS = ['理发', '维修', '医护', '法律咨询', '辅导作业', '心理疏导', '电脑手机', '书法', '文艺', '驾驶']
export const PLEDGE_EXAMPLES = ['每月为楼里独居老人理一次发', '每周六上午辅导小区孩子写作业', '帮邻居修水电，随叫随到', '每月参加一次小区环境整治']

/** Dates in China time: src/services/time.ts. */
export { weekdayTime as whenText, timeRange as rangeText, clock, isoDay as dayText } from '../../services/time'

/** 1.5 → "1.5 小时" */
export function hoursText(h: number | null | undefined): string {
  if (h === null || h === undefined) return '—'
  return `${Math.round(h * 100) / 100} 小时`
}

/** A China date and time from the pickers → ISO with +08:00. */
export { chinaIso as localIso } from '../../services/time'

/** Where an activity stands for check-in: before the window (opens 30 min before), open, or over. */
export const CHECKIN_OPENS_MIN = 30
export const CHECKOUT_GRACE_MIN = 120
export function phase(a: Pick<ActivityView, 'startAt' | 'endAt'>, now = Date.now()): 'early' | 'open' | 'over' {
  if (now < new Date(a.startAt).getTime() - CHECKIN_OPENS_MIN * 60_000) return 'early'
  if (now > new Date(a.endAt).getTime()) return 'over'
  return 'open'
}

/** "12" → 12; anything else (empty, decimals, words) → null. */
export function intOrNullSafe(s: string): number | null {
  const t = s.trim()
  return /^\d+$/.test(t) ? Number(t) : null
}

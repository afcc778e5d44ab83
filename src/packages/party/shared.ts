/**
 * What the pages of the party subpackage (双报到, activities, the three cards and the secretary pages) share:
 * the Guard's words, labels and suggestions, hours, and the check-in window. Dates: src/services/time.ts;
 * the community a page works on: src/hooks/useCommunity.ts; who may do what: src/services/access.ts.
 */
import type { ActivityView, SignupStatus } from '@contract/party'
import { MEMBER_TYPES } from '@contract/vocabulary'
import { go } from '../../services/nav'

/** Guard's words when a party page has no community: register (which also records the household). */
export const NO_COMMUNITY = { text: '先登记我家门牌或到社区报到，就能参加社区活动了', action: { text: '去报到', onClick: () => go('party.register', {}) } }

/** Guard's words for a secretary page opened by someone who is none here: `<Guard allowed={…} {...notSecretary('发布活动')}>`. */
export function notSecretary(what: string) {
  const text = `只有社区书记可以${what}`
  return { noCommunity: { text, action: { text: '回到我的', onClick: () => go('me') } }, forbidden: text }
}

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

/** 1.5 → "1.5 小时" */
export function hoursText(h: number | null | undefined): string {
  if (h === null || h === undefined) return '—'
  return `${Math.round(h * 100) / 100} 小时`
}

/** Where an activity stands for check-in: before the window (opens 30 min before), open, or over. */
export const CHECKIN_OPENS_MIN = 30
export const CHECKOUT_GRACE_MIN = 120
export function phase(a: Pick<ActivityView, 'startAt' | 'endAt'>, now = Date.now()): 'early' | 'open' | 'over' {
  if (now < new Date(a.startAt).getTime() - CHECKIN_OPENS_MIN * 60_000) return 'early'
  if (now > new Date(a.endAt).getTime()) return 'over'
  return 'open'
}

/**
 * What the 一键报修 pages share: the Guard's words, the clock in words, the flow's words, the category tiles.
 * Labels of categories, statuses, channels and units come from @contract/vocabulary (plain data).
 */
import type { ClockView, RequestCard, RequestCategory, RequestEvent } from '@contract/requests'
import { NO_COMMUNITY } from '../../components/Guard'
import { useSecretaryPage } from '../../hooks/useCommunity'
import { go } from '../../services/nav'

/** The Guard's words on the residents' pages when I have no community yet. */
export const NO_REQUEST_COMMUNITY = { ...NO_COMMUNITY, text: '登记了我家门牌，就能一键报修、找网格员帮忙了' }

/** The Guard's words on the secretary's pages (no community to administer, or not allowed here). */
export const SECRETARY_ONLY = { text: '只有社区书记可以管理诉求', action: { text: '回到我的', onClick: () => go('me') } }

/** The secretary's request pages: which community, whether I may, the key to load with, the Guard's props. */
export const useRequestsSecretary = () => useSecretaryPage(SECRETARY_ONLY)

/** Open one request (in its own community: a street department's queue spans several). */
export const openRequest = (r: Pick<RequestCard, 'id' | 'communityId'>) => go('requests.detail', { id: r.id, c: r.communityId })

/** The category tiles of the form: the label is the vocabulary's, the mark and the hint are the tile's. */
export const CATEGORY_TILES: Record<RequestCategory, { mark: string; hint: string }> = {
  repair: { mark: '修', hint: '水电、门窗、楼道灯' },
  safety: { mark: '安', hint: '井盖、电线、消防通道' },
  environment: { mark: '洁', hint: '垃圾、污水、绿化' },
  dispute: { mark: '和', hint: '噪音、漏水、占道' },
  help: { mark: '助', hint: '遇到难处找社区' },
  feedback: { mark: '议', hint: '对社区的意见建议' },
}

/** 90 → "1 小时 30 分", 2880 → "2 天", 45 → "45 分钟". */
export function durationWords(minutes: number): string {
  const m = Math.max(0, Math.round(minutes))
  if (m < 60) return `${m} 分钟`
  const days = Math.floor(m / 1440)
  const hours = Math.floor((m % 1440) / 60)
  const mins = m % 60
  if (days > 0) return hours > 0 ? `${days} 天 ${hours} 小时` : `${days} 天`
  return mins > 0 ? `${hours} 小时 ${mins} 分` : `${hours} 小时`
}

const STAGE_VERB: Record<NonNullable<ClockView['stage']>, string> = { respond: '受理', resolve: '办结', escalation: '接单' }

/** The clock in words: "还有 1 小时 20 分受理" / "受理已超时 35 分钟"; null when nothing is waited for. */
export function clockWords(clock: ClockView): string | null {
  if (!clock.stage || clock.minutesLeft === null) return null
  const verb = STAGE_VERB[clock.stage]
  return clock.minutesLeft < 0 ? `${verb}已超时 ${durationWords(-clock.minutesLeft)}` : `还有 ${durationWords(clock.minutesLeft)}${verb}`
}

/** The colours in words (the board's segments, the dot's meaning). */
export const COLOUR_LABELS = { red: '已超时', yellow: '快到时限', green: '时间充裕' } as const

/** One flow line: "张*  受理了". */
export const EVENT_TEXT: Record<RequestEvent, string> = {
  report: '提交了诉求',
  dispatch: '派给承办人',
  accept: '受理了',
  progress: '更新了进展',
  resolve: '办结了，等居民确认',
  confirm: '确认解决并评价',
  reopen: '说没解决，重新办理',
  autoclose: '居民没有回复，自动办结',
  reassign: '改派给新的承办人',
  escalate: '吹哨，交街道部门办理',
  unitAccept: '单位报到接单',
  convert: '转为心愿或议题',
  cancel: '撤销了诉求',
  remind: '时限提醒',
  supervise: '街道督办',
  adopt: '建议被采纳',
}

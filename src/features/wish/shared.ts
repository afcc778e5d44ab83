/**
 * What the wish wall (main package, pages/wishes) and the wish pages (packages/wish) share; it lives here, not under the tab's folder, so neither owns it: which community,
 * the Chinese words for statuses, categories and timeline events.
 * Values from types/wish.ts are copied, not imported: that file brings zod along.
 */
import { homeCommunityId } from '../../services/community'
import type { Me } from '@contract/org'
import type { WishEvent, WishStatus } from '@contract/wish'
import { can } from '../../services/access'

/** Wishes are per community: the route's, else my household's, else my first role's. */
export const wishCommunityId = homeCommunityId

export { isSecretaryOf } from '../../services/community'

/** Keep in step with types/wish.ts WISH_STATUS_LABELS. */
export const STATUS_TEXT: Record<WishStatus, string> = {
  under_review: '审核中',
  open: '待认领',
  claimed: '已认领',
  fulfilled: '已完成待确认',
  closed: '已圆梦',
  rejected: '未通过',
  withdrawn: '已撤回',
}

/** Subscribe-message consent lives in src/services/subscribe.ts (every area asks for it). */
export { TEMPLATE_IDS, askSubscribe } from '../../services/subscribe'

/** Filter chips on the wall ('' = everything on the wall). */
export const WALL_FILTERS: { status: '' | 'open' | 'claimed' | 'closed'; text: string }[] = [
  { status: '', text: '全部' },
  { status: 'open', text: '待认领' },
  { status: 'claimed', text: '已认领' },
  { status: 'closed', text: '已圆梦' },
]

/** A big character standing in for a photo. */
const CATEGORY_MARK: Record<string, string> = { 生活帮扶: '帮', 助老: '老', 助学: '学', 医疗: '医', 物品: '物', 其他: '愿' }
export function categoryMark(category: string): string {
  return CATEGORY_MARK[category] ?? (Array.from(category)[0] || '愿')
}

/** One timeline line: "刘*芳 审核通过". */
export const EVENT_TEXT: Record<WishEvent, string> = {
  post: '发布了心愿',
  approve: '审核通过，上了心愿墙',
  reject: '审核未通过',
  claim: '认领了心愿',
  dispatch: '社区派单',
  release: '放弃了认领',
  progress: '反馈了进展',
  fulfil: '完成了心愿',
  confirm: '确认并评价',
  autoclose: '到期自动确认',
  withdraw: '撤回了心愿',
  remind: '提醒跟进',
}

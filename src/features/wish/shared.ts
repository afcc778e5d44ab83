/**
 * What the wish wall (main package, pages/wishes) and the wish pages (packages/wish) share; it lives here, not
 * under the tab's folder, so neither owns it: the Guard's words, the wall's filters, the category marks and
 * the timeline's words. Status labels come from @contract/vocabulary (plain data, no zod).
 * Nothing here may import src/services/time.ts: the wall is in the main package.
 */
import type { WishEvent } from '@contract/wish'
import { NO_COMMUNITY } from '../../components/Guard'
import { go } from '../../services/nav'

/** The Guard's words on the residents' wish pages when I have no community yet. */
export const NO_WISH_COMMUNITY = { ...NO_COMMUNITY, text: '登记了我家门牌，就能发布心愿、帮邻居圆梦了' }

/** The Guard's words on the secretary's wish pages (no community to administer, or not allowed here). */
export const SECRETARY_ONLY = { text: '只有社区书记可以管理心愿', action: { text: '回到我的', onClick: () => go('me') } }

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
  convert: '转为居民诉求，交给网格员或责任单位办理',
  remind: '提醒跟进',
}

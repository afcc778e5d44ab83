/**
 * What the 议事 tab (main package, pages/council) and the council pages (packages/council) share: the Guard's
 * words, the tab's segments and the topic.list queries behind them, a topic's deadline in words.
 * Status and other labels come from @contract/vocabulary (plain data, no zod).
 * Nothing here may import src/services/time.ts: the tab is in the main package.
 */
import type { ActionInput } from '@contract/api'
import type { TopicCard } from '@contract/council'
import { NO_COMMUNITY } from '../../components/Guard'

/** The Guard's words on the residents' council pages when I have no community yet. */
export const NO_COUNCIL_COMMUNITY = { ...NO_COMMUNITY, text: '登记了我家门牌，就能提议题、参与表决了' }

type ListQuery = Omit<ActionInput<'topic.list'>, 'communityId' | 'cursor' | 'limit'>

export type Segment = 'collecting' | 'deliberating' | 'voting' | 'decided' | 'awaiting' | 'mine'

/** The tab's segments: each is one or several topic.list queries (merged newest first), and its empty words. */
export const SEGMENTS: { value: Segment; text: string; queries: ListQuery[]; empty: string }[] = [
  { value: 'collecting', text: '征集附议', queries: [{ status: 'collecting' }], empty: '还没有征集附议的议题，您有想法就提一个吧' },
  {
    value: 'deliberating',
    text: '审议中',
    queries: [{ status: 'review' }, { status: 'discussion' }, { status: 'opinions' }],
    empty: '暂时没有在审议、征求意见的议题',
  },
  { value: 'voting', text: '表决中', queries: [{ status: 'voting' }], empty: '暂时没有正在表决的议题' },
  { value: 'decided', text: '已表决', queries: [{ status: 'decided' }, { status: 'implementing' }, { status: 'done' }], empty: '还没有表决过的议题' },
  { value: 'awaiting', text: '等我参与', queries: [{ awaiting: 'vote' }, { awaiting: 'feedback' }], empty: '暂时没有等您投票或回答“办成了吗”的议题' },
  { value: 'mine', text: '我的议题', queries: [{ mine: true }], empty: '您还没有提过议题' },
]

/** The key of a query, for the merged list's positions. */
export const queryKey = (q: ListQuery) => q.status ?? (q.awaiting ? `awaiting-${q.awaiting}` : 'mine')

/**
 * An instant as 12月1日 in China time (UTC+8 all year), by plain arithmetic: the tab is in the main package,
 * where dayjs (src/services/time.ts) must not land.
 */
export function chinaMonthDay(iso: string): string {
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return ''
  const d = new Date(t + 8 * 3600_000)
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`
}

/** The running deadline of a card's stage, in words: 意见征集至 12月1日 / 表决截止 12月8日. */
export function deadlineText(t: Pick<TopicCard, 'status' | 'deadline'>): string | null {
  if (!t.deadline) return null
  const day = chinaMonthDay(t.deadline)
  return t.status === 'voting' ? `表决截止 ${day}` : t.status === 'opinions' ? `意见征集至 ${day}` : `截止 ${day}`
}

/** How far a topic is toward its support threshold, 0–100. */
export function supportPercent(supports: number, threshold: number): number {
  if (threshold <= 0) return 100
  return Math.min(100, Math.round((supports / threshold) * 100))
}

/** The outcome in two characters (a decided topic's chip). */
export const OUTCOME_LABELS = { passed: '通过', rejected: '未通过' } as const

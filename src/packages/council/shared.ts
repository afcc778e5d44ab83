/** What the council subpackage's pages share (the tab's and the pages' common words: src/features/council/shared.ts). */
import type { TimelineEntry, TopicDetail } from '@contract/council'
import { useSecretaryPage } from '../../hooks/useCommunity'
import { go } from '../../services/nav'

/** The Guard's words on the secretary's council pages (no community to administer, or not allowed here). */
export const SECRETARY_ONLY = { text: '只有社区书记可以管理议事', action: { text: '回到我的', onClick: () => go('me') } }

/** What each part of the topic page gets: the topic, where, and what to do with the topic as it is after a step. */
export interface BoxProps {
  t: TopicDetail
  communityId: string
  /** The topic as the server answered after a step. */
  onDone: (next: TopicDetail) => void
  /** Fetch the topic again (what is on screen is out of date). */
  reload: () => void
}

/** The secretary's council pages: which community, whether I may, the key to load with, the Guard's props. */
export const useCouncilSecretary = () => useSecretaryPage(SECRETARY_ONLY)

/** One timeline line: "王*英 提交了议题". */
export const EVENT_TEXT: Record<TimelineEntry['event'], string> = {
  submit: '提交了议题，开始征集附议',
  hold: '提交了议题，社区看过后公示',
  approve: '审核通过，开始征集附议',
  threshold: '附议人数够了，进入党支部审议',
  review: '党支部审议，提交业委会商议',
  discuss: '业委会商议，开始征求居民意见',
  openVote: '发起表决',
  close: '表决结束，结果公示',
  milestone: '更新了落实进展',
  finish: '落实完成，请投过票的居民说说办成了吗',
  reopen: '多数居民说没办成，重新落实',
  withdraw: '撤回了议题',
  merge: '合并到了另一个议题',
  retire: '终止了议题',
  hide: '被多位居民举报，暂时隐藏',
  restore: '社区核实后恢复公示',
  comment_closed: '意见征集结束',
  meeting: '在议事会议上讨论',
}

/** The road a topic travels, one short word per stage (the detail page's steps). */
export const STAGE_STEPS = [
  { status: 'collecting', text: '附议' },
  { status: 'review', text: '审议' },
  { status: 'discussion', text: '商议' },
  { status: 'opinions', text: '意见' },
  { status: 'voting', text: '表决' },
  { status: 'decided', text: '公示' },
  { status: 'implementing', text: '落实' },
  { status: 'done', text: '办结' },
] as const

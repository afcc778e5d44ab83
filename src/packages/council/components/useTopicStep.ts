/**
 * A one-tap step on a topic — open the vote, close it and publish, approve / restore / refuse (moderation),
 * withdraw — asked first in the step's own words, then done, with its toast; the topic page and the
 * secretary's queue both use it.
 *
 *   const step = useTopicStep(communityId, t.id, { onSuccess: setTopic, reload })
 *   <Button disabled={step.busy} onClick={() => step.run('openVote')}>发起表决</Button>
 */
import type { TopicDetail } from '@contract/council'
import { useAction } from '../../../hooks/useAction'
import { call } from '../../../services/api'

export type OneTap = 'openVote' | 'close' | 'approve' | 'restore' | 'remove' | 'withdraw'

const WORDS: Record<OneTap, { title: string; content: string; done: string }> = {
  openVote: { title: '发起表决', content: '表决开始后，能投票的居民可以在线投票，也可以录入会议和纸质票。确定发起吗？', done: '表决已开始' },
  close: { title: '结束表决并公示', content: '结束后按已投的票算出结果并公示，不能再投票。确定结束吗？', done: '结果已公示' },
  approve: { title: '通过并公示', content: '通过后议题公示，居民就能看到、参与了。', done: '已公示' },
  restore: { title: '恢复公示', content: '核实没有问题，议题回到原来的阶段。', done: '已恢复公示' },
  remove: { title: '不予公示', content: '议题将被终止（不属于议事范围），提议人会收到通知。', done: '议题已终止' },
  withdraw: { title: '撤回议题', content: '撤回后议题不再公示。确定撤回吗？', done: '议题已撤回' },
}

export function useTopicStep(communityId: string, topicId: string, opts: { onSuccess: (next: TopicDetail) => void; reload: () => void }) {
  const base = { communityId, topicId }
  return useAction(
    (k: OneTap) =>
      k === 'openVote'
        ? call('topic.openVote', base)
        : k === 'close'
          ? call('topic.close', base)
          : k === 'withdraw'
            ? call('topic.withdraw', base)
            : call('topic.moderate', { ...base, decision: k }),
    {
      confirm: (k) => WORDS[k],
      // A close before the announced end stops the vote now; the result is published once the last votes
      // have landed (topic.close: a close again a little later, or the timer).
      success: (next, k) => (k === 'close' && next.status === 'voting' ? '已停止投票，稍后公示结果' : WORDS[k].done),
      onSuccess: opts.onSuccess,
      reload: opts.reload,
    },
  )
}

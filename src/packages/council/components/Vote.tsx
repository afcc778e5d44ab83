/**
 * The vote: while it is open, its terms, my vote (or my household's), 同意 / 不同意 / 弃权 — each through a
 * sheet that says a vote cannot be changed — or why I may not vote; once decided (or live, when the ballot is
 * not secret), the tally as bars. Once it has ended (by the clock, or stopped early by the secretary) the
 * result can be published only after a grace for the last votes in flight (`vote.publishAfter`): the page
 * fetches the topic again once that time has come — the result, or for the secretary the 公示 button ready.
 */
import { useEffect, useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import type { TopicDetail, VoteChoice } from '@contract/council'
import { ELIGIBILITY_LABELS, VOTE_CHOICES, VOTE_CHOICE_LABELS } from '@contract/vocabulary'
import { Sheet } from '../../../components/Sheet'
import { useAction } from '../../../hooks/useAction'
import { call } from '../../../services/api'
import { askSubscribe } from '../../../services/subscribe'
import { dateTime } from '../../../services/time'
import type { BoxProps } from '../shared'
import { WriteGate } from './bits'

/** Reloads further away than this are left to the person (a timer that long would outlive the page anyway). */
const RELOAD_WITHIN_MS = 3600_000
/** After `publishAfter`, a little more: the server's clock and the phone's may differ by a second or so. */
const RELOAD_MARGIN_MS = 2000

/**
 * Once the vote's result may be published (`vote.publishAfter`, soon), fetch the topic again — once: a page
 * opened after that time shows the topic as it is, and a topic still being counted after the reload is not
 * fetched again and again.
 */
function useReloadWhenPublishable(t: TopicDetail, reload: () => void) {
  const at = t.status === 'voting' && t.vote?.publishAfter ? Date.parse(t.vote.publishAfter) : null
  useEffect(() => {
    if (at === null || Number.isNaN(at)) return
    const wait = at - Date.now()
    if (wait <= 0 || wait > RELOAD_WITHIN_MS) return
    const timer = setTimeout(reload, wait + RELOAD_MARGIN_MS)
    return () => clearTimeout(timer)
  }, [at, reload])
}

/** What the vote box says once voting has ended and the result is not out yet. */
function countingWords(t: TopicDetail): string {
  const ready = !t.vote?.publishAfter || Date.parse(t.vote.publishAfter) <= Date.now()
  if (!ready) return '投票已截止，正在计票，稍后公示结果。'
  return t.me.can.close ? '投票已截止，最后的票都已送达，可以公示结果了：请点下面的“结束表决并公示”。' : '投票已截止，正在计票，结果很快公示。'
}

export function VoteBox({ t, communityId, onDone, reload }: BoxProps) {
  const [choice, setChoice] = useState<VoteChoice | null>(null)
  useReloadWhenPublishable(t, reload)
  const vote = useAction(
    async (c: VoteChoice) => {
      // Consent first, inside the tap: asked 办成了吗 when the work is done.
      await askSubscribe(['topicProgress'])
      return call('topic.vote', { communityId, topicId: t.id, choice: c })
    },
    { success: '投票成功', onSuccess: (next) => (setChoice(null), onDone(next)), reload, showError: 'keep' },
  )
  if (t.status !== 'voting' || !t.vote) return null
  const mine = t.me.voted
  // Past its end (or stopped early) a vote is being counted: no more votes, the result comes soon.
  const ended = Date.parse(t.vote.closesAt) <= Date.now()
  return (
    <View className='card' id='topic-vote'>
      <View className='card-title'>居民表决</View>
      <Text className='muted'>
        {ELIGIBILITY_LABELS[t.vote.eligibility]} · {dateTime(t.vote.closesAt)} 截止 · 同意超过 {t.vote.passPercent}% 通过（弃权不计）
      </Text>
      {ended && (
        <Text className='warn' id='topic-counting'>
          {countingWords(t)}
        </Text>
      )}
      {mine ? (
        <Text className='ct-done' id='topic-voted'>
          ✓ {mine === 'household' ? '您家已经投过票了' : `您已投票：${VOTE_CHOICE_LABELS[mine]}`}
        </Text>
      ) : ended ? null : t.me.can.vote ? (
        <WriteGate what='投票'>
          <View className='ct-vote' id='topic-vote-buttons'>
            {VOTE_CHOICES.map((c) => (
              <Button key={c} className={`btn ct-vote__btn ct-vote__btn--${c}`} id={`topic-vote-${c}`} onClick={() => setChoice(c)}>
                {VOTE_CHOICE_LABELS[c]}
              </Button>
            ))}
          </View>
        </WriteGate>
      ) : (
        <Text className='warn' id='topic-why-not'>
          {t.me.whyNotVote ?? '这次表决您不能投票，可以看看结果'}
        </Text>
      )}
      {choice && (
        <Sheet
          id='vote-sheet'
          title={`投“${VOTE_CHOICE_LABELS[choice]}”`}
          act={vote}
          submitText='确认投票'
          onSubmit={() => vote.run(choice)}
          onClose={() => (vote.clearError(), setChoice(null))}
          reload={reload}
        >
          <Text className='sheet__body'>
            您对「{t.title}」投“{VOTE_CHOICE_LABELS[choice]}”。投票后不能更改，谁投了什么不会公开。
          </Text>
        </Sheet>
      )}
    </View>
  )
}

const BARS = [
  { key: 'yes', text: '同意' },
  { key: 'no', text: '不同意' },
  { key: 'abstain', text: '弃权' },
] as const

/** The tally as bars (plain Views), the outcome and how it was reached. */
export function Tally({ t }: { t: TopicDetail }) {
  const tally = t.tally
  if (!tally) return null
  const total = tally.yes + tally.no + tally.abstain
  const decided = t.outcome !== null
  const turnout = t.vote && t.vote.electorate > 0 ? Math.round((total / t.vote.electorate) * 100) : null
  return (
    <View className='card' id='topic-tally' data-outcome={t.outcome ?? ''}>
      <View className='card-title'>{decided ? '表决结果公示' : '目前票数'}</View>
      {decided && (
        <Text className={`ct-outcome ct-outcome--${t.outcome}`} id='topic-outcome'>
          {t.outcome === 'passed' ? '表决通过' : '未通过'}
        </Text>
      )}
      {BARS.map((b) => {
        const n = tally[b.key]
        const pct = total ? Math.round((n / total) * 100) : 0
        return (
          <View key={b.key} className='ct-bar' data-choice={b.key} data-count={n}>
            <Text className='ct-bar__label'>{b.text}</Text>
            <View className='ct-bar__track'>
              <View className={`ct-bar__fill ct-bar__fill--${b.key}`} style={{ width: `${pct}%` }} />
            </View>
            <Text className='ct-bar__num'>
              {n} 票 · {pct}%
            </Text>
          </View>
        )
      })}
      <Text className='note ct-tally-note'>
        共 {total} 票（线上 {tally.online} · 线下 {tally.offline}）
        {t.vote ? `；应投 ${t.vote.electorate}，参与率 ${turnout ?? 0}%，至少 ${t.vote.quorumPercent}% 才有效` : ''}
      </Text>
      {decided && t.me.voted && (
        <Text className='ct-done'>✓ {t.me.voted === 'household' ? '您家投过票了' : `您投的是：${VOTE_CHOICE_LABELS[t.me.voted]}`}</Text>
      )}
      {t.outcomeNote && <Text className='note ct-tally-note'>{t.outcomeNote}</Text>}
      {t.decidedAt && <Text className='note ct-tally-note'>公示时间：{dateTime(t.decidedAt)}</Text>}
    </View>
  )
}

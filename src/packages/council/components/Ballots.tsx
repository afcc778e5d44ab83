/**
 * Votes cast at a meeting or on paper, entered by the secretary for one open vote: how they came in (and
 * which meeting), each voter found by name with their choice, then 录入. The server checks each voter as it
 * checks an online vote — one vote per household or person across every channel — and says, per voter, why
 * one was refused; those stay on the list to look at, the recorded ones leave it.
 */
import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import type { TopicDetail, VoteChoice } from '@contract/council'
import type { ActionOutput } from '@contract/api'
import { VOTE_CHOICES, VOTE_CHOICE_LABELS, MEETING_KIND_LABELS } from '@contract/vocabulary'
import { Chip, Choice, FormRow } from '../../../components/Field'
import { useAction } from '../../../hooks/useAction'
import { useQuery } from '../../../hooks/useQuery'
import { call } from '../../../services/api'
import { MemberSearch } from '../../../components/MemberSearch'

interface Ballot {
  voterId: string
  name: string
  choice: VoteChoice | null
  /** Why the server refused it, after 录入. */
  why?: string
}

const CHANNELS = [
  { value: 'meeting', text: '会议现场' },
  { value: 'paper', text: '纸质票' },
] as const

export function Ballots({ t, communityId, onRecorded }: { t: TopicDetail; communityId: string; onRecorded: (topic: TopicDetail) => void }) {
  const [channel, setChannel] = useState<'meeting' | 'paper'>('paper')
  const [meetingId, setMeetingId] = useState<string | null>(null)
  const [ballots, setBallots] = useState<Ballot[]>([])
  const [result, setResult] = useState<ActionOutput<'topic.recordOfflineVotes'> | null>(null)
  const meetings = useQuery(channel === 'meeting' ? `${communityId}|${t.councilId}` : null, () =>
    call('meeting.list', { communityId, councilId: t.councilId, limit: 20 }),
  )
  const record = useAction(
    (votes: { voterId: string; choice: VoteChoice }[]) =>
      call('topic.recordOfflineVotes', { communityId, topicId: t.id, channel, ...(channel === 'meeting' && meetingId ? { meetingId } : {}), votes }),
    {
      success: (r) => `已录入 ${r.recorded} 票`,
      onSuccess: (r) => {
        const why = new Map(r.refused.map((x) => [x.voterId, x.why]))
        setBallots((bs) => bs.filter((b) => why.has(b.voterId)).map((b) => ({ ...b, why: why.get(b.voterId) })))
        setResult(r)
        onRecorded(r.topic)
      },
      showError: 'keep',
    },
  )
  const ready = ballots.filter((b): b is Ballot & { choice: VoteChoice } => b.choice !== null && !b.why)
  const choose = (voterId: string, choice: VoteChoice) => setBallots((bs) => bs.map((b) => (b.voterId === voterId ? { ...b, choice, why: undefined } : b)))
  const problem = channel === 'meeting' && !meetingId ? '请选是哪次会议' : ballots.some((b) => b.choice === null) ? '还有人没选意见' : null

  return (
    <>
      <View className='card'>
        <Choice id='ballot-channel' label='怎么投的' value={channel} options={CHANNELS} onChange={setChannel} />
        {channel === 'meeting' && (
          <FormRow label='哪次会议'>
            {(meetings.data?.items ?? []).length === 0 ? (
              <Text className='muted'>{meetings.data ? '这个议事会还没有安排会议' : '正在读取会议…'}</Text>
            ) : (
              <View className='seg' id='ballot-meetings'>
                {meetings.data!.items.map((m) => (
                  <Chip key={m.id} value={m.id} on={meetingId === m.id} onClick={() => setMeetingId(m.id)}>
                    {MEETING_KIND_LABELS[m.kind]}：{m.title}
                  </Chip>
                ))}
              </View>
            )}
          </FormRow>
        )}
        <FormRow label={`投票人（${ballots.length}）`}>
          {ballots.map((b) => (
            <View key={b.voterId} className='ct-ballot' data-id={b.voterId}>
              <View className='ct-ballot__head'>
                <Text className='ct-ballot__name'>{b.name}</Text>
                <Text className='link' onClick={() => setBallots((bs) => bs.filter((x) => x.voterId !== b.voterId))}>
                  去掉
                </Text>
              </View>
              <View className='seg'>
                {VOTE_CHOICES.map((c) => (
                  <Chip key={c} value={c} on={b.choice === c} onClick={() => choose(b.voterId, c)}>
                    {VOTE_CHOICE_LABELS[c]}
                  </Chip>
                ))}
              </View>
              {b.why && <Text className='ct-problem ct-ballot__why'>没有录入：{b.why}</Text>}
            </View>
          ))}
        </FormRow>
        <FormRow label='添加投票人'>
          <MemberSearch
            id='ballot-search'
            communityId={communityId}
            pickText='加入'
            picked={(id) => ballots.some((b) => b.voterId === id)}
            onPick={(m) => setBallots((bs) => [...bs, { voterId: m.userId, name: m.name, choice: null }])}
          />
        </FormRow>
        {(problem ?? record.error?.message) && <Text className='ct-problem'>{problem ?? record.error?.message}</Text>}
      </View>
      {result && (
        <Text className='warn' id='ballot-result'>
          已录入 {result.recorded} 票{result.refused.length ? `，${result.refused.length} 票没有录入（原因见名单）` : ''}。
        </Text>
      )}
      <Button
        className='btn btn--primary btn--block ct-big'
        id='ballot-submit'
        loading={record.busy}
        disabled={record.busy || !!problem || ready.length === 0}
        onClick={() => record.run(ready.map((b) => ({ voterId: b.voterId, choice: b.choice })))}
      >
        录入 {ready.length} 票
      </Button>
    </>
  )
}

/**
 * The buttons a topic offers this viewer, ONLY from what the server says (`me.can`): the council's steps
 * (review and discussion notes, open the vote, record paper and meeting votes, close and publish, milestones,
 * merge, retire, moderation of a draft or a hidden topic) and a resident's own (举报, 撤回). Written steps open
 * the page's StepSheet; the others ask first, then act.
 */
import { View, Text, Button } from '@tarojs/components'
import { go } from '../../../services/nav'
import type { BoxProps } from '../shared'
import type { StepKind } from './StepSheet'
import { useTopicStep } from './useTopicStep'

interface Props extends BoxProps {
  onOpen: (kind: StepKind) => void
}

export function Steps({ t, communityId, onDone, reload, onOpen }: Props) {
  const direct = useTopicStep(communityId, t.id, { onSuccess: onDone, reload })
  const can = t.me.can
  const moderating = can.moderate && (t.status === 'draft' || t.status === 'hidden')
  const buttons: { id: string; text: string; primary?: boolean; when: boolean | undefined; tap: () => void }[] = [
    { id: 'topic-approve', text: '通过并公示', primary: true, when: moderating && t.status === 'draft', tap: () => direct.run('approve') },
    { id: 'topic-restore', text: '恢复公示', primary: true, when: moderating && t.status === 'hidden', tap: () => direct.run('restore') },
    { id: 'topic-remove', text: '不予公示', when: moderating, tap: () => direct.run('remove') },
    { id: 'topic-review', text: '写党支部审议意见', primary: true, when: can.review, tap: () => onOpen('review') },
    { id: 'topic-discuss', text: '写业委会商议意见', primary: true, when: can.discuss, tap: () => onOpen('discuss') },
    { id: 'topic-open-vote', text: '发起表决', primary: true, when: can.openVote, tap: () => direct.run('openVote') },
    {
      id: 'topic-offline',
      text: '录入会议和纸质票',
      when: can.recordOfflineVotes,
      tap: () => go('council.offline', { communityId, topicId: t.id }),
    },
    { id: 'topic-close', text: '结束表决并公示', primary: true, when: can.close, tap: () => direct.run('close') },
    { id: 'topic-milestone', text: '更新落实进展', primary: true, when: can.milestone, tap: () => onOpen('milestone') },
    { id: 'topic-merge', text: '合并到其他议题', when: can.merge, tap: () => onOpen('merge') },
    { id: 'topic-retire', text: '终止议题', when: can.retire, tap: () => onOpen('retire') },
  ]
  const shown = buttons.filter((b) => b.when)
  return (
    <>
      {shown.length > 0 && (
        <View className='card ct-steps-card' id='topic-council-steps'>
          <View className='card-title'>议事会办理</View>
          {shown.map((b) => (
            <Button key={b.id} id={b.id} className={`btn${b.primary ? ' btn--primary' : ''}`} disabled={direct.busy} onClick={b.tap}>
              {b.text}
            </Button>
          ))}
        </View>
      )}
      {(can.report || can.withdraw) && (
        <View className='ct-minor'>
          {can.withdraw && (
            <Text className='link' id='topic-withdraw' onClick={() => direct.run('withdraw')}>
              撤回议题
            </Text>
          )}
          {can.report && (
            <Text className='link' id='topic-report' onClick={() => onOpen('report')}>
              举报这个议题
            </Text>
          )}
        </View>
      )}
    </>
  )
}

/**
 * What a resident does on a topic besides voting: 附议 while it collects support (and take it back), and
 * the 办成了吗 question once the work is done. Each button only when the server says so (`me.can`).
 */
import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import { Area, Choice } from '../../../components/Field'
import { SupportMeter } from '../../../features/council/TopicCard'
import { useAction } from '../../../hooks/useAction'
import { call } from '../../../services/api'
import { askSubscribe } from '../../../services/subscribe'
import type { BoxProps } from '../shared'
import { WriteGate } from './bits'

/** 附议: the count toward the threshold, and 我也附议 / 取消附议. */
export function SupportBox({ t, communityId, onDone, reload }: BoxProps) {
  const base = { communityId, topicId: t.id }
  const support = useAction(
    async () => {
      // Consent first, inside the tap: told when the vote opens.
      await askSubscribe(['topicVote'])
      return call('topic.support', base)
    },
    { success: '已附议，开始表决时通知您', onSuccess: onDone, reload },
  )
  const unsupport = useAction(() => call('topic.unsupport', base), {
    confirm: () => ({ title: '取消附议', content: '确定取消对这个议题的附议吗？' }),
    success: '已取消附议',
    onSuccess: onDone,
    reload,
  })
  return (
    <View className='card' id='topic-support'>
      <View className='card-title'>征集附议</View>
      <Text className='muted'>觉得这件事该议一议，就附议一下。附议人数够了，议题进入党支部审议。</Text>
      <SupportMeter supports={t.supports} threshold={t.supportThreshold} id='topic-meter' />
      {t.me.supported && <Text className='ct-done'>✓ 您已附议</Text>}
      {(t.me.can.support || t.me.can.unsupport) && (
        <WriteGate what='附议'>
          {t.me.can.support && (
            <Button
              className='btn btn--primary btn--block ct-big'
              id='topic-support-btn'
              loading={support.busy}
              disabled={support.busy}
              onClick={() => support.run()}
            >
              我也附议
            </Button>
          )}
          {t.me.can.unsupport && (
            <Button className='btn btn--block' id='topic-unsupport-btn' loading={unsupport.busy} disabled={unsupport.busy} onClick={() => unsupport.run()}>
              取消附议
            </Button>
          )}
        </WriteGate>
      )}
    </View>
  )
}

const ANSWERS = [
  { value: 'yes', text: '办成了' },
  { value: 'no', text: '没办成' },
] as const

/** 办成了吗？ — asked of those who voted once the work is done; the answers so far. */
export function FeedbackBox({ t, communityId, onDone, reload }: BoxProps) {
  const [answer, setAnswer] = useState<'yes' | 'no' | null>(null)
  const [comment, setComment] = useState('')
  const send = useAction(
    (done: boolean) => call('topic.feedback', { communityId, topicId: t.id, done, ...(comment.trim() ? { comment: comment.trim() } : {}) }),
    { success: '谢谢您的回答', onSuccess: onDone, reload, showError: 'keep' },
  )
  const asked = t.me.can.feedback
  if (!asked && !t.me.answeredFeedback && t.feedback.yes + t.feedback.no === 0) return null
  return (
    <View className='card' id='topic-feedback'>
      <View className='card-title'>办成了吗？</View>
      <Text className='muted'>
        投过票的居民说：办成了 {t.feedback.yes} 人 · 没办成 {t.feedback.no} 人
      </Text>
      {t.me.answeredFeedback && <Text className='ct-done'>✓ 您已回答，谢谢</Text>}
      {asked && (
        <WriteGate what='回答'>
          <Choice id='topic-feedback-choice' label='这件事办成了吗' value={answer} options={ANSWERS} onChange={setAnswer} big />
          {answer === 'no' && (
            <Area id='topic-feedback-text' label='哪里没办好（可不填）' placeholder='例如：路灯装了，但晚上还是不亮' value={comment} onChange={setComment} />
          )}
          {send.error && <Text className='ct-problem'>{send.error.message}</Text>}
          <Button
            className='btn btn--primary btn--block ct-big'
            id='topic-feedback-submit'
            loading={send.busy}
            disabled={send.busy || !answer}
            onClick={() => answer && send.run(answer === 'yes')}
          >
            提交回答
          </Button>
        </WriteGate>
      )}
    </View>
  )
}

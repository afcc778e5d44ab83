/**
 * 居民意见: the newest visible comments (a secretary also sees held ones, marked), each with 举报; and while
 * the opinion window is open (`me.can.comment`), a box to write one.
 */
import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import type { CommentView } from '@contract/council'
import { Area } from '../../../components/Field'
import { useAction } from '../../../hooks/useAction'
import { call } from '../../../services/api'
import { askSubscribe } from '../../../services/subscribe'
import { dateTime } from '../../../services/time'
import type { BoxProps } from '../shared'
import { WriteGate } from './bits'

interface Props extends BoxProps {
  /** Report a comment (opens the page's report sheet). */
  onReport: (c: CommentView) => void
}

const STATUS_WORDS: Partial<Record<CommentView['status'], string>> = { held: '待社区审核', removed: '已删除' }

export function Comments({ t, communityId, onDone, reload, onReport }: Props) {
  const [text, setText] = useState('')
  const send = useAction(
    async (words: string) => {
      // Consent first, inside the tap: told when the vote opens.
      await askSubscribe(['topicVote'])
      return call('topic.comment', { communityId, topicId: t.id, text: words })
    },
    {
      success: '意见已发表',
      onSuccess: (next) => {
        setText('')
        onDone(next)
      },
      reload,
      showError: 'keep',
    },
  )
  const list = t.recentComments
  if (!t.me.can.comment && list.length === 0) return null
  return (
    <>
      <View className='section-title'>居民意见（{t.comments}）</View>
      <View className='card' id='topic-comments'>
        {t.me.can.comment && (
          <WriteGate what='发表意见'>
            <Text className='muted'>{t.opinionsCloseAt ? `意见征集到 ${dateTime(t.opinionsCloseAt)}，` : ''}说说您的看法，大家都能看到。</Text>
            <Area id='topic-comment-text' label='我的意见' placeholder='例如：赞成装，但希望装在单元门口' value={text} maxlength={300} onChange={setText} />
            {send.error && <Text className='ct-problem'>{send.error.message}</Text>}
            <Button
              className='btn btn--primary btn--block'
              id='topic-comment-submit'
              loading={send.busy}
              disabled={send.busy || !text.trim()}
              onClick={() => send.run(text.trim())}
            >
              发表意见
            </Button>
          </WriteGate>
        )}
        {list.length === 0 ? (
          <Text className='muted ct-empty'>还没有人发表意见</Text>
        ) : (
          list.map((c) => (
            <View key={c.id} className='ct-comment' data-id={c.id} data-status={c.status}>
              <View className='ct-comment__head'>
                <Text className='ct-comment__who'>{c.mine ? `${c.authorName}（我）` : c.authorName}</Text>
                {STATUS_WORDS[c.status] && <Text className='chip topic-chip topic-chip--hidden'>{STATUS_WORDS[c.status]}</Text>}
                <Text className='note'>{dateTime(c.at)}</Text>
              </View>
              <Text className='story-words'>{c.text}</Text>
              {t.me.can.report && !c.mine && c.status === 'visible' && (
                <Text className='link ct-comment__report' onClick={() => onReport(c)}>
                  举报
                </Text>
              )}
            </View>
          ))
        )}
      </View>
    </>
  )
}

/**
 * 居民意见: the newest visible comments (a secretary also sees held ones, marked), each with 举报; and while
 * the opinion window is open (`me.can.comment`), a box to write one. The topic brings the newest 50; 更多意见
 * pages on through topic.comments from the oldest shown (cursor), 20 at a time.
 */
import { useEffect, useState } from 'react'
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
const MORE = 20

type CommentsTopic = Pick<BoxProps['t'], 'id' | 'comments' | 'recentComments'>

/**
 * The older comments after the topic's newest ones, paged on demand. When the newest change so that the oldest
 * of them is another (a comment written or removed), what was loaded after them is dropped: paging starts again
 * from the new oldest, so no comment falls between the two lists.
 */
function useOlderComments(t: CommentsTopic, communityId: string) {
  const [older, setOlder] = useState<CommentView[]>([])
  const [done, setDone] = useState(false)
  const from = t.recentComments.length ? t.recentComments[t.recentComments.length - 1].id : null
  useEffect(() => {
    setOlder([])
    setDone(false)
  }, [t.id, from])
  const load = useAction(
    async () => {
      // From the oldest comment shown (Array.prototype.at is not in every WeChat base library).
      const cursor = older.length ? older[older.length - 1].id : from
      return call('topic.comments', { communityId, topicId: t.id, limit: MORE, ...(cursor ? { cursor } : {}) })
    },
    {
      onSuccess: (page) => {
        setOlder((list) => [...list, ...page.items.filter((c) => !list.some((x) => x.id === c.id))])
        if (!page.nextCursor) setDone(true)
      },
    },
  )
  const shown = t.recentComments.length + older.length
  return { older, load, more: !done && !!from && shown < t.comments, left: Math.max(0, t.comments - shown) }
}

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
  const older = useOlderComments(t, communityId)
  const list = [...t.recentComments, ...older.older.filter((c) => !t.recentComments.some((x) => x.id === c.id))]
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
        {older.more && (
          <Button
            className='btn btn--block ct-more'
            id='topic-comments-more'
            loading={older.load.busy}
            disabled={older.load.busy}
            onClick={() => void older.load.run()}
          >
            更多意见（还有 {older.left} 条）
          </Button>
        )}
      </View>
    </>
  )
}

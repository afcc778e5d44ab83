/**
 * 议题详情: the topic and its whole road. Its stage, words and photos; 附议 while it collects support; the
 * review and discussion notes; residents' opinions (and a box to write one while the window is open); the
 * vote (同意 / 不同意 / 弃权, or why I may not) and, once decided, the tally as bars — the public notice 公示
 * that the share card carries; the milestones; 办成了吗 for those who voted; the timeline of every step. The
 * council's buttons come only from the server's `me.can`. Works as the first page of a share card
 * (/packages/council/pages/topic/index?id=…&c=…): it logs in, then loads.
 */
import { useState } from 'react'
import { Button } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import type { CommentView, TopicDetail } from '@contract/council'
import { Guard, Loaded } from '../../../../components/Guard'
import { ErrorState } from '../../../../components/ErrorState'
import { useSession } from '../../../../hooks/useSession'
import { useHomeCommunity } from '../../../../hooks/useCommunity'
import { useQuery } from '../../../../hooks/useQuery'
import { useSharedPage } from '../../../../hooks/useSharedPage'
import { call } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { ROUTES } from '../../../../routes'
import { NO_COUNCIL_COMMUNITY, OUTCOME_LABELS } from '../../../../features/council/shared'
import { TopicHead } from '../../components/TopicHead'
import { FeedbackBox, SupportBox } from '../../components/Participate'
import { Tally, VoteBox } from '../../components/Vote'
import { Comments } from '../../components/Comments'
import { Milestones, Notes, Timeline } from '../../components/Story'
import { Steps } from '../../components/Steps'
import { StepSheet, type StepKind } from '../../components/StepSheet'
import '../../council.scss'

/** The share card's title: the result notice once decided, else the topic. */
function shareTitle(t: TopicDetail | null): string {
  if (!t) return '居民议事厅'
  if (t.outcome) return `表决公示：${t.title}（${OUTCOME_LABELS[t.outcome]}）`
  return `议题：${t.title}`
}

export default function TopicPage() {
  const { me } = useSession()
  const { params } = useRouter()
  const topicId = decodeURIComponent(params.id ?? '')
  const communityId = useHomeCommunity(me)
  const key = me && communityId && topicId ? `${me.userId}|${communityId}|${topicId}` : null
  const topic = useQuery(key, () => call('topic.get', { communityId: communityId!, topicId }))
  const [sheet, setSheet] = useState<{ kind: StepKind; comment?: CommentView } | null>(null)
  const title = topic.data?.status === 'decided' ? '表决结果公示' : '议题详情'

  useSharedPage(topic, {
    title,
    card: (t) => ({
      title: shareTitle(t),
      path: `${ROUTES['council.topic']}?id=${encodeURIComponent(topicId)}&c=${encodeURIComponent(t?.communityId ?? communityId ?? '')}`,
      imageUrl: t?.photos[0],
    }),
  })

  const done = (next: TopicDetail | null) => {
    if (next) topic.setData(next)
    else topic.reload()
    setSheet(null)
  }
  const box = { communityId: communityId!, onDone: done, reload: topic.reload }

  return (
    <Guard communityId={communityId} noCommunity={NO_COUNCIL_COMMUNITY} className='council-topic' title={title}>
      {!topicId ? (
        <ErrorState error={{ code: 'NOT_FOUND', message: '没有找到这个议题' }} />
      ) : topic.error ? (
        <>
          <ErrorState error={topic.error} onRetry={topic.reload} />
          <Button className='btn btn--block' onClick={() => go('council')}>
            去议事厅看看
          </Button>
        </>
      ) : (
        <Loaded query={topic}>
          {(t) => (
            <>
              <TopicHead t={t} communityId={communityId!} />
              {t.status === 'collecting' && <SupportBox t={t} {...box} />}
              <Tally t={t} />
              <VoteBox t={t} {...box} />
              <Notes t={t} />
              <Milestones t={t} />
              <FeedbackBox t={t} {...box} />
              <Comments t={t} {...box} onReport={(comment) => setSheet({ kind: 'report', comment })} />
              <Steps t={t} {...box} onOpen={(kind) => setSheet({ kind })} />
              <Timeline t={t} />
              <Button className='btn btn--block' id='topic-back' onClick={() => go('council')}>
                回议事厅
              </Button>
              {sheet && (
                <StepSheet
                  kind={sheet.kind}
                  topic={t}
                  commentId={sheet.comment?.id}
                  communityId={communityId!}
                  onDone={done}
                  onClose={() => setSheet(null)}
                  reload={topic.reload}
                />
              )}
            </>
          )}
        </Loaded>
      )}
    </Guard>
  )
}

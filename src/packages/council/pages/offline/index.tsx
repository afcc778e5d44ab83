/**
 * 录入线下表决票 (secretary): for one open vote (from the topic, the queue, or picked here from the votes that
 * are open), the votes cast at a meeting or on paper, voter by voter; refusals come back with their reason.
 */
import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Guard, Loaded } from '../../../../components/Guard'
import { PagedList } from '../../../../components/PagedList'
import { usePaged, useQuery } from '../../../../hooks/useQuery'
import { call } from '../../../../services/api'
import { dateTime } from '../../../../services/time'
import { TopicCard } from '../../../../features/council/TopicCard'
import { useCouncilSecretary } from '../../shared'
import { Ballots } from '../../components/Ballots'
import '../../council.scss'

export default function Offline() {
  const admin = useCouncilSecretary()
  const { params } = useRouter()
  const [topicId, setTopicId] = useState(params.topicId ? decodeURIComponent(params.topicId) : '')
  const communityId = admin.communityId!
  const voting = usePaged(admin.key && !topicId ? `${admin.key}|voting` : null, (cursor) =>
    call('topic.list', { communityId, status: 'voting', cursor, limit: 20 }),
  )
  const topic = useQuery(admin.key && topicId ? `${admin.key}|${topicId}` : null, () => call('topic.get', { communityId, topicId }))

  return (
    <Guard {...admin.guard} className='council-admin'>
      {!topicId ? (
        <>
          <Text className='muted ct-intro'>选一个正在表决的议题，录入会议现场或纸质票。</Text>
          <PagedList
            list={voting}
            id='offline-topics'
            className='topic-list'
            empty='现在没有正在表决的议题'
            itemKey={(t) => t.id}
            renderItem={(t) => <TopicCard topic={t} onClick={() => setTopicId(t.id)} />}
          />
        </>
      ) : (
        <Loaded query={topic}>
          {(t) => (
            <>
              <View className='card' id='offline-topic' data-status={t.status}>
                <View className='card-title'>{t.title}</View>
                <Text className='muted'>
                  {t.vote ? `表决 ${dateTime(t.vote.closesAt)} 截止 · 应投 ${t.vote.electorate}` : '这个议题现在不在表决中'}
                  {t.tally ? ` · 已投 ${t.tally.yes + t.tally.no + t.tally.abstain} 票` : ''}
                </Text>
              </View>
              {t.me.can.recordOfflineVotes ? (
                <Ballots t={t} communityId={communityId} onRecorded={(next) => topic.setData(next)} />
              ) : (
                <Text className='warn'>这个议题现在不能录入线下票（表决还没开始或已经结束）。</Text>
              )}
            </>
          )}
        </Loaded>
      )}
    </Guard>
  )
}

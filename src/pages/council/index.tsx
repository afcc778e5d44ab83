/**
 * 议事 tab — the residents' council hall: topics by stage (征集附议 / 审议中 / 表决中 / 已表决), what waits for
 * me (a vote to cast, a 办成了吗 to answer) and my own topics, newest first; pull down to refresh, scroll for
 * more; a big 我要提议题 button on top; my councils (my seat, whether I may vote). Each card opens the topic.
 * Main package: nothing here may import src/services/time.ts (dayjs stays in the subpackages).
 */
import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import { useDidShow, useShareAppMessage } from '@tarojs/taro'
import { Guard } from '../../components/Guard'
import { Chip } from '../../components/Field'
import { PagedList } from '../../components/PagedList'
import { useSession } from '../../hooks/useSession'
import { useHomeCommunity } from '../../hooks/useCommunity'
import { usePaged } from '../../hooks/useQuery'
import { call } from '../../services/api'
import { can } from '../../services/access'
import { go } from '../../services/nav'
import { ROUTES } from '../../routes'
import { NO_COUNCIL_COMMUNITY, SEGMENTS, queryKey, type Segment } from '../../features/council/shared'
import { mergedLoader } from '../../features/council/merge'
import { TopicCard } from '../../features/council/TopicCard'
import { MyCouncils } from './MyCouncils'
import './index.scss'

export default function Council() {
  const { me } = useSession()
  const communityId = useHomeCommunity(me)
  const [segment, setSegment] = useState<Segment>('collecting')
  const base = me && communityId ? `${me.userId}|${communityId}` : null
  const seg = SEGMENTS.find((s) => s.value === segment)!
  const queries = Object.fromEntries(seg.queries.map((q) => [queryKey(q), q]))
  const list = usePaged(
    base ? `${base}|${segment}` : null,
    mergedLoader(Object.keys(queries), (key, cursor) => call('topic.list', { communityId: communityId!, ...queries[key], cursor, limit: 20 })),
  )

  useShareAppMessage(() => ({ title: '居民议事厅：小区的事，大家提、大家议、大家定', path: ROUTES.council }))
  // Back from a topic or from submitting one: stages and counts may have changed.
  useDidShow(() => {
    if (base && list.loaded) list.reload()
  })

  const propose = { text: '我要提议题', onClick: () => go('council.new', {}) }
  return (
    <Guard communityId={communityId} noCommunity={NO_COUNCIL_COMMUNITY} className='council' pick='member'>
      <View className='card council__head'>
        <View className='card-title'>居民议事厅</View>
        <Text className='council__intro'>小区里的大事小情，大家提、大家议、大家定：议题公示、征集意见、表决公示、结果反馈，每一步都看得见。</Text>
        <Button className='btn btn--primary btn--block council__new' id='council-new' onClick={propose.onClick}>
          ＋ 我要提议题
        </Button>
      </View>

      {base && <MyCouncils communityId={communityId!} queryKey={base} secretary={can(me, communityId, 'administer')} />}

      <View className='seg council__segs' id='council-segs'>
        {SEGMENTS.map((s) => (
          <Chip key={s.value} value={s.value} on={segment === s.value} onClick={() => setSegment(s.value)}>
            {s.text}
          </Chip>
        ))}
      </View>

      <PagedList
        list={list}
        id='council-list'
        className='topic-list'
        empty={seg.empty}
        emptyAction={segment === 'collecting' || segment === 'mine' ? propose : undefined}
        itemKey={(t) => t.id}
        renderItem={(t) => <TopicCard topic={t} onClick={() => go('council.topic', { id: t.id, c: communityId! })} />}
      />
    </Guard>
  )
}

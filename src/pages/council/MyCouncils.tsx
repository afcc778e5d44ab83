/**
 * 我的议事会 on the 议事 tab: the community's councils I belong to — my seat there, and whether I could vote
 * today (or why not, in the server's words) — and, for a secretary, the way to the council work.
 */
import { View, Text } from '@tarojs/components'
import type { CouncilView } from '@contract/council'
import { SEAT_LABELS } from '@contract/vocabulary'
import { Loaded } from '../../components/Guard'
import { useQuery } from '../../hooks/useQuery'
import { call } from '../../services/api'
import { go } from '../../services/nav'

function CouncilRow({ c }: { c: CouncilView }) {
  return (
    <View className='row council-mine__row' data-id={c.id}>
      <View className='council-mine__who'>
        <Text className='council-mine__name'>{c.name}</Text>
        <Text className='note'>{c.myEligibility.canVote ? '您可以参与表决' : (c.myEligibility.why ?? '您可以发表意见')}</Text>
      </View>
      <Text className={`tag${c.mySeat ? '' : ' council-mine__plain'}`}>{c.mySeat ? SEAT_LABELS[c.mySeat] : '居民'}</Text>
    </View>
  )
}

export function MyCouncils({ communityId, secretary, queryKey }: { communityId: string; secretary: boolean; queryKey: string }) {
  const councils = useQuery(queryKey, () => call('council.list', { communityId }))
  return (
    <View className='card council-mine' id='council-mine'>
      <View className='card-title'>我的议事会</View>
      <Loaded query={councils}>
        {(list) => {
          // The councils that are about me: where I hold a seat or may vote; else the community's own.
          const active = list.filter((c) => c.active)
          const mine = active.filter((c) => c.mySeat || c.myEligibility.canVote)
          const shown = (mine.length ? mine : active.filter((c) => c.isDefault)).slice(0, 5)
          return shown.length ? shown.map((c) => <CouncilRow key={c.id} c={c} />) : <Text className='muted'>社区还没有设立议事会</Text>
        }}
      </Loaded>
      {secretary && (
        <View className='btn-row council-mine__work'>
          <Text className='link' id='council-to-queue' onClick={() => go('council.queue', { communityId })}>
            议题审核 ›
          </Text>
          <Text className='link' id='council-to-councils' onClick={() => go('council.councils', { communityId })}>
            议事会与成员 ›
          </Text>
        </View>
      )}
    </View>
  )
}

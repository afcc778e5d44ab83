/**
 * 首页 for a street admin: their street instead of one community — its communities, how many things wait
 * for someone across them, and the way into the street home (街道工作台), where each community opens.
 */
import { View, Text } from '@tarojs/components'
import type { Me } from '@contract/org'
import { Loading } from '../../components/Loading'
import { ErrorState } from '../../components/ErrorState'
import { useQuery } from '../../hooks/useQuery'
import { call } from '../../services/api'
import { chooseCommunity } from '../../services/community'
import { go } from '../../services/nav'

export function StreetCard({ me }: { me: Me }) {
  const street = me.streets[0]
  const view = useQuery(street ? street.id : null, () => call('org.street', { streetId: street.id }))
  if (!street) return null
  if (view.error) return <ErrorState error={view.error} onRetry={view.reload} />
  if (!view.data) return <Loading />
  const s = view.data
  return (
    <View className='card home__community' id='home-street'>
      <View className='card-title'>{s.name}</View>
      <View className='muted home__line'>
        {s.communities.length} 个社区 · {s.totals.households} 户 · 已报到党员 {s.totals.registeredMembers} 名
      </View>
      <View className='home__line' id='home-street-waiting'>
        {s.totals.waiting > 0 ? `有 ${s.totals.waiting} 件事等着各社区处理` : '各社区暂时没有待办的事'}
      </View>
      {s.communities.map((c) => (
        <View
          key={c.communityId}
          className='row'
          hoverClass='row--hover'
          onClick={() => {
            chooseCommunity(c.communityId)
            go('wishes')
          }}
        >
          <Text>
            {c.name}
            {c.needsAttention ? '（有待办）' : ''}
          </Text>
          <Text className='row__arrow'>心愿墙 ›</Text>
        </View>
      ))}
      <View className='row' id='home-street-open' hoverClass='row--hover' onClick={() => go('admin.street')}>
        <Text>街道工作台</Text>
        <Text className='row__arrow'>›</Text>
      </View>
    </View>
  )
}

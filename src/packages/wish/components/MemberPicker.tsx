/** The community's party members to dispatch a wish to (names masked, with their door). */
import { View, Text } from '@tarojs/components'
import { Loaded } from '../../../components/Guard'
import { useQuery } from '../../../hooks/useQuery'
import { call } from '../../../services/api'

export function MemberPicker({ communityId, value, onChange }: { communityId: string; value: string | null; onChange: (id: string) => void }) {
  const members = useQuery(communityId, () => call('org.members', { communityId, role: 'party_member', limit: 50 }))
  return (
    <Loaded query={members} loadingText='正在读取党员名单…'>
      {({ items }) =>
        items.length === 0 ? (
          <Text className='muted'>社区还没有登记党员</Text>
        ) : (
          <View id='wish-members' className='w-member-list'>
            {items.map((m) => (
              <View key={m.userId} className={`w-member${value === m.userId ? ' w-member--on' : ''}`} data-id={m.userId} onClick={() => onChange(m.userId)}>
                <Text>
                  {m.name}
                  {m.householdLabel ? ` · ${m.householdLabel}` : ''}
                </Text>
                <Text>{value === m.userId ? '✓ 已选' : '选他'}</Text>
              </View>
            ))}
          </View>
        )
      }
    </Loaded>
  )
}

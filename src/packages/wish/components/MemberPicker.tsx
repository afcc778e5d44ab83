/** The community's party members to dispatch a wish to (names masked, with their door). */
import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { MemberListItem } from '@contract/org'
import { call, toApiError } from '../../../services/api'
import { Loading } from '../../../components/Loading'

export function MemberPicker({ communityId, value, onChange }: { communityId: string; value: string | null; onChange: (id: string) => void }) {
  const [members, setMembers] = useState<MemberListItem[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    call('org.members', { communityId, role: 'party_member', limit: 50 })
      .then((p) => setMembers(p.items))
      .catch((e) => setError(toApiError(e).message))
  }, [communityId])
  if (error) return <Text className='w-sheet__error'>{error}</Text>
  if (members === null) return <Loading text='正在读取党员名单…' />
  if (members.length === 0) return <Text className='muted'>社区还没有登记党员</Text>
  return (
    <View id='wish-members' className='w-member-list'>
      {members.map((m) => (
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

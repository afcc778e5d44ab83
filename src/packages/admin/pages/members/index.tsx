/**
 * 成员与角色 (secretary): the community's people, masked (王*英, 138****5678), filtered by role,
 * searched by keyword, paged by cursor (scroll to the bottom or tap 加载更多).
 */
import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { Role } from '@contract/common'
import type { MemberListItem } from '@contract/org'
import { Guard } from '../../../../components/Guard'
import { PagedList } from '../../../../components/PagedList'
import { Chip } from '../../../../components/Field'
import { SearchBar } from '../../../../components/SearchBar'
import { useSession } from '../../../../hooks/useSession'
import { usePaged } from '../../../../hooks/useQuery'
import { useSecretaryCommunity } from '../../../../hooks/useCommunity'
import { call } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { ROLE_LABELS } from '@contract/vocabulary'
import { ROLE_ORDER } from '../../../../constants'
import { NOT_SECRETARY } from '../../shared'
import '../../admin.scss'

const PAGE_SIZE = 20

function MemberRow({ m, onOpen }: { m: MemberListItem; onOpen: () => void }) {
  return (
    <View className='member' hoverClass='row--hover' onClick={onOpen}>
      <View className='member__top'>
        <Text className='member__name'>{m.name}</Text>
        {m.offline && <Text className='member__badge'>无智能手机 · 代办</Text>}
      </View>
      <Text className='muted'>
        {m.phone ?? '未留手机号'}
        {m.householdLabel ? ` · ${m.householdLabel}` : ''}
      </Text>
      <View className='member__roles'>
        {m.roles.map((r) => (
          <Text key={r} className='tag'>
            {ROLE_LABELS[r] ?? r}
          </Text>
        ))}
      </View>
    </View>
  )
}

export default function Members() {
  const { me } = useSession()
  const communityId = useSecretaryCommunity(me)
  const [role, setRole] = useState<Role | undefined>(undefined)
  const [keyword, setKeyword] = useState('')
  const key = me && communityId ? `${me.userId}|${communityId}|${role ?? ''}|${keyword}` : null
  const list = usePaged(key, (cursor) => call('org.members', { communityId: communityId!, role, keyword: keyword || undefined, cursor, limit: PAGE_SIZE }))

  return (
    <Guard communityId={communityId} noCommunity={NOT_SECRETARY('管理成员与角色')} className='admin' pick='administer'>
      <SearchBar id='members-search' className='admin__search' inputClassName='admin__search-input' onSearch={setKeyword} />
      <View className='seg admin__filters' id='members-filters'>
        <Chip value='all' on={!role} onClick={() => setRole(undefined)}>
          全部
        </Chip>
        {ROLE_ORDER.filter((r) => r !== 'street_admin').map((r) => (
          <Chip key={r} value={r} on={role === r} onClick={() => setRole(role === r ? undefined : r)}>
            {ROLE_LABELS[r]}
          </Chip>
        ))}
      </View>
      <PagedList
        list={list}
        id='members-list'
        empty={keyword || role ? '没有找到符合条件的成员' : '社区里还没有成员'}
        doneText={(n) => `已经到底了，共 ${n} 人`}
        itemKey={(m) => m.userId}
        renderItem={(m) => <MemberRow m={m} onOpen={() => go('admin.member', { communityId: communityId!, userId: m.userId })} />}
      />
    </Guard>
  )
}

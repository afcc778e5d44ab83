/**
 * Find a resident of the community by name, nickname or door (org.members, names masked) and pick them:
 * a seat on a council, a voter on a paper ballot, the neighbour a topic is entered for. `picked` marks
 * those already chosen.
 */
import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { MemberListItem } from '@contract/org'
import { Loaded } from '../../../components/Guard'
import { SearchBar } from '../../../components/SearchBar'
import { useQuery } from '../../../hooks/useQuery'
import { call } from '../../../services/api'

export interface MemberSearchProps {
  communityId: string
  onPick: (m: MemberListItem) => void
  picked?: (userId: string) => boolean
  pickText?: string
  id?: string
}

export function MemberSearch({ communityId, onPick, picked, pickText = '选他', id }: MemberSearchProps) {
  const [keyword, setKeyword] = useState('')
  const found = useQuery(`${communityId}|${keyword}`, () => call('org.members', { communityId, keyword: keyword || undefined, limit: 20 }))
  return (
    <View className='ct-search' id={id}>
      <SearchBar id={id ? `${id}-input` : undefined} className='ct-search__bar' inputClassName='form-input' onSearch={setKeyword} />
      <Loaded query={found} loadingText='正在查找…'>
        {({ items }) =>
          items.length === 0 ? (
            <Text className='muted'>没有找到，换个字试试</Text>
          ) : (
            <View className='ct-pick-list'>
              {items.map((m) => {
                const on = picked?.(m.userId) ?? false
                return (
                  <View key={m.userId} className={`ct-pick${on ? ' ct-pick--on' : ''}`} data-id={m.userId} onClick={() => !on && onPick(m)}>
                    <Text className='ct-pick__text'>
                      {m.name}
                      {m.householdLabel ? ` · ${m.householdLabel}` : ''}
                    </Text>
                    <Text>{on ? '✓ 已选' : pickText}</Text>
                  </View>
                )
              })}
            </View>
          )
        }
      </Loaded>
    </View>
  )
}

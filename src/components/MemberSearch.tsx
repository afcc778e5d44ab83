/**
 * Find a person of the community by name, nickname or door (org.members, names masked) and pick them: a seat
 * on a council, a voter on a paper ballot, the neighbour a topic or a request is entered for, a grid's worker,
 * a unit's staff member. `picked` marks those already chosen. Styles: src/styles/_pick.scss (the areas that
 * use it `@use '../../styles/pick';`), .pick* for any list to pick from in a sheet.
 */
import { useState, type ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import type { MemberListItem } from '@contract/org'
import { Loaded } from './Guard'
import { SearchBar } from './SearchBar'
import { useQuery } from '../hooks/useQuery'
import { call } from '../services/api'

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
    <View className='member-search' id={id}>
      <SearchBar id={id ? `${id}-input` : undefined} className='member-search__bar' inputClassName='form-input' onSearch={setKeyword} />
      <Loaded query={found} loadingText='正在查找…'>
        {({ items }) =>
          items.length === 0 ? (
            <Text className='muted'>没有找到，换个字试试</Text>
          ) : (
            <View className='pick-list'>
              {items.map((m) => {
                const on = picked?.(m.userId) ?? false
                return (
                  <PickRow key={m.userId} id={m.userId} on={on} onClick={() => !on && onPick(m)} pickText={pickText}>
                    {m.name}
                    {m.householdLabel ? ` · ${m.householdLabel}` : ''}
                  </PickRow>
                )
              })}
            </View>
          )
        }
      </Loaded>
    </View>
  )
}

/** One row of a list to pick from: the words, and ✓ 已选 or what tapping does. */
export function PickRow(props: { id: string; on: boolean; onClick: () => void; pickText?: string; onText?: string; children: ReactNode }) {
  return (
    <View className={`pick${props.on ? ' pick--on' : ''}`} data-id={props.id} onClick={props.onClick}>
      <Text className='pick__text'>{props.children}</Text>
      <Text>{props.on ? (props.onText ?? '✓ 已选') : (props.pickText ?? '选这个')}</Text>
    </View>
  )
}

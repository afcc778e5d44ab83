/**
 * A search box and its 搜索 button: the words are searched on 搜索 or the keyboard's search key, trimmed. The
 * page styles the bar and the box (`className`, `inputClassName`); tests find the box by `id`, the button by
 * `${id}-go`.
 *
 *   <SearchBar id='members-search' className='admin__search' inputClassName='admin__search-input' placeholder='搜姓名、昵称或门牌' onSearch={setKeyword} />
 */
import { useState } from 'react'
import { View, Input, Button } from '@tarojs/components'

export interface SearchBarProps {
  onSearch: (words: string) => void
  placeholder?: string
  id?: string
  className?: string
  inputClassName?: string
}

export function SearchBar(props: SearchBarProps) {
  const [draft, setDraft] = useState('')
  return (
    <View className={props.className}>
      <Input
        className={props.inputClassName}
        id={props.id}
        value={draft}
        placeholder={props.placeholder ?? '搜姓名、昵称或门牌'}
        confirmType='search'
        maxlength={20}
        onInput={(e) => setDraft(e.detail.value)}
        onConfirm={(e) => props.onSearch(e.detail.value.trim())}
      />
      <Button className='btn btn--small btn--primary' id={props.id ? `${props.id}-go` : undefined} onClick={() => props.onSearch(draft.trim())}>
        搜索
      </Button>
    </View>
  )
}

/** 心愿类别 on 心愿设置: the list with 删除 on each, and a box to add one (at most 12, each at most 10 characters). */
import { useState } from 'react'
import { View, Text, Button, Input } from '@tarojs/components'

export function CategoryEditor({ value, onChange, onProblem }: { value: string[]; onChange: (v: string[]) => void; onProblem: (p: string | null) => void }) {
  const [draft, setDraft] = useState('')
  function add() {
    const c = draft.trim()
    if (!c) return
    if (Array.from(c).length > 10) return onProblem('类别名最多 10 个字')
    if (value.includes(c)) return onProblem('已经有这个类别了')
    if (value.length >= 12) return onProblem('最多 12 个类别')
    onProblem(null)
    onChange(value.concat(c))
    setDraft('')
  }
  return (
    <View className='card' id='wish-settings-cats'>
      <Text className='card-title' style={{ display: 'block' }}>
        心愿类别
      </Text>
      <Text className='muted'>居民发布时从这里选，心愿墙也按它筛选。</Text>
      {value.map((c) => (
        <View key={c} className='w-cat-edit' data-cat={c}>
          <Text>{c}</Text>
          <Button className='btn btn--small w-nowrap' onClick={() => onChange(value.filter((x) => x !== c))}>
            删除
          </Button>
        </View>
      ))}
      <View className='tags__custom'>
        <Input
          id='cat-new'
          className='form-input'
          value={draft}
          maxlength={10}
          placeholder='新类别，例如：家电维修'
          onInput={(e) => setDraft(e.detail.value)}
          onConfirm={add}
        />
        <Button className='btn btn--small' id='cat-add' onClick={add}>
          添加
        </Button>
      </View>
    </View>
  )
}

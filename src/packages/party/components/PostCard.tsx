/** One service post (岗位责任卡): what it is, the skills it wants, who holds it, and my way in or out. */
import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import type { PostView } from '@contract/party'
import { TagList } from './bits'

export function PostCard({ p, children }: { p: PostView; children: ReactNode }) {
  const left = p.capacity - p.holders.length
  return (
    <View className={`card${p.active ? '' : ' act--off'}`} data-id={p.id}>
      <View className='head-row'>
        <Text className='card-title'>{p.title}</Text>
        {p.mine ? (
          <Text className='chip chip--verified'>我在岗</Text>
        ) : !p.active ? (
          <Text className='chip'>已停用</Text>
        ) : left <= 0 ? (
          <Text className='chip'>已满员</Text>
        ) : (
          <Text className='chip chip--pending'>还差 {left} 人</Text>
        )}
      </View>
      {p.description && <Text style={{ display: 'block' }}>{p.description}</Text>}
      {!p.mine && p.mySkills.length > 0 && (
        <Text className='pty-ok post-match' style={{ display: 'block', marginTop: '8px' }}>
          适合您：您会{p.mySkills.join('、')}
        </Text>
      )}
      <TagList tags={p.skills} />
      <Text className='muted' style={{ display: 'block' }}>
        在岗：{p.holders.length ? p.holders.map((h) => h.name).join('、') : '暂无'}（{p.holders.length}/{p.capacity}）
      </Text>
      <View className='btn-row' style={{ marginTop: '16px' }}>
        {children}
      </View>
    </View>
  )
}

/**
 * A labelled line of a card — 地点, 许愿人, 议事会 … — the label on the left, the value on the right (the
 * app's .row styles).
 *
 *   <Fact label='提议人' id='topic-author'>{t.authorName}</Fact>
 */
import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'

export function Fact({ label, children, id }: { label: string; children: ReactNode; id?: string }) {
  return (
    <View className='row'>
      <Text className='row__label'>{label}</Text>
      <Text className='row__value' id={id}>
        {children}
      </Text>
    </View>
  )
}

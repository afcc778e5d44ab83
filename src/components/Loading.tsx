import { View, Text } from '@tarojs/components'
import './states.scss'

/** Something is on its way. */
export function Loading({ text = '正在加载…' }: { text?: string }) {
  return (
    <View className='state state--loading'>
      <View className='spinner' />
      <Text>{text}</Text>
    </View>
  )
}

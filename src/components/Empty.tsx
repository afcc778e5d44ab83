import { View, Text, Button } from '@tarojs/components'
import './states.scss'

/** Nothing here yet — said plainly, with a way forward when there is one. */
export function Empty({ text, action }: { text: string; action?: { text: string; onClick: () => void } }) {
  return (
    <View className='state state--empty'>
      <View className='state__icon'>○</View>
      <Text className='state__text'>{text}</Text>
      {action && (
        <Button className='btn btn--primary' onClick={action.onClick}>
          {action.text}
        </Button>
      )}
    </View>
  )
}

/**
 * Nothing here yet — a small drawn picture (an open tray with an empty sheet of paper, CSS shapes only: no
 * image bytes, the same in weapp and H5), the words said plainly, and a way forward when there is one.
 *
 *   <EmptyState text='还没有操作记录' />
 *   <EmptyState text='还没有兑换记录' action={{ text: '去积分超市', onClick: () => go('points.index') }} />
 */
import { View, Text, Button } from '@tarojs/components'
import './states.scss'

export interface WayForward {
  text: string
  onClick: () => void
}

export function EmptyState({ text, action, id }: { text: string; action?: WayForward; id?: string }) {
  return (
    <View className='state state--empty' id={id}>
      <EmptyArt />
      <Text className='state__text'>{text}</Text>
      {action && (
        <Button className='btn btn--primary' onClick={action.onClick}>
          {action.text}
        </Button>
      )}
    </View>
  )
}

/** The picture alone (decorative). */
export function EmptyArt() {
  return (
    <View className='empty-art' aria-hidden>
      <View className='empty-art__shadow' />
      <View className='empty-art__paper'>
        <View className='empty-art__line' />
        <View className='empty-art__line' />
        <View className='empty-art__line empty-art__line--short' />
      </View>
      <View className='empty-art__tray' />
      <View className='empty-art__lip' />
      <View className='empty-art__spark empty-art__spark--a' />
      <View className='empty-art__spark empty-art__spark--b' />
    </View>
  )
}

/** The old name, kept while the area pages move over. */
export const Empty = EmptyState

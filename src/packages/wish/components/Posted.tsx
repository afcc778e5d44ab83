/** 发布心愿, done: what happens next (waiting for review, or on the wall), and where to go from here. */
import { View, Text, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { WishDetail } from '@contract/wish'
import { go } from '../../../services/nav'
import { ROUTES } from '../../../routes'

export function Posted({ wish, communityId }: { wish: WishDetail; communityId: string }) {
  const open = wish.status === 'open'
  return (
    <>
      <View className='card w-done' id='wish-posted' data-id={wish.id} data-status={wish.status}>
        <View className='w-done__icon'>✓</View>
        <Text className='w-done__title'>{open ? '已发布到心愿墙' : '已提交，社区审核后会出现在心愿墙'}</Text>
        <Text className='muted'>{open ? '党员志愿者认领后，您会收到通知。' : '审核通过、有人认领、心愿完成，都会告诉您。'}</Text>
      </View>
      <Button
        className='btn btn--primary btn--block'
        id='wish-posted-open'
        onClick={() => Taro.redirectTo({ url: `${ROUTES['wish.detail']}?id=${encodeURIComponent(wish.id)}&c=${encodeURIComponent(communityId)}` })}
      >
        看看这个心愿
      </Button>
      <Button className='btn btn--block' onClick={() => go('wishes')}>
        回心愿墙
      </Button>
    </>
  )
}

/** 发布心愿, done: what happens next (waiting for review, or on the wall), and where to go from here. */
import { View, Text, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { TemplateName } from '@contract/templates'
import type { WishDetail } from '@contract/wish'
import { go } from '../../../services/nav'
import { ROUTES } from '../../../routes'

/** What the person will be told by WeChat: only what they accepted in the 发布 tap (one message each). */
function noticePromise(open: boolean, accepted: TemplateName[]): string {
  const events = [
    !open && accepted.includes('wishReviewed') ? '审核有了结果' : null,
    accepted.includes('wishClaimed') ? '有人认领' : null,
    accepted.includes('wishFulfilled') ? '心愿完成' : null,
  ].filter((e): e is string => !!e)
  if (events.length === 0) return '进展可以随时在「我的心愿」里查看。'
  return events.length === 1 ? `${events[0]}时，会发微信通知告诉您。` : `${events.join('、')}，都会发微信通知告诉您。`
}

export function Posted({ wish, communityId, notices }: { wish: WishDetail; communityId: string; notices: TemplateName[] }) {
  const open = wish.status === 'open'
  return (
    <>
      <View className='card w-done' id='wish-posted' data-id={wish.id} data-status={wish.status}>
        <View className='w-done__icon'>✓</View>
        <Text className='w-done__title'>{open ? '已发布到心愿墙' : '已提交，社区审核后会出现在心愿墙'}</Text>
        <Text className='muted' id='wish-posted-notices'>
          {noticePromise(open, notices)}
        </Text>
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

/**
 * 一键报修, first: what it is about — six big tiles (the categories). A personal need a volunteer can meet is
 * better as a 微心愿: the form says so, with the way there.
 */
import { View, Text } from '@tarojs/components'
import type { RequestCategory } from '@contract/requests'
import { REQUEST_CATEGORIES, REQUEST_CATEGORY_LABELS } from '@contract/vocabulary'
import { go } from '../../../services/nav'
import { CATEGORY_TILES } from '../shared'

export function CategoryTiles({ onPick }: { onPick: (c: RequestCategory) => void }) {
  return (
    <>
      <View className='rq-lead'>
        <Text className='rq-lead__title'>遇到什么事了？</Text>
        <Text className='muted'>点一下，说清楚在哪、怎么了，网格员限时处理，进展随时看得到。</Text>
      </View>
      <View className='rq-tiles' id='request-tiles'>
        {REQUEST_CATEGORIES.map((c) => (
          <View key={c} className='rq-tile' data-category={c} hoverClass='rq-tile--hover' onClick={() => onPick(c)}>
            <View className='rq-tile__mark'>{CATEGORY_TILES[c].mark}</View>
            <Text className='rq-tile__text'>{REQUEST_CATEGORY_LABELS[c]}</Text>
            <Text className='rq-tile__hint'>{CATEGORY_TILES[c].hint}</Text>
          </View>
        ))}
      </View>
      <WishHint />
      <View className='rq-minor'>
        <Text className='link' id='request-mine-link' onClick={() => go('requests.mine')}>
          我的诉求 ›
        </Text>
      </View>
    </>
  )
}

/** 求助 or 微心愿: a problem someone must fix is a request; a small personal need a volunteer can meet is a wish. */
export function WishHint() {
  return (
    <View className='banner' id='request-wish-hint'>
      <Text>换灯泡、陪同就医这类个人的小需要，发个微心愿，党员志愿者来帮您。</Text>
      <Text className='link' onClick={() => go('wish.post')}>
        发微心愿 ›
      </Text>
    </View>
  )
}

import { View, Image } from '@tarojs/components'
import type { ItemView } from '@contract/points'
import { ITEM_KIND_MARK } from '../shared'

/** The item's first photo, or a big character for its kind. */
export function ItemPhoto({ item, className = 'mall-photo' }: { item: Pick<ItemView, 'photos' | 'kind'>; className?: string }) {
  return item.photos[0] ? (
    <Image className={className} src={item.photos[0]} mode='aspectFill' lazyLoad />
  ) : (
    <View className={`${className} mall-photo--mark`}>{ITEM_KIND_MARK[item.kind] ?? '物'}</View>
  )
}

export function stockText(item: Pick<ItemView, 'stock'>): string {
  return item.stock > 0 ? `剩 ${item.stock} 件` : '已兑完'
}


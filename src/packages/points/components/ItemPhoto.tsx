import type { ReactNode } from 'react'
import { View, Image, Text } from '@tarojs/components'
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

/** "剩 3 件 · 每人限 2 件" / "已兑完" (red); without the limit when `noLimit`. */
export function Stock({ item, noLimit }: { item: Pick<ItemView, 'stock' | 'perPersonLimit'>; noLimit?: boolean }) {
  return (
    <Text className={`mall-stock${item.stock > 0 ? '' : ' mall-stock--out'}`}>
      {stockText(item)}
      {!noLimit && item.perPersonLimit !== null ? ` · 每人限 ${item.perPersonLimit} 件` : ''}
    </Text>
  )
}

/** One item on a shelf (the residents' or the secretary's): photo, then the body the page gives. */
export function ItemRow({ item, out, onClick, children }: { item: ItemView; out: boolean; onClick: () => void; children: ReactNode }) {
  return (
    <View className={`mall-item${out ? ' mall-item--out' : ''}`} data-id={item.id} hoverClass='row--hover' onClick={onClick}>
      <ItemPhoto item={item} />
      <View className='mall-item__body'>{children}</View>
    </View>
  )
}

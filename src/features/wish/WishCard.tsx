/** One wish on the wall or in a list: photo or category mark, title, status, category, place, who. */
import type { ReactNode } from 'react'
import { View, Text, Image } from '@tarojs/components'
import type { WishCard as Card } from '@contract/wish'
import { categoryMark } from './shared'
import './wish-card.scss'

export function StatusChip({ status, label }: { status: Card['status']; label: string }) {
  return <Text className={`chip wish-chip wish-chip--${status}`}>{label}</Text>
}

export function WishCard({ wish, onClick, children }: { wish: Card; onClick?: () => void; children?: ReactNode }) {
  return (
    <View className='wish-card' data-id={wish.id} data-status={wish.status} hoverClass='row--hover' onClick={onClick}>
      <View className='wish-card__main'>
        {wish.photo ? (
          <Image className='wish-card__photo' src={wish.photo} mode='aspectFill' lazyLoad />
        ) : (
          <View className='wish-card__photo wish-card__photo--mark'>{categoryMark(wish.category)}</View>
        )}
        <View className='wish-card__body'>
          <Text className='wish-card__title'>{wish.title}</Text>
          <View className='wish-card__chips'>
            <StatusChip status={wish.status} label={wish.statusLabel} />
            <Text className='wish-card__cat'>{wish.category}</Text>
          </View>
          <Text className='wish-card__line'>
            {wish.place} · {wish.wisherName}
            {wish.onBehalf ? <Text className='wish-card__proxy'>楼栋长代发</Text> : null}
          </Text>
          {wish.claimerName && <Text className='wish-card__line wish-card__claimer'>认领人：{wish.claimerName}</Text>}
        </View>
      </View>
      {children}
    </View>
  )
}

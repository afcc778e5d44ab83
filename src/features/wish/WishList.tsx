/**
 * A paged list of wish cards (the wall, 我的心愿, the secretary's queues): each card opens the wish; a queue
 * adds a line under the card (`note`) and its buttons (`actions`, which do not open the card).
 */
import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import type { WishCard as Card } from '@contract/wish'
import { PagedList } from '../../components/PagedList'
import type { WayForward } from '../../components/EmptyState'
import type { usePaged } from '../../hooks/useQuery'
import { go } from '../../services/nav'
import { WishCard } from './WishCard'

export interface WishListProps {
  list: ReturnType<typeof usePaged<Card>>
  communityId: string
  id: string
  empty: string
  emptyAction?: WayForward
  note?: (w: Card) => string
  actions?: (w: Card) => ReactNode
}

export function WishList(props: WishListProps) {
  return (
    <PagedList
      list={props.list}
      id={props.id}
      className='wish-list'
      empty={props.empty}
      emptyAction={props.emptyAction}
      itemKey={(w) => w.id}
      renderItem={(w) => (
        <WishCard wish={w} onClick={() => go('wish.detail', { id: w.id, c: props.communityId })}>
          {props.note && <Text className='note wish-card__note'>{props.note(w)}</Text>}
          {props.actions && (
            <View className='wish-card__actions' onClick={(e) => e.stopPropagation()}>
              {props.actions(w)}
            </View>
          )}
        </WishCard>
      )}
    />
  )
}

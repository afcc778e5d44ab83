/**
 * A list paged by cursor (usePaged in src/hooks/useQuery.ts): 正在加载… at first, the error with 重试, the
 * EmptyState, the items, and the footer — 加载更多 / 正在加载更多… / 已经到底了 — with the next page also
 * loaded when the person scrolls to the bottom and the list reloaded on pull-down (when the page's
 * index.config.ts sets enablePullDownRefresh).
 *
 *   const list = usePaged(key, (cursor) => call('org.audit', { communityId, cursor, limit: 20 }))
 *   <PagedList list={list} id='audit-list' empty='还没有操作记录' itemKey={(a) => a.id} renderItem={(a) => <AuditEntry a={a} />} />
 */
import { Fragment, type ReactNode } from 'react'
import { View, Text, Button } from '@tarojs/components'
import { stopPullDownRefresh, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import type { usePaged } from '../hooks/useQuery'
import { Loading } from './Loading'
import { ErrorState } from './ErrorState'
import { EmptyState, type WayForward } from './EmptyState'

export interface PagedListProps<T> {
  list: ReturnType<typeof usePaged<T>>
  renderItem: (item: T, index: number) => ReactNode
  itemKey: (item: T) => string
  /** What to say when there is nothing (and a way forward). */
  empty: string
  emptyAction?: WayForward
  /** The footer once everything is shown; default 已经到底了. */
  doneText?: (count: number) => string
  /** The container (default a white card) and its id, for tests. */
  id?: string
  className?: string
}

export function PagedList<T>(props: PagedListProps<T>) {
  const { list } = props
  useReachBottom(() => list.loadMore())
  usePullDownRefresh(() => {
    list.reload()
    stopPullDownRefresh()
  })
  const hasItems = list.items.length > 0
  return (
    <View className={props.className ?? 'card'} id={props.id}>
      {list.error && !hasItems ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : !list.loaded ? (
        <Loading />
      ) : !hasItems ? (
        <EmptyState text={props.empty} action={props.emptyAction} />
      ) : (
        list.items.map((item, i) => <Fragment key={props.itemKey(item)}>{props.renderItem(item, i)}</Fragment>)
      )}
      {hasItems && (
        <View className='paged__more'>
          {list.loading ? (
            <Loading text='正在加载更多…' />
          ) : list.error ? (
            <ErrorState error={list.error} onRetry={list.loadMore} />
          ) : list.done ? (
            <Text className='note paged__done'>{props.doneText ? props.doneText(list.items.length) : '已经到底了'}</Text>
          ) : (
            <Button className='btn btn--block paged__load' onClick={list.loadMore}>
              加载更多
            </Button>
          )}
        </View>
      )}
    </View>
  )
}

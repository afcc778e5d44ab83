/**
 * A detail page that a share card opens (a wish, a topic): WeChat's share menu with its card (the thing's
 * title, its page with the id and community, its first photo), pull down to fetch it again, and the title bar
 * that follows what it shows (weapp; H5's bar takes the Guard's `title`).
 *
 *   useSharedPage(topic, {
 *     title: topic.data?.status === 'decided' ? '表决结果公示' : '议题详情',
 *     card: (t) => ({ title: t ? `议题：${t.title}` : '居民议事厅', path: `${ROUTES['council.topic']}?id=…&c=…`, imageUrl: t?.photos[0] }),
 *   })
 */
import { useEffect } from 'react'
import Taro, { stopPullDownRefresh, usePullDownRefresh, useShareAppMessage } from '@tarojs/taro'

export interface ShareCard {
  title: string
  path: string
  imageUrl?: string
}

export function useSharedPage<T>(query: { data: T | null; reload: () => void }, opts: { title: string; card: (data: T | null) => ShareCard }) {
  useEffect(() => {
    if (process.env.TARO_ENV === 'weapp')
      Taro.showShareMenu({ withShareTicket: true, menus: ['shareAppMessage', 'shareTimeline'] } as Parameters<typeof Taro.showShareMenu>[0])
  }, [])
  useShareAppMessage(() => {
    const card = opts.card(query.data)
    return { title: card.title, path: card.path, ...(card.imageUrl ? { imageUrl: card.imageUrl } : {}) }
  })
  usePullDownRefresh(() => {
    query.reload()
    stopPullDownRefresh()
  })
  useEffect(() => {
    if (query.data) Taro.setNavigationBarTitle({ title: opts.title })
  }, [query.data, opts.title])
}

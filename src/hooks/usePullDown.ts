import { stopPullDownRefresh, usePullDownRefresh } from '@tarojs/taro'

/**
 * Pull down to reload a page that is not a PagedList (which does this itself): each reload is called, then
 * the spinner stops. Needs enablePullDownRefresh in the page's index.config.ts.
 *
 *   usePullDown(detail.reload, posts.reload)
 */
export function usePullDown(...reloads: (() => void)[]) {
  usePullDownRefresh(() => {
    reloads.forEach((reload) => reload())
    stopPullDownRefresh()
  })
}

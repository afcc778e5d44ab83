/**
 * Which tab the current page is, if any, and which tab is showing. Every page calls it through PageShell:
 * when a tab page shows, it records itself in the store (`shownTab`), which is how the tab bar under each tab
 * page in weapp (src/custom-tab-bar, one instance per page) knows what to mark — the way WeChat's custom
 * tabBar guide has each page's onShow tell its tab bar.
 */
import { useDidShow, useRouter } from '@tarojs/taro'
import { setState } from '../services/store'
import { ROUTES, TABS, type RouteName } from '../routes'

/** The tab a page path belongs to ('/pages/home/index', 'pages/home/index?x=1'), or null. */
export function tabOf(path: string | undefined): RouteName | null {
  const clean = '/' + (path ?? '').replace(/^\/+/, '').replace(/\?.*$/, '')
  return TABS.find((t) => ROUTES[t.route] === clean)?.route ?? null
}

export function useShownTab(): RouteName | null {
  const { path } = useRouter()
  const tab = tabOf(path)
  useDidShow(() => {
    if (tab) setState({ shownTab: tab })
  })
  return tab
}

/**
 * The tab bar, drawn by the app so that elder mode 长辈模式 reaches it too (WeChat's own tab bar keeps its
 * 10 px labels whatever the app asks: setTabBarStyle sets colours only).
 *
 * weapp: app.config.ts sets `tabBar.custom: true`, so WeChat renders this component (`custom-tab-bar/index`,
 * which Taro compiles as a custom component of the main package) under every tab page, one instance per
 * page; the tabBar list stays declared in full, as WeChat asks. Each instance marks the tab page showing,
 * which each tab page records when it shows (src/hooks/useShownTab, through PageShell); until the first
 * one has, the page it was created under (the last of getCurrentPages).
 * H5: Taro's router draws no tab bar when `custom` is set and never loads this component (its H5 build has no
 * custom-tab-bar support), so PageShell renders `TabBar` on the tab pages.
 *
 * Icons are the tab bar's own files (src/assets/tab, drawn by config/tab-icons.ts), by path: in weapp they
 * are in the package because the tabBar list names them; the H5 build copies them (config/index.ts). Labels
 * and icons grow in elder mode; pages keep room for the bar (`.page` padding-bottom in app.scss).
 */
import { useState } from 'react'
import { View, Image, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useElderMode } from '../hooks/useElderMode'
import { tabOf } from '../hooks/useShownTab'
import { useStore } from '../hooks/useStore'
import { go } from '../services/nav'
import { TABS, type RouteName } from '../routes'
import './index.scss'

export function TabBar({ current }: { current: RouteName | null }) {
  const { elder } = useElderMode()
  return (
    <View className={`tab-bar${elder ? ' tab-bar--elder' : ''}`} id='tab-bar'>
      {TABS.map((t) => {
        const on = t.route === current
        return (
          <View key={t.route} className={`tab-bar__item${on ? ' tab-bar__item--on' : ''}`} data-route={t.route} onClick={() => go(t.route)}>
            <Image className='tab-bar__icon' src={`/assets/tab/${t.icon}${on ? '-active' : ''}.png`} mode='aspectFit' />
            <Text className='tab-bar__label'>{t.text}</Text>
          </View>
        )
      })}
    </View>
  )
}

function tabOfCurrentPage(): RouteName | null {
  const pages = Taro.getCurrentPages()
  return tabOf(pages[pages.length - 1]?.route)
}

/** weapp: the custom-tab-bar component WeChat places under each tab page. */
export default function CustomTabBar() {
  const shown = useStore((s) => s.shownTab)
  const [createdUnder] = useState(tabOfCurrentPage)
  return <TabBar current={shown ?? createdUnder} />
}
// Taro's createComponentConfig copies these statics into the Component() definition, defaulting to `{}`;
// WeChat documents both as arrays (and WeChat's own component test tool refuses anything else).
CustomTabBar.behaviors = [] as string[]
CustomTabBar.externalClasses = [] as string[]

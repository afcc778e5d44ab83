/**
 * H5 only: the title bar WeChat draws natively — the page's title (its index.config.ts
 * navigationBarTitleText, or PageShell's `title`) and a back arrow. The arrow goes back when there is a
 * page to go back to, else (a sub-page opened by its address) to 首页. Tab pages have no bar: the tab bar
 * is their way around. PageShell includes this file only when TARO_ENV is 'h5', so the weapp build never
 * contains it. Test hooks: #nav-bar, #nav-back, #nav-title.
 */
import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { getCurrentInstance } from '@tarojs/taro'
import { ROUTES, TAB_ROUTES } from '../routes'
import './NavBar.scss'

const TAB_PATHS = TAB_ROUTES.map((r) => ROUTES[r])

/** The current page's path without query, and its configured title (read once, when the page mounts). */
function currentPage(): { path: string; title: string } {
  const page = getCurrentInstance().page as { route?: string; path?: string; config?: { navigationBarTitleText?: string } } | null | undefined
  const raw = page?.route ?? page?.path ?? ''
  const path = '/' + raw.replace(/^\//, '').split('?')[0]
  return { path, title: page?.config?.navigationBarTitleText ?? '' }
}

function back() {
  if (Taro.getCurrentPages().length > 1) Taro.navigateBack()
  else Taro.reLaunch({ url: ROUTES.home })
}

export default function NavBar({ title }: { title?: string }) {
  const [page] = useState(currentPage)
  if (TAB_PATHS.some((p) => p === page.path)) return null
  const text = title ?? page.title
  return (
    <View className='nav-bar' id='nav-bar'>
      <View className='nav-bar__back' id='nav-back' aria-label='返回' onClick={back}>
        <View className='nav-bar__arrow' />
      </View>
      <Text className='nav-bar__title' id='nav-title'>
        {text}
      </Text>
    </View>
  )
}

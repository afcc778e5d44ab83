/**
 * Every page's container: applies elder mode (root class `elder`), shows the consent banner
 * and modal, and in the H5 build the title bar with its back arrow (NavBar: WeChat draws its own),
 * on tab pages the tab bar (src/custom-tab-bar: WeChat draws it in weapp, Taro's H5 router does not)
 * and, in local mode, the identity switcher. `title` overrides the page's navigationBarTitleText
 * in the H5 bar (in weapp call Taro.setNavigationBarTitle for a title that changes).
 */
import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { useElderMode } from '../hooks/useElderMode'
import { useSession } from '../hooks/useSession'
import { useShownTab } from '../hooks/useShownTab'
import type { RouteName } from '../routes'
import { ConsentBanner, PrivacyConsent } from './PrivacyConsent'

// Dead code in the weapp build: the require is dropped with the branch.

const IdSwitcher: (() => JSX.Element) | null = process.env.TARO_ENV === 'h5' ? require('./IdSwitcher').default : null

const NavBar: ((p: { title?: string }) => JSX.Element | null) | null = process.env.TARO_ENV === 'h5' ? require('./NavBar').default : null
// H5 only: Taro's H5 router does not render custom-tab-bar, so tab pages draw it themselves (weapp: WeChat does).

const TabBar: ((p: { current: RouteName }) => JSX.Element) | null = process.env.TARO_ENV === 'h5' ? require('../custom-tab-bar').TabBar : null

export function PageShell({ children, className = '', title }: { children: ReactNode; className?: string; title?: string }) {
  const { elder } = useElderMode()
  useSession()
  const tab = useShownTab()
  return (
    <View className={`page ${elder ? 'elder' : 'normal'} ${className}`}>
      {NavBar && <NavBar title={title} />}
      <ConsentBanner />
      {children}
      <PrivacyConsent />
      {IdSwitcher && <IdSwitcher />}
      {TabBar && tab && <TabBar current={tab} />}
    </View>
  )
}

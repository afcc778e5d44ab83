/**
 * Every page's container: applies elder mode (root class `elder`), shows the consent banner
 * and modal, and in local mode (H5) the identity switcher.
 */
import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { useElderMode } from '../hooks/useElderMode'
import { useSession } from '../hooks/useSession'
import { ConsentBanner, PrivacyConsent } from './PrivacyConsent'

// Dead code in the weapp build: the require is dropped with the branch.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const IdSwitcher: (() => JSX.Element) | null = process.env.TARO_ENV === 'h5' ? require('./IdSwitcher').default : null

export function PageShell({ children, className = '' }: { children: ReactNode; className?: string }) {
  const { elder } = useElderMode()
  useSession()
  return (
    <View className={`page ${elder ? 'elder' : 'normal'} ${className}`}>
      <ConsentBanner />
      {children}
      <PrivacyConsent />
      {IdSwitcher && <IdSwitcher />}
    </View>
  )
}
